/** Tone, themes, quotes and summary on real sentences whose answers are clear. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyze } from '../src/pipeline.js';
import { exampleText, fixture } from './support.js';

const toneOf = (text: string): number => analyze({ text, date: '2023-06-19' }).tone.tone;

describe('tone', () => {
  const positive = [
    'The talks were candid, constructive and productive.',
    'Tensions eased after the two leaders agreed to restore dialogue.',
    'Both sides pledged to build stable relations based on mutual respect.',
    'The ceasefire held and aid reached the city.',
    'The ministers welcomed the breakthrough in the negotiations.',
  ];
  const negative = [
    'The missile strike killed 12 civilians and wounded dozens.',
    'Beijing condemned the sanctions as illegal bullying.',
    'Relations deteriorated sharply amid mutual accusations of espionage.',
    'Protesters clashed with police and several were arrested.',
    'The two countries are not cooperating and mistrust is growing.',
  ];
  for (const sentence of positive)
    it(`is positive: ${sentence}`, () => assert.ok(toneOf(sentence) > 0, String(toneOf(sentence))));
  for (const sentence of negative)
    it(`is negative: ${sentence}`, () => assert.ok(toneOf(sentence) < 0, String(toneOf(sentence))));

  it('flips a negated word', () => {
    assert.ok(toneOf('The meeting was productive.') > 0);
    assert.ok(toneOf('The meeting was not productive.') < 0);
  });

  it('computes the GDELT percentages by hand on a short sentence', () => {
    // 6 words: "good" (+) and "war" (−) carry valence; "They" is a pronoun; "said" is a verb.
    const { tone } = analyze({ text: 'They said good news ends war.', date: '2023-06-19' });
    assert.equal(tone.wordCount, 6);
    assert.equal(tone.positive, 16.667);
    assert.equal(tone.negative, 16.667);
    assert.equal(tone.tone, 0);
    assert.equal(tone.polarity, 33.333);
    assert.equal(tone.selfGroupDensity, 16.667);
  });

  it('gives every sentence its own tone, and the example a mildly positive one overall', () => {
    const analysis = analyze(exampleText(), { defaultDate: '2023-06-19' });
    assert.ok(analysis.tone.tone > 0 && analysis.tone.tone < 10, String(analysis.tone.tone));
    assert.equal(
      analysis.sentences.length,
      analysis.sentences.filter((s) => typeof s.tone === 'number').length,
    );
    assert.ok(analysis.sentences.some((s) => s.tone < 0) && analysis.sentences.some((s) => s.tone > 0));
  });
});

describe('themes', () => {
  it('finds the example’s issues with spans, per sentence and per event', () => {
    const analysis = analyze(exampleText(), { defaultDate: '2023-06-19' });
    const ids = new Set(analysis.themes.map((theme) => theme.id));
    for (const id of [
      'TAIWAN',
      'EXPORT_CONTROLS_TECH',
      'MILITARY_COMMUNICATION',
      'ESPIONAGE_SURVEILLANCE',
      'RUSSIA_TIES',
    ]) {
      assert.ok(ids.has(id), `${id} in ${[...ids].join(', ')}`);
    }
    for (const theme of analysis.themes) {
      assert.equal(theme.spans.length, theme.count);
      for (const span of theme.spans)
        assert.equal(analysis.article.text.slice(span.start, span.end), span.text);
    }
    const balloon = analysis.themes.find((theme) => theme.id === 'ESPIONAGE_SURVEILLANCE')!.spans[0]!;
    assert.match(balloon.text, /surveillance balloon/);
    const sentence = analysis.sentences.find((s) => s.start <= balloon.start && balloon.end <= s.end)!;
    assert.ok(sentence.themes.some((theme) => theme.id === 'ESPIONAGE_SURVEILLANCE'));
    assert.ok(analysis.events.some((event) => event.themes.includes('STABLE_RELATIONS')));
  });

  it('matches inflected forms through lemmas', () => {
    const { themes } = analyze({
      text: 'Washington imposed new sanctions on Moscow and tightened export controls on chips.',
      date: '2024-01-01',
    });
    const ids = themes.map((theme) => theme.id);
    assert.ok(ids.includes('SANCTIONS'), ids.join(','));
    assert.ok(ids.includes('EXPORT_CONTROLS_TECH'), ids.join(','));
  });
});

describe('quotes', () => {
  const { cases } = JSON.parse(readFileSync(fixture('quotes.json'), 'utf8')) as {
    cases: Array<{
      from: string;
      text: string;
      quote: string;
      speaker: string | null;
      code?: string;
      kind?: 'direct' | 'reported';
      date: string;
    }>;
  };
  it('has at least 20 real quote forms', () => assert.ok(cases.length >= 20));
  for (const example of cases) {
    it(`${example.from}: ${example.text.slice(0, 50)}…`, () => {
      const analysis = analyze({ text: example.text, date: example.date });
      const quote = analysis.quotes.find((q) => q.kind === (example.kind ?? 'direct'));
      assert.ok(quote, JSON.stringify(analysis.quotes));
      assert.equal(quote.text, example.quote);
      assert.equal(analysis.article.text.slice(quote.start, quote.end), quote.text);
      assert.equal(quote.speaker?.text ?? null, example.speaker);
      if (example.code) assert.equal(quote.speaker?.code, example.code);
    });
  }
});

describe('summary', () => {
  it('picks three central sentences of the example, in reading order, none from the boilerplate', () => {
    const analysis = analyze(exampleText(), { defaultDate: '2023-06-19' });
    assert.equal(analysis.summary.length, 3);
    const starts = analysis.summary.map((s) => s.start);
    assert.deepEqual(
      starts,
      [...starts].sort((a, b) => a - b),
    );
    assert.ok(
      analysis.summary.some((s) =>
        /Xi Jinping and U\.S\. Secretary of State Antony Blinken held a crucial meeting/.test(s.text),
      ),
    );
    for (const s of analysis.summary) assert.equal(analysis.article.text.slice(s.start, s.end), s.text);
  });

  it('returns what there is for a short article', () => {
    assert.equal(
      analyze({ text: 'Japan protested to China over the East China Sea.', date: '2024-01-01' }).summary
        .length,
      1,
    );
  });
});
