/**
 * Article extraction from a web page. The metadata comes from what publishers actually fill in (JSON-LD,
 * OpenGraph/article meta, <time>, canonical, <html lang>; see extract/metadata.ts). The body: the DOM is
 * cleaned of page furniture (extract/clean.ts), Mozilla's Readability on linkedom finds the article container,
 * its text is cut into paragraphs at block boundaries (extract/blocks.ts), and small named filters drop the
 * furniture left inside the container (extract/filters.ts). Measured against hand-made article bodies of
 * real pages by `npm run eval:extract` (scripts/eval-extract.ts).
 */
import { InputError } from './errors.js';
import { toBlocks } from './extract/blocks.js';
import { extractBody } from './extract/body.js';
import { parseDocument } from './extract/dom.js';
import { extractMetadata, type PageMetadata } from './extract/metadata.js';

/** A page's metadata as the article takes it (the headline always set), with its extracted body text. */
export type ExtractedPage = Omit<PageMetadata, 'title' | 'documentTitle' | 'articleBody'> & {
  title: string;
  text: string;
};

/** Paragraph text of an HTML fragment: one paragraph per block of text, blank lines between. */
export function htmlToParagraphs(html: string): string {
  const document = parseDocument(`<!doctype html><html><body>${html}</body></html>`);
  if (!document.body) return '';
  return toBlocks(document.body)
    .map((block) => block.text)
    .join('\n\n');
}

/**
 * Pages longer than this (in characters, about bytes) are refused: extraction time grows with the DOM,
 * about a second per megabyte, and no article page is that large (the 91 pages of extraction-dev are
 * 130 KB on average). It is the fetch and WARC record limit too.
 */
export const MAX_HTML_CHARS = 10 * 1024 * 1024;

/** Refuses a page too large to extract in bounded time, naming the input and its size. */
export function checkHtmlSize(html: string, origin: string): void {
  if (html.length > MAX_HTML_CHARS)
    throw new InputError(
      origin,
      `HTML page of ${(html.length / 2 ** 20).toFixed(1)} MB exceeds the ${MAX_HTML_CHARS / 2 ** 20} MB limit (skipped)`,
    );
}

export function extractHtml(html: string, url?: string): ExtractedPage {
  const document = parseDocument(html);
  const metadata = extractMetadata(document, url);
  const { readable, blocks } = extractBody(document, metadata.title ?? metadata.documentTitle);
  let text = blocks
    .filter((block) => !block.dropped)
    .map((block) => block.text)
    .join('\n\n');
  text = withJsonLdFallback(text, metadata.articleBody);
  return {
    title: metadata.title ?? (readable?.title?.trim() || metadata.documentTitle) ?? '',
    byline: metadata.byline ?? readable?.byline ?? null,
    published: metadata.published,
    modified: metadata.modified,
    siteName: metadata.siteName ?? readable?.siteName ?? null,
    language: metadata.language,
    url: metadata.url,
    canonicalUrl: metadata.canonicalUrl,
    text,
  };
}

/**
 * The publisher's own JSON-LD `articleBody` replaces the extracted text when that is much shorter: the
 * extraction then missed most of the article (a body split over containers, or rendered by script), while
 * a stated body is the whole text, if without paragraph breaks.
 */
function withJsonLdFallback(text: string, articleBody: string | null): string {
  if (!articleBody) return text;
  // Some publishers put the body's HTML (or entities) in articleBody; others plain text with line breaks.
  const stated = /<[a-z][^>]*>|&[#\w]+;/i.test(articleBody)
    ? htmlToParagraphs(articleBody)
    : articleBody
        .split(/\r?\n/)
        .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
        .filter((line) => line !== '')
        .join('\n\n');
  return stated.length > 2 * text.length ? stated : text;
}
