/**
 * The bytes of a WARC file as a stream of pieces: data, and the start of each gzip member with its offset
 * in the compressed file. Common Crawl writes each record as its own gzip member and indexes records by
 * that offset, so knowing where members start lets errors name the offset a user can look up, and lets a
 * reader skip a broken record by going to the next member.
 *
 * Members are inflated one at a time with zlib's streaming raw inflater; where one ends is read from the
 * inflater's count of consumed bytes, and the bytes after it are handed back for the next member. Memory
 * stays bounded by the chunk size, however large the file or a record.
 */
import { createInflateRaw } from 'node:zlib';

export type Piece =
  | { kind: 'start'; offset: number; gzip: boolean }
  | { kind: 'data'; bytes: Buffer }
  | { kind: 'error'; offset: number; reason: string };

const CHUNK = 64 * 1024;

/** Pull-reads a byte stream, with bytes handed back (`unread`) served first. Source errors end it. */
export class ByteReader {
  private readonly pushedBack: Buffer[] = [];
  private finished = false;
  /** Bytes handed out so far, less those handed back: the offset of the next byte. */
  offset = 0;
  /** Why the source failed, if it did (the reader then acts as if at its end). */
  error?: Error;

  constructor(private readonly source: AsyncIterator<Uint8Array>) {}

  async read(max = CHUNK): Promise<Buffer | null> {
    let chunk = this.pushedBack.shift();
    while (!chunk || chunk.length === 0) {
      if (this.finished) return null;
      try {
        const next = await this.source.next();
        if (next.done) {
          this.finished = true;
          return null;
        }
        const value = next.value;
        chunk = Buffer.isBuffer(value)
          ? value
          : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
      } catch (error) {
        this.error = error as Error;
        this.finished = true;
        return null;
      }
    }
    if (chunk.length > max) {
      this.pushedBack.unshift(chunk.subarray(max));
      chunk = chunk.subarray(0, max);
    }
    this.offset += chunk.length;
    return chunk;
  }

  unread(bytes: Buffer): void {
    if (bytes.length === 0) return;
    this.pushedBack.unshift(bytes);
    this.offset -= bytes.length;
  }

  /** Up to `length` bytes; fewer only at the end. */
  async readUpTo(length: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    let size = 0;
    while (size < length) {
      const chunk = await this.read(length - size);
      if (!chunk) break;
      parts.push(chunk);
      size += chunk.length;
    }
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
  }

  async close(): Promise<void> {
    this.finished = true;
    await this.source.return?.();
  }
}

const FTEXT_FLAGS = { FHCRC: 2, FEXTRA: 4, FNAME: 8, FCOMMENT: 16 };

/**
 * Reads a gzip member header. Returns 'eof' at a clean end, an error reason for anything that is not a
 * gzip header, or 'ok' with the reader just past the header.
 */
async function readGzipHeader(reader: ByteReader): Promise<'ok' | 'eof' | { reason: string }> {
  const fixed = await reader.readUpTo(10);
  if (fixed.length === 0) return 'eof';
  if (fixed.length < 10 || fixed[0] !== 0x1f || fixed[1] !== 0x8b)
    return { reason: fixed.length < 10 ? 'truncated gzip header' : 'not a gzip member (bad magic bytes)' };
  if (fixed[2] !== 8) return { reason: `unknown gzip compression method ${fixed[2]}` };
  const flags = fixed[3]!;
  if (flags & FTEXT_FLAGS.FEXTRA) {
    const size = await reader.readUpTo(2);
    if (size.length < 2) return { reason: 'truncated gzip header' };
    const extra = await reader.readUpTo(size.readUInt16LE(0));
    if (extra.length < size.readUInt16LE(0)) return { reason: 'truncated gzip header' };
  }
  for (const flag of [FTEXT_FLAGS.FNAME, FTEXT_FLAGS.FCOMMENT]) {
    if (!(flag & flags)) continue;
    // A zero-terminated string (a file name or comment), bounded so that garbage cannot run on forever.
    for (let length = 0; ; length++) {
      const byte = await reader.readUpTo(1);
      if (byte.length === 0) return { reason: 'truncated gzip header' };
      if (byte[0] === 0) break;
      if (length > 65_536) return { reason: 'gzip header name or comment too long' };
    }
  }
  if (flags & FTEXT_FLAGS.FHCRC && (await reader.readUpTo(2)).length < 2)
    return { reason: 'truncated gzip header' };
  return 'ok';
}

/**
 * Inflates the raw deflate stream at the reader's position, yielding its output; the bytes after the
 * stream's end are handed back to the reader. Returns the output size, or the reason it failed.
 */
async function* inflateMember(reader: ByteReader): AsyncGenerator<Buffer, { size: number; error?: string }> {
  const inflate = createInflateRaw();
  // A write in flight when the inflater fails never calls back: 'close' ends the wait instead.
  const closed = new Promise<never>((_, reject) =>
    inflate.once('close', () => reject(new Error('inflater closed'))),
  );
  closed.catch(() => {});
  let written = 0;
  const producer = (async (): Promise<void> => {
    for (;;) {
      const chunk = await reader.read(CHUNK);
      if (!chunk) {
        if (!inflate.destroyed) inflate.end();
        return;
      }
      if (inflate.destroyed) {
        reader.unread(chunk);
        return;
      }
      try {
        await Promise.race([
          new Promise<void>((resolve, reject) =>
            inflate.write(chunk, (error) => (error ? reject(error) : resolve())),
          ),
          closed,
        ]);
      } catch (error) {
        // The member is broken somewhere in this chunk: whoever looks for the next member starts here.
        reader.unread(chunk);
        throw error;
      }
      written += chunk.length;
      // The inflater stops taking input where its stream ends: the rest belongs to what follows.
      const consumed = inflate.bytesWritten - (written - chunk.length);
      if (consumed < chunk.length) {
        reader.unread(chunk.subarray(Math.max(consumed, 0)));
        return;
      }
    }
  })();
  producer.catch(() => {}); // its failure is the inflater's, reported by the loop below
  let size = 0;
  try {
    for await (const out of inflate as AsyncIterable<Buffer>) {
      size += out.length;
      yield out;
    }
    await producer;
    return { size };
  } catch (error) {
    // Let the producer settle before anyone else reads: it may still hand bytes back.
    inflate.destroy();
    await producer.catch(() => {});
    const message = (error as Error).message;
    return {
      size,
      error: message === 'unexpected end of file' ? 'truncated gzip member' : `broken gzip (${message})`,
    };
  } finally {
    inflate.destroy();
  }
}

/** Skips ahead to the next gzip magic (1f 8b 08) after a broken member; false when there is none. */
async function seekNextMember(reader: ByteReader): Promise<boolean> {
  let carry: Buffer = Buffer.alloc(0);
  for (;;) {
    const chunk = await reader.read(CHUNK);
    if (!chunk) return false;
    const window = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    const index = window.indexOf(Buffer.from([0x1f, 0x8b, 0x08]));
    if (index >= 0) {
      reader.unread(window.subarray(index));
      return true;
    }
    carry = window.subarray(Math.max(0, window.length - 2));
  }
}

/** Pieces of a plain file: one start, then its data. */
async function* plainPieces(reader: ByteReader): AsyncGenerator<Piece> {
  yield { kind: 'start', offset: 0, gzip: false };
  for (;;) {
    const chunk = await reader.read(CHUNK);
    if (!chunk) break;
    yield { kind: 'data', bytes: chunk };
  }
  if (reader.error)
    yield { kind: 'error', offset: reader.offset, reason: `cannot read (${reader.error.message})` };
}

/** Pieces of a gzip file: a start per member (with its compressed offset), then the member's data. */
async function* gzipPieces(reader: ByteReader): AsyncGenerator<Piece> {
  for (;;) {
    const offset = reader.offset;
    const header = await readGzipHeader(reader);
    if (header === 'eof') break;
    if (header !== 'ok') {
      yield { kind: 'error', offset, reason: header.reason };
      if (await seekNextMember(reader)) continue;
      break;
    }
    yield { kind: 'start', offset, gzip: true };
    const inflated = inflateMember(reader);
    let result: IteratorResult<Buffer, { size: number; error?: string }>;
    while (!(result = await inflated.next()).done) yield { kind: 'data', bytes: result.value };
    const { size, error } = result.value;
    if (error) {
      yield { kind: 'error', offset, reason: reader.error ? `cannot read (${reader.error.message})` : error };
      if (!reader.error && (await seekNextMember(reader))) continue;
      break;
    }
    const trailer = await reader.readUpTo(8);
    if (trailer.length < 8) {
      yield { kind: 'error', offset, reason: 'truncated gzip member (no trailer)' };
      break;
    }
    if (trailer.readUInt32LE(4) !== size % 2 ** 32)
      yield { kind: 'error', offset, reason: 'broken gzip member (length in its trailer does not match)' };
  }
  if (reader.error)
    yield { kind: 'error', offset: reader.offset, reason: `cannot read (${reader.error.message})` };
}

/** The pieces of a WARC byte stream, gzip (one or many members) or plain, told apart by the first bytes. */
export async function* warcPieces(source: AsyncIterable<Uint8Array>): AsyncGenerator<Piece> {
  const reader = new ByteReader(source[Symbol.asyncIterator]());
  try {
    const head = await reader.readUpTo(2);
    reader.unread(head);
    if (head.length === 0 && reader.error) {
      yield { kind: 'error', offset: 0, reason: `cannot read (${reader.error.message})` };
      return;
    }
    yield* head[0] === 0x1f && head[1] === 0x8b ? gzipPieces(reader) : plainPieces(reader);
  } finally {
    await reader.close();
  }
}
