/**
 * From a DOM subtree to paragraphs ("blocks"): one block per run of text between block-level boundaries
 * (block elements and `<br>`), each with how much of its text sits inside links and which element holds it,
 * which the block filters use. The walk is iterative, so a pathologically deep DOM cannot overflow the stack.
 */
import { isElement, normaliseSpace, TEXT_NODE, type DomElement, type DomNode } from './dom.js';

export interface Block {
  text: string;
  /** Words of `text` (wordCount): the unit of the filters' length thresholds, counted once per block. */
  words: number;
  /** Characters of `text` (before whitespace normalisation) that sit inside `<a>`. */
  linkChars: number;
  /** Characters of raw text, for the link-density ratio. */
  rawChars: number;
  /** The innermost block element holding the text ('' when directly under the root). */
  tag: string;
  /** Inside a list item (or definition list), a heading, a blockquote, a table (at any depth). */
  inList: boolean;
  heading: boolean;
  quote: boolean;
  inTable: boolean;
}

/**
 * Elements that end one paragraph and begin another (HTML's block-level and sectioning elements). A table row
 * is one block, its cells separated by spaces: a row reads as a line ("1 Kyle Busch 5040 5"), cells alone do not.
 */
const BLOCK_TAGS = new Set(
  (
    'address article aside blockquote body center dd details dialog dir div dl dt fieldset figcaption figure footer ' +
    'form h1 h2 h3 h4 h5 h6 header hgroup hr li main menu nav ol p pre section summary table tbody thead tfoot tr ul ' +
    'caption legend option'
  ).split(' '),
);

/** Elements whose text is never prose: code, styling, form controls, embedded media fallbacks. */
const SKIPPED_TAGS = new Set(
  'script style noscript template svg math select option button textarea iframe object embed canvas video audio'.split(
    ' ',
  ),
);

const HEADING = /^h[1-6]$/;

interface Frame {
  node: DomNode;
  exit: boolean;
}

export function toBlocks(root: DomElement): Block[] {
  const blocks: Block[] = [];
  let parts: string[] = [];
  let linkChars = 0;
  let rawChars = 0;
  const blockStack: string[] = [];
  let anchors = 0;
  let lists = 0;
  let headings = 0;
  let quotes = 0;
  let tables = 0;

  const flush = (): void => {
    if (parts.length > 0) {
      const text = normaliseSpace(parts.join(''));
      if (text !== '') {
        blocks.push({
          text,
          words: wordCount(text),
          linkChars,
          rawChars,
          tag: blockStack[blockStack.length - 1] ?? '',
          inList: lists > 0,
          heading: headings > 0,
          quote: quotes > 0,
          inTable: tables > 0,
        });
      }
    }
    parts = [];
    linkChars = 0;
    rawChars = 0;
  };

  const stack: Frame[] = [];
  const pushChildren = (node: DomNode): void => {
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push({ node: child, exit: false });
    }
  };
  pushChildren(root);

  while (stack.length > 0) {
    const frame = stack.pop();
    if (!frame) break;
    const { node } = frame;
    if (node.nodeType === TEXT_NODE) {
      const text = node.textContent ?? '';
      parts.push(text);
      const length = text.trim().length;
      rawChars += length;
      if (anchors > 0) linkChars += length;
      continue;
    }
    if (!isElement(node)) continue;
    const tag = node.localName;
    if (frame.exit) {
      if (BLOCK_TAGS.has(tag)) {
        flush();
        blockStack.pop();
      }
      if (tag === 'a') anchors--;
      if (tag === 'li' || tag === 'dd' || tag === 'dt') lists--;
      if (HEADING.test(tag)) headings--;
      if (tag === 'blockquote') quotes--;
      if (tag === 'table') tables--;
      continue;
    }
    if (SKIPPED_TAGS.has(tag)) continue;
    if (tag === 'br' || tag === 'hr') {
      flush();
      continue;
    }
    if (tag === 'img') continue;
    if (tag === 'td' || tag === 'th') parts.push(' ');
    if (BLOCK_TAGS.has(tag)) {
      flush();
      blockStack.push(tag);
    }
    if (tag === 'a') anchors++;
    if (tag === 'li' || tag === 'dd' || tag === 'dt') lists++;
    if (HEADING.test(tag)) headings++;
    if (tag === 'blockquote') quotes++;
    if (tag === 'table') tables++;
    stack.push({ node, exit: true });
    pushChildren(node);
  }
  flush();
  return blocks;
}

/** Share of a block's characters that are link text. */
export const linkDensity = (block: Block): number =>
  block.rawChars === 0 ? 0 : block.linkChars / block.rawChars;

/** Han ideographs and Japanese kana, which are written without spaces between words. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

/**
 * Words of a text, the unit of the length thresholds: runs of letters or digits, except that in scripts
 * written without spaces (Chinese, Japanese) every two characters count as a word, about their average length.
 */
export function wordCount(text: string): number {
  const unspaced = text.match(UNSPACED)?.length ?? 0;
  const spaced = text.replace(UNSPACED, ' ').match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  return spaced + Math.ceil(unspaced / 2);
}
