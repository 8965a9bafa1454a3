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

/**
 * A tag: `</`?, its name, the rest up to `>` (self-closing when that rest ends in `/`). The rest is matched
 * greedily and tested afterwards, not as a lazy group and an optional `/`: a lazy group retries at every
 * character, and this runs over every page.
 */
const TAG = /<(\/?)([a-zA-Z][\w:-]*)([^>]*)>/g;

/** How a tag changes the depth: +1 opens, -1 closes, 0 neither (void or self-closing). */
function step(close: string, name: string, rest: string): number {
  if (close) return -1;
  return rest.endsWith('/') || VOID.has(name.toLowerCase()) ? 0 : 1;
}

function deepestNesting(html: string): number {
  let depth = 0;
  let deepest = 0;
  TAG.lastIndex = 0;
  for (let match = TAG.exec(html); match; match = TAG.exec(html)) {
    depth = Math.max(0, depth + step(match[1] ?? '', match[2] ?? '', match[3] ?? ''));
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

/** The markup with every tag below `maxDepth` levels replaced by a space (its text stays where it was). */
export function limitNesting(html: string, maxDepth = MAX_MARKUP_DEPTH): string {
  if (deepestNesting(html) <= maxDepth) return html;
  let depth = 0;
  return html.replace(TAG, (tag, close: string, name: string, rest: string) => {
    const change = step(close, name, rest);
    // A closing tag is judged at the depth of the element it closes, an opening one at its own.
    const level = change < 0 ? depth : depth + change;
    depth = Math.max(0, depth + change);
    return level > maxDepth ? ' ' : tag;
  });
}
