/**
 * Near-duplicates: one wire story reprinted with light edits is one story; two reports of the same meeting
 * in different words, and unrelated stories, are not. The stories below were written for this test.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  BANDS,
  NUM_HASHES,
  NearDuplicateIndex,
  SIGNATURE_SCHEME,
  bandKeys,
  estimatedContainment,
  estimatedJaccard,
  normalisedWords,
  shingleHashes,
  signature,
  signatureFromBuffer,
  signatureToBuffer,
} from '../src/ingest/dedup.js';

const WIRE = [
  'Japan and South Korea agree to resume defence talks after five-year freeze',
  'Japan and South Korea agreed on Tuesday to resume regular defence talks that were frozen five years ago, as the two neighbours try to put a long dispute over wartime history behind them and respond together to North Korea’s missile launches.',
  'Japanese Foreign Minister Yoko Kamikawa and her South Korean counterpart Cho Tae-yul met for three hours in Seoul, their second meeting this year. They said senior defence officials would meet before the end of the month and that a hotline between the two navies would be restored.',
  '“We have agreed that the security environment leaves us no room to stand still,” Cho told reporters after the meeting. Kamikawa said Tokyo was ready to share missile warning data in real time with Seoul and Washington.',
  'The talks were suspended in 2019 after a South Korean warship was accused of locking its fire-control radar on a Japanese patrol plane, an incident the two governments still describe differently. Relations sank further that year over a court ruling that ordered Japanese companies to compensate Koreans forced to work in their factories during the Second World War.',
  'South Korean President Yoon Suk Yeol has made repairing ties with Tokyo a priority, despite criticism at home that he has conceded too much on the forced-labour issue. A poll published last week found that 54 percent of South Koreans opposed his approach.',
  'North Korea fired two short-range ballistic missiles into the sea off its east coast on Sunday, the South Korean military said. The United States has welcomed closer cooperation between its two allies and plans a three-way naval exercise in the region next month.',
].join('\n\n');

const paragraphs = WIRE.split('\n\n');
const withoutParagraph = (index: number): string => paragraphs.filter((_, i) => i !== index).join('\n\n');

/** Five light edits of the wire story, as different outlets print it. */
const COPIES: Record<string, string> = {
  headline: ['Tokyo and Seoul restart military dialogue frozen since 2019', ...paragraphs.slice(1)].join(
    '\n\n',
  ),
  dateline: WIRE.replace(
    'Japan and South Korea agreed on Tuesday',
    'SEOUL (Reuters) - Japan and South Korea agreed on Tuesday',
  ),
  droppedParagraph: withoutParagraph(5),
  rewordedSentence: WIRE.replace(
    '“We have agreed that the security environment leaves us no room to stand still,” Cho told reporters after the meeting.',
    'Speaking to journalists afterwards, Cho said the security situation in the region meant neither country could afford to stand still.',
  ),
  footer: `${WIRE}\n\nReporting by Hyonhee Shin in Seoul and Kantaro Komiya in Tokyo; Editing by Gerry Doyle\n\nOur Standards: The Thomson Reuters Trust Principles.`,
};

/** The same meeting, reported by another outlet in its own words: same actors, same facts, no shared prose. */
const SAME_MEETING = [
  'Seoul, Tokyo to revive security dialogue',
  'The foreign ministers of South Korea and Japan said on Tuesday that their countries would restart a defence dialogue suspended since 2019, the latest sign of a thaw between the two U.S. allies.',
  'Cho Tae-yul hosted Yoko Kamikawa in the South Korean capital for talks that lasted about three hours. According to officials briefed on the discussions, the ministers also agreed to reopen a military communication line and to speed up the exchange of data on North Korean missiles.',
  'Ties between the two countries have swung sharply in recent years. A 2018 dispute over a radar incident at sea and rulings by Korean courts on compensation for wartime forced labour pushed relations to their lowest point in decades.',
  'President Yoon Suk Yeol’s government has pushed for reconciliation, a policy that remains unpopular with many voters. Pyongyang, which launched two missiles at the weekend, has condemned the growing cooperation between Seoul, Tokyo and Washington as preparation for war.',
].join('\n\n');

const UNRELATED = [
  [
    'Floods force thousands from their homes in southern Brazil',
    'Heavy rain has caused rivers to burst their banks across Rio Grande do Sul, forcing more than 20,000 people to leave their homes, the state’s civil defence agency said on Saturday. At least 11 people have died and dozens are missing.',
    'Governor Eduardo Leite declared a state of emergency and asked the federal government for helicopters to reach towns cut off by landslides. Forecasters expect more rain until Wednesday.',
  ].join('\n\n'),
  [
    'European Central Bank holds rates, signals cut in June',
    'The European Central Bank kept its deposit rate at a record 4 percent on Thursday but said it could begin lowering borrowing costs in June if inflation continued to ease. Consumer prices in the euro area rose 2.4 percent in March from a year earlier.',
    'ECB President Christine Lagarde told a news conference in Frankfurt that some policymakers had already been ready to cut this month. Markets now expect three reductions this year.',
  ].join('\n\n'),
  [
    'Chile’s president names new finance minister in cabinet reshuffle',
    'Chilean President Gabriel Boric replaced his finance minister and four other cabinet members on Friday, seeking to revive his government after voters rejected a draft constitution it had backed.',
    'The new finance minister, a former central bank official, told reporters that his priority would be a pension reform stalled in Congress since last year.',
  ].join('\n\n'),
];

describe('near-duplicate signatures', () => {
  it('normalises case, accents and punctuation before shingling', () => {
    assert.deepEqual(normalisedWords('Milošević’s “TALKS” — in Belgrade!'), [
      'milosevic',
      's',
      'talks',
      'in',
      'belgrade',
    ]);
    assert.deepEqual(normalisedWords('习近平会见布林肯'), ['习', '近', '平', '会', '见', '布', '林', '肯']);
    assert.equal(
      estimatedJaccard(
        signature('Talks in Geneva, said the minister.'),
        signature('talks in geneva said the MINISTER'),
      ),
      1,
    );
  });

  it('is deterministic and round-trips through a 512-byte buffer', () => {
    const a = signature(WIRE);
    const b = signature(WIRE);
    assert.deepEqual(a.hashes, b.hashes);
    assert.equal(a.hashes.length, NUM_HASHES);
    assert.equal(a.shingles, shingleHashes(WIRE).length);
    const buffer = signatureToBuffer(a);
    assert.equal(buffer.byteLength, 512);
    const back = signatureFromBuffer(buffer, a.shingles);
    assert.deepEqual(back.hashes, a.hashes);
    assert.equal(estimatedJaccard(a, back), 1);
    assert.equal(bandKeys(a).length, BANDS);
    assert.match(SIGNATURE_SCHEME, /^minhash-v1-w5-h128/);
    assert.throws(() => signatureFromBuffer(buffer.subarray(0, 100), 1), /512 bytes/);
  });

  it('estimates Jaccard close to the exact value', () => {
    const exact = (x: string, y: string): number => {
      const a = new Set(shingleHashes(x));
      const b = new Set(shingleHashes(y));
      const shared = [...a].filter((h) => b.has(h)).length;
      return shared / (a.size + b.size - shared);
    };
    for (const copy of Object.values(COPIES)) {
      const estimate = estimatedJaccard(signature(WIRE), signature(copy));
      assert.ok(Math.abs(estimate - exact(WIRE, copy)) < 0.12, `${estimate} vs ${exact(WIRE, copy)}`);
    }
  });

  it('sees a cut copy as contained in the full story', () => {
    const firstPart = paragraphs.slice(0, 5).join('\n\n');
    const full = signature(WIRE);
    const cut = signature(firstPart);
    assert.ok(estimatedJaccard(full, cut) < 0.7);
    assert.ok(estimatedContainment(full, cut) > 0.85);
  });

  it('treats empty text as similar to nothing', () => {
    const empty = signature('  — ');
    assert.equal(empty.shingles, 0);
    assert.equal(estimatedJaccard(empty, signature('')), 0);
    assert.equal(estimatedJaccard(empty, signature(WIRE)), 0);
  });
});

describe('NearDuplicateIndex', () => {
  it('groups a wire story and five lightly edited copies into one story', () => {
    const index = new NearDuplicateIndex();
    assert.deepEqual(index.add('wire', WIRE), { groupId: 'wire' });
    for (const [name, text] of Object.entries(COPIES)) {
      const result = index.add(name, text);
      assert.equal(result.groupId, 'wire', `${name} should join the wire story`);
      assert.ok(result.duplicateOf, name);
      assert.ok(result.similarity! >= 0.7, `${name}: ${result.similarity}`);
    }
    assert.equal(index.size, 6);
  });

  it('groups copies whatever order they arrive in: the first one names the story', () => {
    const index = new NearDuplicateIndex();
    const names = Object.keys(COPIES).reverse();
    for (const name of names) assert.equal(index.add(name, COPIES[name]!).groupId, names[0]);
    assert.equal(index.add('wire', WIRE).groupId, names[0]);
  });

  it('keeps a different report of the same meeting, and unrelated stories, apart', () => {
    const index = new NearDuplicateIndex();
    index.add('wire', WIRE);
    for (const [name, text] of Object.entries(COPIES)) index.add(name, text);
    const other = index.add('same-meeting', SAME_MEETING);
    assert.deepEqual(other, { groupId: 'same-meeting' });
    assert.ok(estimatedJaccard(signature(WIRE), signature(SAME_MEETING)) < 0.2);
    UNRELATED.forEach((text, i) =>
      assert.deepEqual(index.add(`unrelated-${i}`, text), { groupId: `unrelated-${i}` }),
    );
  });

  it('adds a known id once, and rebuilds from stored signatures keeping their groups', () => {
    const index = new NearDuplicateIndex();
    index.add('wire', WIRE);
    assert.deepEqual(index.add('wire', UNRELATED[0]!), { groupId: 'wire' });

    const rebuilt = new NearDuplicateIndex();
    const stored = signatureFromBuffer(signatureToBuffer(signature(WIRE)), signature(WIRE).shingles);
    rebuilt.addSignature('wire', stored, 'wire');
    rebuilt.addSignature('old-copy', signature(COPIES.footer!), 'wire');
    assert.equal(rebuilt.groupOf('old-copy'), 'wire');
    const result = rebuilt.add('new-copy', COPIES.dateline!);
    assert.equal(result.groupId, 'wire');
    assert.ok(['wire', 'old-copy'].includes(result.duplicateOf!));
    assert.equal(rebuilt.has('new-copy'), true);
  });

  it('can join a cut copy by containment when asked to', () => {
    const firstPart = paragraphs.slice(0, 5).join('\n\n');
    const strict = new NearDuplicateIndex();
    strict.add('wire', WIRE);
    assert.deepEqual(strict.add('cut', firstPart), { groupId: 'cut' });
    const lenient = new NearDuplicateIndex({ containment: 0.85 });
    lenient.add('wire', WIRE);
    assert.equal(lenient.add('cut', firstPart).groupId, 'wire');
  });

  it('never groups many unrelated short texts', () => {
    const index = new NearDuplicateIndex();
    for (let i = 0; i < 300; i++) {
      const text = `Report ${i}: officials in region ${i * 7} said ${i % 13} people were hurt when ${i % 5} buildings collapsed on day ${i}.`;
      assert.equal(index.add(`n${i}`, text).groupId, `n${i}`);
    }
  });
});
