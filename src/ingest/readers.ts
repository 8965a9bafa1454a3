/**
 * Readers: from one input (a file or stdin) to raw article records. Each record or failure names its
 * origin ("file.jsonl:12") so that errors point at the line; a bad record never stops the others.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createGunzip, gunzipSync } from 'node:zlib';
import type { Readable } from 'node:stream';
import type { ArticleInput, ArticleInputSchema } from '../model/schema.js';
import { decodeHtml, decodeUtf8, looksBinary } from './decode.js';
import { InputError } from './errors.js';

export type InputFormat = 'txt' | 'html' | 'json' | 'jsonl';

export interface RawRecord {
  origin: string;
  input: ArticleInput;
}

export type ReadResult = { ok: true; record: RawRecord } | { ok: false; error: InputError };

/**
 * Bounds that keep one hostile input from taking the batch's memory or time. A document read whole (txt,
 * html, json, and a .gz of one, once inflated) may hold this many bytes: past it, it is refused (a gzip
 * that inflates beyond it is a decompression bomb). JSONL streams, so only each line is bounded.
 */
export const MAX_DOCUMENT_BYTES = 32 * 1024 * 1024;
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

const megabytes = (bytes: number): string => `${Math.round(bytes / (1024 * 1024))} MB`;

const EXTENSION_FORMATS: Record<string, InputFormat> = {
  txt: 'txt',
  text: 'txt',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  json: 'json',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
};

/** The format named by a file's extension, looking through a trailing `.gz`. */
export function formatOfPath(file: string): InputFormat | undefined {
  const name = file.toLowerCase().replace(/\.gz$/, '');
  const extension = name.slice(name.lastIndexOf('.') + 1);
  return EXTENSION_FORMATS[extension];
}

/** For stdin and unknown extensions: JSON starts with `{` or `[`, HTML with `<`, anything else is text. */
export function sniffFormat(text: string): InputFormat {
  const head = text.trimStart();
  if (head.startsWith('[')) return 'json';
  if (head.startsWith('{'))
    return /^\{[^\n]*\}\s*\n\s*\{/.test(head) || !head.trimEnd().endsWith('}') ? 'jsonl' : 'json';
  if (head.startsWith('<')) return 'html';
  return 'txt';
}

const ok = (origin: string, input: ArticleInput): ReadResult => ({ ok: true, record: { origin, input } });
const fail = (origin: string, reason: string): ReadResult => ({
  ok: false,
  error: new InputError(origin, reason),
});

/** `.txt`: the first non-empty line is the title, the rest the body. */
export function readPlainText(text: string, origin: string): ReadResult {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const titleIndex = lines.findIndex((line) => line.trim() !== '');
  if (titleIndex < 0) return fail(origin, 'empty file');
  const title = lines[titleIndex]!.trim();
  const body = lines.slice(titleIndex + 1).join('\n');
  if (body.trim() === '') return ok(origin, { title: '', text: title });
  return ok(origin, { title, text: body });
}

let articleInputSchema: typeof ArticleInputSchema | undefined;

/**
 * Loads the zod schema JSON records are checked against. The readers below call it on their first JSON
 * input, not at import: zod takes about 100 ms to load, a tenth of `parley analyze`'s cold start, and plain
 * text and HTML never need it.
 */
export async function loadJsonValidation(): Promise<void> {
  articleInputSchema ??= (await import('../model/schema.js')).ArticleInputSchema;
}

/** Validates one parsed JSON value as an article record (after `await loadJsonValidation()`). */
export function recordFromJson(value: unknown, origin: string): ReadResult {
  if (!articleInputSchema) throw new Error('JSON validation is not loaded: await loadJsonValidation() first');
  if (!value || typeof value !== 'object' || Array.isArray(value)) return fail(origin, 'not a JSON object');
  const parsed = articleInputSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(origin, `field "${issue?.path.join('.')}" ${issue?.message ?? 'is invalid'}`);
  }
  const { text, html } = parsed.data;
  if ((text ?? '').trim() === '' && (html ?? '').trim() === '')
    return fail(origin, 'record has no "text" or "html"');
  // Copy the known fields only: keys like "__proto__" in hostile JSON never reach our objects.
  return ok(origin, parsed.data);
}

function parseJsonLine(line: string, origin: string): ReadResult {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return fail(origin, `not valid JSON (${(error as Error).message.split('\n')[0]})`);
  }
  return recordFromJson(value, origin);
}

/** A `.json` file holds one article object or an array of them. */
export function readJsonDocument(text: string, origin: string): ReadResult[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return [fail(origin, `not valid JSON (${(error as Error).message.split('\n')[0]})`)];
  }
  if (Array.isArray(value)) return value.map((item, index) => recordFromJson(item, `${origin}[${index}]`));
  return [recordFromJson(value, origin)];
}

/** A line longer than MAX_LINE_BYTES: its bytes are skipped, only its length is known. */
interface LongLine {
  tooLong: number;
}

/**
 * Splits a byte stream into lines and decodes each strictly, so that one line of bad UTF-8 fails alone.
 * Streaming keeps memory flat however large the JSONL file is: a partial line is kept as a list of chunks
 * (joining them on every chunk would be quadratic), and a line past MAX_LINE_BYTES is skipped, not kept.
 */
async function* byteLines(stream: Readable): AsyncGenerator<Uint8Array | LongLine> {
  let parts: Buffer[] = [];
  let length = 0;
  let skipping = false;
  const take = (tail: Buffer): Uint8Array | LongLine => {
    const line = skipping ? { tooLong: length + tail.length } : Buffer.concat([...parts, tail]);
    parts = [];
    length = 0;
    skipping = false;
    return line;
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let rest = chunk;
    let newline: number;
    while ((newline = rest.indexOf(0x0a)) >= 0) {
      yield take(rest.subarray(0, newline));
      rest = rest.subarray(newline + 1);
    }
    length += rest.length;
    if (skipping) continue;
    if (length > MAX_LINE_BYTES) {
      skipping = true;
      parts = [];
    } else if (rest.length > 0) parts.push(rest);
  }
  if (length > 0) yield take(Buffer.alloc(0));
}

export async function* readJsonLines(stream: Readable, name: string): AsyncGenerator<ReadResult> {
  await loadJsonValidation();
  let lineNumber = 0;
  for await (const bytes of byteLines(stream)) {
    lineNumber++;
    const origin = `${name}:${lineNumber}`;
    if ('tooLong' in bytes) {
      yield fail(
        origin,
        `line of ${megabytes(bytes.tooLong)} is longer than the ${megabytes(MAX_LINE_BYTES)} limit (skipped)`,
      );
      continue;
    }
    let line: string;
    try {
      line = decodeUtf8(bytes, origin).trim();
    } catch (error) {
      yield { ok: false, error: error as InputError };
      continue;
    }
    if (line === '') continue;
    yield parseJsonLine(line, origin);
  }
}

/** Reads a whole document-sized input (txt, html, json) already in memory. */
export function readDocument(bytes: Uint8Array, format: InputFormat, origin: string): ReadResult[] {
  if (looksBinary(bytes)) return [fail(origin, 'binary file, not text')];
  try {
    const text = format === 'html' ? decodeHtml(bytes, origin) : decodeUtf8(bytes, origin);
    if (text.trim() === '') return [fail(origin, 'empty file')];
    if (format === 'html') return [ok(origin, { html: text })];
    if (format === 'txt') return [readPlainText(text, origin)];
    if (format === 'json') return readJsonDocument(text, origin);
    return text
      .split('\n')
      .map((line, index) => ({ line: line.trim(), origin: `${origin}:${index + 1}` }))
      .filter(({ line }) => line !== '')
      .map(({ line, origin: lineOrigin }) => parseJsonLine(line, lineOrigin));
  } catch (error) {
    if (error instanceof InputError) return [{ ok: false, error }];
    throw error;
  }
}

function gunzip(bytes: Buffer, origin: string): Buffer {
  try {
    return gunzipSync(bytes, { maxOutputLength: MAX_DOCUMENT_BYTES });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE')
      throw new InputError(
        origin,
        `gzip expands beyond the ${megabytes(MAX_DOCUMENT_BYTES)} limit for one document (refused as a bomb; JSONL streams)`,
      );
    throw new InputError(origin, `broken gzip (${(error as Error).message})`);
  }
}

/** Reads a whole input already in memory: gunzips it if needed and parses it by format (or by sniffing). */
function* readBytes(
  bytes: Buffer<ArrayBufferLike>,
  format: InputFormat | undefined,
  origin: string,
): Generator<ReadResult> {
  let content = bytes;
  try {
    if (content[0] === 0x1f && content[1] === 0x8b) content = gunzip(content, origin);
  } catch (error) {
    yield { ok: false, error: error as InputError };
    return;
  }
  const head = new TextDecoder().decode(content.subarray(0, 2048));
  yield* readDocument(content, format ?? sniffFormat(head), origin);
}

/** Reads one file of any supported format. JSONL streams; other formats are read whole. */
export async function* readFileRecords(file: string): AsyncGenerator<ReadResult> {
  const format = formatOfPath(file);
  if (format === 'jsonl') {
    const raw = createReadStream(file);
    const stream = file.toLowerCase().endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
    // pipe() does not forward the file's own errors (a missing file) to the gunzip stream we read.
    if (stream !== raw) raw.on('error', (error) => stream.destroy(error));
    try {
      yield* readJsonLines(stream, file);
    } catch (error) {
      yield fail(file, `cannot read (${(error as Error).message})`);
    }
    return;
  }
  let bytes: Buffer;
  try {
    // Asked before reading, so that a huge file is refused without being held in memory.
    const { size } = await stat(file);
    if (size > MAX_DOCUMENT_BYTES) {
      yield fail(file, tooLargeReason(size));
      return;
    }
    bytes = await readFile(file);
  } catch (error) {
    yield fail(file, describeFsError(error));
    return;
  }
  // A file without a known extension is sniffed, and may turn out to be JSON.
  if (format !== 'txt' && format !== 'html') await loadJsonValidation();
  yield* readBytes(bytes, format, file);
}

function tooLargeReason(size: number): string {
  return `file of ${megabytes(size)} is larger than the ${megabytes(MAX_DOCUMENT_BYTES)} limit for one document (split it, or use JSONL)`;
}

/** Reads stdin, guessing the format from its first bytes. */
export async function* readStdinRecords(stdin: Readable = process.stdin): AsyncGenerator<ReadResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_DOCUMENT_BYTES) chunks.push(chunk);
  }
  if (size > MAX_DOCUMENT_BYTES) {
    yield fail('<stdin>', tooLargeReason(size));
    return;
  }
  await loadJsonValidation();
  yield* readBytes(Buffer.concat(chunks), undefined, '<stdin>');
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return (error as Error).message;
}
