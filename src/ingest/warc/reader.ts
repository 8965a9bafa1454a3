/**
 * WARC and WARC.gz (the Common Crawl format), streamed: headers are parsed, each record's block is read
 * as a stream of Content-Length bytes, gzip members are inflated one by one, so a file of any size is read
 * in bounded memory. `response` records with HTTP status 200 and an HTML content type become records
 * `{ url: WARC-Target-URI, date: WARC-Date, html }`; other records are skipped without a word.
 *
 * A broken record (truncated, a Content-Length that lies, a broken gzip member) is one error naming the
 * file and the record's offset; reading goes on at the next gzip member, or at the next "WARC/1.x" line.
 */
import { createReadStream } from 'node:fs';
import type { ArticleInput } from '../../model/schema.js';
import { InputError } from '../errors.js';
import { decodeHtmlBody, mediaTypeOf } from '../fetch/body.js';
import type { ReadResult } from '../readers.js';
import { decodeContent, dechunk, parseHttpResponse } from './http.js';
import { warcPieces, type Piece } from './pieces.js';
import { parseHeaderFields } from './fields.js';

export interface WarcOptions {
  /** Response records larger than this are skipped with an error (default 10 MB). */
  maxRecordBytes?: number;
}

export interface WarcRecord {
  /** Where the record starts, for messages and origins. */
  origin: string;
  headers: Map<string, string>;
  contentLength: number;
  /** The record block; only for records worth reading (responses within the size cap). */
  block?: Buffer;
}

export const DEFAULT_MAX_RECORD_BYTES = 10 * 1024 * 1024;
const MAX_WARC_HEADER_BYTES = 64 * 1024;
/** How much of an oversized response is kept to tell whether it was an HTML page worth an error. */
const PEEK_BYTES = 16 * 1024;
const CRLF2 = Buffer.from('\r\n\r\n');
const RESYNC = Buffer.from('\nWARC/1.');
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/** `.warc`, `.warc.gz`, `.arc`-less: the names a WARC file goes by. */
export function isWarcPath(file: string): boolean {
  return /\.warc(\.gz)?$/i.test(file);
}

/** Bytes of the current segment (a gzip member, or the whole of a plain file), with one piece of lookahead. */
class Cursor {
  private buffer: Buffer = Buffer.alloc(0);
  private lookahead: Piece | null | undefined;
  /** Offset of the current gzip member in the compressed file (0 for a plain file). */
  memberOffset = 0;
  gzip = false;
  /** Position of `buffer[0]` in the current segment's bytes (after gunzip). */
  position = 0;

  constructor(private readonly pieces: AsyncIterator<Piece>) {}

  get bytes(): Buffer {
    return this.buffer;
  }

  private async peek(): Promise<Piece | null> {
    if (this.lookahead === undefined) {
      const next = await this.pieces.next();
      this.lookahead = next.done ? null : next.value;
    }
    return this.lookahead;
  }

  /** Appends the segment's next bytes to the buffer; false when the segment has no more. */
  async fill(): Promise<boolean> {
    const piece = await this.peek();
    if (!piece || piece.kind !== 'data') return false;
    this.lookahead = undefined;
    this.buffer = this.buffer.length === 0 ? piece.bytes : Buffer.concat([this.buffer, piece.bytes]);
    return true;
  }

  /** Fills until the buffer holds `length` bytes or the segment ends; true if it holds them. */
  async ensure(length: number): Promise<boolean> {
    while (this.buffer.length < length) if (!(await this.fill())) return false;
    return true;
  }

  take(length: number): Buffer {
    const taken = this.buffer.subarray(0, length);
    this.buffer = this.buffer.subarray(length);
    this.position += taken.length;
    return taken;
  }

  /** Puts bytes of the current segment back in front of the buffer. */
  unread(bytes: Buffer): void {
    if (bytes.length === 0) return;
    this.buffer = this.buffer.length === 0 ? bytes : Buffer.concat([bytes, this.buffer]);
    this.position -= bytes.length;
  }

  /** What ends the current segment: the next member, an error, or the end of input (null). */
  async boundary(): Promise<Piece | null> {
    do this.take(this.buffer.length);
    while (await this.fill());
    return this.peek();
  }

  /** Drops the rest of the segment and moves past the boundary; returns that boundary piece. */
  async advance(): Promise<Piece | null> {
    const piece = await this.boundary();
    this.buffer = Buffer.alloc(0);
    this.lookahead = undefined;
    if (piece?.kind === 'start') {
      this.memberOffset = piece.offset;
      this.gzip = piece.gzip;
      this.position = 0;
    }
    return piece;
  }

  /** Where the next byte sits, in words a user can look up. */
  where(name: string): string {
    if (!this.gzip || this.position === 0)
      return `${name} (record at byte ${this.memberOffset + (this.gzip ? 0 : this.position)})`;
    return `${name} (record at byte ${this.position} of the gzip member at byte ${this.memberOffset})`;
  }
}

function parseWarcHeaders(text: string): { version: string; headers: Map<string, string> } | string {
  const lines = text.split(/\r?\n/);
  const version = lines[0]?.trim() ?? '';
  if (!/^WARC\/1\.[01]$/.test(version)) return `not a WARC record (starts with "${version.slice(0, 30)}")`;
  const headers = parseHeaderFields(lines.slice(1), { strict: true });
  if (!(headers instanceof Map)) return `bad WARC header line "${headers.badLine.slice(0, 40)}"`;
  return { version, headers };
}

/** Skips at least one byte, then to the next line that starts a WARC record (within the segment). */
async function resync(cursor: Cursor): Promise<void> {
  if (!(await cursor.ensure(1))) return;
  cursor.take(1);
  for (;;) {
    const index = cursor.bytes.indexOf(RESYNC);
    if (index >= 0) {
      cursor.take(index + 1);
      if (!(await cursor.ensure(RESYNC.length + 3))) return;
      if (/^WARC\/1\.[01]\r?\n/.test(cursor.bytes.subarray(0, RESYNC.length + 3).toString('latin1'))) return;
      continue;
    }
    cursor.take(Math.max(0, cursor.bytes.length - RESYNC.length));
    if (!(await cursor.fill())) {
      cursor.take(cursor.bytes.length);
      return;
    }
  }
}

type Step = { kind: 'record'; record: WarcRecord } | { kind: 'error'; error: InputError } | { kind: 'skip' };

/**
 * Every record of a WARC stream, as headers and (for responses within the cap) the block; broken records
 * come as errors, and reading goes on.
 */
export async function* readWarcRecords(
  source: AsyncIterable<Uint8Array>,
  name: string,
  options: WarcOptions = {},
): AsyncGenerator<{ ok: true; record: WarcRecord } | { ok: false; error: InputError }> {
  const maxRecordBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const pieces = warcPieces(source);
  const cursor = new Cursor(pieces);
  try {
    for (;;) {
      // Between records: blank lines are tolerated.
      while ((await cursor.ensure(1)) && (cursor.bytes[0] === 0x0d || cursor.bytes[0] === 0x0a))
        cursor.take(1);
      if (cursor.bytes.length === 0) {
        const piece = await cursor.advance();
        if (!piece) return;
        if (piece.kind === 'error') {
          const origin =
            piece.offset === 0 && !cursor.gzip ? name : `${name} (gzip member at byte ${piece.offset})`;
          yield { ok: false, error: new InputError(origin, piece.reason) };
        }
        continue;
      }
      const step = await readRecord(cursor, name, maxRecordBytes);
      if (step.kind === 'record') yield { ok: true, record: step.record };
      else if (step.kind === 'error') yield { ok: false, error: step.error };
    }
  } finally {
    await pieces.return(undefined);
  }
}

async function readRecord(cursor: Cursor, name: string, maxRecordBytes: number): Promise<Step> {
  const origin = cursor.where(name);
  const atMemberStart = cursor.gzip && cursor.position === 0;
  const fail = async (reason: string, consumed: Buffer[]): Promise<Step> => {
    // Recover: a record that has its own gzip member ends with it; otherwise look for the next record
    // line, starting again just after this record's first byte (a lying length may have swallowed it).
    if (atMemberStart) await cursor.boundary();
    else {
      for (const bytes of consumed.reverse()) cursor.unread(bytes);
      await resync(cursor);
    }
    return { kind: 'error', error: new InputError(origin, reason) };
  };

  // Header: up to the first blank line.
  let headerEnd = -1;
  for (let searched = 0; ;) {
    headerEnd = cursor.bytes.indexOf(CRLF2, Math.max(0, searched - 3));
    if (headerEnd >= 0 || cursor.bytes.length > MAX_WARC_HEADER_BYTES) break;
    searched = cursor.bytes.length;
    if (!(await cursor.fill())) break;
  }
  if (headerEnd < 0 || headerEnd > MAX_WARC_HEADER_BYTES) {
    if (cursor.bytes.length > MAX_WARC_HEADER_BYTES) return fail('WARC header longer than 64 KB', []);
    const head = cursor.bytes.subarray(0, 30).toString('latin1');
    const next = await cursor.boundary();
    if (next?.kind === 'error' && /^WARC\/1\./.test(head)) {
      await cursor.advance();
      return { kind: 'error', error: new InputError(origin, `${next.reason} (inside the WARC header)`) };
    }
    return fail(
      /^WARC\/1\./.test(head)
        ? 'truncated record: the input ends inside its WARC header'
        : `not a WARC record (starts with "${head.split(/\r?\n/)[0]}")`,
      [],
    );
  }
  const headerBytes = cursor.take(headerEnd + 4);
  const parsed = parseWarcHeaders(headerBytes.subarray(0, headerEnd).toString('utf8'));
  if (typeof parsed === 'string') return fail(parsed, [headerBytes]);
  const { headers } = parsed;
  const lengthText = headers.get('content-length');
  const contentLength = lengthText !== undefined && /^\d+$/.test(lengthText) ? Number(lengthText) : NaN;
  if (!Number.isSafeInteger(contentLength))
    return fail(`missing or invalid Content-Length "${lengthText ?? ''}"`, [headerBytes]);

  // Block: Content-Length bytes, kept only when it is a response we may read.
  const isResponse =
    headers.get('warc-type') === 'response' &&
    /^application\/http/i.test(headers.get('content-type') ?? 'application/http');
  const keepAll = isResponse && contentLength <= maxRecordBytes;
  const keepLimit = keepAll ? contentLength : isResponse ? PEEK_BYTES : 0;
  const kept: Buffer[] = [];
  let keptSize = 0;
  let remaining = contentLength;
  while (remaining > 0) {
    if (cursor.bytes.length === 0 && !(await cursor.fill())) break;
    const part = cursor.take(Math.min(remaining, cursor.bytes.length));
    remaining -= part.length;
    if (keptSize < keepLimit) {
      const slice = part.subarray(0, keepLimit - keptSize);
      kept.push(slice);
      keptSize += slice.length;
    }
  }
  if (remaining > 0) {
    const got = contentLength - remaining;
    const next = await cursor.boundary();
    let reason: string;
    if (next?.kind === 'start')
      reason = `Content-Length ${contentLength} is longer than the record: its gzip member ends after ${got} bytes`;
    else if (next?.kind === 'error') {
      // The gzip member broke inside this record: one error for both, naming the record.
      await cursor.advance();
      reason = `${next.reason}: Content-Length ${contentLength}, only ${got} bytes could be read`;
    } else
      reason = `truncated record: Content-Length ${contentLength}, but the input ends after ${got} bytes`;
    return { kind: 'error', error: new InputError(origin, reason) };
  }
  // The block is followed by a blank line (CRLF CRLF); anything else means the length lied.
  await cursor.ensure(4);
  const trailer = cursor.bytes.subarray(0, 4);
  if (trailer.equals(CRLF2)) cursor.take(4);
  else {
    const segmentEnded = trailer.length < 4;
    if (!(segmentEnded && CRLF2.subarray(0, trailer.length).equals(trailer))) {
      const block = keepAll ? [Buffer.concat(kept, keptSize)] : [];
      return fail(
        `Content-Length ${contentLength} does not match the record (no blank line after the block)`,
        keepAll ? [headerBytes, ...block] : [],
      );
    }
    cursor.take(trailer.length);
  }
  if (!isResponse) return { kind: 'skip' };
  const block = Buffer.concat(kept, keptSize);
  if (!keepAll) {
    const http = parseHttpResponse(block);
    if (
      typeof http !== 'string' &&
      http.status === 200 &&
      HTML_TYPES.has(mediaTypeOf(http.headers.get('content-type')))
    )
      return {
        kind: 'error',
        error: new InputError(
          origin,
          `response of ${contentLength} bytes exceeds the ${maxRecordBytes}-byte limit (skipped)`,
        ),
      };
    return { kind: 'skip' };
  }
  return { kind: 'record', record: { origin, headers, contentLength, block } };
}

/** A response record as an article input, or undefined when it is not a 200 HTML page. */
export function warcRecordToInput(
  record: WarcRecord,
  maxBytes = DEFAULT_MAX_RECORD_BYTES,
): ArticleInput | undefined | InputError {
  if (!record.block) return undefined;
  const http = parseHttpResponse(record.block);
  if (typeof http === 'string') return new InputError(record.origin, http);
  if (http.status !== 200) return undefined;
  const contentType = http.headers.get('content-type');
  if (!HTML_TYPES.has(mediaTypeOf(contentType))) return undefined;
  let body: Buffer | string = http.body;
  if (/\bchunked\b/i.test(http.headers.get('transfer-encoding') ?? '')) body = dechunk(body);
  if (typeof body === 'string') return new InputError(record.origin, body);
  body = decodeContent(body, http.headers.get('content-encoding'), maxBytes);
  if (typeof body === 'string') return new InputError(record.origin, body);
  const html = decodeHtmlBody(body, contentType, record.origin);
  if (html.trim() === '') return new InputError(record.origin, 'empty HTML page');
  const url = record.headers.get('warc-target-uri')?.replace(/^<(.*)>$/, '$1');
  const date = record.headers.get('warc-date');
  return { html, ...(url ? { url } : {}), ...(date ? { date } : {}) };
}

/** The HTML pages of a WARC stream as readers' records. */
export async function* readWarcStream(
  source: AsyncIterable<Uint8Array>,
  name: string,
  options: WarcOptions = {},
): AsyncGenerator<ReadResult> {
  for await (const result of readWarcRecords(source, name, options)) {
    if (!result.ok) {
      yield result;
      continue;
    }
    const input = warcRecordToInput(result.record, options.maxRecordBytes);
    if (input instanceof InputError) yield { ok: false, error: input };
    else if (input) yield { ok: true, record: { origin: result.record.origin, input } };
  }
}

/** The HTML pages of a `.warc` or `.warc.gz` file, streamed. */
export async function* readWarcFile(file: string, options: WarcOptions = {}): AsyncGenerator<ReadResult> {
  yield* readWarcStream(createReadStream(file, { highWaterMark: 64 * 1024 }), file, options);
}
