/**
 * The ingest stage's last step: from a raw input record to the clean `Article` every later stage reads —
 * body without boilerplate, normalised date, detected language, and a stable identity.
 */
import { createHash } from 'node:crypto';
import type { Article, ArticleInput } from '../model/schema.js';
import { findBoilerplate } from './boilerplate.js';
import { InputError } from './errors.js';
import { checkHtmlSize, extractHtml } from './html.js';
import { detectLanguage } from './language.js';

export interface ArticleOptions {
  /** Publication date to use when the input has none (YYYY-MM-DD). */
  defaultDate?: string;
}

/**
 * Zero-width and bidirectional control characters hide inside names ("Xi\u200bJinping") and defeat
 * matching; they carry no meaning in news text, so they go before anything else reads it.
 */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]/g;

/**
 * The longest article text analysed (after HTML extraction): a news article is a few thousand words, and
 * analysis time grows with length, so a megabyte of text is a dump, not an article, and is refused.
 */
export const MAX_ARTICLE_CHARS = 1_000_000;

/**
 * C0 and C1 control characters (other than tab and line breaks) are not text either, and some are
 * dangerous: an escape sequence stored in an article would repaint the terminal of whoever runs
 * `parley show` on it. Vertical tab and form feed count as spaces.
 */
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;

function cleanLines(text: string): string[] {
  return text
    .replace(INVISIBLE, '')
    .replace(CONTROL, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0\v\f]+/g, ' ').trim())
    .filter((line) => line !== '');
}

/**
 * A run of more characters than this without a space is not prose (a base64 blob, a hex dump, a hostile
 * "word"): the tokenizer's time grows with the square of a token's length (a 200,000-character run costs
 * a minute), so such runs are cut out of the body and listed as boilerplate, shortened.
 */
export const MAX_RUN_CHARS = 1000;
const LONG_RUN = new RegExp(`\\S{${MAX_RUN_CHARS + 1},}`, 'g');

function withoutLongRuns(line: string, boilerplate: Article['boilerplate']): string {
  return line
    .replace(LONG_RUN, (run) => {
      const length = run.length.toLocaleString('en-US');
      boilerplate.push({
        text: `${run.slice(0, 60)}…`,
        reason: `run of ${length} characters without a space (not prose)`,
      });
      return ' ';
    })
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Splits a body into kept paragraphs and boilerplate, each boilerplate line with the reason it was dropped. */
export function separateBoilerplate(text: string): { body: string; boilerplate: Article['boilerplate'] } {
  const boilerplate: Article['boilerplate'] = [];
  const lines = cleanLines(text)
    .map((line) => withoutLongRuns(line, boilerplate))
    .filter((line) => line !== '');
  const reasons = findBoilerplate(lines);
  const kept: string[] = [];
  lines.forEach((line, index) => {
    const reason = reasons[index];
    if (reason) boilerplate.push({ text: line, reason });
    else kept.push(line);
  });
  return { body: kept.join('\n\n'), boilerplate };
}

/** Accepts YYYY-MM-DD, a full ISO timestamp, or anything Date parses; returns YYYY-MM-DD or full ISO. */
export function normaliseDate(value: string, origin: string): string {
  const trimmed = value.trim();
  const parsed = new Date(trimmed);
  const valid = !Number.isNaN(parsed.getTime());
  const year = parsed.getUTCFullYear();
  // A day-only date must name a real day: Date reads "2023-02-30" as 2 March.
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(trimmed);
  const realDay = !dayOnly || (valid && parsed.toISOString().startsWith(trimmed));
  if (!valid || year < 1800 || year > 2200 || !realDay) {
    throw new InputError(origin, `date "${trimmed.slice(0, 40)}" is not a valid date (years 1800–2200)`);
  }
  if (dayOnly) return trimmed;
  return /^\d{4}-\d{2}-\d{2}T/.test(trimmed) ? parsed.toISOString() : parsed.toISOString().slice(0, 10);
}

/** Identity: same normalised text (and same URL, when known) → same id, however the input was spelled. */
export function articleId(text: string, url: string | null): string {
  const normalised = text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  return createHash('sha256')
    .update(normalised)
    .update('\u0000')
    .update(url ?? '')
    .digest('hex')
    .slice(0, 16);
}

export function buildArticle(input: ArticleInput, origin: string, options: ArticleOptions = {}): Article {
  if (input.html !== undefined) checkHtmlSize(input.html, origin);
  const page = input.html !== undefined ? extractHtml(input.html, input.url) : null;
  const rawText = page ? page.text : (input.text ?? '');
  if (rawText.length > MAX_ARTICLE_CHARS)
    throw new InputError(
      origin,
      `article text of ${rawText.length.toLocaleString('en-US')} characters is longer than the ${MAX_ARTICLE_CHARS.toLocaleString('en-US')}-character limit`,
    );
  const { body, boilerplate } = separateBoilerplate(rawText);
  if (body.trim() === '') throw new InputError(origin, 'no article text');
  const url = input.url?.trim() || page?.url || null;
  const rawDate = input.date ?? page?.published ?? options.defaultDate;
  return {
    id: articleId(body, url),
    url,
    title: (input.title ?? page?.title ?? '').replace(INVISIBLE, '').replace(CONTROL, '').trim(),
    published: rawDate ? normaliseDate(rawDate, origin) : null,
    source: input.source?.trim() || page?.siteName || null,
    language: page?.language ?? detectLanguage(body),
    text: body,
    boilerplate,
  };
}
