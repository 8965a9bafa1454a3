/** The founding example read as an analyst would, and the invariants every analysis keeps. */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { analyze } from '../src/pipeline.js';
import { AnalysisSchema, type Analysis } from '../src/model/schema.js';
import { exampleText } from './support.js';

/** Every span in an analysis must slice back to the text it quotes. */
function assertSpansSliceToText(analysis: Analysis): void {
  const { text } = analysis.article;
  const check = (span: { start: number; end: number; text?: string }, what: string): void => {
    assert.ok(
      span.start >= 0 && span.start <= span.end && span.end <= text.length,
      `${what} inside the text`,
    );
    if (span.text !== undefined) assert.equal(text.slice(span.start, span.end), span.text, what);
  };
  analysis.sentences.forEach((s, i) => check(s, `sentence ${i}`));
  analysis.entities.forEach((e) => check(e, `entity ${e.text}`));
  analysis.places.forEach((p) => check(p, `place ${p.text}`));
  analysis.quotes.forEach((q) => check(q, `quote ${q.text}`));
  analysis.events.forEach((e) => {
    check(e.evidence, `evidence of ${e.code}`);
    check(e.trigger, `trigger of ${e.code}`);
    const withinEvidence = e.trigger.start >= e.evidence.start && e.trigger.end <= e.evidence.end;
    assert.ok(withinEvidence, 'trigger inside its evidence sentence');
  });
}

describe('the Xi–Blinken example', () => {
  let analysis: Analysis;
  before(() => {
    analysis = analyze(exampleText(), { defaultDate: '2023-06-19', origin: 'xi-blinken-beijing.txt' });
  });

  it('validates against the analysis schema', () => {
    const parsed = AnalysisSchema.safeParse(analysis);
    assert.ok(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3)));
  });

  it('keeps every span slicing to its text', () => assertSpansSliceToText(analysis));

  it('finds the USA, China, Russia and Taiwan', () => {
    const countries = new Set(analysis.actors.map((actor) => actor.country));
    for (const code of ['USA', 'CHN', 'RUS', 'TWN'])
      assert.ok(countries.has(code), `${code} among the actors`);
  });

  it('resolves the people to their roles on the article date', () => {
    const byName = new Map(analysis.actors.map((actor) => [actor.name, actor]));
    assert.equal(byName.get('Antony Blinken')?.code, 'USAGOV');
    assert.equal(byName.get('Antony Blinken')?.role, 'Secretary of State');
    assert.equal(byName.get('Xi Jinping')?.code, 'CHNGOV');
    assert.equal(byName.get('Qin Gang')?.code, 'CHNGOV');
    assert.equal(byName.get('Wang Yi')?.country, 'CHN');
    const blinkenMentions = analysis.entities.filter((e) => e.text.includes('Blinken'));
    assert.ok(blinkenMentions.length >= 5);
    for (const mention of blinkenMentions) assert.equal(mention.actor, 'person:antony-blinken');
  });

  it('codes a meeting between the USA and China with its evidence sentence', () => {
    const meetings = analysis.events.filter(
      (event) =>
        event.root === '04' &&
        new Set([event.source.code.slice(0, 3), event.target?.code.slice(0, 3)]).has('USA') &&
        new Set([event.source.code.slice(0, 3), event.target?.code.slice(0, 3)]).has('CHN'),
    );
    assert.ok(
      meetings.length >= 1,
      JSON.stringify(analysis.events.map((e) => [e.source.text, e.code, e.target?.text])),
    );
    const first = meetings[0]!;
    assert.match(first.evidence.text, /Xi Jinping/);
    assert.equal(first.quadClass, 1);
    assert.equal(first.date, '2023-06-19');
  });

  it('codes Blinken meeting Qin Gang and Wang Yi, named after "including"', () => {
    const met = analysis.events.filter(
      (event) => event.root === '04' && event.source.actor === 'person:antony-blinken',
    );
    const targets = met.map((event) => event.target?.actor);
    assert.ok(targets.includes('person:qin-gang'), JSON.stringify(targets));
    assert.ok(targets.includes('person:wang-yi'), JSON.stringify(targets));
  });

  it('codes China’s “no room for compromise” on Taiwan as a refusal toward the USA (inferred target)', () => {
    const refusal = analysis.events.find((event) => event.source.code === 'CHN' && event.root === '12');
    assert.ok(refusal, JSON.stringify(analysis.events.map((e) => [e.source.text, e.code])));
    assert.equal(refusal.quadClass, 3);
    assert.deepEqual([refusal.target?.code, refusal.target?.inferred], ['USA', true]);
    assert.match(refusal.evidence.text, /no room for compromise or concessions/);
    assert.equal(refusal.negated, false);
  });

  it('dates the earlier cancellation of Blinken’s visit before the article and marks it background', () => {
    const cancelled = analysis.events.find(
      (event) => event.code.startsWith('16') && event.source.actor === 'person:antony-blinken',
    );
    assert.ok(cancelled);
    assert.ok(cancelled.date! < '2023-06-19');
    assert.equal(cancelled.background, true);
    assert.match(cancelled.evidence.text, /cancellation of a planned visit by Blinken/);
    const lead = analysis.events.filter((event) => event.isRoot);
    assert.ok(lead.length >= 1 && lead.every((event) => event.evidence.start === 0));
  });

  it('codes nothing from the caption or the promotional lines', () => {
    for (const event of analysis.events) {
      assert.ok(!/Photo: AP|Check out|Stay updated/.test(event.evidence.text));
    }
    assert.equal(analysis.article.boilerplate.length, 4);
  });

  it('geocodes Beijing', () => {
    const beijing = analysis.places.find((place) => place.name === 'Beijing');
    assert.ok(beijing);
    assert.equal(beijing.country, 'CHN');
    assert.ok(Math.abs(beijing.lat - 39.9) < 0.2 && Math.abs(beijing.lon - 116.4) < 0.2);
  });

  it('measures a positive tone and finds the main themes and the quote', () => {
    assert.ok(analysis.tone.tone > 0, `tone ${analysis.tone.tone}`);
    const themes = new Set(analysis.themes.map((theme) => theme.id));
    for (const theme of ['TAIWAN', 'EXPORT_CONTROLS_TECH'])
      assert.ok(themes.has(theme), `${theme} in ${[...themes]}`);
    const quote = analysis.quotes.find((q) => q.text === 'no room for compromise or concessions');
    assert.equal(quote?.speaker?.code.slice(0, 3), 'CHN');
  });
});

describe('analysis invariants', () => {
  const samples = [
    'Russian troops attacked the Ukrainian city of Kharkiv on Monday, officials said.',
    'The European Union imposed new sanctions on Iran.',
    'Japan did not meet South Korea.',
    'Could China impose tariffs on Australia?',
    'India and Pakistan held talks in Islamabad.',
    '',
  ];
  for (const sample of samples.filter((s) => s !== '')) {
    it(`spans slice to text: ${sample.slice(0, 40)}`, () => {
      const analysis = analyze({ title: 'test', text: sample, date: '2024-01-01' });
      assertSpansSliceToText(analysis);
      for (const event of analysis.events) assert.ok(event.source.code !== '', 'no event without a source');
    });
  }

  it('codes the passive with the agent as source', () => {
    const analysis = analyze({ text: 'Iran was sanctioned by the United States.', date: '2024-01-01' });
    const event = analysis.events.find((e) => e.code === '163');
    assert.equal(event?.source.code, 'USA');
    assert.equal(event?.target?.code, 'IRN');
  });

  it('marks negation and drops questions and modals', () => {
    const negated = analyze({ text: 'Japan did not criticize South Korea.', date: '2024-01-01' });
    assert.equal(negated.events[0]?.negated, true);
    assert.equal(
      analyze({ text: 'Could China impose sanctions on Australia?', date: '2024-01-01' }).events.length,
      0,
    );
    assert.equal(
      analyze({ text: 'China could impose sanctions on Australia.', date: '2024-01-01' }).events.length,
      0,
    );
  });

  it('throws a clear error for an article without text', () => {
    assert.throws(
      () => analyze({ title: 'Only a title', text: '   ' }, { origin: 'x.json' }),
      /x\.json: no article text/,
    );
  });
});
