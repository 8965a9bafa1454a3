/**
 * The hostile inputs too large to commit, written at test time into a temporary folder by streaming (so
 * that the test process never holds them): each generator is named by the manifest's `generate` field.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { createGzip, type Gzip } from 'node:zlib';

const MB = 1024 * 1024;
const GOOD_LINE = `${JSON.stringify({ title: 'After', text: 'Chile praised Peru on Monday for the trade agreement.' })}\n`;

async function write(stream: WriteStream | Gzip, chunk: string | Buffer): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

async function finish(file: WriteStream, head: WriteStream | Gzip = file): Promise<void> {
  head.end();
  await once(file, 'finish');
}

/** `bytes` of `unit` repeated, written in 1 MB pieces. */
async function repeat(stream: WriteStream | Gzip, unit: string, bytes: number): Promise<void> {
  const piece = Buffer.from(unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB));
  for (let written = 0; written < bytes; written += piece.length) await write(stream, piece);
}

async function plain(path: string, body: (stream: WriteStream) => Promise<void>): Promise<void> {
  const file = createWriteStream(path);
  await body(file);
  await finish(file);
}

async function gzipped(path: string, body: (stream: Gzip) => Promise<void>): Promise<void> {
  const file = createWriteStream(path);
  const gzip = createGzip({ level: 9 });
  gzip.pipe(file);
  await body(gzip);
  await finish(file, gzip);
}

export const GENERATORS: Record<string, (path: string) => Promise<void>> = {
  'deep-dom': (path) =>
    plain(path, async (s) => {
      await write(s, '<html><body>');
      await write(s, '<div>'.repeat(100_000));
      await write(s, '<p>Iran condemned Israel on Monday after the attack on the border.</p>');
      await write(s, '</div>'.repeat(100_000));
      await write(s, '</body></html>');
    }),
  'huge-attribute': (path) =>
    plain(path, async (s) => {
      await write(s, '<html><body><article data-x="');
      await repeat(s, 'A', 5 * MB);
      await write(
        s,
        '"><p>Iran condemned Israel on Monday after the attack on the border.</p></article></body></html>',
      );
    }),
  'article-too-long': (path) =>
    plain(path, async (s) => {
      const words = 'Iran condemned Israel on Monday. '.repeat(40_000);
      await write(s, `${JSON.stringify({ title: 'Too long', text: words })}\n`);
      await write(s, GOOD_LINE);
    }),
  'gzip-bomb-64mb': (path) => gzipped(path, (s) => repeat(s, 'A', 64 * MB)),
  'no-punctuation': (path) =>
    plain(path, async (s) => {
      await write(s, 'No full stop anywhere\n');
      const sentence = 'the minister spoke with the envoy about trade and the talks went on ';
      for (let i = 0; i < 10_000; i++) await write(s, sentence);
    }),
  'line-100mb': (path) =>
    plain(path, async (s) => {
      await write(s, 'One line\n');
      await repeat(s, 'word ', 100 * MB);
    }),
  'jsonl-line-100mb': (path) =>
    plain(path, async (s) => {
      await write(s, '{"text":"');
      await repeat(s, 'word ', 100 * MB);
      await write(s, '"}\n');
      await write(s, GOOD_LINE);
    }),
  'file-200mb': (path) =>
    plain(path, async (s) => {
      const paragraph = 'Iran condemned Israel on Monday after the attack on the border.\n';
      await write(s, 'A huge file\n');
      await repeat(s, paragraph, 200 * MB);
    }),
  'gzip-bomb-1gb': (path) => gzipped(path, (s) => repeat(s, '\0', 1024 * MB)),
  'jsonl-gzip-bomb-1gb': (path) =>
    gzipped(path, async (s) => {
      await repeat(s, 'A', 1024 * MB);
      await write(s, `\n${GOOD_LINE}`);
    }),
};
