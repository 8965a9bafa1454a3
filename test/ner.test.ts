/** The named-entity tagger on modern news sentences, tokenized by wink-nlp exactly as Parley tokenizes. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tokenize } from '../src/nlp/tokenize.js';
import {
  FeatureExtractor,
  documentFeatures,
  normalizeToken,
  sentenceMode,
  wordShape,
  shortShape,
} from '../src/nlp/ner/features.js';
import {
  nerDocumentTagger,
  nerTagger,
  tagDocument,
  tagDocumentWith,
  tagEntities,
  type NerTagger,
} from '../src/nlp/ner/index.js';
import { tagScheme } from '../src/nlp/ner/perceptron.js';

/** The tokens of each sentence of a text, as Parley's tokenizer gives them. */
function sentencesOf(text: string): string[][] {
  const { tokens, sentences } = tokenize(text);
  return sentences.map((s) => tokens.slice(s.firstToken, s.lastToken).map((t) => t.text));
}

/** The only sentence of a text. */
function tokensOf(text: string): string[] {
  const sentences = sentencesOf(text);
  assert.equal(sentences.length, 1, `one sentence in ${JSON.stringify(text)}`);
  return sentences[0]!;
}

/** Entities of a tagged sentence as "text/TYPE" strings, tokens joined by spaces. */
function entities(text: string): string[] {
  const tokens = tokensOf(text);
  return tagEntities(tokens).map((e) => `${tokens.slice(e.start, e.end).join(' ')}/${e.type}`);
}

function assertHas(found: string[], expected: string[]): void {
  for (const e of expected) assert.ok(found.includes(e), `expected ${e} in [${found.join(', ')}]`);
}

describe('tagEntities on modern news', () => {
  it('finds people, a nationality and a city in the founding example', () => {
    const found = entities('Secretary of State Antony Blinken met Chinese President Xi Jinping in Beijing.');
    assert.deepEqual(found, ['Antony Blinken/PER', 'Chinese/MISC', 'Xi Jinping/PER', 'Beijing/LOC']);
  });

  it('returns token-index spans, end exclusive', () => {
    const tokens = tokensOf('Secretary of State Antony Blinken met Chinese President Xi Jinping in Beijing.');
    const spans = tagEntities(tokens);
    assert.deepEqual(spans[0], { start: 3, end: 5, type: 'PER' });
    for (const e of spans) {
      assert.ok(e.start >= 0 && e.start < e.end && e.end <= tokens.length);
    }
    for (let i = 1; i < spans.length; i++)
      assert.ok(spans[i - 1]!.end <= spans[i]!.start, 'in order, no overlap');
  });

  it("leaves a possessive 's outside the entity", () => {
    const tokens = tokensOf("Beijing's foreign ministry said the talks were candid.");
    assert.equal(tokens[1], "'s");
    assert.deepEqual(entities("Beijing's foreign ministry said the talks were candid."), ['Beijing/LOC']);
    // with a curly apostrophe, as news sites write it
    assert.deepEqual(entities('Beijing’s foreign ministry said the talks were candid.'), ['Beijing/LOC']);
  });

  it('splits U.S.-China into two places, as wink splits the hyphen', () => {
    const tokens = tokensOf('U.S.-China trade talks resumed in Geneva on Monday.');
    assert.deepEqual(tokens.slice(0, 3), ['U.S.', '-', 'China']);
    assertHas(entities('U.S.-China trade talks resumed in Geneva on Monday.'), [
      'U.S./LOC',
      'China/LOC',
      'Geneva/LOC',
    ]);
  });

  it('is not thrown by curly quotes', () => {
    const text = '“We will never surrender,” Ukrainian President Volodymyr Zelenskyy told lawmakers in Kyiv.';
    assert.ok(tokensOf(text).includes('“'));
    assertHas(entities(text), ['Ukrainian/MISC', 'Volodymyr Zelenskyy/PER', 'Kyiv/LOC']);
  });

  it('reads an all-caps headline', () => {
    assertHas(entities('BIDEN MEETS XI IN SAN FRANCISCO'), ['BIDEN/PER', 'SAN FRANCISCO/LOC']);
    assert.ok(!entities('BIDEN MEETS XI IN SAN FRANCISCO').includes('MEETS/PER'));
  });

  it('reads a Title Case headline', () => {
    assertHas(entities('Blinken Meets Xi In Beijing As Tensions Simmer'), ['Blinken/PER', 'Beijing/LOC']);
    assert.ok(
      !entities('Blinken Meets Xi In Beijing As Tensions Simmer').some((e) => e.startsWith('Tensions')),
    );
  });

  it('finds organisations', () => {
    assertHas(entities('The International Monetary Fund cut its growth forecast for Germany.'), [
      'International Monetary Fund/ORG',
      'Germany/LOC',
    ]);
    assertHas(entities('The European Union and NATO condemned the attack on the Gaza Strip.'), [
      'European Union/ORG',
      'NATO/ORG',
      'Gaza Strip/LOC',
    ]);
    assertHas(entities('Kristalina Georgieva, the IMF’s managing director, warned of risks.'), [
      'Kristalina Georgieva/PER',
      'IMF/ORG',
    ]);
  });

  it('keeps a possessive between a person and a party', () => {
    assertHas(entities("Prime Minister Narendra Modi's Bharatiya Janata Party won the election."), [
      'Narendra Modi/PER',
      'Bharatiya Janata Party/ORG',
    ]);
  });

  it('finds nothing in a sentence without names, and handles an empty one', () => {
    assert.deepEqual(entities('Prices rose sharply in the second quarter, analysts said.'), []);
    assert.deepEqual(tagEntities([]), []);
  });

  it('loads the model once, quickly enough to load lazily', () => {
    const tagger = nerTagger();
    assert.equal(nerTagger(), tagger);
    assert.ok(tagger.loadMs < 2000, `loaded in ${tagger.loadMs.toFixed(0)} ms`);
    assert.equal(tagger.model.header.scheme, 'BILOU');
  });
});

describe('tagDocument', () => {
  it('tags every sentence of an article and agrees with itself on repeated names', () => {
    const sentences = sentencesOf(
      'Secretary of State Antony Blinken arrived in Beijing on Sunday. ' +
        'Blinken met Foreign Minister Wang Yi for more than five hours. ' +
        'Wang told Blinken that Taiwan was the core of China’s interests.',
    );
    assert.equal(sentences.length, 3);
    const tagged = tagDocument(sentences);
    assert.equal(tagged.length, 3);
    const all = tagged.flatMap((spans, s) =>
      spans.map((e) => `${sentences[s]!.slice(e.start, e.end).join(' ')}/${e.type}`),
    );
    assertHas(all, [
      'Antony Blinken/PER',
      'Beijing/LOC',
      'Blinken/PER',
      'Wang Yi/PER',
      'Taiwan/LOC',
      'China/LOC',
    ]);
    assert.equal(all.filter((e) => e === 'Blinken/PER').length, 2);
  });
});

describe('features', () => {
  it('maps wink token forms onto CoNLL forms', () => {
    assert.equal(normalizeToken('’s'), "'s");
    assert.equal(normalizeToken('“'), '"');
    assert.equal(normalizeToken('”'), '"');
    assert.equal(normalizeToken('—'), '--');
    assert.equal(normalizeToken('Beijing'), 'Beijing');
  });

  it('computes word shapes', () => {
    assert.equal(wordShape('Beijing'), 'Xxxxx');
    assert.equal(shortShape('Beijing'), 'Xx');
    assert.equal(shortShape('U.S.'), 'X.X.');
    assert.equal(wordShape('1996-08-22'), 'dddd-dd-dd');
    assert.equal(shortShape('NATO'), 'X');
  });

  it('tells the casing style of a sentence', () => {
    assert.equal(sentenceMode(['BIDEN', 'MEETS', 'XI', 'IN', 'SAN', 'FRANCISCO']), 1);
    assert.equal(sentenceMode(['Blinken', 'Meets', 'Xi', 'In', 'Beijing', 'As', 'Tensions', 'Simmer']), 2);
    assert.equal(
      sentenceMode(tokensOf('Secretary of State Antony Blinken met Chinese President Xi Jinping.')),
      0,
    );
  });

  it('gives document features only to words seen elsewhere in the document', () => {
    const feats = documentFeatures(
      [
        ['Rotor', 'Volgograd', 'won'],
        ['Rotor', 'lost'],
      ],
      [[{ start: 0, end: 2, type: 'ORG' }], []],
    );
    assert.ok(feats[1]![0]!.length > 0, 'Rotor in sentence 2 hears about sentence 1');
    assert.equal(feats[1]![1]!.length, 0, 'lower-case words take no part');
    assert.equal(feats[0]![1]!.length, 0, 'Volgograd occurs once');
  });

  it('round-trips BILOU tags and spans', () => {
    const scheme = tagScheme('BILOU');
    const spans = [
      { start: 0, end: 2, type: 'PER' as const },
      { start: 3, end: 4, type: 'LOC' as const },
      { start: 4, end: 7, type: 'ORG' as const },
    ];
    assert.deepEqual(scheme.toSpans(scheme.fromSpans(8, spans)), spans);
  });
});

describe('the fast tagging path', () => {
  const text =
    'Secretary of State Antony Blinken met Chinese President Xi Jinping in Beijing on Monday, and the ' +
    'European Union said Ursula von der Leyen would visit Washington after talks with NATO in Brussels.';
  const sentence = tokensOf(text);

  it('gives the spans of the plain feature path, from cached history blocks', () => {
    const { model, extractor } = nerTagger();
    const plain = model.spans(extractor.sentence(sentence));
    // Tagged twice: the second time every history block comes from the cache.
    assert.deepEqual(tagEntities(sentence), plain);
    assert.deepEqual(tagEntities(sentence), plain);
  });

  it('gives them for a sentence too long for the history cache (5,000 tokens)', () => {
    // A run-on "sentence" of the same words repeated: more history blocks than a cache generation holds.
    const long = Array.from({ length: Math.ceil(5_000 / sentence.length) }, () => sentence).flat();
    const { model, extractor } = nerTagger();
    const spans = tagEntities(long);
    assert.ok(spans.some((span) => span.type === 'PER'));
    assert.deepEqual(spans, model.spans(extractor.sentence(long)));
  });

  it('gives the same spans when the document pass reuses the first pass sentence contexts', () => {
    const sentences = sentencesOf(
      `${text} Blinken told Xi that Washington wanted stable ties. ` +
        'BEIJING SAYS LEYEN VISIT WELCOME\nThe Union and China will meet again in Brussels, von der Leyen said.',
    );
    const first = nerTagger();
    const second = nerDocumentTagger()!;
    assert.equal(first.extractor, second.extractor, 'the pipeline taggers share one extractor');
    const shared = tagDocument(sentences);
    // Each pass with its own extractor prepares every sentence itself.
    const own = (t: NerTagger): NerTagger => ({
      ...t,
      extractor: new FeatureExtractor(t.extractor.resources),
    });
    assert.deepEqual(tagDocumentWith(own(first), own(second), sentences), shared);
    // The plain feature path, every feature of every token listed.
    const pass1 = sentences.map((s) => first.model.spans(first.extractor.sentence(s)));
    const extras = documentFeatures(sentences, pass1);
    const plain = sentences.map((s, i) => second.model.spans(second.extractor.sentence(s, extras[i])));
    assert.deepEqual(shared, plain);
    assert.ok(shared.flat().length >= 10);
  });

  it('refuses a sentence context made before its extractor dropped the word scores', () => {
    const { model, extractor } = nerTagger();
    const fresh = new FeatureExtractor(extractor.resources);
    fresh.scoreSlot(model);
    fresh.scoreSlot(nerDocumentTagger()!.model);
    const ctx = fresh.context(sentence);
    fresh.scoreSlot({}); // a third model: its slot replaces the cached scores of both
    assert.throws(() => model.tagContext(fresh, ctx), /context made before/);
    assert.deepEqual(model.tag(fresh, sentence), tagEntities(sentence));
  });
});
