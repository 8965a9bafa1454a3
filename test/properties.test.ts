/**
 * Property-based tests (fast-check): the parsers take any bytes or text and answer with records or
 * one-line errors, never an exception or a hang; chunk boundaries never change what a stream reader
 * reads; and every analysis of any article keeps its invariants (test/invariants.ts): spans inside the
 * text and slicing back to it, triggers inside their evidence, no event without a source.
 */
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import { decodeHtml, decodeUtf8 } from '../src/ingest/decode.js';
import { InputError } from '../src/ingest/errors.js';
import { FeedError, parseFeed } from '../src/ingest/feeds/parse.js';
import { loadJsonValidation, readDocument, readJsonLines, type ReadResult } from '../src/ingest/readers.js';
import { readWarcStream } from '../src/ingest/warc/reader.js';
import { analyze } from '../src/pipeline.js';
import { analysisViolations } from './invariants.js';

const bytes = fc.uint8Array({ maxLength: 2048 });
/** Text with the awkward parts of Unicode: astral characters, combining marks, controls, invisibles. */
const awkwardText = fc.string({ unit: 'binary', maxLength: 400 });

async function collect(results: AsyncIterable<ReadResult>): Promise<ReadResult[]> {
  const all: ReadResult[] = [];
  for await (const result of results) all.push(result);
  return all;
}

/** The same bytes cut into pieces at the given points. */
function chunked(data: Buffer, cuts: number[]): Readable {
  const points = [...new Set(cuts.map((cut) => cut % (data.length + 1)))].sort((a, b) => a - b);
  const pieces: Buffer[] = [];
  let last = 0;
  for (const point of [...points, data.length]) {
    pieces.push(data.subarray(last, point));
    last = point;
  }
  return Readable.from(pieces.filter((piece) => piece.length > 0));
}

function assertWellFormed(results: ReadResult[], origin: string): void {
  for (const result of results) {
    if (result.ok) {
      const { text, html } = result.record.input;
      assert.ok((text ?? '').trim() !== '' || (html ?? '').trim() !== '', 'a record has text');
    } else {
      assert.ok(result.error instanceof InputError);
      assert.ok(result.error.message.startsWith(origin), result.error.message);
      assert.doesNotMatch(result.error.message, /\n/, 'one line');
    }
  }
}

describe('properties of the parsers', () => {
  // readDocument is the synchronous core of the file readers, which load the JSON schema first.
  before(loadJsonValidation);

  it('readDocument answers any bytes in any format with records or one-line errors', () => {
    fc.assert(
      fc.property(bytes, fc.constantFrom('txt', 'html', 'json', 'jsonl'), (data, format) => {
        assertWellFormed(readDocument(data, format as 'txt', 'input'), 'input');
      }),
      { numRuns: 300 },
    );
  });

  it('readJsonLines reads the same records however the stream is cut', async () => {
    const record = fc.record({ title: awkwardText, text: awkwardText.filter((text) => text.trim() !== '') });
    await fc.assert(
      fc.asyncProperty(
        fc.array(record, { maxLength: 20 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        async (records, cuts) => {
          const data = Buffer.from(records.map((r) => JSON.stringify(r)).join('\n'));
          const results = await collect(readJsonLines(chunked(data, cuts), 'dump.jsonl'));
          assert.deepEqual(
            results.map((result) => (result.ok ? result.record.input : result.error.message)),
            records.map((record) => ({ ...record })),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('readJsonLines answers arbitrary bytes with records or one-line errors, one per line at most', async () => {
    await fc.assert(
      fc.asyncProperty(bytes, fc.array(fc.nat(), { maxLength: 10 }), async (data, cuts) => {
        const results = await collect(readJsonLines(chunked(Buffer.from(data), cuts), 'x.jsonl'));
        assertWellFormed(results, 'x.jsonl:');
        assert.ok(results.length <= Buffer.from(data).toString('latin1').split('\n').length);
      }),
      { numRuns: 300 },
    );
  });

  it('decodes valid UTF-8 to the text it encodes, and any bytes as HTML without throwing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        assert.equal(
          decodeUtf8(Buffer.from(text.replace(/^\ufeff/, ''), 'utf8'), 'x'),
          text.replace(/^\ufeff/, ''),
        );
      }),
    );
    fc.assert(
      fc.property(bytes, (data) => {
        assert.equal(typeof decodeHtml(data, 'page.html'), 'string');
        try {
          decodeUtf8(data, 'x');
        } catch (error) {
          assert.ok(error instanceof InputError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('parseFeed answers any text, and any soup of feed and DTD fragments, with a feed or a FeedError', () => {
    const fragment = fc.constantFrom(
      '<?xml version="1.0"?>',
      '<rss version="2.0">',
      '<channel>',
      '<title>',
      '</title>',
      '<item>',
      '</item>',
      '<link>http://example.org/a</link>',
      '<!DOCTYPE rss [',
      '<!ENTITY a "aaaa">',
      '<!ENTITY b "&a;&a;">',
      '<!ENTITY % p SYSTEM "file:///etc/passwd">',
      ']>',
      '&a;',
      '&b;',
      '&#x110000;',
      '<![CDATA[',
      ']]>',
      '<feed xmlns="http://www.w3.org/2005/Atom">',
      '<entry>',
      '<link href="javascript:alert(1)"/>',
      '{"version":"https://jsonfeed.org/version/1.1","items":[',
      '{"url":"http://example.org/b","__proto__":{"x":1}}',
      ']}',
    );
    const soup = fc
      .array(fc.oneof(fragment, fc.string({ maxLength: 12 })), { maxLength: 30 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(soup, awkwardText), (text) => {
        try {
          const feed = parseFeed(text, { baseUrl: 'http://example.org/feed' });
          for (const item of feed.items) assert.match(item.url, /^https?:\/\//);
        } catch (error) {
          assert.ok(error instanceof FeedError, `${(error as Error).name}: ${(error as Error).message}`);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('the WARC reader ends on any bytes, however cut, with records or errors', async () => {
    const warcish = fc
      .array(
        fc.oneof(
          fc.constantFrom(
            'WARC/1.0\r\n',
            'WARC-Type: response\r\n',
            'Content-Length: 12\r\n',
            '\r\n\r\n',
            'HTTP/1.1 200 OK\r\n',
            'Content-Type: text/html\r\n',
          ),
          fc.string({ maxLength: 20 }),
        ),
        { maxLength: 20 },
      )
      .map((parts) => Buffer.from(parts.join(''), 'latin1'));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          warcish,
          bytes.map((data) => Buffer.from(data)),
        ),
        fc.array(fc.nat(), { maxLength: 8 }),
        async (data, cuts) => {
          const results = await collect(readWarcStream(chunked(data, cuts), 'crawl.warc'));
          assertWellFormed(results, 'crawl.warc');
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('properties of the analysis', () => {
  const word = fc.constantFrom(
    'Iran',
    'Israel',
    'the United States',
    'China',
    'Russia',
    'Ukraine',
    'Xi Jinping',
    'Antony Blinken',
    'NATO',
    'condemned',
    'praised',
    'met',
    'accused',
    'threatened',
    'signed an agreement with',
    'imposed sanctions on',
    'said',
    'did not',
    'will visit',
    'in Beijing',
    'on Monday',
    'after talks',
    '"we will not back down,"',
    '“no compromise”',
    'according to officials',
    ',',
    '.',
    '?',
    ';',
    '—',
    '\n',
    '\n\n',
    'é',
    '\u200b',
    '\u202e',
    '😀',
    'Mr.',
    'U.S.',
    '(',
    ')',
    "'s",
  );
  const article = fc
    .array(fc.oneof({ weight: 5, arbitrary: word }, { weight: 1, arbitrary: awkwardText }), {
      minLength: 1,
      maxLength: 40,
    })
    .map((parts) => parts.join(' '));

  it('keeps every span inside the text and slicing back to it, and gives every event a source', () => {
    fc.assert(
      fc.property(article, fc.constantFrom(undefined, '2023-06-19'), (text, date) => {
        let analysis;
        try {
          analysis = analyze(`Title\n${text}`, { defaultDate: date });
        } catch (error) {
          if (error instanceof InputError) return; // nothing left to analyse: a clear error is the outcome
          throw error;
        }
        assert.deepEqual(analysisViolations(analysis), []);
      }),
      { numRuns: 150 },
    );
  });
});
