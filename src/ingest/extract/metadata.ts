/**
 * Article metadata from what publishers actually fill in, in order of trust: JSON-LD (schema.org
 * NewsArticle and kin, also inside arrays and `@graph`), OpenGraph / `article:` meta, `<time datetime>`,
 * `<link rel=canonical>`, `<html lang>`. Read before the DOM is cleaned, since cleaning removes scripts.
 */
import { normaliseSpace, type DomDocument, type DomElement } from './dom.js';

export interface PageMetadata {
  /** The headline the page states (JSON-LD, OpenGraph, Twitter card). */
  title: string | null;
  /** The `<title>` element, which usually carries the site's name too. */
  documentTitle: string | null;
  byline: string | null;
  published: string | null;
  modified: string | null;
  siteName: string | null;
  language: string | null;
  url: string | null;
  canonicalUrl: string | null;
  /** JSON-LD `articleBody`, when the page states its body there (a fallback for the extracted text). */
  articleBody: string | null;
}

/** The elements metadata is read from, found in one walk of the document instead of one walk each. */
interface MetadataElements {
  meta: DomElement[];
  jsonLd: DomElement[];
  canonical: DomElement | null;
  time: DomElement | null;
  title: DomElement | null;
}

const METADATA_SELECTOR =
  'meta, script[type="application/ld+json"], link[rel="canonical"], time[datetime], title';

/**
 * Each selector of METADATA_SELECTOR admits one tag name, so an element's name says which it matched; the
 * list comes in document order, so the first `<time>` is the one `querySelector('time[datetime]')` finds.
 */
function metadataElements(document: DomDocument): MetadataElements {
  const found: MetadataElements = { meta: [], jsonLd: [], canonical: null, time: null, title: null };
  for (const element of document.querySelectorAll(METADATA_SELECTOR)) {
    const name = element.localName.toLowerCase();
    if (name === 'meta') found.meta.push(element);
    else if (name === 'script') found.jsonLd.push(element);
    else if (name === 'link') found.canonical ??= element;
    else if (name === 'time') found.time ??= element;
    else if (name === 'title') found.title ??= element;
  }
  return found;
}

/** `<meta>` contents by property, name or itemprop (the first non-empty one of each key). */
function metaTable(elements: DomElement[]): Map<string, string> {
  const table = new Map<string, string>();
  for (const element of elements) {
    const content = element.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attribute of ['property', 'name', 'itemprop']) {
      const key = element.getAttribute(attribute)?.trim().toLowerCase();
      if (key && !table.has(key)) table.set(key, content);
    }
  }
  return table;
}

function first(table: Map<string, string>, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = table.get(key.toLowerCase());
    if (value) return value;
  }
  return null;
}

interface JsonLdArticle {
  headline?: unknown;
  name?: unknown;
  datePublished?: unknown;
  dateModified?: unknown;
  author?: unknown;
  publisher?: unknown;
  inLanguage?: unknown;
  url?: unknown;
  articleBody?: unknown;
}

/** schema.org types that describe the page's article (see https://schema.org/Article). */
const ARTICLE_TYPES =
  /^(Article|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|SatiricalArticle|Report|BlogPosting|LiveBlogPosting|SocialMediaPosting|TechArticle|ScholarlyArticle)$/;

/** The first JSON-LD object typed as an article (else as a WebPage), looking inside arrays and `@graph`. */
function jsonLdArticle(scripts: DomElement[]): JsonLdArticle | null {
  const queue: unknown[] = [];
  for (const script of scripts) {
    try {
      // Some publishers wrap JSON-LD in HTML comments or CDATA; both are outside the JSON grammar.
      const source = (script.textContent ?? '')
        .replace(/^\s*(<!--|\/\/\s*<!\[CDATA\[)/, '')
        .replace(/(-->|\/\/\s*\]\]>)\s*$/, '');
      queue.push(JSON.parse(source));
    } catch {
      // Broken JSON-LD is common on the web; the other metadata sources still apply.
    }
  }
  let webPage: JsonLdArticle | null = null;
  for (let visited = 0; queue.length > 0 && visited < 10_000; visited++) {
    const item = queue.shift();
    if (Array.isArray(item)) queue.push(...item);
    else if (item && typeof item === 'object') {
      const record = item as Record<string, unknown>;
      const types = [record['@type']].flat().map(String);
      if (types.some((type) => ARTICLE_TYPES.test(type))) return record as JsonLdArticle;
      if (!webPage && types.includes('WebPage')) webPage = record as JsonLdArticle;
      if (record['@graph']) queue.push(record['@graph']);
      if (record.mainEntity) queue.push(record.mainEntity);
    }
  }
  return webPage;
}

const stringOf = (value: unknown): string | null => {
  const first = [value].flat()[0];
  return typeof first === 'string' && first.trim() !== '' ? first.trim() : null;
};

/** A name from a string, a {name} object, or the first of an array of either. */
function nameOf(value: unknown): string | null {
  const first = [value].flat()[0];
  if (typeof first === 'string') return first.trim() || null;
  if (first && typeof first === 'object' && 'name' in first) return stringOf(first.name);
  return null;
}

export function extractMetadata(document: DomDocument, url?: string): PageMetadata {
  const elements = metadataElements(document);
  const ld = jsonLdArticle(elements.jsonLd);
  const table = metaTable(elements.meta);
  const meta = (_: DomDocument, ...keys: string[]): string | null => first(table, ...keys);
  const canonicalUrl = elements.canonical?.getAttribute('href')?.trim() || null;
  const time = elements.time?.getAttribute('datetime')?.trim() || null;
  const language =
    document.documentElement?.getAttribute('lang')?.trim() ||
    stringOf(ld?.inLanguage) ||
    meta(document, 'og:locale', 'language', 'content-language') ||
    null;
  const title = stringOf(ld?.headline) ?? meta(document, 'og:title', 'twitter:title');
  const documentTitle = normaliseSpace(elements.title?.textContent ?? '') || null;
  const articleBody = stringOf(ld?.articleBody);
  return {
    title: title ? normaliseSpace(title) : null,
    documentTitle,
    byline: nameOf(ld?.author) ?? meta(document, 'author', 'article:author', 'byl'),
    published:
      stringOf(ld?.datePublished) ??
      meta(document, 'article:published_time', 'og:published_time', 'datePublished', 'date', 'pubdate') ??
      time,
    modified:
      stringOf(ld?.dateModified) ??
      meta(document, 'article:modified_time', 'og:updated_time', 'dateModified'),
    siteName: meta(document, 'og:site_name') ?? nameOf(ld?.publisher),
    language: language ? language.slice(0, 2).toLowerCase() : null,
    url: url ?? meta(document, 'og:url') ?? stringOf(ld?.url) ?? canonicalUrl,
    canonicalUrl,
    articleBody,
  };
}
