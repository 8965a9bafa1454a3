/**
 * The article body of a page: clean the DOM of furniture (clean.ts), let Mozilla's Readability find the
 * article container, cut its text into blocks (blocks.ts) and drop the furniture left inside it (filters.ts).
 */
import { Readability } from '@mozilla/readability';
import { toBlocks, type Block } from './blocks.js';
import { cleanDocument } from './clean.js';
import type { DomDocument, DomElement } from './dom.js';
import { classifyBlocks } from './filters.js';

type ReadabilityDocument = ConstructorParameters<typeof Readability>[0];

export interface ReadableResult {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  content: DomElement | null;
}

/**
 * Readability's own threshold for "an article was found" (characters). Its default, 500, makes it retry with
 * its cleaning rules relaxed when the first attempt returns less, which recovers bodies that its conditional
 * cleaning threw out with the furniture (a short caption then wins over the article).
 */
const CHAR_THRESHOLD = 500;

/** Readability on the (cleaned) document; its content comes back as the element itself, not HTML to re-parse. */
export function runReadability(document: DomDocument): ReadableResult | null {
  try {
    const result = new Readability<DomElement>(document as unknown as ReadabilityDocument, {
      charThreshold: CHAR_THRESHOLD,
      // Its last pass strips class names from the whole article; the blocks never read them.
      keepClasses: true,
      serializer: (node) => node as unknown as DomElement,
    }).parse();
    if (!result) return null;
    return {
      title: result.title ?? null,
      byline: result.byline ?? null,
      siteName: result.siteName ?? null,
      content: result.content ?? null,
    };
  } catch {
    // Readability is a heuristic over arbitrary markup; a page it cannot handle has no extracted body.
    return null;
  }
}

export interface BodyExtraction {
  readable: ReadableResult | null;
  /** Every block of the article container, with the reason it was dropped (null: kept). */
  blocks: Array<Block & { dropped: string | null }>;
}

/** Extracts the body from a parsed page. Mutates the document (cleaning, and Readability's own changes). */
export function extractBody(document: DomDocument, title: string | null = null): BodyExtraction {
  cleanDocument(document);
  const readable = runReadability(document);
  const blocks = readable?.content ? toBlocks(readable.content) : [];
  const reasons = classifyBlocks(blocks, title);
  return { readable, blocks: blocks.map((block, index) => ({ ...block, dropped: reasons[index] ?? null })) };
}
