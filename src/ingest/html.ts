/**
 * Article extraction from a web page: Mozilla's Readability on a linkedom DOM finds the body; the
 * metadata comes from what publishers actually fill in (JSON-LD, OpenGraph/article meta, <time>, canonical).
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export interface ExtractedPage {
  title: string;
  byline: string | null;
  published: string | null;
  modified: string | null;
  siteName: string | null;
  language: string | null;
  url: string | null;
  canonicalUrl: string | null;
  text: string;
}

type Document = ReturnType<typeof parseHTML>['document'];

/** Block elements whose text forms a paragraph of its own in the extracted body. */
const BLOCK_SELECTOR = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td, dd, dt, figcaption';

function normaliseSpace(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Paragraph text of an HTML fragment: one paragraph per innermost block element, blank lines between. */
export function htmlToParagraphs(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const blocks = [...document.querySelectorAll(BLOCK_SELECTOR)].filter(
    (element) => !element.querySelector(BLOCK_SELECTOR),
  );
  const paragraphs = (blocks.length > 0 ? blocks : [document.body])
    .map((element) => normaliseSpace(element.textContent ?? ''))
    .filter((text) => text !== '');
  return paragraphs.join('\n\n');
}

function meta(document: Document, ...keys: string[]): string | null {
  for (const key of keys) {
    const element =
      document.querySelector(`meta[property="${key}"]`) ?? document.querySelector(`meta[name="${key}"]`);
    const content = element?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return null;
}

interface JsonLdArticle {
  headline?: string;
  datePublished?: string;
  dateModified?: string;
  author?: unknown;
  publisher?: unknown;
  inLanguage?: string;
  url?: string;
}

const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|BlogPosting|AnalysisNewsArticle|WebPage)$/;

/** The first JSON-LD object typed as an article, looking inside arrays and `@graph`. */
function jsonLdArticle(document: Document): JsonLdArticle | null {
  const queue: unknown[] = [];
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      queue.push(JSON.parse(script.textContent ?? ''));
    } catch {
      // Broken JSON-LD is common on the web; the other metadata sources still apply.
    }
  }
  while (queue.length > 0) {
    const item = queue.shift();
    if (Array.isArray(item)) queue.push(...item);
    else if (item && typeof item === 'object') {
      const record = item as Record<string, unknown>;
      const types = [record['@type']].flat().map(String);
      if (types.some((type) => ARTICLE_TYPES.test(type))) return record as JsonLdArticle;
      if (record['@graph']) queue.push(record['@graph']);
    }
  }
  return null;
}

function nameOf(value: unknown): string | null {
  const first = [value].flat()[0];
  if (typeof first === 'string') return first;
  if (first && typeof first === 'object' && 'name' in first && typeof first.name === 'string')
    return first.name;
  return null;
}

export function extractHtml(html: string, url?: string): ExtractedPage {
  const { document } = parseHTML(html);
  const ld = jsonLdArticle(document);
  const canonicalUrl = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  const timeElement = document.querySelector('time[datetime]')?.getAttribute('datetime') ?? null;
  const language = document.documentElement?.getAttribute('lang') ?? ld?.inLanguage ?? null;
  // Readability mutates the DOM it reads, so it runs last on this document.
  const readable = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], {
    charThreshold: 200,
  }).parse();
  const title =
    ld?.headline ?? meta(document, 'og:title', 'twitter:title') ?? readable?.title ?? document.title ?? '';
  return {
    title: normaliseSpace(title),
    byline: nameOf(ld?.author) ?? meta(document, 'author', 'article:author') ?? readable?.byline ?? null,
    published:
      ld?.datePublished ??
      meta(document, 'article:published_time', 'og:published_time', 'date') ??
      timeElement,
    modified: ld?.dateModified ?? meta(document, 'article:modified_time', 'og:updated_time'),
    siteName: meta(document, 'og:site_name') ?? nameOf(ld?.publisher) ?? readable?.siteName ?? null,
    language: language ? language.slice(0, 2).toLowerCase() : null,
    url: url ?? meta(document, 'og:url') ?? ld?.url ?? canonicalUrl,
    canonicalUrl,
    text: readable?.content ? htmlToParagraphs(readable.content) : '',
  };
}
