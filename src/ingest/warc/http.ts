/**
 * The HTTP response inside a WARC `response` record: status line, headers, and the body with its
 * transfer and content encodings undone (chunked; gzip, deflate, br), within a size cap.
 */
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { parseHeaderFields } from './fields.js';

export interface HttpResponse {
  status: number;
  /** Lower-case header names; repeated headers joined with ", ". */
  headers: Map<string, string>;
  body: Buffer;
}

const MAX_HEADER_BYTES = 64 * 1024;

/** Splits an HTTP response into status, headers and raw body; a string is the reason it is not one. */
export function parseHttpResponse(block: Buffer): HttpResponse | string {
  const head = block.subarray(0, MAX_HEADER_BYTES);
  let end = head.indexOf('\r\n\r\n');
  let separator = 4;
  const lfEnd = head.indexOf('\n\n');
  if (end < 0 || (lfEnd >= 0 && lfEnd < end)) {
    end = lfEnd;
    separator = 2;
  }
  if (end < 0) return 'HTTP headers not terminated';
  const lines = head.subarray(0, end).toString('latin1').split(/\r?\n/);
  const status = /^HTTP\/\d(?:\.\d)?\s+(\d{3})\b/.exec(lines[0] ?? '');
  if (!status) return `not an HTTP response ("${(lines[0] ?? '').slice(0, 40)}")`;
  const headers = parseHeaderFields(lines.slice(1), { strict: false }) as Map<string, string>;
  return { status: Number(status[1]), headers, body: block.subarray(end + separator) };
}

/** Undoes `Transfer-Encoding: chunked`; a string is the reason it could not. */
export function dechunk(body: Buffer): Buffer | string {
  const parts: Buffer[] = [];
  let position = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', position);
    if (lineEnd < 0) return parts.length > 0 ? Buffer.concat(parts) : 'broken chunked encoding';
    const size = Number.parseInt(
      body.subarray(position, lineEnd).toString('latin1').split(';')[0]!.trim(),
      16,
    );
    if (!Number.isFinite(size) || size < 0) return 'broken chunked encoding';
    if (size === 0) return Buffer.concat(parts);
    const start = lineEnd + 2;
    // A record cut short (WARC-Truncated) keeps what it has.
    parts.push(body.subarray(start, Math.min(start + size, body.length)));
    if (start + size >= body.length) return Buffer.concat(parts);
    position = start + size + 2;
  }
}

/** Undoes a Content-Encoding, capped at `maxBytes` of output; a string is the reason it could not. */
export function decodeContent(body: Buffer, encoding: string | undefined, maxBytes: number): Buffer | string {
  const codings = (encoding ?? '')
    .toLowerCase()
    .split(',')
    .map((coding) => coding.trim())
    .filter((coding) => coding !== '' && coding !== 'identity');
  let data = body;
  // Codings apply in the order listed, so they are undone last first.
  for (const coding of codings.reverse()) {
    const options = { maxOutputLength: maxBytes };
    try {
      if (coding === 'gzip' || coding === 'x-gzip') {
        // Some crawlers store the body already decoded but keep the header: take it as it is.
        if (data[0] !== 0x1f || data[1] !== 0x8b) continue;
        data = gunzipSync(data, { ...options, finishFlush: 2 /* Z_SYNC_FLUSH: keep a truncated tail */ });
      } else if (coding === 'deflate') {
        try {
          data = inflateSync(data, options);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw error;
          data = inflateRawSync(data, options); // servers that send raw deflate
        }
      } else if (coding === 'br') data = brotliDecompressSync(data, options);
      else return `unknown Content-Encoding "${coding}"`;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
        return `body expands beyond ${Math.round(maxBytes / 1024 / 1024)} MB (refused)`;
      return `broken ${coding} body (${(error as Error).message})`;
    }
  }
  return data;
}
