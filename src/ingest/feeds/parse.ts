/**
 * Feeds: RSS 2.0 (and 0.9x/1.0 RDF), Atom and JSON Feed, from a string to a list of items.
 *
 * XML is parsed by fast-xml-parser with its entity processing switched off: the parser never expands an
 * entity. Before parsing, the DOCTYPE is read and removed by us. External entities (XXE: `SYSTEM`, `PUBLIC`),
 * parameter entities and entities that refer to other entities (the "billion laughs") are refused with a
 * clear error; a few small internal entities (an old feed's `<!ENTITY nbsp "&#160;">`) are expanded once,
 * in one linear pass with a cap on the total expansion, so no input can make parsing slow or large.
 */
import { XMLParser } from 'fast-xml-parser';

export interface FeedItem {
  /** Absolute http(s) URL of the article page. */
  url: string;
  title: string;
  /** ISO 8601 timestamp; absent when neither the item nor the feed gives a parseable date. */
  date?: string;
  /** The feed's title. */
  source: string;
  /** Plain text (tags removed), when the item has a summary or description. */
  summary?: string;
  /** Stable identity of the item: its guid / id, else its URL. */
  guid: string;
}

export interface Feed {
  format: 'rss' | 'rdf' | 'atom' | 'json';
  title: string;
  /** The site the feed describes, when it says. */
  link?: string;
  items: FeedItem[];
  /** Items left out because they have no usable http(s) URL. */
  skipped: number;
}

export interface ParseFeedOptions {
  /** The feed's own URL: relative links are resolved against it. */
  baseUrl?: string;
}

/** A feed that cannot be read; the message is one line saying why. */
export class FeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedError';
  }
}

/** Declared internal entities we accept at most, their size, and the total characters they may add. */
const MAX_DECLARED_ENTITIES = 64;
const MAX_ENTITY_VALUE = 1024;
const MAX_TOTAL_EXPANSION = 1_000_000;

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The HTML entities that turn up in feed titles and summaries (after the XML layer is decoded). */
const HTML_ENTITIES: Record<string, string> = {
  ...XML_ENTITIES,
  nbsp: '\u00a0',
  ndash: '\u2013',
  mdash: '\u2014',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  hellip: '\u2026',
  laquo: '\u00ab',
  raquo: '\u00bb',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  euro: '\u20ac',
  pound: '\u00a3',
  bull: '\u2022',
  middot: '\u00b7',
  eacute: '\u00e9',
  egrave: '\u00e8',
  aacute: '\u00e1',
  agrave: '\u00e0',
  oacute: '\u00f3',
  uacute: '\u00fa',
  iacute: '\u00ed',
  ccedil: '\u00e7',
  ntilde: '\u00f1',
  ouml: '\u00f6',
  uuml: '\u00fc',
  auml: '\u00e4',
  szlig: '\u00df',
};

function codePoint(value: number): string | undefined {
  if (!Number.isInteger(value) || value <= 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff))
    return undefined;
  return String.fromCodePoint(value);
}

/**
 * Replaces entity references in one linear pass. Replacement text is never re-scanned, so expansion cannot
 * nest; `budget` caps what declared entities may add across the whole document.
 */
function decodeEntities(
  text: string,
  named: Record<string, string>,
  declared?: { entities: Record<string, string>; budget: { left: number } },
): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z_][\w.-]*);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const value =
        name[1] === 'x' || name[1] === 'X'
          ? Number.parseInt(name.slice(2), 16)
          : Number.parseInt(name.slice(1), 10);
      return codePoint(value) ?? whole;
    }
    if (Object.hasOwn(named, name)) return named[name]!;
    if (!declared || !Object.hasOwn(declared.entities, name)) return whole;
    const replacement = declared.entities[name]!;
    declared.budget.left -= replacement.length;
    if (declared.budget.left < 0) throw new FeedError('XML entity expansion exceeds 1 MB (refused)');
    return replacement;
  });
}

/** Finds the DOCTYPE in the prolog (before the root element), if any. */
function findDoctype(xml: string): { start: number; end: number; subset: string } | undefined {
  const root = /<[A-Za-z_]/.exec(xml);
  const prolog = root ? xml.slice(0, root.index) : xml;
  const start = prolog.search(/<!DOCTYPE/i);
  if (start < 0) return undefined;
  // The internal subset runs from the first "[" to the "]" that precedes the closing ">"; quoted strings
  // may hold "]" or ">", so scan with quote awareness.
  let quote: string | null = null;
  let subsetStart = -1;
  let subsetEnd = -1;
  for (let index = start + 9; index < xml.length; index++) {
    const char = xml[index]!;
    if (quote) {
      if (char === quote) quote = null;
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (char === '[' && subsetStart < 0) subsetStart = index + 1;
    else if (char === ']' && subsetStart >= 0 && subsetEnd < 0) subsetEnd = index;
    else if (char === '>' && (subsetStart < 0 || subsetEnd >= 0)) {
      return {
        start,
        end: index + 1,
        subset: subsetStart >= 0 ? xml.slice(subsetStart, subsetEnd) : '',
      };
    }
  }
  throw new FeedError('not well-formed XML (unclosed DOCTYPE)');
}

/**
 * Reads the entity declarations of a DOCTYPE's internal subset; refuses every kind that can be abused.
 * Returns the simple internal entities, to be expanded once.
 */
function safeEntities(subset: string): Record<string, string> {
  const entities: Record<string, string> = Object.create(null) as Record<string, string>;
  const declarations = subset.match(/<!ENTITY[\s\S]*?>/gi) ?? [];
  if (/<!ENTITY/i.test(subset) && declarations.length === 0)
    throw new FeedError('not well-formed XML (bad ENTITY declaration)');
  if (declarations.length > MAX_DECLARED_ENTITIES)
    throw new FeedError(
      `declares ${declarations.length} XML entities (refused: more than ${MAX_DECLARED_ENTITIES})`,
    );
  for (const declaration of declarations) {
    const body = declaration.slice(8, -1).trim();
    if (body.startsWith('%'))
      throw new FeedError('declares an XML parameter entity (refused: a DTD attack, not a news feed)');
    const match = /^([A-Za-z_][\w.-]*)\s+(?:(SYSTEM|PUBLIC)\b|(["'])([\s\S]*)\3\s*$)/.exec(body);
    if (!match) throw new FeedError('not well-formed XML (bad ENTITY declaration)');
    const [, name, external, , value] = match;
    if (external) throw new FeedError(`declares an external XML entity "${name}" (refused: XXE)`);
    if (value!.includes('&') && !/^(?:&#x?[0-9a-f]+;|[^&])*$/i.test(value!))
      throw new FeedError(`XML entity "${name}" refers to other entities (refused: entity expansion attack)`);
    if (value!.includes('<')) throw new FeedError(`XML entity "${name}" holds markup (refused)`);
    if (value!.length > MAX_ENTITY_VALUE)
      throw new FeedError(`XML entity "${name}" is longer than ${MAX_ENTITY_VALUE} characters (refused)`);
    entities[name!] = decodeEntities(value!, {});
  }
  return entities;
}

const ARRAY_TAGS = new Set(['item', 'entry', 'link', 'atom:link', 'category']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  cdataPropName: '#cdata',
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (name) => ARRAY_TAGS.has(name),
});

type Node = unknown;

interface XmlContext {
  entities: Record<string, string>;
  budget: { left: number };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function child(node: Node, name: string): Node {
  return isRecord(node) && Object.hasOwn(node, name) ? node[name] : undefined;
}

function first(node: Node): Node {
  return Array.isArray(node) ? node[0] : node;
}

function list(node: Node): Node[] {
  if (node === undefined) return [];
  return Array.isArray(node) ? node : [node];
}

/** The text of an element: entity-decoded text nodes plus CDATA sections taken literally. */
function textOf(node: Node, context: XmlContext): string {
  const value = first(node);
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return decodeEntities(value, XML_ENTITIES, context);
  if (!isRecord(value)) return String(value);
  const parts: string[] = [];
  const text = value['#text'];
  if (text !== undefined) parts.push(textOf(text, context));
  for (const cdata of list(value['#cdata'])) parts.push(typeof cdata === 'string' ? cdata : '');
  return parts.join('').trim();
}

function attribute(node: Node, name: string, context: XmlContext): string | undefined {
  const value = child(first(node), `@_${name}`);
  return typeof value === 'string' ? decodeEntities(value, XML_ENTITIES, context) : undefined;
}

/** HTML (as in descriptions and `type="html"` titles) to one line of plain text. */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ');
  return decodeEntities(text, HTML_ENTITIES).replace(/\s+/g, ' ').trim();
}

/** An ISO timestamp from RFC 822 (RSS), RFC 3339 (Atom, JSON Feed) or anything Date understands. */
export function feedDate(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  let time = Date.parse(trimmed);
  // RFC 822 allows a day name without a comma and two-digit zones like "UT"; Date copes with most. A
  // trailing zone word it does not know ("CEST") is dropped rather than the whole date.
  if (Number.isNaN(time)) time = Date.parse(trimmed.replace(/\s+[A-Z]{3,5}$/, ' GMT'));
  if (Number.isNaN(time)) return undefined;
  const year = new Date(time).getUTCFullYear();
  if (year < 1800 || year > 2200) return undefined;
  return new Date(time).toISOString();
}

function absoluteUrl(value: string | undefined, base: string | undefined): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  try {
    const url = base ? new URL(trimmed, base) : new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function summaryOf(html: string): string | undefined {
  const text = htmlToText(html);
  return text === '' ? undefined : text;
}

function rssItems(
  items: Node[],
  feedTitle: string,
  feedDateValue: string | undefined,
  base: string | undefined,
  context: XmlContext,
): { items: FeedItem[]; skipped: number } {
  const result: FeedItem[] = [];
  let skipped = 0;
  for (const item of items) {
    const guidNode = child(item, 'guid');
    const guid = textOf(guidNode, context);
    const permaLink = attribute(guidNode, 'isPermaLink', context);
    const link =
      absoluteUrl(textOf(child(item, 'link'), context), base) ??
      (permaLink !== 'false' ? absoluteUrl(guid, base) : undefined) ??
      absoluteUrl(attribute(item, 'rdf:about', context), base);
    if (!link) {
      skipped++;
      continue;
    }
    const description =
      textOf(child(item, 'description'), context) || textOf(child(item, 'content:encoded'), context);
    const summary = summaryOf(description);
    const date =
      feedDate(textOf(child(item, 'pubDate'), context)) ??
      feedDate(textOf(child(item, 'dc:date'), context)) ??
      feedDateValue;
    result.push({
      url: link,
      title: htmlToText(textOf(child(item, 'title'), context)),
      ...(date ? { date } : {}),
      source: feedTitle,
      ...(summary ? { summary } : {}),
      guid: guid || link,
    });
  }
  return { items: result, skipped };
}

function atomText(node: Node, context: XmlContext): string {
  const type = attribute(node, 'type', context);
  const text = textOf(node, context);
  return type === 'html' || type === 'xhtml' ? htmlToText(text) : text.replace(/\s+/g, ' ').trim();
}

function atomLink(links: Node[], base: string | undefined, context: XmlContext): string | undefined {
  const candidates = links.map((link) => ({
    href: attribute(link, 'href', context),
    rel: attribute(link, 'rel', context) ?? 'alternate',
    type: attribute(link, 'type', context),
  }));
  const alternate =
    candidates.find((link) => link.rel === 'alternate' && (!link.type || /html/.test(link.type))) ??
    candidates.find((link) => link.rel === 'alternate');
  return absoluteUrl(alternate?.href, base);
}

function parseAtom(feed: Node, base: string | undefined, context: XmlContext): Feed {
  const title = atomText(child(feed, 'title'), context);
  const feedBase = absoluteUrl(attribute(feed, 'xml:base', context), base) ?? base;
  const feedUpdated = feedDate(textOf(child(feed, 'updated'), context));
  const items: FeedItem[] = [];
  let skipped = 0;
  for (const entry of list(child(feed, 'entry'))) {
    const entryBase = absoluteUrl(attribute(entry, 'xml:base', context), feedBase) ?? feedBase;
    const url = atomLink(list(child(entry, 'link')), entryBase, context);
    if (!url) {
      skipped++;
      continue;
    }
    const id = textOf(child(entry, 'id'), context);
    const date =
      feedDate(textOf(child(entry, 'published'), context)) ??
      feedDate(textOf(child(entry, 'updated'), context)) ??
      feedUpdated;
    const summary = atomText(child(entry, 'summary'), context) || atomText(child(entry, 'content'), context);
    items.push({
      url,
      title: atomText(child(entry, 'title'), context),
      ...(date ? { date } : {}),
      source: title,
      ...(summary ? { summary } : {}),
      guid: id || url,
    });
  }
  const link = atomLink(list(child(feed, 'link')), feedBase, context);
  return { format: 'atom', title, ...(link ? { link } : {}), items, skipped };
}

function parseXmlFeed(xml: string, base: string | undefined): Feed {
  const doctype = findDoctype(xml);
  const entities = doctype ? safeEntities(doctype.subset) : (Object.create(null) as Record<string, string>);
  const body = doctype ? xml.slice(0, doctype.start) + xml.slice(doctype.end) : xml;
  // Entity references that are neither predefined nor declared: a well-formed document has none.
  let document: unknown;
  try {
    document = parser.parse(body, true);
  } catch (error) {
    throw new FeedError(`not well-formed XML (${(error as Error).message.split('\n')[0]})`);
  }
  const context: XmlContext = { entities, budget: { left: MAX_TOTAL_EXPANSION } };
  const rss = child(document, 'rss');
  if (rss !== undefined) {
    const channel = first(child(rss, 'channel'));
    if (!isRecord(channel)) throw new FeedError('RSS feed without a <channel>');
    const title = htmlToText(textOf(child(channel, 'title'), context));
    const link = absoluteUrl(textOf(child(channel, 'link'), context), base);
    const channelDate =
      feedDate(textOf(child(channel, 'pubDate'), context)) ??
      feedDate(textOf(child(channel, 'lastBuildDate'), context));
    const { items, skipped } = rssItems(list(child(channel, 'item')), title, channelDate, base, context);
    return { format: 'rss', title, ...(link ? { link } : {}), items, skipped };
  }
  const rdf = child(document, 'rdf:RDF');
  if (rdf !== undefined) {
    const channel = first(child(rdf, 'channel'));
    const title = htmlToText(textOf(child(channel, 'title'), context));
    const link = absoluteUrl(textOf(child(channel, 'link'), context), base);
    const channelDate = feedDate(textOf(child(channel, 'dc:date'), context));
    // RSS 0.9/1.0 put the items beside the channel, not inside it.
    const { items, skipped } = rssItems(
      [...list(child(rdf, 'item')), ...list(child(channel, 'item'))],
      title,
      channelDate,
      base,
      context,
    );
    return { format: 'rdf', title, ...(link ? { link } : {}), items, skipped };
  }
  const atom = child(document, 'feed');
  if (atom !== undefined) return parseAtom(first(atom), base, context);
  const root = isRecord(document) ? Object.keys(document).find((key) => !key.startsWith('#')) : undefined;
  throw new FeedError(
    `XML is not a feed (root element <${root ?? '?'}>, expected <rss>, <feed> or <rdf:RDF>)`,
  );
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function parseJsonFeed(text: string, base: string | undefined): Feed {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new FeedError(`not valid JSON (${(error as Error).message.split('\n')[0]})`);
  }
  if (!isRecord(document) || !/^https:\/\/jsonfeed\.org\/version\/1/.test(str(document.version) ?? ''))
    throw new FeedError('JSON is not a JSON Feed (no "version": "https://jsonfeed.org/version/1.1")');
  const title = str(document.title)?.trim() ?? '';
  const feedBase = absoluteUrl(str(document.feed_url), base) ?? base;
  const items: FeedItem[] = [];
  let skipped = 0;
  for (const item of Array.isArray(document.items) ? document.items : []) {
    if (!isRecord(item)) {
      skipped++;
      continue;
    }
    const url = absoluteUrl(str(item.url), feedBase) ?? absoluteUrl(str(item.external_url), feedBase);
    if (!url) {
      skipped++;
      continue;
    }
    const id = typeof item.id === 'number' ? String(item.id) : str(item.id);
    const date = feedDate(str(item.date_published)) ?? feedDate(str(item.date_modified));
    const summary =
      str(item.summary)?.replace(/\s+/g, ' ').trim() ||
      (str(item.content_text)?.replace(/\s+/g, ' ').trim() ?? '') ||
      summaryOf(str(item.content_html) ?? '');
    items.push({
      url,
      title: str(item.title)?.replace(/\s+/g, ' ').trim() ?? '',
      ...(date ? { date } : {}),
      source: title,
      ...(summary ? { summary } : {}),
      guid: id?.trim() || url,
    });
  }
  const link = absoluteUrl(str(document.home_page_url), base);
  return { format: 'json', title, ...(link ? { link } : {}), items, skipped };
}

/** What a text looks like: a feed (and which kind), or not a feed. */
export function sniffFeed(text: string): 'xml' | 'json' | undefined {
  const head = text
    .slice(0, 4096)
    .replace(/^\ufeff/, '')
    .trimStart();
  if (head.startsWith('{'))
    return /"version"\s*:\s*"https:\/\/jsonfeed\.org\/version\/1/.test(head) ? 'json' : undefined;
  if (!head.startsWith('<')) return undefined;
  return /<(rss|feed|rdf:RDF)[\s>]/.test(head) ? 'xml' : undefined;
}

/** Parses RSS, Atom or JSON Feed text. Throws a `FeedError` whose message says what is wrong. */
export function parseFeed(text: string, options: ParseFeedOptions = {}): Feed {
  const body = text.replace(/^\ufeff/, '');
  const head = body.trimStart();
  if (head === '') throw new FeedError('empty feed');
  if (head.startsWith('{')) return parseJsonFeed(body, options.baseUrl);
  if (head.startsWith('<')) return parseXmlFeed(body, options.baseUrl);
  throw new FeedError('neither XML nor JSON');
}
