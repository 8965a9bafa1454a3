/**
 * Stories: near-duplicate articles grouped at ingest. A wire story reprinted by many outlets with small
 * edits is one story; its first article is analysed and stored, every later copy is stored as a copy of
 * it (its own URL, source, title and date) and not analysed again, so downstream counts (events,
 * barometer, themes) see the story once while merged events count every copy (GDELT's NumArticles and
 * NumSources). Grouping is MinHash with LSH over word shingles (src/ingest/dedup.ts); the signatures
 * are stored, so that a later run recognises copies of what an earlier one stored. The index keeps a
 * window of the most recent articles (DEFAULT_CAPACITY, 50,000: hours of a GDELT-sized day, in about
 * 75 MB), so that its memory is flat however long a run or a store grows; a copy of an older story
 * starts a story of its own.
 */
import {
  DEFAULT_CAPACITY,
  NearDuplicateIndex,
  SIGNATURE_SCHEME,
  signature,
  signatureFromBuffer,
  signatureToBuffer,
  type NearDuplicateOptions,
} from './ingest/dedup.js';
import type { Article } from './model/schema.js';
import type { Store, StoryCopy, StorySignature } from './store/store.js';

/**
 * Texts with fewer distinct 5-word shingles (about 20 words) are not grouped: a one-line item is an
 * event report in itself, and two such items agree on most shingles by chance far more often than two
 * articles do.
 */
export const MIN_STORY_SHINGLES = 16;

export interface Placement {
  /** Set when the article is a copy of a story already read: store it as this, not as an analysis. */
  copy?: StoryCopy;
  /** The article's signature, to store with it (absent for texts too short to group). */
  signature?: StorySignature;
}

export class StoryGrouper {
  private readonly index: NearDuplicateIndex;

  private constructor(options: NearDuplicateOptions) {
    this.index = new NearDuplicateIndex(options);
  }

  /**
   * Starts from the most recent signatures already in the store (as many as the index keeps), keeping
   * the stories they were given.
   */
  static async open(store: Store, options: NearDuplicateOptions = {}): Promise<StoryGrouper> {
    const grouper = new StoryGrouper(options);
    const window = options.capacity ?? DEFAULT_CAPACITY;
    for (const row of await store.storySignatures(SIGNATURE_SCHEME, window))
      grouper.index.addSignature(
        row.articleId,
        signatureFromBuffer(row.signature, row.shingles),
        row.storyId,
      );
    return grouper;
  }

  /** Finds the story an article belongs to (remembering it): a new story, or a copy of a known one. */
  place(article: Article): Placement {
    const sig = signature(article.text);
    if (sig.shingles < MIN_STORY_SHINGLES) return {};
    const { groupId, duplicateOf, similarity } = this.index.addSignature(article.id, sig);
    const stored: StorySignature = {
      articleId: article.id,
      storyId: groupId,
      scheme: SIGNATURE_SCHEME,
      shingles: sig.shingles,
      signature: signatureToBuffer(sig),
    };
    if (duplicateOf === undefined || groupId === article.id) return { signature: stored };
    const { id, url, title, published, source, language } = article;
    const copy = { id, storyId: groupId, url, title, published, source, language };
    return { signature: stored, copy: { ...copy, similarity: similarity ?? 0 } };
  }
}
