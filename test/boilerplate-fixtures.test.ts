/**
 * Boilerplate by form, checked both ways on fixtures: every leftover line of test/fixtures/leftovers/
 * leftovers.txt is found and every look-alike news line of news.txt is kept, one line at a time and inside
 * realistic articles in the shapes of several outlets (all text written for these tests).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { datelinePrefix, findBoilerplate } from '../src/ingest/boilerplate.js';
import { fixture } from './support.js';

interface FixtureLine {
  section: string;
  text: string;
}

/** Lines of a fixture, each with the "## section" it sits under; '#' lines are comments. */
function readFixture(name: string): FixtureLine[] {
  let section = '';
  const lines: FixtureLine[] = [];
  for (const raw of readFileSync(fixture('leftovers', name), 'utf8').split('\n')) {
    const line = raw.trim();
    if (line.startsWith('## ')) section = line.slice(3);
    else if (line !== '' && !line.startsWith('#')) lines.push({ section, text: line });
  }
  return lines;
}

const LEFTOVERS = readFixture('leftovers.txt');
const NEWS = readFixture('news.txt');
const TAGS = LEFTOVERS.filter((line) => line.section === 'neighbours').map((line) => line.text);
const SINGLE_LINE_LEFTOVERS = LEFTOVERS.filter((line) => line.section !== 'neighbours').map(
  (line) => line.text,
);

const PARAGRAPH_BEFORE =
  'Secretary of State Antony Blinken arrived in Beijing on Sunday for two days of talks, the first visit by a U.S. secretary of state in five years.';
const PARAGRAPH_AFTER =
  'Both sides described the talks as candid and constructive, but officials said no breakthrough was expected on trade or Taiwan.';

/**
 * An article as lines; a line starting with "~ " is boilerplate that must be found, any other must be kept.
 */
function checkArticle(name: string, marked: string[]): void {
  const lines = marked.map((line) => line.replace(/^~ /, ''));
  const expected = marked.map((line) => line.startsWith('~ '));
  const reasons = findBoilerplate(lines);
  lines.forEach((line, i) => {
    if (expected[i]) assert.ok(reasons[i], `${name}: should be boilerplate: ${line}`);
    else assert.equal(reasons[i], null, `${name}: should be kept: ${line} (${reasons[i]})`);
  });
}

describe('boilerplate fixtures', () => {
  it('has at least 40 lines of each kind', () => {
    assert.ok(LEFTOVERS.length >= 40, `${LEFTOVERS.length} leftovers`);
    assert.ok(NEWS.length >= 40, `${NEWS.length} news lines`);
    assert.ok(TAGS.length >= 5);
  });

  it('finds every leftover line on its own', () => {
    const missed = SINGLE_LINE_LEFTOVERS.filter((line) => !findBoilerplate([line])[0]);
    assert.deepEqual(missed, []);
  });

  it('keeps every look-alike news line on its own', () => {
    const dropped = NEWS.filter(({ text }) => findBoilerplate([text])[0]).map(
      ({ text }) => `${text} → ${findBoilerplate([text])[0]}`,
    );
    assert.deepEqual(dropped, []);
  });

  it('keeps a bare tag line on its own (a one-line item is never a tag)', () => {
    for (const tag of TAGS) assert.equal(findBoilerplate([tag])[0], null, tag);
  });

  it('finds leftovers, and keeps news lines, between two paragraphs of a story', () => {
    for (const line of SINGLE_LINE_LEFTOVERS) {
      checkArticle('leftover in a story', [PARAGRAPH_BEFORE, `~ ${line}`, PARAGRAPH_AFTER]);
    }
    for (const { text } of NEWS) checkArticle('news in a story', [PARAGRAPH_BEFORE, text, PARAGRAPH_AFTER]);
  });

  it('finds a tag line by its neighbours: beside a caption, or closing the article', () => {
    const caption = 'Protesters gather outside the embassy in Seoul. (Photo: Reuters)';
    for (const tag of TAGS) {
      checkArticle('tag before a caption', [PARAGRAPH_BEFORE, `~ ${tag}`, `~ ${caption}`, PARAGRAPH_AFTER]);
      checkArticle('tag after a caption', [PARAGRAPH_BEFORE, `~ ${caption}`, `~ ${tag}`, PARAGRAPH_AFTER]);
      checkArticle('tag at the end', [PARAGRAPH_BEFORE, PARAGRAPH_AFTER, `~ ${tag}`]);
      // Between two paragraphs a short verbless line may be a heading: it is kept.
      checkArticle('tag between paragraphs', [PARAGRAPH_BEFORE, tag, PARAGRAPH_AFTER]);
    }
  });

  it('keeps headings with a verb even beside a caption', () => {
    checkArticle('heading after a credit', [
      PARAGRAPH_BEFORE,
      '~ AP Photo/Andy Wong',
      'WHAT HAPPENS NEXT',
      PARAGRAPH_AFTER,
      'Xi meets Blinken in Beijing',
      '~ Getty Images',
    ]);
  });
});

describe('boilerplate in articles shaped like real outlets', () => {
  it('a wire story: byline, dateline in the first paragraph, caption with credit, editing credits, standards', () => {
    checkArticle('wire', [
      '~ By David Lin and Hyun Kim',
      'BEIJING, June 19 (Reuters) - U.S. Secretary of State Antony Blinken met Chinese President Xi Jinping in Beijing on Monday, the highest-level meeting between the two countries since President Joe Biden took office.',
      'The two sides agreed to stabilise their relationship, Blinken told reporters after the 35-minute meeting, but Beijing rejected a U.S. proposal to restore military-to-military communication channels.',
      '"The Chinese side has made its position clear," Xi told Blinken, according to Chinese state broadcaster CCTV.',
      '~ U.S. Secretary of State Antony Blinken meets Chinese President Xi Jinping at the Great Hall of the People in Beijing, China, June 19, 2023. Leah Millis/Pool via REUTERS',
      'Blinken said he had raised the cases of Americans detained in China and the flow of fentanyl precursors to Mexico.',
      '~ Reporting by David Lin in Beijing; Additional reporting by Hyun Kim in Seoul; Editing by Mark Potter',
      '~ Our Standards: The Thomson Reuters Trust Principles.',
    ]);
  });

  it('a newspaper story: staff byline, photograph credit, a heading, and topic tags at the end', () => {
    checkArticle('newspaper', [
      '~ Staff and agencies',
      '~ Mon 19 Jun 2023 14.35 BST',
      'China and the United States have agreed to stabilise their fraught relationship, after a rare meeting between Xi Jinping and the US secretary of state, Antony Blinken, in Beijing.',
      '~ Photograph: Leah Millis/AP',
      'Xi said the two sides had "made progress and reached agreement on some specific issues", without giving details.',
      'A thaw, for now',
      'Analysts cautioned that the mood could sour quickly, pointing to planned US restrictions on investment in Chinese technology companies.',
      '~ Topics',
      '~ China',
      '~ US foreign policy',
      '~ Antony Blinken',
    ]);
  });

  it('an agency story: capitalised byline, dateline, photo credit, a subhead, contributors and copyright', () => {
    checkArticle('agency', [
      '~ By JANE DOE and JOHN ROE Associated Press',
      'WASHINGTON (AP) — The United States and China will resume talks on climate change next month, the State Department said Tuesday.',
      'The announcement came a day after Secretary of State Antony Blinken met Chinese leader Xi Jinping in Beijing.',
      '~ AP Photo/Andy Wong',
      'WHAT HAPPENS NEXT',
      'Climate envoy John Kerry is expected to travel to Beijing in July, officials said.',
      '~ ___',
      '~ Associated Press writer Ken Moritsugu in Beijing contributed to this report.',
      '~ Copyright 2023 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without permission.',
    ]);
  });

  it('a South Asian outlet: publication time, colon dateline, "Also Read", channel promotion, tags', () => {
    checkArticle('south asian', [
      '~ Published - June 19, 2023 10:35 pm IST',
      'NEW DELHI: India and China held the 19th round of corps commander-level talks on Monday to resolve the remaining friction points in eastern Ladakh.',
      '~ Also Read: India, China hold 18th round of border talks',
      'The talks lasted more than ten hours at the Chushul-Moldo border meeting point, officials said.',
      '~ Follow The Hindu’s WhatsApp channel for the latest news',
      '~ India-China relations',
      '~ Foreign policy',
    ]);
  });

  it('a public broadcaster: image source and caption lines, related topics at the end', () => {
    checkArticle('broadcaster', [
      '~ Image source, Getty Images',
      '~ Image caption, Mr Blinken is the most senior US official to visit China since 2018',
      'US Secretary of State Antony Blinken has met Chinese President Xi Jinping in Beijing, in a bid to ease soaring tensions between the two superpowers.',
      'Mr Xi said "progress" had been made and welcomed the visit.',
      '~ More on this story',
      '~ Related Topics',
      '~ China',
      '~ United States',
    ]);
  });

  it('a web portal: advert, share row, related link, reading time, newsletter call, copyright', () => {
    checkArticle('portal', [
      '~ 5 min read',
      '~ Share on Facebook Share on Twitter Share via Email',
      'Russia launched a wave of missiles at Kyiv overnight, killing three people and damaging a hospital, Ukrainian officials said on Thursday.',
      '~ Advertisement',
      'Air defences shot down most of the 30 missiles, the air force said.',
      '~ Related: Ukraine says it has retaken village near Bakhmut',
      'Follow-up strikes hit the Kharkiv region later in the morning.',
      '~ Want more stories like this? Sign up for our weekly newsletter.',
      '~ © 2023 Example Media Group',
    ]);
  });
});

describe('datelinePrefix', () => {
  it('reports the dateline that opens a paragraph, as written', () => {
    const cases: Array<[string, string]> = [
      ['BEIJING (Reuters) - Blinken met Xi on Monday.', 'BEIJING (Reuters) - '],
      ['BEIJING, June 19 (Reuters) - Blinken met Xi.', 'BEIJING, June 19 (Reuters) - '],
      ['KYIV, Ukraine (AP) — Russia launched missiles.', 'KYIV, Ukraine (AP) — '],
      ['WASHINGTON — The Senate voted on Tuesday.', 'WASHINGTON — '],
      ['NEW DELHI: India and China held talks.', 'NEW DELHI: '],
      [
        'Beijing, June 19 (Xinhua) -- Chinese President Xi Jinping met Blinken.',
        'Beijing, June 19 (Xinhua) -- ',
      ],
      ['SEOUL (Yonhap) -- North Korea fired two missiles.', 'SEOUL (Yonhap) -- '],
    ];
    for (const [line, prefix] of cases) assert.equal(datelinePrefix(line), prefix, line);
  });

  it('finds none in ordinary sentences and headings', () => {
    for (const line of [
      'Beijing - the capital - was quiet on Monday.',
      'Sweden joins NATO',
      'Building Bridges amid Challenges:',
      'NATO — the alliance of 31 countries — meets in Vilnius.',
      'BEIJING WANTS STABILITY, WASHINGTON WANTS GUARDRAILS',
      'Blinken met Wang Yi on Sunday.',
      'U.S.-China relations',
    ]) {
      assert.equal(datelinePrefix(line), null, line);
    }
  });
});
