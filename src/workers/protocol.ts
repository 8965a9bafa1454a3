/** Messages between the ingest loop and its analysis workers. */
import type { ArticleOptions } from '../ingest/article.js';
import type { Analysis, Article, ArticleInput } from '../model/schema.js';

export interface AnalysisJob {
  seq: number;
  origin: string;
  /** An article already built (text input, whose identity the main thread checked), … */
  article?: Article;
  /** … or raw input to build in the worker (HTML, whose extraction is worth a core). */
  input?: ArticleInput;
  options?: ArticleOptions;
}

export interface AnalysisResult {
  seq: number;
  analysis?: Analysis;
  error?: { origin: string; reason: string };
}

/** The user's own dictionary files (--actors, --verbs, --themes), which every worker loads as well. */
export interface UserFiles {
  actorFiles: string[];
  patternFiles: string[];
  themeFiles: string[];
}
