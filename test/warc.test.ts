/** WARC and WARC.gz: streamed records, HTML responses as records, broken records as one error each. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { readInputs } from '../src/ingest/sources.js';
import type { ReadResult } from '../src/ingest/readers.js';
import { isWarcPath, readWarcFile, readWarcStream } from '../src/ingest/warc/reader.js';
import { cli, tempDir } from './support.js';

const CRLF = '\r\n';
let recordCounter = 0;

function warcRecord(
  type: string,
  block: Buffer | string,
  headers: Record<string, string> = {},
  options: { contentLength?: number } = {},
): Buffer {
  const body = Buffer.isBuffer(block) ? block : Buffer.from(block, 'utf8');
  const lines = [
    'WARC/1.0',
    `WARC-Type: ${type}`,
    `WARC-Record-ID: <urn:uuid:${String(recordCounter++ % 1000).padStart(12, '0')}>`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    `Content-Length: ${options.contentLength ?? body.length}`,
  ];
  return Buffer.concat([
    Buffer.from(lines.join(CRLF) + CRLF + CRLF, 'latin1'),
    body,
    Buffer.from(CRLF + CRLF),
  ]);
}

function httpResponse(status: string, headers: Record<string, string>, body: Buffer | string): Buffer {
  const head = [
    `HTTP/1.1 ${status}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ].join(CRLF);
  return Buffer.concat([
    Buffer.from(head + CRLF + CRLF, 'latin1'),
    Buffer.isBuffer(body) ? body : Buffer.from(body),
  ]);
}

const page = (title: string, text: string): string =>
  `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1><p>${text}</p></article></body></html>`;

function response(
  url: string,
  date: string,
  http: Buffer,
  extra: Record<string, string> = {},
  options = {},
): Buffer {
  return warcRecord(
    'response',
    http,
    {
      'WARC-Target-URI': url,
      'WARC-Date': date,
      'Content-Type': 'application/http; msgtype=response',
      ...extra,
    },
    options,
  );
}

/** A small crawl: metadata, a request, HTML pages in several encodings, and responses to skip. */
function sampleRecords(): Buffer[] {
  const latin1 = Buffer.from(
    page('Déjà vu', 'Le président français a rencontré le chancelier allemand à Paris.'),
    'latin1',
  );
  return [
    warcRecord('warcinfo', 'software: test\r\nformat: WARC File Format 1.0\r\n', {
      'Content-Type': 'application/warc-fields',
    }),
    warcRecord('request', 'GET /a HTTP/1.1\r\nHost: news.test\r\n\r\n', {
      'WARC-Target-URI': 'https://news.test/a',
      'Content-Type': 'application/http; msgtype=request',
    }),
    response(
      'https://news.test/a',
      '2023-06-19T10:00:00Z',
      httpResponse(
        '200 OK',
        { 'Content-Type': 'text/html; charset=utf-8' },
        page('Talks in Beijing', 'China and the United States held talks in Beijing on Monday.'),
      ),
    ),
    response(
      'https://news.test/latin',
      '2023-06-20T08:30:00Z',
      httpResponse('200 OK', { 'Content-Type': 'text/html; charset=ISO-8859-1' }, latin1),
    ),
    response(
      'https://news.test/gzip',
      '2023-06-21T00:00:00Z',
      httpResponse(
        '200 OK',
        { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip' },
        gzipSync(page('Compressed', 'Russia and Ukraine exchanged prisoners, officials said.')),
      ),
    ),
    response(
      'https://news.test/chunked',
      '2023-06-22T00:00:00Z',
      httpResponse(
        '200 OK',
        { 'Content-Type': 'text/html', 'Transfer-Encoding': 'chunked' },
        (() => {
          const html = page('Chunked', 'Japan and India signed a trade agreement in Tokyo.');
          const half = Math.floor(html.length / 2);
          const chunk = (text: string): string => `${Buffer.byteLength(text).toString(16)}\r\n${text}\r\n`;
          return chunk(html.slice(0, half)) + chunk(html.slice(half)) + '0\r\n\r\n';
        })(),
      ),
    ),
    response(
      'https://news.test/missing',
      '2023-06-19T10:00:00Z',
      httpResponse('404 Not Found', { 'Content-Type': 'text/html' }, page('Not found', 'Nothing here.')),
    ),
    response(
      'https://news.test/moved',
      '2023-06-19T10:00:00Z',
      httpResponse('301 Moved Permanently', { Location: 'https://news.test/a' }, ''),
    ),
    response(
      'https://news.test/logo.png',
      '2023-06-19T10:00:00Z',
      httpResponse('200 OK', { 'Content-Type': 'image/png' }, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0])),
    ),
    warcRecord('metadata', 'fetchTimeMs: 120\r\n', {
      'WARC-Target-URI': 'https://news.test/a',
      'Content-Type': 'application/warc-fields',
    }),
  ];
}

const gzipMembers = (records: Buffer[]): Buffer => Buffer.concat(records.map((record) => gzipSync(record)));

async function readAll(results: AsyncIterable<ReadResult>): Promise<ReadResult[]> {
  const all: ReadResult[] = [];
  for await (const result of results) all.push(result);
  return all;
}

const pages = (results: ReadResult[]) => results.flatMap((result) => (result.ok ? [result.record] : []));
const errors = (results: ReadResult[]) =>
  results.flatMap((result) => (result.ok ? [] : [result.error.message]));

/** Reads a buffer through a stream of small chunks, so records straddle chunk boundaries. */
function chunked(bytes: Buffer, size = 1000): Readable {
  return Readable.from(
    (function* () {
      for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
    })(),
  );
}

describe('WARC', () => {
  it('recognises WARC file names', () => {
    assert.ok(isWarcPath('crawl.warc'));
    assert.ok(isWarcPath('CC-MAIN-2023.warc.gz'));
    assert.ok(!isWarcPath('crawl.wat.gz'));
  });

  it('reads 200 HTML responses of a plain .warc, with target URI, WARC-Date and decoded bodies', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'crawl.warc');
    writeFileSync(file, Buffer.concat(sampleRecords()));
    const results = await readAll(readWarcFile(file));
    assert.deepEqual(errors(results), []);
    const records = pages(results);
    assert.deepEqual(
      records.map((record) => record.input.url),
      [
        'https://news.test/a',
        'https://news.test/latin',
        'https://news.test/gzip',
        'https://news.test/chunked',
      ],
    );
    assert.equal(records[0]!.input.date, '2023-06-19T10:00:00Z');
    assert.match(records[0]!.input.html ?? '', /held talks in Beijing/);
    assert.match(records[1]!.input.html ?? '', /Déjà vu.*président français/s);
    assert.match(records[2]!.input.html ?? '', /exchanged prisoners/);
    assert.match(records[3]!.input.html ?? '', /<p>Japan and India signed a trade agreement in Tokyo\.<\/p>/);
    assert.match(records[0]!.origin, /crawl\.warc \(record at byte \d+\)$/);
  });

  it('reads a .warc.gz with one gzip member per record (Common Crawl), naming member offsets', async () => {
    const records = sampleRecords();
    const bytes = gzipMembers(records);
    const results = await readAll(readWarcStream(chunked(bytes, 333), 'cc.warc.gz'));
    assert.deepEqual(errors(results), []);
    const found = pages(results);
    assert.equal(found.length, 4);
    // The origin names the compressed offset of the record's member, as Common Crawl's index does.
    const offsetOfThird = gzipSync(records[0]!).length + gzipSync(records[1]!).length;
    assert.ok(
      found[0]!.origin.endsWith(`(record at byte ${offsetOfThird})`),
      `${found[0]!.origin} should name byte ${offsetOfThird}`,
    );
  });

  it('reads a .warc.gz compressed as one single member', async () => {
    const results = await readAll(
      readWarcStream(chunked(gzipSync(Buffer.concat(sampleRecords())), 4096), 'one.warc.gz'),
    );
    assert.deepEqual(errors(results), []);
    assert.equal(pages(results).length, 4);
  });

  it('reports a truncated last record with file and offset, keeping the records before it', async () => {
    const records = sampleRecords().slice(0, 4);
    const whole = Buffer.concat(records);
    const cut = whole.subarray(0, whole.length - 200);
    const start = whole.length - records[3]!.length;
    const results = await readAll(readWarcStream(chunked(cut), 'cut.warc'));
    assert.equal(pages(results).length, 1);
    assert.deepEqual(errors(results), [
      `cut.warc (record at byte ${start}): truncated record: Content-Length ${records[3]!.length - records[3]!.indexOf('\r\n\r\n') - 8}, but the input ends after ${records[3]!.length - records[3]!.indexOf('\r\n\r\n') - 8 - 196} bytes`,
    ]);
  });

  it('reports a truncated gzip member of a .warc.gz and stops without hanging', async () => {
    const records = sampleRecords().slice(2, 5);
    const full = gzipMembers(records);
    const cut = full.subarray(0, full.length - 30);
    const results = await readAll(readWarcStream(chunked(cut), 'cut.warc.gz'));
    assert.equal(pages(results).length, 2);
    const lastStart = gzipSync(records[0]!).length + gzipSync(records[1]!).length;
    assert.equal(errors(results).length, 1);
    assert.match(
      errors(results)[0]!,
      new RegExp(
        `^cut\\.warc\\.gz \\(record at byte ${lastStart}\\): truncated gzip member: Content-Length \\d+, only \\d+ bytes could be read$`,
      ),
    );
  });

  it('a Content-Length that is too long, in a .warc.gz, fails that record only', async () => {
    const good = sampleRecords()[2]!;
    const http = httpResponse(
      '200 OK',
      { 'Content-Type': 'text/html' },
      page('Liar', 'This record says it is longer than it is.'),
    );
    const liar = response(
      'https://news.test/liar',
      '2023-06-19T10:00:00Z',
      http,
      {},
      { contentLength: http.length + 500 },
    );
    const bytes = gzipMembers([good, liar, good]);
    const results = await readAll(readWarcStream(chunked(bytes), 'liar.warc.gz'));
    assert.equal(pages(results).length, 2);
    assert.deepEqual(errors(results), [
      `liar.warc.gz (record at byte ${gzipSync(good).length}): Content-Length ${http.length + 500} is longer than the record: its gzip member ends after ${http.length + 4} bytes`,
    ]);
  });

  it('a Content-Length that lies, in a plain .warc, fails that record and reading goes on', async () => {
    const good = sampleRecords()[2]!;
    const http = httpResponse(
      '200 OK',
      { 'Content-Type': 'text/html' },
      page('Liar', 'This record lies about its length.'),
    );
    const tooShort = response(
      'https://news.test/short',
      '2023-06-19T10:00:00Z',
      http,
      {},
      { contentLength: http.length - 40 },
    );
    const tooLong = response(
      'https://news.test/long',
      '2023-06-19T10:00:00Z',
      http,
      {},
      { contentLength: http.length + 60 },
    );
    const bytes = Buffer.concat([good, tooShort, good, tooLong, good]);
    const results = await readAll(readWarcStream(chunked(bytes, 500), 'liar.warc'));
    // Every honest record is read, each liar is one error naming its offset.
    assert.equal(pages(results).length, 3);
    const errs = errors(results);
    assert.equal(errs.length, 2);
    assert.equal(
      errs[0],
      `liar.warc (record at byte ${good.length}): Content-Length ${http.length - 40} does not match the record (no blank line after the block)`,
    );
    assert.equal(
      errs[1],
      `liar.warc (record at byte ${2 * good.length + tooShort.length}): Content-Length ${http.length + 60} does not match the record (no blank line after the block)`,
    );
  });

  it('a missing Content-Length and garbage between records are errors, not crashes', async () => {
    const good = sampleRecords()[2]!;
    const noLength = Buffer.from(
      'WARC/1.0\r\nWARC-Type: response\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<html></html>\r\n\r\n',
    );
    const garbage = Buffer.from('this is not a WARC record at all\r\n\r\n');
    const results = await readAll(
      readWarcStream(chunked(Buffer.concat([garbage, good, noLength, good])), 'mixed.warc'),
    );
    assert.equal(pages(results).length, 2);
    assert.deepEqual(errors(results), [
      'mixed.warc (record at byte 0): not a WARC record (starts with "this is not a WARC record at a")',
      `mixed.warc (record at byte ${garbage.length + good.length}): missing or invalid Content-Length ""`,
    ]);
  });

  it('skips a response larger than the limit with an error, streaming past it', async () => {
    const good = sampleRecords()[2]!;
    const big = response(
      'https://news.test/big',
      '2023-06-19T10:00:00Z',
      httpResponse('200 OK', { 'Content-Type': 'text/html' }, page('Big', 'x'.repeat(300_000))),
    );
    const results = await readAll(
      readWarcStream(chunked(Buffer.concat([big, good]), 8192), 'big.warc', { maxRecordBytes: 100_000 }),
    );
    assert.equal(pages(results).length, 1);
    assert.match(
      errors(results)[0] ?? '',
      /^big\.warc \(record at byte 0\): response of \d+ bytes exceeds the 100000-byte limit \(skipped\)$/,
    );
  });

  it('streams a record of 200 MB in bounded memory', async () => {
    const size = 200 * 1024 * 1024;
    const header = Buffer.from(
      `WARC/1.0\r\nWARC-Type: resource\r\nContent-Type: application/octet-stream\r\nContent-Length: ${size}\r\n\r\n`,
    );
    const good = sampleRecords()[2]!;
    const zeros = Buffer.alloc(1024 * 1024);
    let peak = 0;
    const source = Readable.from(
      (function* () {
        yield header;
        for (let sent = 0; sent < size; sent += zeros.length) {
          peak = Math.max(peak, process.memoryUsage().arrayBuffers);
          yield zeros;
        }
        yield Buffer.from('\r\n\r\n');
        yield good;
      })(),
    );
    const before = process.memoryUsage().arrayBuffers;
    const results = await readAll(readWarcStream(source, 'huge.warc'));
    assert.deepEqual(errors(results), []);
    assert.equal(pages(results).length, 1);
    assert.ok(
      peak - before < 64 * 1024 * 1024,
      `array buffers grew by ${Math.round((peak - before) / 1e6)} MB`,
    );
  });

  it('gives the same records however the input is chunked', { timeout: 60_000 }, async () => {
    const records = sampleRecords();
    for (const bytes of [Buffer.concat(records), gzipMembers(records)])
      for (const size of [1, 7, 100, 65536]) {
        const results = await readAll(readWarcStream(chunked(bytes, size), 'x.warc'));
        assert.deepEqual(errors(results), [], `chunks of ${size}`);
        assert.equal(pages(results).length, 4, `chunks of ${size}`);
      }
  });

  it(
    'a corrupt gzip member is one error and reading goes on at the next member',
    { timeout: 30_000 },
    async () => {
      const records = sampleRecords().slice(2, 5);
      const members = records.map((record) => gzipSync(record));
      const broken = Buffer.from(members[1]!);
      broken.fill(0xff, 20, 60); // garbage in the deflate data
      const results = await readAll(
        readWarcStream(chunked(Buffer.concat([members[0]!, broken, members[2]!])), 'bad.warc.gz'),
      );
      assert.deepEqual(
        pages(results).map((record) => record.input.url),
        ['https://news.test/a', 'https://news.test/gzip'],
      );
      assert.equal(errors(results).length, 1);
      assert.match(
        errors(results)[0]!,
        new RegExp(`^bad\\.warc\\.gz \\((record|gzip member) at byte ${members[0]!.length}\\): broken gzip`),
      );
    },
  );

  it('ends, without hanging or throwing, wherever a file is cut', { timeout: 60_000 }, async () => {
    const records = sampleRecords();
    for (const bytes of [Buffer.concat(records), gzipMembers(records)])
      for (let cut = 0; cut < bytes.length; cut += 97) {
        const results = await readAll(readWarcStream(chunked(bytes.subarray(0, cut), 256), 'cut.warc'));
        assert.ok(pages(results).length <= 4);
        assert.ok(errors(results).length <= 1, `cut at ${cut}: ${errors(results).join(' | ')}`);
      }
  });

  it('is read by readInputs from a folder, beside other inputs', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'crawl.warc.gz'), gzipMembers(sampleRecords()));
    writeFileSync(path.join(dir, 'note.txt'), 'A note\nFrance and Germany held talks in Paris.\n');
    const results = await readAll(readInputs([dir]));
    assert.deepEqual(errors(results), []);
    assert.equal(pages(results).length, 5);
    assert.equal(pages(results).filter((record) => record.input.html !== undefined).length, 4);
  });

  it('is what `parley ingest crawl.warc.gz` stores, end to end: target URI and fetch date kept', async () => {
    const dir = tempDir();
    const crawl = path.join(dir, 'crawl.warc.gz');
    writeFileSync(crawl, gzipMembers(sampleRecords()));
    const db = path.join(dir, 'crawl.db');
    const run = await cli('ingest', crawl, '--db', db, '--workers', '1');
    assert.equal(run.stderr, '');
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^ingested 4 new articles \(0 already stored, 0 failed\)/);
    const rows = new Database(db, { readonly: true })
      .prepare('SELECT url, published, title FROM articles ORDER BY url')
      .all();
    assert.deepEqual(rows, [
      { url: 'https://news.test/a', published: '2023-06-19T10:00:00.000Z', title: 'Talks in Beijing' },
      { url: 'https://news.test/chunked', published: '2023-06-22T00:00:00.000Z', title: 'Chunked' },
      { url: 'https://news.test/gzip', published: '2023-06-21T00:00:00.000Z', title: 'Compressed' },
      { url: 'https://news.test/latin', published: '2023-06-20T08:30:00.000Z', title: 'Déjà vu' },
    ]);
  });

  it('names a missing file', async () => {
    const results = await readAll(readWarcFile(path.join(tempDir(), 'nope.warc.gz')));
    assert.equal(results.length, 1);
    assert.match(errors(results)[0] ?? '', /nope\.warc\.gz: cannot read \(ENOENT/);
  });
});
