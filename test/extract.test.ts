/**
 * Web-page extraction: metadata from what publishers fill in, the article body without page furniture,
 * legacy encodings, broken and hostile markup. The fixtures in test/fixtures/html are written for these tests.
 */
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { decodeHtml, declaredCharset, detectEncoding } from '../src/ingest/decode.js';
import { toBlocks, wordCount } from '../src/ingest/extract/blocks.js';
import { furnitureSignal, nameWords } from '../src/ingest/extract/clean.js';
import { linkedomNodesAreListenerless, parseDocument } from '../src/ingest/extract/dom.js';
import { classifyBlocks } from '../src/ingest/extract/filters.js';
import { extractHtml, htmlToParagraphs } from '../src/ingest/html.js';
import { ingest } from '../src/batch.js';
import { openStore } from '../src/store/index.js';
import { fixture, tempDir } from './support.js';

const page = (name: string): string => readFileSync(fixture('html', name), 'utf8');
const paragraphs = (text: string): string[] => text.split('\n\n');

describe('extractHtml: metadata', () => {
  it('reads a NewsArticle from a JSON-LD @graph, with canonical URL and <html lang>', () => {
    const result = extractHtml(page('news-article.html'));
    assert.equal(result.title, 'Norway and Chile sign fisheries accord'); // JSON-LD headline before og:title
    assert.equal(result.byline, 'Ingrid Solberg');
    assert.equal(result.published, '2024-03-05T09:30:00+01:00');
    assert.equal(result.modified, '2024-03-05T14:10:00+01:00');
    assert.equal(result.siteName, 'The Harbour Gazette');
    assert.equal(result.language, 'en'); // lang="en-GB"
    assert.equal(result.canonicalUrl, 'https://gazette.example/world/norway-chile-fisheries-accord');
    assert.equal(result.url, 'https://gazette.example/world/norway-chile-fisheries-accord');
    assert.equal(
      extractHtml(page('news-article.html'), 'https://given.example/a').url,
      'https://given.example/a',
    );
  });

  it('reads a plain JSON-LD NewsArticle, an author list and a publisher object', () => {
    const html = `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":["NewsArticle"],
      "headline":"Ports reopen after strike","datePublished":"2021-09-01","author":["Ana Ruiz","Li Wei"],
      "publisher":{"@type":"Organization","name":"Coast Wire"},"inLanguage":"es-ES"}</script>
      <script type="application/ld+json">{ broken json </script></head>
      <body><p>Los puertos del norte reabrieron el miércoles tras una huelga de diez días de los estibadores.</p></body></html>`;
    const result = extractHtml(html);
    assert.equal(result.title, 'Ports reopen after strike');
    assert.equal(result.byline, 'Ana Ruiz');
    assert.equal(result.published, '2021-09-01');
    assert.equal(result.siteName, 'Coast Wire');
    assert.equal(result.language, 'es');
  });

  it('falls back to OpenGraph and article: meta', () => {
    const result = extractHtml(page('opengraph-article.html'));
    assert.equal(result.title, 'La France et le Maroc signent un accord commercial');
    assert.equal(result.byline, 'Claire Martin');
    assert.equal(result.published, '2023-11-20T08:00:00Z');
    assert.equal(result.modified, '2023-11-21T10:00:00Z');
    assert.equal(result.siteName, 'Le Quotidien du Port');
    assert.equal(result.url, 'https://quotidien.example/eco/accord-france-maroc');
    assert.equal(result.language, 'fr');
  });

  it('falls back to <time datetime> and the <title> element', () => {
    const result = extractHtml(page('time-only.html'));
    assert.equal(result.published, '2022-06-14');
    assert.equal(result.title, 'Handelsgespräche in Wien');
    assert.equal(result.language, 'de');
    assert.equal(result.canonicalUrl, null);
  });
});

describe('extractHtml: article body', () => {
  const text = extractHtml(page('news-article.html')).text;

  it('keeps the paragraphs, the subheading and the list items of the article, in order', () => {
    assert.deepEqual(paragraphs(text), [
      'Norway and Chile signed an agreement on Tuesday to share data on fish stocks in the South Pacific, the two governments said in a joint statement issued in Oslo.',
      'The accord commits both countries to publish their catch figures every quarter and to meet once a year to review quotas for jack mackerel and anchovy.',
      'Years of negotiation',
      'Officials from the two fisheries ministries had negotiated the text for more than three years, according to a spokeswoman for the Norwegian foreign ministry.',
      'The agreement covers three areas:',
      'joint scientific surveys of migrating stocks',
      'shared satellite monitoring of fishing fleets',
      'training for inspectors in both countries',
      "Chile's foreign minister said the deal would help small coastal communities that depend on the fishing industry for most of their income.",
    ]);
  });

  it('drops navigation, share bar, caption and credit, newsletter prompt, related links, comments, cookie banner, footer', () => {
    for (const furniture of [
      'Home', // nav
      'Share on Twitter', // share bar
      'Valparaíso', // figcaption
      'Photo: Harbour Gazette', // credit
      'newsletter', // newsletter prompt
      'Chile expands marine reserves', // related links (aside)
      'Ministers meet in Geneva', // "More from World" list
      'long overdue', // comments
      'cookies', // cookie banner
      'All rights reserved', // footer
      'By Ingrid Solberg', // byline (kept in metadata)
    ])
      assert.ok(!text.includes(furniture), `"${furniture}" left in the body`);
  });

  it('keeps an embedded post the article quotes, and drops the share tools beside it', () => {
    const result = extractHtml(page('embedded-post.html'));
    assert.match(result.text, /The new tariff schedule takes effect on 1 July\./);
    assert.match(result.text, /Trade Ministry \(@trade_ministry\) May 3, 2024/);
    assert.match(result.text, /Business groups said/);
    assert.doesNotMatch(result.text, /Tweet|Share/);
  });

  it('recovers the text of malformed and truncated HTML', () => {
    const result = extractHtml(page('malformed.html'));
    assert.equal(result.title, 'Talks resume in Nairobi');
    for (const sentence of [
      'Kenya and Ethiopia resumed border talks in Nairobi on Thursday',
      'during the dry season each year.',
      'observers from the African Union would attend the final session on Saturday',
      'A third round is planned for early next year in Addis Ababa',
    ])
      assert.ok(result.text.includes(sentence), `missing: ${sentence}`);
  });

  it('gives empty text, not an error, for a page without an article', () => {
    const result = extractHtml(page('no-article.html'));
    assert.equal(result.text, '');
    assert.equal(result.title, 'Sections | Example News');
    assert.equal(extractHtml('').text, '');
    assert.equal(extractHtml('<html></html>').text, '');
  });

  it('reads fragments without <html> or <body>', () => {
    assert.equal(extractHtml('Plain words without any markup.').text, 'Plain words without any markup.');
    const fragment = extractHtml('<title>T</title><p>First paragraph of a fragment.</p><p>Second one.</p>');
    assert.equal(fragment.text, 'First paragraph of a fragment.\n\nSecond one.');
    assert.equal(fragment.title, 'T');
  });

  it('uses the JSON-LD articleBody when the page renders its body by script', () => {
    const body =
      'Delegates from 40 countries met in Lima on Monday.\nThey agreed to meet again in the spring.';
    const html = `<html><head><script type="application/ld+json">${JSON.stringify({
      '@type': 'NewsArticle',
      headline: 'Delegates meet in Lima',
      articleBody: body,
    })}</script></head><body><div id="app"></div><script>render()</script></body></html>`;
    assert.equal(
      extractHtml(html).text,
      'Delegates from 40 countries met in Lima on Monday.\n\nThey agreed to meet again in the spring.',
    );
  });

  it('finishes a 5,000-deep nest of divs in bounded time, keeping its text', () => {
    const sentence = 'The deepest paragraph of this page still reaches the reader intact. ';
    const html = `<html><body>${'<div>'.repeat(5000)}<p>${sentence.repeat(5)}</p>${'</div>'.repeat(5000)}</body></html>`;
    const started = performance.now();
    const result = extractHtml(html);
    const elapsed = performance.now() - started;
    assert.match(result.text, /deepest paragraph of this page/);
    assert.ok(elapsed < 10_000, `took ${Math.round(elapsed)} ms`);
  });

  // Two limits guard a batch: the reader refuses any document over 32 MB before holding it, and the
  // extractor refuses an HTML page over 10 MB (extraction time grows with the DOM).
  for (const [megabytes, refusal] of [
    [50, /huge\.html: file of 50 MB is larger than the 32 MB limit for one document/],
    [20, /huge\.html: HTML page of 20\.0 MB exceeds the 10 MB limit \(skipped\)$/],
  ] as const)
    it(`refuses a ${megabytes} MB page with one line naming it, and the batch goes on`, async () => {
      const dir = tempDir();
      const paragraph =
        '<p>Officials from both countries met again in Geneva on Tuesday, the ministry said.</p>';
      writeFileSync(
        path.join(dir, 'huge.html'),
        `<html><body><article>${paragraph.repeat(Math.ceil((megabytes * 2 ** 20) / paragraph.length))}</article></body></html>`,
      );
      copyFileSync(fixture('html', 'news-article.html'), path.join(dir, 'news.html'));
      const store = await openStore(path.join(dir, 'huge.db'));
      try {
        const report = await ingest([dir], store);
        assert.deepEqual([report.stored, report.failed], [1, 1]);
        assert.match(report.errors[0]!.message, refusal);
      } finally {
        await store.close();
      }
    });
});

describe('extract helpers', () => {
  it('parses with linkedom nodes that carry no listener map (the speed-up is in effect)', () => {
    // If a linkedom release moves its EventTarget, parsing still works but at half the speed: fail here.
    assert.equal(linkedomNodesAreListenerless(), true);
    const paragraph = parseDocument('<p>One</p>').querySelector('p') as unknown as {
      addEventListener(type: string, listener: () => void): void;
      click(): void;
    };
    // Dispatching finds no listener, as in linkedom; adding one is refused, not silently dropped.
    assert.doesNotThrow(() => paragraph.click());
    assert.throws(
      () => paragraph.addEventListener('click', () => {}),
      /"click": the extraction DOM runs no events/,
    );
  });

  it('cuts text at block elements and <br>, and reads a table row as one line', () => {
    assert.equal(
      htmlToParagraphs('<p>One<br>Two</p><div>Three <b>bold</b></div>'),
      'One\n\nTwo\n\nThree bold',
    );
    assert.equal(
      htmlToParagraphs(
        '<table><tr><th>Pos</th><th>Driver</th></tr><tr><td>1</td><td>Ana Ruiz</td></tr></table>',
      ),
      'Pos Driver\n\n1 Ana Ruiz',
    );
    const [block] = toBlocks(parseDocument('<p>Read <a href="/x">the full report</a></p>').body!);
    assert.deepEqual(
      [block?.linkChars, block?.rawChars],
      ['the full report'.length, 'Readthe full report'.length],
    );
  });

  it('counts words in spaced scripts by runs, and in Chinese and Japanese by pairs of characters', () => {
    assert.equal(wordCount('Talks resume, in Nairobi!'), 4);
    assert.equal(wordCount('中国外交部'), 3);
  });

  it('names furniture by whole words of class and id, and by ARIA role', () => {
    assert.deepEqual(nameWords('article__shareBar-top'), ['article', 'share', 'bar', 'top']);
    const element = (attributes: string): ReturnType<typeof parseDocument>['body'] =>
      parseDocument(`<body><div ${attributes}></div></body>`).body!.querySelector('div');
    assert.match(furnitureSignal(element('class="c-share-bar"')!) ?? '', /^share/);
    assert.match(furnitureSignal(element('id="newsletterSignup"')!) ?? '', /^subscribe/);
    assert.match(furnitureSignal(element('role="navigation"')!) ?? '', /navigation/);
    assert.equal(furnitureSignal(element('class="sharedContent article-body"')!), null);
    assert.equal(furnitureSignal(element('class="headline"')!), null); // "ad" only as a whole word
  });

  it('classifies blocks left inside the article container by their form', () => {
    const html = `<body>
      <p>Updated 5:27 am CST, Wednesday, November 20, 2019</p>
      <p>By Justine Coleman - 11/18/19 11:04 PM EST</p>
      <p>The minister said the talks had been difficult but useful for both sides.</p>
      <p>By contrast, the opposition called them a waste of time.</p>
      <p>More:</p>
      <ul><li><a href="/1">Border talks stall again</a></li><li><a href="/2">Herders wait for rain</a></li><li><a href="/3">Ministers meet in Addis</a></li></ul>
      <p>In this March 3, 2024, file photo, delegates arrive in Nairobi. (AP Photo/Jane Doe)</p>
      <p>Follow us on Twitter for the latest updates.</p>
      <p>Advertisement</p>
      <p>Filed under: Africa, Diplomacy</p>
    </body>`;
    const blocks = toBlocks(parseDocument(html).body!);
    const reasons = classifyBlocks(blocks);
    const kept = blocks.filter((_, index) => !reasons[index]).map((block) => block.text);
    assert.deepEqual(kept, [
      'The minister said the talks had been difficult but useful for both sides.',
      'By contrast, the opposition called them a waste of time.',
    ]);
    assert.match(reasons[0] ?? '', /dateline/);
    assert.match(reasons[1] ?? '', /byline/);
    assert.match(reasons[4] ?? '', /label/);
    assert.match(reasons[5] ?? '', /link list/);
    assert.match(reasons[8] ?? '', /caption/);
  });
});

/** Bytes from ASCII text and hex byte sequences, in order. */
const bytes = (...parts: Array<string | { hex: string }>): Buffer =>
  Buffer.concat(
    parts.map((part) =>
      typeof part === 'string'
        ? Buffer.from(part, 'ascii')
        : Buffer.from(part.hex.replace(/\s+/g, ''), 'hex'),
    ),
  );

// "Le président a déclaré « c’est fini » — 5 €" in Windows-1252 (é E9, « AB, ’ 92, » BB, — 97, € 80).
const FRENCH_1252 = {
  hex: '4c65207072e973696465 6e7420612064e9636c6172e920ab20639265737420 66696e6920bb2097203520 80',
};
const FRENCH = 'Le président a déclaré « c’est fini » — 5 €';
// "中国外交部发言人在北京表示，中方愿同各方一道推动双边关系发展。" in GBK.
const CHINESE_GBK = {
  hex: 'd6d0b9facde2bdbbb2bfb7a2d1d4c8cbd4dab1b1bea9b1edcabea3acd6d0b7bdd4b8cdacb8f7b7bdd2bbb5c0cdc6b6afcbabb1dfb9d8cfb5b7a2d5b9a1a3',
};
const CHINESE = '中国外交部发言人在北京表示，中方愿同各方一道推动双边关系发展。';
// "東京で開かれた会議で、日本政府の代表は新しい経済政策について説明しました。" in Shift_JIS.
const JAPANESE_SJIS = {
  hex: '938c8b9e82c58a4a82a982ea82bd89ef8b6382c5814193fa967b90ad957b82cc91e3955c82cd905682b582a28c6f8dcf90ad8df482c982c282a282c490e096be82b582dc82b582bd8142',
};
const JAPANESE = '東京で開かれた会議で、日本政府の代表は新しい経済政策について説明しました。';

describe('decodeHtml: encodings', () => {
  it('decodes declared Windows-1252, curly quotes, dashes and the euro sign included', () => {
    const html = bytes(
      '<html><head><meta charset="windows-1252"></head><body><p>',
      FRENCH_1252,
      '</p></body></html>',
    );
    assert.equal(declaredCharset(html), 'windows-1252');
    assert.match(decodeHtml(html, 'fr.html'), new RegExp(FRENCH));
    const latin1 = bytes(
      '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>',
      FRENCH_1252,
      '</p>',
    );
    assert.match(decodeHtml(latin1, 'fr.html'), new RegExp(FRENCH)); // ISO-8859-1 means Windows-1252 on the web
  });

  it('decodes declared GBK and Shift_JIS, and the XML declaration', () => {
    const gbk = bytes(
      '<html><head><meta charset="gbk"><title>t</title></head><body><p>',
      CHINESE_GBK,
      '</p></body></html>',
    );
    assert.equal(extractHtml(decodeHtml(gbk, 'zh.html')).text, CHINESE);
    const sjis = bytes(
      '<?xml version="1.0" encoding="Shift_JIS"?><html><body><p>',
      JAPANESE_SJIS,
      '</p></body></html>',
    );
    assert.equal(declaredCharset(sjis), 'shift_jis');
    assert.equal(extractHtml(decodeHtml(sjis, 'ja.html')).text, JAPANESE);
  });

  it('detects GBK, Shift_JIS and Windows-1252 when the page declares nothing', () => {
    const undeclared = (body: { hex: string }): Buffer =>
      bytes('<html><body><p>', body, '</p></body></html>');
    assert.equal(detectEncoding(undeclared(CHINESE_GBK)), 'gbk');
    assert.equal(detectEncoding(undeclared(JAPANESE_SJIS)), 'shift_jis');
    assert.equal(detectEncoding(undeclared(FRENCH_1252)), 'windows-1252');
    assert.equal(extractHtml(decodeHtml(undeclared(CHINESE_GBK), 'zh.html')).text, CHINESE);
    assert.equal(extractHtml(decodeHtml(undeclared(JAPANESE_SJIS), 'ja.html')).text, JAPANESE);
    assert.equal(extractHtml(decodeHtml(undeclared(FRENCH_1252), 'fr.html')).text, FRENCH);
  });

  it('reads UTF-8 whatever a stale Latin-1 declaration says, and honours a byte-order mark', () => {
    const utf8 = Buffer.concat([
      Buffer.from('<meta charset="iso-8859-1"><p>'),
      Buffer.from('Déjà vu à Genève', 'utf8'),
    ]);
    assert.match(decodeHtml(utf8, 'x.html'), /Déjà vu à Genève/);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>Zürich</p>', 'utf8')]);
    assert.equal(decodeHtml(bom, 'bom.html'), '<p>Zürich</p>');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<p>Zürich</p>', 'utf16le')]);
    assert.equal(decodeHtml(utf16, 'utf16.html'), '<p>Zürich</p>');
  });

  it('ignores a charset named in the body (an article about encodings), and unknown labels', () => {
    const page = bytes(
      '<html><head><title>x</title></head><body><p>Write <meta charset="gbk"> in the head.</p></body></html>',
    );
    assert.equal(declaredCharset(page), undefined);
    const unknown = bytes('<meta charset="x-no-such-thing"><p>plain ASCII</p>');
    assert.equal(decodeHtml(unknown, 'u.html'), '<meta charset="x-no-such-thing"><p>plain ASCII</p>');
  });
});
