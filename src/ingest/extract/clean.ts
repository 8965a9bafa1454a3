/**
 * Cleans a page's DOM before Readability looks for the article: removes what is never article text (code,
 * forms, embedded media), page furniture by its element (`<nav>`, `<aside>`, `<figure>`…) and by the names
 * publishers give it (class, id, role, aria-label: share bars, newsletter prompts, related links, comments,
 * cookie banners, captions, credits…), and hidden elements. Readability alone keeps much of this when it sits
 * inside the article container. Each rule is a small named list with the reason it exists, in trafilatura's way.
 *
 * One guard covers every rule that is not about code: the element holding the most paragraph text (and its
 * ancestors) is never removed, because a wrapper named `content-with-sidebar` or `post tag-politics` is the
 * article, not furniture.
 */
import {
  descendants,
  isElement,
  normaliseSpace,
  TEXT_NODE,
  type DomDocument,
  type DomElement,
  type DomNode,
} from './dom.js';

/** Never text a reader sees: code, styles, templates, form controls and embedded objects. */
const CODE_TAGS = new Set(
  'script style noscript template svg math canvas iframe object embed link meta'.split(' '),
);

/**
 * Elements that hold page furniture by definition: navigation, side content, media with captions and credits,
 * controls, dialogs. Captions repeat what the article says in a form the ground-truth of every benchmark
 * leaves out; `<aside>` is "tangentially related" content by the HTML spec.
 */
const FURNITURE_TAGS = new Set(
  'nav aside footer figure figcaption picture video audio button select textarea input label dialog form'.split(
    ' ',
  ),
);

/** ARIA roles that mark landmarks other than the main content, and transient UI. */
const FURNITURE_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'search',
  'dialog',
  'alertdialog',
  'menu',
  'menubar',
  'toolbar',
  'tooltip',
  'button',
]);

/**
 * Words in class and id names (and aria-label) that name furniture, by kind. Matched against whole words of
 * the name (split at punctuation and camelCase), so `article__share-bar` and `shareTools` match and
 * `sharedContent` does not.
 */
const FURNITURE_WORD_GROUPS = {
  share: 'share shares sharing sharebar sharetools social socials sociable',
  subscribe: 'newsletter newsletters subscribe subscription signup signin login paywall regwall',
  consent: 'cookie cookies consent gdpr',
  related:
    'related recommended recommendations recirculation recirc trending popular mostread readmore morestories outbrain taboola teaser teasers',
  comments: 'comment comments disqus discussion replies',
  caption: 'caption captions figcaption credit credits copyright',
  navigation:
    'nav navbar navigation menu breadcrumb breadcrumbs tags taglist pagination pager toolbar skip sidebar rail footer',
  advertising: 'ad ads advert advertisement adslot dfp sponsor sponsored promo promotion promoted commercial',
  // Tooltips and hover cards that inline a person's or company's profile into a sentence.
  tooltip: 'tooltip rollover hovercard popover popup modal overlay',
  print: 'print email',
};
const FURNITURE_WORDS = new Map(
  Object.entries(FURNITURE_WORD_GROUPS).flatMap(([kind, words]) =>
    words.split(' ').map((word) => [word, kind] as const),
  ),
);

/** Splits a class or id into lower-case words: `article__shareBar-top` → article, share, bar, top. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/** Why an element's role or names mark it as furniture ("share (sharebar)", "role=navigation"), if they do. */
export function furnitureSignal(element: DomElement): string | null {
  const role = element.getAttribute('role')?.trim().toLowerCase();
  if (role && FURNITURE_ROLES.has(role)) return `role=${role}`;
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''} ${element.getAttribute('aria-label') ?? ''}`;
  for (const word of nameWords(names)) {
    const kind = FURNITURE_WORDS.get(word);
    if (kind) return `${kind} (${word})`;
  }
  return null;
}

/** Hidden by the page itself: the `hidden` attribute or an inline `display:none` / `visibility:hidden`. */
function isHidden(element: DomElement): boolean {
  if (element.hasAttribute('hidden')) return true;
  const style = element.getAttribute('style');
  return style !== null && /(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/**
 * The element that holds the most paragraph text (its `<p>` children's text, half of its grandchildren's):
 * where the article most probably is. It and its ancestors are protected from removal.
 */
function protectedElements(body: DomElement): Set<DomNode> {
  const score = new Map<DomElement, number>();
  for (const p of body.querySelectorAll('p')) {
    const length = normaliseSpace(p.textContent ?? '').length;
    if (length < 25) continue;
    const parent = p.parentElement;
    if (!parent) continue;
    score.set(parent, (score.get(parent) ?? 0) + length);
    const grandparent = parent.parentElement;
    if (grandparent) score.set(grandparent, (score.get(grandparent) ?? 0) + length / 2);
  }
  let best: DomElement | null = null;
  let bestScore = 0;
  for (const [element, value] of score) {
    if (value > bestScore) {
      best = element;
      bestScore = value;
    }
  }
  const protect = new Set<DomNode>();
  for (let node: DomNode | null = best; node; node = node.parentNode) protect.add(node);
  return protect;
}

/**
 * Pages nested deeper than this are flattened below it (text kept, paragraph breaks kept): real pages stay
 * well under 100 levels, and Readability's cost grows with depth times size, so a hostile or broken page of
 * thousands of nested elements would otherwise take minutes.
 */
export const MAX_DEPTH = 120;

/** Replaces the subtrees that reach below MAX_DEPTH with their text, one `<p>` per block of text. */
function flattenDeep(document: DomDocument, body: DomElement): void {
  const tooDeep: DomElement[] = [];
  const depth = new Map<DomNode, number>([[body, 0]]);
  for (const element of descendants(body)) {
    const parentDepth = element.parentNode ? (depth.get(element.parentNode) ?? 0) : 0;
    if (parentDepth + 1 === MAX_DEPTH) {
      tooDeep.push(element);
      continue;
    }
    depth.set(element, parentDepth + 1);
  }
  for (const element of tooDeep) {
    if (!hasDeepChild(element)) continue;
    const lines = collectText(element);
    while (element.firstChild) element.firstChild.remove();
    for (const line of lines) {
      const p = document.createElement('p');
      p.appendChild(document.createTextNode(line));
      element.appendChild(p);
    }
  }
}

function hasDeepChild(element: DomElement): boolean {
  for (const child of Array.from(element.children)) if (child.children.length > 0) return true;
  return false;
}

/** Text of a subtree, a line per text node, without recursion (the subtree is the pathological part). */
function collectText(root: DomElement): string[] {
  const lines: string[] = [];
  const stack: DomNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) break;
    if (node.nodeType === TEXT_NODE) {
      const text = normaliseSpace(node.textContent ?? '');
      if (text) lines.push(text);
    } else if (isElement(node) && !/^(script|style|noscript|template)$/.test(node.localName)) {
      const children = node.childNodes;
      for (let i = children.length - 1; i >= 0; i--) {
        const child = children[i];
        if (child) stack.push(child);
      }
    }
  }
  return lines;
}

/** Names of the wrappers that embed a social-media post in a page. */
const EMBED_NAME = /embed|tweet|twitter|instagram|facebook|tiktok|fb-post/i;

/**
 * Posts the article embeds and quotes (a tweet, an Instagram or Facebook post) come as a `<blockquote>` inside
 * wrappers named `social-media-embed` or `twitter-tweet`: the names that mark share bars mark them too, and
 * their links (the post's permalink, the author's handle) make them look like a link list. The quoted post is
 * the article's material (the reporter chose it), so the blockquote and its embed wrappers (up to three levels)
 * are kept, their names cleared and the post's links turned into plain text, so that Readability keeps it too.
 */
function keepEmbeddedPosts(document: DomDocument, body: DomElement, protect: Set<DomNode>): void {
  for (const quote of Array.from(body.querySelectorAll('blockquote'))) {
    const chain: DomElement[] = [];
    let embedded = false;
    let element: DomElement | null = quote;
    for (let level = 0; element && element !== body && level < 4; level++, element = element.parentElement) {
      const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''} ${element.getAttribute('cite') ?? ''}`;
      const isEmbed = EMBED_NAME.test(names);
      if (level > 0 && !isEmbed) break;
      embedded ||= isEmbed;
      chain.push(element);
    }
    if (!embedded || normaliseSpace(quote.textContent ?? '').length < 20) continue;
    for (const link of Array.from(quote.querySelectorAll('a'))) {
      link.parentElement?.insertBefore(document.createTextNode(link.textContent ?? ''), link);
      link.remove();
    }
    for (const wrapper of chain) {
      protect.add(wrapper);
      wrapper.removeAttribute('class');
      wrapper.removeAttribute('id');
    }
  }
}

/**
 * Removes the CODE_TAGS elements. One walk that does not enter what it removes, where a selector list of
 * twelve tags tested each of them on every element (the names are compared in lower case, as the selector
 * does in an HTML document); what it finds inside a removed element goes with it either way.
 */
function removeCode(body: DomElement): void {
  const code: DomElement[] = [];
  const isCode = (element: DomElement): boolean => {
    const found = CODE_TAGS.has(element.localName.toLowerCase());
    if (found) code.push(element);
    return found;
  };
  for (const element of descendants(body, isCode)) void element;
  for (const element of code) element.remove();
}

export interface CleanReport {
  removed: Array<{ tag: string; reason: string }>;
}

/** Cleans the document in place (see the module comment); returns what was removed and why. */
export function cleanDocument(document: DomDocument): CleanReport {
  const report: CleanReport = { removed: [] };
  const body = document.body;
  if (!body) return report;
  flattenDeep(document, body);
  removeCode(body);
  const protect = protectedElements(body);
  keepEmbeddedPosts(document, body, protect);
  const removals: Array<{ element: DomElement; reason: string }> = [];
  const skip = (element: DomElement): boolean => {
    if (protect.has(element)) return false;
    const reason = FURNITURE_TAGS.has(element.localName)
      ? `<${element.localName}>`
      : isHidden(element)
        ? 'hidden'
        : furnitureSignal(element);
    if (reason) removals.push({ element, reason });
    return reason !== null;
  };
  // Skipping a removed element's subtree means nested furniture is removed once, with its outermost reason.
  for (const element of descendants(body, skip)) void element;
  for (const { element, reason } of removals) {
    report.removed.push({ tag: element.localName, reason });
    element.remove();
  }
  return report;
}
