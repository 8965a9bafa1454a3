/**
 * The highlighter: turns a text and annotated character ranges (offsets into that text) into DOM, safely.
 * Annotations on the same range merge into one element; overlapping ones nest, and one that crosses the
 * end of another is split in two, so the output is always a proper tree of spans over text nodes.
 * Each element carries its explanation in `data-tip` (see tooltip.ts) and its keys in `data-keys`, so
 * side lists can find and flash every mention.
 */
export type AnnotationKind =
  'evidence' | 'quote' | 'theme' | 'entity' | 'actor' | 'place' | 'source' | 'target' | 'trigger';

export interface Annotation {
  start: number;
  end: number;
  kind: AnnotationKind;
  /** Lines of explanation, shown on hover and focus. */
  tip?: string;
  /** Identifiers shared by every mention of one thing, e.g. "actor:person:xi-jinping". */
  keys?: string[];
  /** Whether keyboard users can tab to it (short spans only: names, places, triggers). */
  focusable?: boolean;
}

/** Outer kinds first when ranges start together: a sentence contains a name, a name contains nothing. */
const DEPTH: Record<AnnotationKind, number> = {
  evidence: 0,
  quote: 1,
  theme: 2,
  entity: 3,
  actor: 3,
  place: 3,
  source: 3,
  target: 3,
  trigger: 4,
};

interface Merged {
  start: number;
  end: number;
  kinds: Set<AnnotationKind>;
  tips: string[];
  keys: Set<string>;
  focusable: boolean;
  depth: number;
}

interface Piece {
  item: Merged;
  start: number;
  end: number;
  /** The first piece of a split annotation is the one keyboard focus stops at. */
  first: boolean;
}

interface TreeNode extends Piece {
  children: TreeNode[];
}

function merge(text: string, annotations: Annotation[]): Merged[] {
  const byRange = new Map<string, Merged>();
  for (const annotation of annotations) {
    const start = Math.max(0, Math.min(annotation.start, text.length));
    const end = Math.max(start, Math.min(annotation.end, text.length));
    if (end <= start) continue;
    const key = `${start}:${end}`;
    let merged = byRange.get(key);
    if (!merged) {
      merged = { start, end, kinds: new Set(), tips: [], keys: new Set(), focusable: false, depth: 9 };
      byRange.set(key, merged);
    }
    merged.kinds.add(annotation.kind);
    if (annotation.tip && !merged.tips.includes(annotation.tip)) merged.tips.push(annotation.tip);
    for (const id of annotation.keys ?? []) merged.keys.add(id);
    merged.focusable ||= annotation.focusable ?? false;
    merged.depth = Math.min(merged.depth, DEPTH[annotation.kind]);
  }
  return [...byRange.values()];
}

const order = (x: Piece, y: Piece): number =>
  x.start - y.start || y.end - x.end || x.item.depth - y.item.depth;

function insertSorted(queue: Piece[], piece: Piece): void {
  let low = 0;
  let high = queue.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (order(queue[middle]!, piece) <= 0) low = middle + 1;
    else high = middle;
  }
  queue.splice(low, 0, piece);
}

/** Builds the nesting tree, splitting any piece that crosses the end of the one it starts in. */
function buildTree(text: string, merged: Merged[]): TreeNode {
  const root: TreeNode = {
    item: merged[0]!,
    start: 0,
    end: text.length,
    first: false,
    children: [],
  };
  const queue: Piece[] = merged.map((item) => ({ item, start: item.start, end: item.end, first: true }));
  queue.sort(order);
  const stack: TreeNode[] = [root];
  while (queue.length > 0) {
    const piece = queue.shift()!;
    while (stack.length > 1 && piece.start >= stack[stack.length - 1]!.end) stack.pop();
    const parent = stack[stack.length - 1]!;
    if (piece.end <= parent.end) {
      const node: TreeNode = { ...piece, children: [] };
      parent.children.push(node);
      stack.push(node);
    } else {
      const head: TreeNode = { ...piece, end: parent.end, children: [] };
      parent.children.push(head);
      stack.push(head);
      insertSorted(queue, { item: piece.item, start: parent.end, end: piece.end, first: false });
    }
  }
  return root;
}

function renderNode(text: string, node: TreeNode, into: Node): void {
  let cursor = node.start;
  for (const child of node.children) {
    if (child.start > cursor) into.appendChild(document.createTextNode(text.slice(cursor, child.start)));
    const element = document.createElement('span');
    element.className = ['hl', ...[...child.item.kinds].map((kind) => `hl-${kind}`)].join(' ');
    if (child.item.tips.length > 0) element.dataset.tip = child.item.tips.join('\n\n');
    if (child.item.keys.size > 0) element.dataset.keys = [...child.item.keys].join(' ');
    if (child.item.focusable && child.first) element.tabIndex = 0;
    if (!child.first) element.classList.add('hl-continued');
    renderNode(text, child, element);
    into.appendChild(element);
    cursor = child.end;
  }
  if (node.end > cursor) into.appendChild(document.createTextNode(text.slice(cursor, node.end)));
}

/** The text as DOM, with each annotation a span (split where annotations cross). */
export function highlight(text: string, annotations: Annotation[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const merged = merge(text, annotations);
  if (merged.length === 0) {
    fragment.appendChild(document.createTextNode(text));
    return fragment;
  }
  renderNode(text, buildTree(text, merged), fragment);
  return fragment;
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * Every whole-word occurrence of `needle` in `text` (case-sensitive), for texts without offsets:
 * "Belarus" is found in "Belarus and …" but not inside "Belarusian".
 */
export function findAll(text: string, needle: string): Array<{ start: number; end: number }> {
  const ranges: Array<{ start: number; end: number }> = [];
  if (!needle) return ranges;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    const before = text.charAt(at - 1);
    const after = text.charAt(at + needle.length);
    if ((before && WORD_CHARACTER.test(before)) || (after && WORD_CHARACTER.test(after))) continue;
    ranges.push({ start: at, end: at + needle.length });
    at += needle.length - 1;
  }
  return ranges;
}

/** Brings every element of a key into view and flashes it; focuses the first one. */
export function flashKey(scope: HTMLElement, key: string): boolean {
  const elements = [...scope.querySelectorAll<HTMLElement>(`[data-keys~="${CSS.escape(key)}"]`)];
  if (elements.length === 0) return false;
  for (const element of elements) {
    element.classList.remove('flash');
    // Restart the animation.
    void element.offsetWidth;
    element.classList.add('flash');
    window.setTimeout(() => element.classList.remove('flash'), 1800);
  }
  const first = elements[0]!;
  if (!first.hasAttribute('tabindex')) first.tabIndex = -1;
  first.focus({ preventScroll: true });
  first.scrollIntoView({ block: 'center', behavior: 'smooth' });
  return true;
}
