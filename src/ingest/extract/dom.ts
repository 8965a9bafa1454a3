/**
 * The small part of the DOM the extractor uses, typed structurally: linkedom's own typings need the DOM lib,
 * which this Node project does not load, so without these its nodes would be `any`.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { parseHTML as ParseHtml } from 'linkedom';
import { limitNesting } from './depth.js';

/**
 * linkedom (some 120 modules) is required on the first page parsed, not imported with this file, so that
 * `parley analyze` on text and the commands that read no HTML start without it. `require` is the only
 * synchronous lazy load Node 20 has; linkedom's CommonJS build is generated from its ESM one, same code.
 */
const requireModule = createRequire(import.meta.url);
let linkedomParse: typeof ParseHtml | undefined;
const parseHTML: typeof ParseHtml = (...args) => {
  linkedomParse ??= loadLinkedom();
  return linkedomParse(...args);
};

/**
 * Every linkedom node (element, text, attribute) is an EventTarget whose constructor puts a new Map into a
 * module-wide WeakMap: half of parsing a page went there and into the collector's ephemeron work (CPU
 * profile of the 91 extraction-dev pages). The extraction DOM never has listeners (no script runs, and
 * neither Readability nor Parley adds any), so before linkedom loads its base class is swapped for one
 * that holds no state: dispatching finds no listener, as it would in linkedom, and adding one is refused
 * rather than silently ignored. linkedom's nodes take the class from this module when they load, so the
 * swap must come first; if a linkedom release moves the file, parsing goes on unchanged, only slower
 * (`test/extract.test.ts` checks that the swap is in effect).
 */
function loadLinkedom(): typeof ParseHtml {
  try {
    const eventTarget = path.join(
      path.dirname(requireModule.resolve('linkedom')),
      'interface/event-target.js',
    );
    const module = requireModule(eventTarget) as { EventTarget?: unknown };
    if (typeof module.EventTarget === 'function') module.EventTarget = ListenerlessEventTarget;
  } catch {
    // Another file layout: linkedom's own EventTarget stays (same results, slower parsing).
  }
  return (requireModule('linkedom') as { parseHTML: typeof ParseHtml }).parseHTML;
}

/** linkedom's EventTarget without its per-node listener map (see loadLinkedom). */
class ListenerlessEventTarget {
  /** linkedom's event path walks parents through this; its nodes override it. */
  _getParent(): unknown {
    return null;
  }
  addEventListener(type: string): void {
    throw new Error(`event listener for "${type}": the extraction DOM runs no events`);
  }
  removeEventListener(): void {}
  dispatchEvent(event: { defaultPrevented?: boolean }): boolean {
    return !event.defaultPrevented;
  }
}

/** Whether linkedom was loaded with ListenerlessEventTarget (for the test that guards the speed-up). */
export function linkedomNodesAreListenerless(): boolean {
  const document = parseDocument('<p>x</p>') as unknown as object;
  return document instanceof ListenerlessEventTarget;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export interface DomNode {
  nodeType: number;
  nodeName: string;
  parentNode: DomNode | null;
  childNodes: ArrayLike<DomNode>;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
  textContent: string | null;
  remove(): void;
}

export interface DomElement extends DomNode {
  localName: string;
  children: ArrayLike<DomElement>;
  parentElement: DomElement | null;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement> & ArrayLike<DomElement>;
  insertBefore(node: DomNode, reference: DomNode | null): DomNode;
  appendChild(node: DomNode): DomNode;
  matches(selector: string): boolean;
  contains(node: DomNode): boolean;
}

export interface DomDocument {
  documentElement: DomElement | null;
  body: DomElement | null;
  title: string;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement> & ArrayLike<DomElement>;
  createTextNode(text: string): DomNode;
  createElement(name: string): DomElement;
}

/**
 * Parses a page. linkedom builds the tree it is given and does not imply the `<html>`, `<head>` and `<body>`
 * a browser adds, so a fragment or a page that leaves them out is first given them (the head's content, and a
 * stray `<title>`, go in the head; the rest in the body; `<html lang>` is kept). Empty input becomes an empty document.
 */
export function parseDocument(markup: string): DomDocument {
  const html = limitNesting(markup);
  const hasHtml = /<html[\s>]/i.test(html);
  const hasBody = /<body[\s>]/i.test(html);
  let source = html;
  if (!hasBody) {
    let head = '';
    const rest = html
      .replace(/<!doctype[^>]*>/gi, '')
      .replace(/<\/?html[^>]*>/gi, '')
      .replace(/<head(\s[^>]*)?>([\s\S]*?)<\/head>/gi, (_, _attributes: string, inner: string) => {
        head += inner;
        return '';
      })
      .replace(/<title[^>]*>[\s\S]*?<\/title>/i, (title) => {
        head += title;
        return '';
      });
    const htmlTag = /<html(\s[^>]*)?>/i.exec(html)?.[0] ?? '<html>';
    source = `<!doctype html>${htmlTag}<head>${head}</head><body>${rest}</body></html>`;
  } else if (!hasHtml) {
    source = `<!doctype html><html>${html}</html>`;
  }
  return parseHTML(source).document as unknown as DomDocument;
}

export const isElement = (node: DomNode): node is DomElement => node.nodeType === ELEMENT_NODE;

/** Collapses runs of whitespace (and no-break spaces) to one space, trimmed. */
export function normaliseSpace(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/**
 * The element's descendants in document order, without recursion (so a pathologically deep DOM cannot
 * overflow the stack), optionally skipping the subtrees for which `skip` says so.
 */
export function* descendants(root: DomNode, skip?: (element: DomElement) => boolean): Generator<DomElement> {
  let node: DomNode | null = root.firstChild;
  while (node && node !== root) {
    let descend = false;
    if (isElement(node)) {
      if (!skip?.(node)) {
        yield node;
        descend = true;
      }
    }
    if (descend && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    if (!node || node === root) break;
    node = node.nextSibling;
  }
}
