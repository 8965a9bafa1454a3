/**
 * A guard in front of the HTML parser. linkedom (and Readability after it) take seconds per ten thousand
 * levels of nesting, so a hostile page of 100,000 nested `<div>`s would hold a batch for minutes. Tags
 * nested deeper than MAX_MARKUP_DEPTH are dropped from the markup before parsing, their text kept; real
 * pages stay far below it, and are passed through untouched (the guard only counts).
 */

/** Far above any real page (clean.ts flattens below 120 levels anyway), far below what costs seconds. */
export const MAX_MARKUP_DEPTH = 1000;

/** Elements that never hold children, so they open no level. */
const VOID = new Set('area base br col embed hr img input link meta param source track wbr'.split(' '));

const TAG = /<(\/?)([a-zA-Z][\w:-]*)(?:[^>]*?)(\/?)>/g;

/** How a tag changes the depth: +1 opens, -1 closes, 0 neither (void or self-closing). */
function step(close: string, name: string, selfClosing: string): number {
  if (close) return -1;
  return selfClosing || VOID.has(name.toLowerCase()) ? 0 : 1;
}

function deepestNesting(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const [, close = '', name = '', selfClosing = ''] of html.matchAll(TAG)) {
    depth = Math.max(0, depth + step(close, name, selfClosing));
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

/** The markup with every tag below `maxDepth` levels replaced by a space (its text stays where it was). */
export function limitNesting(html: string, maxDepth = MAX_MARKUP_DEPTH): string {
  if (deepestNesting(html) <= maxDepth) return html;
  let depth = 0;
  return html.replace(TAG, (tag, close: string, name: string, selfClosing: string) => {
    const change = step(close, name, selfClosing);
    // A closing tag is judged at the depth of the element it closes, an opening one at its own.
    const level = change < 0 ? depth : depth + change;
    depth = Math.max(0, depth + change);
    return level > maxDepth ? ' ' : tag;
  });
}
