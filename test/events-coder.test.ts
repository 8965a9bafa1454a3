/**
 * The event coder on hand-written sentences, one construction each: who did what to whom, and what is
 * not an event (negation, modality, questions, alleged acts). Countries are compared on their first three
 * letters, as the gold-set evaluation does, so that a person's role code does not make a test brittle.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { framedCode } from '../src/events/frames.js';
import { patternIndex } from '../src/events/patterns.js';
import { analyze } from '../src/pipeline.js';

interface Coded {
  source: string;
  code: string;
  target: string;
  negated: boolean;
}

const side = (code: string | undefined): string =>
  !code ? '-' : /^(IGO|NGO|IMG)/.test(code) ? code.slice(0, 6) : code.slice(0, 3);

function code(text: string, date = '2020-06-01'): Coded[] {
  return analyze({ text, date }).events.map((event) => ({
    source: side(event.source.code),
    code: event.code,
    target: side(event.target?.code),
    negated: event.negated,
  }));
}

/** Asserted events as "SRC code TGT" strings. */
const asserted = (text: string, date?: string): string[] =>
  code(text, date)
    .filter((event) => !event.negated)
    .map((event) => `${event.source} ${event.code} ${event.target}`);

const has = (text: string, expected: string, date?: string): void => {
  const events = asserted(text, date);
  assert.ok(events.includes(expected), `${expected} in ${JSON.stringify(events)} for "${text}"`);
};

const none = (text: string, date?: string): void => {
  assert.deepEqual(asserted(text, date), [], text);
};

/** The sentence's asserted events are exactly these. */
const exactly = (text: string, expected: string[]): void => {
  assert.deepEqual(asserted(text), expected, text);
};

describe('event coder: who did what to whom', () => {
  it('codes a plain active sentence: subject, verb, object', () => {
    has('The European Union imposed new sanctions on Iran.', 'IGOEUR 163 IRN');
  });

  it('takes the agent of a passive as source and its subject as target', () => {
    has('Iran was sanctioned by the United States.', 'USA 163 IRN');
    has('British troops were attacked by Taliban insurgents.', 'AFG 190 GBR');
  });

  it('codes an agentless passive as nothing', () => {
    none('Two soldiers were killed in Kabul.');
  });

  it('codes one event per source for a coordinated subject', () => {
    exactly('France and Germany condemned Russia.', ['FRA 111 RUS', 'DEU 111 RUS']);
  });

  it('codes one event between two parties of a joint act', () => {
    exactly('Japan and South Korea held talks in Seoul.', ['JPN 040 KOR']);
    has('Armenia and Azerbaijan agree to a ceasefire.', 'ARM 0871 AZE');
  });

  it('codes one event per target for coordinated targets', () => {
    const events = asserted('Hillary Clinton visits Egypt and Tunisia.', '2011-03-15');
    assert.ok(events.includes('USA 042 EGY') && events.includes('USA 042 TUN'), JSON.stringify(events));
  });

  it('follows a coordinated verb back to its subject', () => {
    has(
      'U.S. President Joe Biden visits Israel and meets with Prime Minister Benjamin Netanyahu.',
      'USA 040 ISR',
      '2023-10-18',
    );
    assert.ok(
      !asserted('Joe Biden visits Israel and meets with Benjamin Netanyahu.', '2023-10-18').includes(
        'ISR 040 ISR',
      ),
    );
  });

  it('skips an apposition to find the subject', () => {
    has('Hu Jintao, the President of China, visited Japan.', 'CHN 042 JPN', '2008-05-06');
  });

  it('skips a relative clause to find the subject', () => {
    has('Egypt, which has mediated before, hosted Hamas leaders.', 'EGY 043 PSE');
  });

  it('finds targets after prepositions and inside noun phrases', () => {
    has(
      'The United States imposes sanctions on 16 allies of Venezuelan president Nicolás Maduro.',
      'USA 163 VEN',
      '2019-01-01',
    );
    has('Israel apologizes to Turkey for the raid.', 'ISR 055 TUR');
  });

  it('names unnamed groups by the country the sentence places them in', () => {
    has('In Quito, Ecuador, riot police clash with demonstrators.', 'ECU 175 ECU');
  });
});

describe('event coder: frames around the act', () => {
  it('codes reported speech as the reported act, with the pronoun resolved', () => {
    has('Russia said it will visit Turkey.', 'RUS 036 TUR');
  });

  it('codes "would" after a reporting verb as the future: a conflictual act is a threat', () => {
    has('China said it would impose sanctions on Australia.', 'CHN 1312 AUS');
  });

  it('codes an announced cooperative act as an intent (03x)', () => {
    has('Russia plans to visit Turkey.', 'RUS 036 TUR');
    has('The Chinese Prime Minister Wen Jiabao will visit Japan in April.', 'CHN 036 JPN', '2007-03-01');
  });

  it('codes a threatened act as a threat (13x)', () => {
    has('Russia threatened to invade Ukraine.', 'RUS 1384 UKR');
  });

  it('codes refusals with the refusal codes (12x)', () => {
    has('India refused to meet Pakistan.', 'IND 125 PAK');
    has('Turkey opts not to meet Israel.', 'TUR 125 ISR');
    has('Israel refuses to release two Jordanian citizens.', 'ISR 1243 JOR');
  });

  it('codes an appeal by what it asks for, and not the act asked for', () => {
    exactly('Thailand urged Cambodia to release the prisoners.', ['THA 0253 KHM']);
  });

  it('codes a demand for withdrawal as 1056 toward the one who should withdraw', () => {
    has('Turkey demands that Greece withdraw its troops.', 'TUR 1056 GRC');
  });

  it('codes only the accusation of an alleged act', () => {
    exactly('Russia accused Ukraine of attacking the villages.', ['RUS 112 UKR']);
    exactly('The Syrian opposition claims that Syria used chemical weapons.', ['SYR 112 SYR']);
  });
});

describe('event coder: what is not an event', () => {
  it('marks a negated event negated', () => {
    const events = code('Japan did not criticize South Korea.');
    assert.equal(events.length, 1);
    assert.equal(events[0]!.negated, true);
  });

  it('codes nothing under a modal or an expectation', () => {
    none('China may impose sanctions on Australia.');
    none('China could impose sanctions on Australia.');
    none('Malaysia is expected to visit Japan.');
  });

  it('codes nothing in a question', () => {
    none('Will China impose sanctions on Australia?');
  });

  it('codes nothing in a condition', () => {
    const events = asserted(
      'Iran threatens to close the strait if the United States imposes sanctions on Iran.',
    );
    assert.ok(!events.some((event) => event.startsWith('USA')), JSON.stringify(events));
  });

  it('codes no self-events and no events without a coded source', () => {
    none('A bomb kills at least three people in Kabul.');
    for (const event of code('Russia and Russia met.')) assert.notEqual(event.source, event.target);
  });

  it('codes nothing for an election', () => {
    none('Voters in Armenia head to the polls for a parliamentary election.');
  });

  it('takes every name of a list inside a role phrase as a party', () => {
    has('Senior officials from Turkey and Israel meet in Geneva.', 'TUR 040 ISR');
    has('The foreign ministers of India and Pakistan hold talks in Islamabad.', 'IND 040 PAK');
  });

  it('finds a hedged agent and a civilian subject of a passive', () => {
    // (militants shooting civilians is unconventional violence, 180, as the training part codes it)
    has('Over 42 people are shot dead by suspected Boko Haram gunmen in Nigeria.', 'NGA 180 NGA');
    has('Five Palestinians are killed in an Israeli airstrike in Gaza City.', 'ISR 190 PSE');
  });

  it("calls force repression only against a state's own people", () => {
    has('Five civilians were killed by Russian troops in Bucha.', 'RUS 190 UKR');
    has('Kenya Police fire tear gas at hundreds of demonstrators in Nairobi.', 'KEN 175 KEN');
  });

  it('takes no source from before the comma that opens an unknown subject', () => {
    // ("Abu Sayyaf" is in the organisations dictionary now: the subject is known, and it is the source)
    const events = analyze({
      text: 'During a shootout in Sulu, Philippines, Abu Sayyaf militants kill an Indonesian fisherman.',
      date: '2020-06-01',
    }).events;
    assert.deepEqual(
      events.map((event) => `${event.source.text} ${event.source.code}`),
      ['militants PHLREB'],
    );
    none('During a shootout in Sulu, Philippines, Zamboanga militants kill an Indonesian fisherman.');
  });

  it('finds who attacked from the attack noun of a passive or a subject', () => {
    has('Two people are killed in an Ukrainian artillery strike in Belgorod Oblast, Russia.', 'UKR 190 RUS');
    has('A drone strike by the United States kills 50 Taliban militants in South Waziristan.', 'USA 190 AFG');
    has('Two Saudi soldiers are killed in fighting with Houthi rebels in northern Yemen.', 'SAU 190 YEM');
  });

  it('knows names written with letters outside Latin-1, and dictionary people without their accents', () => {
    has('Recep Tayyip Erdoğan meets Shinzō Abe in Ankara.', 'TUR 040 JPN', '2019-05-01');
    has('Nicolás Maduro meets Recep Tayyip Erdoğan.', 'VEN 040 TUR', '2013-10-01');
  });

  it('reads quantities, perfect infinitives and coordinated passives', () => {
    has('Yemeni security forces kill at least 20 people in the city of Taiz.', 'YEM 175 YEM');
    has('Turkey claims to have killed 100 terrorists in bombing raids.', 'TUR 190 TUR');
    has(
      'Five Russian soldiers are killed and six injured in clashes with militants in Chechnya.',
      'RUS 190 RUS',
    );
  });

  it('takes no party from "Latin American" or from a group that qualifies a place', () => {
    none('Several Latin American countries close their embassies in Venezuela.');
    const events = asserted(
      'Syrian Air Force helicopters bombard the northern rebel-held town of Al-Bab, killing 20 people.',
    );
    // (before, "the northern rebel" was a rebel group that killed the 20 people: SYR 180 SYR; troops
    // killing civilians is fighting, 19x, as the training part codes it, not repression)
    assert.ok(events.includes('SYR 190 SYR') && !events.includes('SYR 180 SYR'), JSON.stringify(events));
  });

  it('takes the visitor of "during a visit to" from the clause, and a noun\'s source across a compound', () => {
    has(
      'Polish Foreign Minister Witold Waszczykowski, during a visit to Slovakia, says Russia is dangerous.',
      'POL 042 SVK',
    );
    has('North Korea says it will resume working-level nuclear talks with the United States.', 'PRK 036 USA');
  });

  it('addresses a demand to the subject of the verb that rejects it, past a long title', () => {
    // (gold dev g0118)
    has(
      "Pakistani President Pervez Musharraf rejects United States Deputy Secretary of State John Negroponte's demand to lift the state of emergency.",
      'USA 1051 PAK',
      '2007-11-19',
    );
  });

  it('reads a present-tense verb after an apposition to its subject as the predicate', () => {
    // (news-free, 2012-04-24: "visits" after the apposition's comma is tagged as a noun)
    has(
      "Salva Kiir, the President of South Sudan, visits the People's Republic of China seeking assistance to build an oil pipeline.",
      'SSD 042 CHN',
      '2012-04-24',
    );
  });

  it('codes a strike that is the subject of "hit" (news-free, July 2006)', () => {
    has(
      'Israeli airstrikes hit the southern suburbs of Beirut near the airport.',
      'ISR 195 LBN',
      '2006-07-19',
    );
    has(
      'Hezbollah rockets hit the major Israeli city of Haifa, killing 8 civilians and wounding 17.',
      'LBN 194 ISR',
      '2006-07-16',
    );
    none('Severe storms hit Texas.');
  });

  it('does not place a group in the country across a border', () => {
    // (gold dev g0569: the gunmen are not Afghan)
    const events = asserted(
      'Gunmen raid a Pakistani military post near the border with Afghanistan, killing at least eight people.',
      '2017-03-17',
    );
    assert.ok(!events.some((event) => event.startsWith('AFG')), JSON.stringify(events));
  });

  it('takes the visitor of a closing "during a visit to" from the sentence\'s main verb', () => {
    // (news-free, Wikipedia current events: the visit phrase ends the sentence, after the main event)
    has(
      'Venezuelan President Hugo Chávez recognizes Abkhazia and South Ossetia during a visit to Russia.',
      'VEN 042 RUS',
      '2009-09-10',
    );
    const events = asserted(
      'The President of Iran Mahmoud Ahmadinejad accuses the United States of plotting to kidnap and assassinate him during a visit to Iraq.',
      '2008-06-19',
    );
    assert.ok(events.includes('IRN 042 IRQ'), JSON.stringify(events));
    assert.ok(!events.includes('USA 042 IRQ'), JSON.stringify(events));
  });

  it('takes no country from a capital inside an unknown name, and codes no explosion', () => {
    const events = asserted('Uzbekistan deports four members of the International Helsinki Federation.');
    assert.ok(!events.some((event) => event.endsWith('FIN')), JSON.stringify(events));
    none('A car bomb targeting a UN convoy explodes outside a school in Mogadishu.');
  });

  it('codes no attack for a game won', () => {
    none('Serbian Novak Djokovic beats Swiss Roger Federer 7-6, 7-5 in the final.');
  });

  it('names a sitting leader by title and surname', () => {
    has(
      "President Talabani meets Iran's President Mahmoud Ahmadinejad in Tehran.",
      'IRQ 040 IRN',
      '2007-08-01',
    );
  });
});

// Real sentences from Wikipedia's Current events portal (news-free), from the gold set's dev extension
// (g0515 on), never from its test part: one mechanism each of the issue-5 generalisation work.
describe('event coder: mechanisms that generalise beyond the first dev sentences', () => {
  it('takes a group qualified by an unknown capitalised word as a passive agent', () => {
    has(
      'Twenty-two civilians are killed by Islamist militants in machete attacks in the town of Beni, Democratic Republic of the Congo.',
      'COD 180 COD',
      '2019-12-15',
    );
  });

  it('takes the author after "made by" as the target of a condemnation', () => {
    has(
      'Israel\'s Ministry of Foreign Affairs condemns comments made by Belarusian President Alexander Lukashenko after he said that the "whole world bows" to the Jews, "due to the Holocaust", during a speech given on Independence Day.',
      'ISR 111 BLR',
      '2021-07-06',
    );
  });

  it('codes expelled or withdrawn diplomats as reduced relations (161), not an expulsion (166)', () => {
    has(
      "The United States expels 35 Russian diplomats over the alleged Russian interference during the U.S.'s 2016 presidential election.",
      'USA 161 RUS',
      '2016-12-29',
    );
    has(
      'Saudi Arabia withdraws its Ambassador from Canada, and orders the Canadian counterpart to leave the country in 24 hours, after Canada calls for the release of activists who are in detention in the Middle East nation.',
      'SAU 161 CAN',
      '2018-08-05',
    );
    has(
      'Venezuela severs diplomatic relations with Colombia after Colombia claims Venezuela is a "haven for guerrillas".',
      'VEN 161 COL',
      '2010-07-23',
    );
  });

  it('reads a hyphenated compound as one modifier and a hyphenated headline verb as a verb', () => {
    has(
      'The Kyiv city government and Kyiv Oblast administration impose a 35-hour curfew starting at 20:00 local time (18:00 UTC).',
      'UKR 1723 UKR',
      '2022-03-15',
    );
    has(
      'Iran test-fires nine long- and medium-range missiles, including the Shahab-3.',
      'IRN 150 -',
      '2008-07-09',
    );
  });

  it('codes fighting told as a noun between two named sides', () => {
    has(
      'Clashes take place between Turkish forces and the Syrian Army in the town of Ras al-Ain, with an undetermined number of casualties.',
      'TUR 193 SYR',
      '2019-10-27',
    );
  });

  it('codes a concluded deal as an agreement (057)', () => {
    has(
      'Ivory Coast president Alassane Ouattara reaches a deal with soldiers who seized the town of Bouake in a pay protest.',
      'CIV 057 CIV',
      '2017-01-07',
    );
  });

  it('codes reimposed sanctions and promised weapons', () => {
    has(
      'The Trump administration announces the reimposition of all sanctions on Iran that were lifted under the July 2015 deal governing the nuclear program of Iran.',
      'USA 163 IRN',
      '2018-11-02',
    );
    has(
      'The U.S. agrees to supply Ukraine with more lethal weapons, now including Javelin anti-tank missiles.',
      'USA 0332 UKR',
      '2017-12-22',
    );
  });

  it('lets force reach the place of its unnamed object', () => {
    has(
      'Israeli warplanes strike targets in the Gaza Strip in response to rocket fire, the first air strikes launched by Israel since an informal ceasefire ended eight days of cross-border fighting between Israel and Hamas-ruled Gaza in November 2012.',
      'ISR 190 PSE',
      '2013-04-03',
    );
  });

  it('knows armed groups and blocs named in news, and codes a captured city as occupied', () => {
    has(
      'The Colombian leftist group FARC releases its last remaining police and military captives.',
      'COL 084 COL',
      '2012-04-02',
    );
    has(
      'Mercosur suspends Venezuela from the South American trading bloc for failing to meet membership requirements on trade and human rights.',
      'IGOSAM 160 VEN',
      '2016-12-02',
    );
    has(
      'Al-Shabaab captures Jowhar, Somalia, from the Transitional Federal Government.',
      'SOM 192 SOM',
      '2009-05-17',
    );
  });

  it('aims a conditional threat at the one whose act is the condition', () => {
    has(
      'Iran threatens to close the Strait of Hormuz to shipping if the U.S. re-applies sanctions to the country after the U.S withdrew from the JCPOA deal earlier in the year.',
      'IRN 130 USA',
      '2018-07-05',
    );
    has(
      'North Korea warns of "unexpected consequences" if South Korea lights a Christmas tree near their mutual border.',
      'PRK 130 KOR',
      '2011-12-11',
    );
  });

  it('codes what two leaders discuss as their consultation, and missiles fired into the sea as a show of force', () => {
    assert.deepEqual(
      asserted(
        'President of the United States George W. Bush and Prime Minister of Australia John Howard discuss Iraq strategy over lunch.',
        '2006-11-17',
      ),
      ['USA 040 AUS'],
    );
    has(
      'North Korea fires a ballistic missile into the Sea of Japan near South Korean territory.',
      'PRK 150 -',
      '2024-04-01',
    );
    has(
      'In the standoff between the Jaish-i-Mahdi militia and Iraqi and US forces, fears of a major assault on Najaf mount.',
      'IRQ 150 USA',
      '2004-08-16',
    );
  });

  it('reads "either one or three" as a quantity, and codes a refusal to allow as a rejection', () => {
    has(
      'Israeli forces kill either one or three armed Palestinians in Khan Yunis, and according to Palestinians, demolish seven houses.',
      'ISR 190 PSE',
      '2004-12-22',
    );
    has(
      'Illness of Yasser Arafat: Israel refuses to allow Yasser Arafat to be buried in Jerusalem.',
      'ISR 120 PSE',
      '2004-11-05',
    );
  });

  it('codes no event for an election endorsement or for figures that demonstrate a trend', () => {
    none(
      'U.S. House Speaker Paul Ryan endorses Donald Trump for President of the United States.',
      '2016-06-02',
    );
    none(
      'Joint United Nations Programme on HIV/AIDS figures demonstrate a fall by up to 25 per cent in the prevalence of HIV among young people aged between 15 and 24 in Africa.',
      '2010-07-13',
    );
  });
});

describe('event coder: rules read off the training part (test/gold/events/train.jsonl)', () => {
  it('codes a fight that kills by its two sides, not as a killing by one of them', () => {
    const events = asserted('Fighting between the Syrian army and rebels kills 20 people.');
    assert.deepEqual(events, ['SYR 190 SYR']);
  });

  it('lets force with no object of its own reach the foreign places it is used in', () => {
    const text =
      'The United States Air Force carries out strikes using F-15E Strike Eagle jets and drones in Iraq and Syria.';
    has(text, 'USA 195 IRQ');
    has(text, 'USA 195 SYR');
  });

  it('codes an arrest of unnamed people of no stated country without a target (as g0473)', () => {
    has(
      'Turkish police arrest a total of 41 people in connection with the Istanbul Atatürk Airport attack.',
      'TUR 173 -',
    );
    has('Turkish police detain two British journalists from Vice News.', 'TUR 173 GBR');
  });

  it('reads cancelled and requested talks as those acts, not as talks', () => {
    exactly('North Korea cancels high-level talks with South Korea.', ['PRK 161 KOR']);
    exactly('North Korea requests direct talks with the United States.', ['PRK 026 USA']);
  });

  it('leaves a court ruling on an appeal with no party named, and a raid by prosecutors is a search', () => {
    exactly("Israel's Supreme Court rejects appeals against the demolition of Khan al-Ahmar.", []);
    has('South Korean prosecutors raid the presidential Blue House in Seoul.', 'KOR 091 KOR');
  });

  it('reads who backs a group as a description, and troops arriving as no visit', () => {
    assert.deepEqual(
      asserted('Syrian opposition groups backed by Turkey recapture the strategic city of Saraqib.').filter(
        (e) => e.includes(' 051 '),
      ),
      [],
    );
    // (troops arriving abroad are deployed there: 074, or 062 for exercises with the host)
    exactly('Eight hundred British Army troops arrive in Estonia.', ['GBR 074 EST']);
    exactly(
      'About 200 U.S. troops arrive in Moldova from Romania for planned military exercises with the Moldovan military.',
      ['USA 062 MDA'],
    );
    has('Turkey backed the rebels in Syria.', 'TUR 051 SYR');
  });

  it("takes a one-word name under another country's title for someone of that country", () => {
    has(
      "U.S. Secretary of State Clinton meets China's Foreign Minister Yang in Beijing.",
      'USA 040 CHN',
      '2010-01-01',
    );
  });

  it('reads name-calling in quotation marks as criticism, and a conditional warning as a threat', () => {
    has(
      'The Kurdish-led Syrian Democratic Forces calls the U.S. withdrawal a "stab in the back".',
      'SYR 111 USA',
    );
    has('Houthis warn of worse attacks if Saudi Arabia continues its escalation in Yemen.', 'YEM 130 SAU');
    exactly('The WHO warns of a second wave of infections.', []);
  });

  it('reads signing a bill into law, granting a right and a bare veto as no event between parties', () => {
    exactly(
      'United States President Barack Obama signs the Frank R. Lautenberg Chemical Safety for the 21st Century Act into law.',
      [],
    );
    exactly('Saudi Arabia grants women the right to travel without permission from a male guardian.', []);
    exactly('U.S. President Barack Obama vetoes the $612 billion annual defense authorization bill.', []);
    has('Russia and China sign a gas deal.', 'RUS 057 CHN');
  });

  it('codes the signing of any agreement as 057, and a shooting of civilians by militants as 180', () => {
    has('South Korea and the European Union sign a free trade agreement.', 'KOR 057 IGOEUR');
    has('The Al-Nusra Front shoots dead at least 20 Druze villagers in Idlib, Syria.', 'SYR 180 SYR');
  });
});

describe('event patterns', () => {
  it('loads the PETRARCH-derived patterns alongside the hand-written ones', () => {
    const index = patternIndex();
    const origins = new Set([...index.values()].flat().map((pattern) => pattern.origin));
    assert.ok(origins.has('petrarch') && origins.has('parley'));
    const total = [...index.values()].reduce((sum, list) => sum + list.length, 0);
    assert.ok(total > 10_000, `${total} patterns`);
  });

  it('lets a hand-written pattern win a tie with a PETRARCH one', () => {
    const list = patternIndex().get('break') ?? [];
    const offs = list.filter((pattern) => pattern.text === 'break off');
    assert.equal(offs[0]?.origin, 'parley');
  });

  it('maps an act into its frame', () => {
    assert.equal(framedCode('intent', '042'), '036');
    assert.equal(framedCode('intent', '163'), '1312');
    assert.equal(framedCode('refusal', '0841'), '1243');
    assert.equal(framedCode('appeal', '0841'), '0253');
    assert.equal(framedCode('demand', '0874'), '1056');
    assert.equal(framedCode('threat', '192'), '1382');
  });
});

describe('event coder: rules of the eighth pass (read off test/gold/events/train.jsonl)', () => {
  it('reads a court that "sentences" someone as the verb, though the tagger calls it a noun', () => {
    has(
      'A court in Iran sentences former journalist and activist Ruhollah Zam to death for fueling anti-government unrest in late 2017 on social media.',
      'IRN 173 IRN',
    );
  });

  it('takes the author of the attack a passive happened in as its agent', () => {
    has(
      'At least 18 FARC rebels are killed while celebrating the New Year in an air raid by the Colombian Air Force in the south of the country.',
      'COL 190 COL',
    );
  });

  it('finds the author of that attack after a participle or at the end of its phrase', () => {
    has(
      'At least 10 Palestinians are killed in a series of airstrikes carried out by Israeli forces in southern Gaza.',
      'ISR 190 PSE',
    );
    has(
      'A police officer is killed and four others are injured in an attack on a police station in Cauca, Colombia, by FARC dissidents.',
      'COL 190 COL',
    );
  });

  it('reads a hedge before the victims as an adjective, not as a claim', () => {
    has(
      'At least three suspected militants are killed by Russian security forces during a firefight in Khasavyurt, Dagestan.',
      'RUS 190 RUS',
    );
  });

  it('skips a participle phrase with a particle inside the subject', () => {
    has(
      'Turkish security forces backed up by tanks and combat helicopters launch a large-scale operation against PKK militants in the mainly Kurdish town of Silvan.',
      'TUR 190 TUR',
    );
  });

  it('reads a country after coordinated adjectives as a place, so the bombers act', () => {
    // (the insurgents bomb civilians, 180; the country as the author would be 190)
    exactly(
      'A series of car bombings by insurgents across central and southern Iraq kill at least twenty people.',
      ['IRQ 180 IRQ'],
    );
  });

  it('reads being ready for a summit as the intent to meet', () => {
    exactly(
      'South Korean President Moon Jae-in says he is ready for a fourth summit with North Korean leader Kim Jong-un.',
      ['KOR 036 PRK'],
    );
  });

  it('reads the request a clause acts on as an appeal from its author to the subject', () => {
    assert.deepEqual(
      asserted(
        'At the request of Israel and the United States, Argentina officially declares Hezbollah a terrorist organization, freezing assets and expelling all members of the organization.',
      ).filter((event) => event.includes(' 020 ')),
      ['ISR 020 ARG', 'USA 020 ARG'],
    );
    has(
      'The United States announces the removal of a number of troops from Pakistan, following a request from the Pakistani government.',
      'PAK 020 USA',
    );
  });

  it('lets crowds rally and march, and no one else', () => {
    exactly(
      'Tens of thousands of people rally in Paris in support of the legalisation of gay marriage and adoption in France.',
      ['FRA 141 -'],
    );
    // (a capitalised quantity at the start is still a crowd)
    has('Thousands of people stage a protest in the capital Manama.', 'BHR 141 -');
    exactly('Police in Zimbabwe ban rallies in parts of Harare.', ['ZWE 172 ZWE']);
  });

  it('reads aid goods sent to a party as aid, by what is sent', () => {
    exactly('Iran sends five 90-tonne air cargo payloads of perishable food to Qatar.', ['IRN 073 QAT']);
    has(
      'Russia announces that they have supplied their first batch of their Sputnik V vaccine to Belarus for clinical trails.',
      'RUS 073 BLR',
    );
    none('Iran could send food to Qatar.');
  });

  it('joins coordinated subjects across a title with a possessor and after a foreign place', () => {
    exactly(
      "In Riyadh, India's Prime Minister Narendra Modi and Saudi Arabia's King Salman sign five agreements, including plans to increase investments.",
      ['IND 057 SAU'],
    );
    exactly(
      'At a summit in Baku, India and Azerbaijan discuss cooperation in areas including counterterrorism.',
      ['IND 040 AZE'],
    );
  });

  it('reads a participle before its noun as an adjective, after a headline verb or "by" too', () => {
    exactly('North Korea releases imprisoned Canadian pastor Hyeon Soo Lim on "sick bail."', ['PRK 084 CAN']);
    none(
      'Chinese authorities offer no response to requests by jailed dissident and Nobel peace laureate Liu Xiaobo for family visits.',
    );
  });

  it('ends a list of targets where ", and" opens a new clause', () => {
    exactly(
      'President Donald Trump revokes the security clearance of former Central Intelligence Agency director John Brennan, and the White House announces clearance reviews for other current and former officials.',
      ['USA 172 USA'],
    );
  });

  it("reads a warning to a state's own citizens as advice, not a threat", () => {
    none(
      'The United States Department of State warns U.S. citizens of a high security threat level in Yemen due to what it describes as "terrorist activities and civil unrest".',
    );
  });

  it('codes an attack by activists as a violent protest, and a charge by police as legal action', () => {
    has(
      'Pro-Russian activists attack the police headquarters in Odesa, forcing the release of several people held over deadly violence two days before.',
      'UKR 145 UKR',
    );
    has('Police in India charge five men with the murder of a 23-year-old woman.', 'IND 173 IND');
    has(
      'Thousands of citizens battle local government officials in a major riot in Guizhou in China.',
      'CHN 145 CHN',
    );
  });

  it('gives a person no dictionary knows the country of the apposition after the name', () => {
    exactly(
      'Supreme Court of Russia releases Platon Lebedev, a business partner of Russian magnate and former head of Yukos Mikhail Khodorkovsky, after he spent more than 10 years in prison.',
      ['RUS 084 RUS'],
    );
  });

  it('aims a protest with no object at whom the clause names after "against", or at its own government', () => {
    has(
      'Thousands of protestors march in Edinburgh, Scotland, against the upcoming departure of the United Kingdom from the European Union.',
      'GBR 141 GBR',
    );
    has('Thousands of people stage an anti-government protest in the capital Manama.', 'BHR 141 BHR');
  });

  it('reads an object "him" as the nearest person named before it', () => {
    has(
      'United States Secretary of State John Kerry meets Palestinian Authority President Mahmoud Abbas in Ramallah and urges him to restart peace talks.',
      'USA 020 PSE',
    );
  });

  it('codes a meeting before or after the clause as held by its subject', () => {
    exactly(
      'After meeting with Turkish President Recep Tayyip Erdoğan, U.S. Vice President Mike Pence says Turkey has agreed to a five-day ceasefire in Syria.',
      ['USA 040 TUR'],
    );
    has(
      'John Kerry meets Palestinian Authority President Mahmoud Abbas in Ramallah, before holding talks with the Israeli Prime Minister Benjamin Netanyahu.',
      'USA 040 ISR',
    );
  });

  it('codes the dead of a fight, of two sides, as the two sides of it', () => {
    exactly(
      "Clashes near the village of Toumour in Niger's southeast Diffa Region kill at least 30 Boko Haram militants and five Niger Armed Forces soldiers.",
      ['NGA 190 NER'],
    );
  });

  it('codes what two parties agree with no pattern of its own as their agreement or intent', () => {
    exactly(
      'India and Pakistan agree to set up a "terror hotline" to share information about terror threats.',
      ['IND 030 PAK'],
    );
    exactly(
      'The United States and Russia agree on a draft United Nations Security Council resolution aiming to rid Syria of its chemical weapons.',
      ['USA 057 RUS'],
    );
    none('India and Pakistan do not agree on a deal.');
    // (an agreement to act against someone else is that act, not cooperation between those who agree)
    none(
      'Argentina, Brazil and Uruguay agree to close their ports to ships flying the flag of the Falkland Islands at a Mercosur meeting.',
    );
  });

  it("reads welcoming someone's act as approval, and signing an executive order as no agreement", () => {
    exactly(
      "Georgia welcomes the ICC's investigation into alleged war crimes committed during the 2008 South Ossetia war.",
      ['GEO 051 IGOJUD'],
    );
    none(
      'Citing jobs and the ongoing pandemic, U.S. President Donald Trump announces he will sign an executive order temporarily suspending immigration to the United States.',
    );
  });

  it("reads a country before a province's name as where, not who", () => {
    none(
      "A suicide-bomb attack on a joint Afghan-U.S. patrol near Bagram Air Base in Afghanistan's Parwan Province, kills at least six U.S. soldiers and wounds another six.",
    );
  });

  it('reads a planned deployment of its own forces at home as the posture, not a threat', () => {
    exactly(
      'France announces plans to deploy 10,000 troops to protect sensitive sites across the country beginning tonight.',
      ['FRA 154 -'],
    );
  });

  it('leaves the victim of an investigated crime out, and pairs the signatories of an accession', () => {
    none(
      'Police investigate the overnight shooting death of a protester, James Scurlock, by a bar owner in Omaha, Nebraska.',
    );
    exactly(
      "Montenegro and NATO sign an accession agreement, paving the way for the country's future entry into the military alliance.",
      ['MNE 057 IGOWST'],
    );
  });

  it('reads a meeting or visit one is "ahead of" as yet to come (036)', () => {
    has(
      "Vietnam tightens security at its rail station on the Chinese border ahead of North Korean leader Kim Jong-un's visit to Hanoi.",
      'PRK 036 VNM',
    );
  });

  it('leaves a participle phrase that describes a name as background', () => {
    none(
      "The trial of Guatemalan ex-ruler Efraín Ríos Montt, accused of genocide during the civil war in the 1980s, ends abruptly with the defendant's death.",
    );
  });

  it('codes an arrest of unnamed men without a target, as g0473 codes unnamed people', () => {
    exactly(
      'India arrests two men accused of providing mobile phone cards to the gunmen in the November 2008 Mumbai attacks.',
      ['IND 173 -'],
    );
  });

  it('codes the broker of talks or a ceasefire as mediating between its parties', () => {
    const events = asserted(
      'Armenia and Azerbaijan agree to a ceasefire in the disputed Nagorno-Karabakh, following Russian-brokered peace talks in Moscow.',
    );
    assert.ok(events.includes('RUS 045 ARM') && events.includes('RUS 045 AZE'), JSON.stringify(events));
  });

  it('reads an accepted apology as an apology from its author to the subject', () => {
    has(
      'The Egyptian government accepts an apology from Israeli Prime Minister Ariel Sharon and demands an investigation on the incident.',
      'ISR 055 EGY',
    );
  });

  it('takes the name before "who" or "that" as the subject of its relative clause, unless it is a place', () => {
    has(
      'Ivory Coast president Alassane Ouattara reaches a deal with soldiers who seized the town of Bouake in a pay protest.',
      'CIV 192 CIV',
    );
    none(
      'Four people are arrested over a bus bombing in Matalam, the Philippines, that killed 10 people on Saturday.',
    );
  });

  it('reads a country before a headline verb the tagger calls a noun as the subject', () => {
    has(
      'In response to joint exercises held by South Korea and the United States, North Korea fires two short-range missiles off its coast.',
      'PRK 150 -',
    );
  });

  it('reads debt forgiven as economic aid to each debtor', () => {
    exactly(
      'The Inter-American Development Bank forgives US$4.4 billion in debt owed by Bolivia, Honduras, Nicaragua, Haiti and Guyana, five of the poorest countries in the Americas.',
      ['IGONAM 071 BOL', 'IGONAM 071 HND', 'IGONAM 071 NIC', 'IGONAM 071 HTI', 'IGONAM 071 GUY'],
    );
  });

  it('reads hyphenated and lower-case qualifiers inside a subject, and a blockade along a coast', () => {
    has(
      'A Russian warship and a nuclear-powered submarine conduct military drills in the Caribbean Sea simulating a missile strike on enemy ships.',
      'RUS 150 -',
    );
    exactly(
      "Honduras' de facto leader Roberto Micheletti and ousted President Manuel Zelaya agree a deal to end the political crisis.",
      ['HND 057 HND'],
    );
    has(
      'The Israeli Navy also announces a naval blockade extending for along the Lebanese coast.',
      'ISR 191 LBN',
    );
    exactly(
      'Australia and the United States begin their month-long biennial joint military exercise, Talisman Saber.',
      ['AUS 062 USA'],
    );
  });

  it('codes a chemical attack by its author alone, and only the claim when a state concludes one was made', () => {
    has(
      'A purported chemical weapons attack launched by the Syrian army kills at least 2 people in Saraqib, Idlib.',
      'SYR 2041 -',
    );
    assert.deepEqual(
      asserted(
        "The United States establishes and concludes that the Syrian President Bashar al-Assad's regime has used chemical weapons.",
      ).filter((e) => e.includes('2041')),
      [],
    );
  });

  it('fills a slot past a compound or participle adjective, and finds the verb after a relative clause', () => {
    exactly(
      'Turkey gives the Kurdish-led Syrian Democratic Forces an ultimatum to withdraw its fighters from Manbij within two weeks.',
      ['TUR 139 SYR'],
    );
    exactly(
      "Venezuelan President Nicolás Maduro, who is up for re-election, bans the main opposition parties from running in next year's presidential election.",
      ['VEN 1722 VEN'],
    );
  });

  it('reads the country of an "X-based" company as where it is, not as the target', () => {
    exactly(
      'The United States imposes sanctions on a Swiss-based Iranian oil company, the Naftiran Inter-trade Company.',
      ['USA 163 IRN'],
    );
  });

  // Sentences of unseen news (Wikinews, Current events) where a first version of these rules went wrong.
  it('keeps the rules above from coding what unseen news does not say', () => {
    none(
      'Jill Carroll, an American journalist, has been released by her captors after having been held for 82 days.',
    );
    none(
      'Greece Widespread protests occurred Saturday against measures being enacted by the Greek government to reduce spending.',
    );
    none('A federal judge blocks an order by President Trump that denies asylum to illegal immigrants.');
    none(
      'Reuters reports Japanese Prime Minister Shinzō Abe and Philippine President Benigno Aquino are set to agree on a deal paving the way for Tokyo to directly supply Manila with used military equipment.',
    );
    none(
      'President William Ruto withdraws the controversial Kenya Finance Bill 2024 following an assault on the parliament that killed multiple people.',
    );
    none(
      'Mr Kennett was premier of Victoria from 1992 until 1999, when the Steve Bracks Labor government narrowly defeated him.',
    );
    exactly(
      'Clashes in Khartoum State kill thirteen civilians as the Sudanese Armed Forces continue their offensive in Omdurman.',
      ['SDN 190 SDN'],
    );
  });

  it('keeps every target of a list of groups of different countries', () => {
    exactly(
      'The Abu Sayyaf militant group threatens to behead a Canadian hostage, a Filipina hostage, and a Norwegian hostage.',
      ['PHL 1384 CAN', 'PHL 1384 PHL', 'PHL 1384 NOR'],
    );
  });
});

describe('event coder: rules of the ninth pass (read off the training part, checked on unseen news)', () => {
  it('codes weapons and forces deployed as a build-up of armed force', () => {
    has(
      'France deploys two Dassault Rafale fighter jets and the frigate La Fayette to the eastern Mediterranean because of tensions between Greece and Turkey.',
      'FRA 154 -',
    );
    has(
      'The Turkish Army deploys tanks into civilian areas of Silopi and soldiers are reportedly going house-to-house in search of PKK militants.',
      'TUR 154 TUR',
    );
    // (a deployment is no hardware the verb names: no event)
    none('The company deploys a new billing system across its stores.');
  });

  it('answers a thing rejected to the one who put it forward, behind a title too', () => {
    has(
      'Yemeni Prime Minister Khaled Bahah rejects a cabinet reshuffle ordered by President Abd Rabbuh Mansur Hadi, another sign of the deepening rift between the two leaders.',
      'YEM 120 YEM',
    );
    has(
      'Queen Elizabeth II accepts an invitation from President of Ireland Mary McAleese to visit Ireland in May.',
      'IRL 036 GBR',
    );
  });

  it('reads welcoming a decision by someone as endorsing it', () => {
    has(
      'Turkey welcomes a decision by the US House of Representatives not to vote on the Armenian Genocide Resolution.',
      'TUR 051 USA',
    );
  });

  it('reads suspended ties, flights, pacts and aid as reduced relations', () => {
    has(
      'Nigeria suspends flights to Saudi Arabia after hundreds of Nigerian women attending the Hajj pilgrimage in Mecca were deported.',
      'NGA 160 SAU',
    );
    has('Liberia suspends diplomatic ties with Libya.', 'LBR 161 LBY');
    has('The U.S. State Department suspends its security assistance to Pakistan.', 'USA 1622 PAK');
    has(
      'Russia suspends a pact with the United States to coordinate operations in Syrian airspace.',
      'RUS 160 USA',
    );
  });

  it('codes no actor for a country adjective before a disaster', () => {
    none('South African wild fires kill seven people, five in Kokstad in KwaZulu-Natal.');
    // (an attack with a country adjective keeps its author; a verb "fire" is no disaster)
    has('Israeli airstrikes kill 20 people in Gaza.', 'ISR 190 PSE');
    has('Police in Burundi fire on protesters in Bujumbura.', 'BDI 175 BDI');
  });

  it('takes the object of an order or an appeal as the subject of what it is told to do', () => {
    has(
      'The International Court of Justice orders Russia to immediately halt its invasion of Ukraine.',
      'RUS 190 UKR',
    );
    // (a verb coordinated after the infinitive goes with the first verb)
    has(
      'Former U.S. president Jimmy Carter calls on the U.S. and South Korea to stop starving the North Koreans and accuses the U.S. of blocking aid.',
      'USA 112 USA',
    );
  });

  it('reads the predicate after a noun act: postponed or expected is no act, planned is an intent', () => {
    none(
      "U.S. Vice President Kamala Harris's trip to Vietnam from Singapore is postponed for several hours.",
    );
    none("Blinken's visit to China is expected next week.");
    has("Blinken's visit to China is planned for next week.", 'USA 036 CHN');
    has("Blinken's visit to China was a success.", 'USA 042 CHN');
  });

  it('takes no place in the name of a treaty as a party to it', () => {
    none('The United States withdraws from the Paris Agreement.');
    const ratified = asserted('Estonia, Greece and Finland ratify the Treaty of Lisbon.');
    assert.ok(!ratified.some((event) => event.endsWith('PRT')), JSON.stringify(ratified));
  });

  it('gives an ambassador the country of the title, not of the posting after "to"', () => {
    has(
      'U.S. Ambassador to Belarus Julie D. Fisher visits Belarus opposition leader Sviatlana Tsikhanouskaya.',
      'USA 042 BLR',
    );
  });

  it('reads protesters the actor stage named with their country as protesters who riot', () => {
    has(
      'The Thai consulate in Istanbul is attacked by Turkish protestors after about a hundred Uighurs were deported by Thailand back to China.',
      'TUR 145 THA',
    );
  });

  it('reads a group noun opening an unknown name as that name, no army or ministry of a state', () => {
    const killed = asserted(
      'In Iraq, the radical Islamist group, Army of Ansar al-Sunna, kill 12 Nepali civilians employed as cooks.',
    );
    assert.ok(!killed.some((event) => event.startsWith('IRQ')), JSON.stringify(killed));
    has(
      "Poland's Ministry of Foreign Affairs summons Hungary's ambassador to protest the Hungarian government's decision.",
      'POL 110 HUN',
    );
  });

  it('reads a capital before a noun as where, and a one-word body inside a longer unknown name as no party', () => {
    // (a visit to a hospital in one's own capital is no visit between parties)
    const visited = asserted(
      'The President of Peru Alan Garcia denies claims that he slapped a man when he visited a Lima hospital last weekend.',
    );
    assert.ok(!visited.some((event) => event.includes(' 042 ')), JSON.stringify(visited));
    const endorsed = asserted(
      "Sudan's ruling National Congress Party endorses South Sudan President Salva Kiir.",
    );
    assert.ok(!endorsed.some((event) => event.startsWith('USA')), JSON.stringify(endorsed));
  });

  it('codes no act that is only expected', () => {
    none(
      'US President Donald Trump expects a second summit with North Korea leader Kim Jong-un "quite soon".',
    );
  });

  it('ends the search for a subject inside a relative clause whose subject is no party', () => {
    const condemned = asserted(
      'UN Secretary-General Ban Ki-moon condemns the Palestinian Itamar attack that stabbed and murdered an Israeli family of five.',
    );
    assert.ok(!condemned.some((event) => / 19\d* /.test(event)), JSON.stringify(condemned));
  });

  it('frames a noun act by the governor of its light verb in the infinitive', () => {
    has('The United States plans to resume airstrikes in Syria.', 'USA 1384 SYR');
    // (what a request asks for is not done: only the request and its rejection are coded)
    const rejected = asserted(
      "Russian President Vladimir Putin rejects the Russian military's request to resume airstrikes in eastern Aleppo.",
    );
    assert.ok(!rejected.some((event) => event.includes(' 195 ')), JSON.stringify(rejected));
    has('Russia rejects a proposal to hold talks with Ukraine.', 'RUS 125 UKR');
  });

  it('reads a body that votes to act as acting, and a lost vote as no defeat in war', () => {
    has(
      'The Swedish Parliament votes 266–37 to adopt a defense agreement with the United States.',
      'SWE 057 USA',
    );
    none('The government is to seek to overturn the defeat in the House of Commons.');
  });

  it('takes the author of what is condemned as the target of the condemnation', () => {
    has(
      'The United Nations Human Rights Council votes to condemn the massacre carried out by Syrian forces in the town of Houla.',
      'IGOUNO 111 SYR',
    );
  });

  it('codes traded fire, port calls and alerts, and aims an alert at the one other country named', () => {
    has('India and Pakistan trade fire across the borders resulting in five civilian deaths.', 'IND 193 PAK');
    has(
      'A Japanese Navy submarine makes a port call in the Philippines, the first in fifteen years.',
      'JPN 042 PHL',
    );
    has(
      'Japan places its military on high alert amid reports of a possible North Korean launch of an intermediate-range missile.',
      'JPN 152 PRK',
    );
    // (a test is coded without a target, as the gold set does: g0012)
    has(
      'Pakistan test-fires a ballistic missile, but claims it will not increase tensions with India.',
      'PAK 150 -',
    );
  });

  it('reads missiles fired at someone as an attack, and warning shots as a show of force', () => {
    has(
      'Iran fires six ballistic missiles from its own territory at ISIL targets near the Euphrates river valley in eastern Syria.',
      'IRN 195 IMGMUS',
    );
    has('A Russian warship fires warning shots at a Turkish vessel in the Aegean Sea.', 'RUS 150 TUR');
  });

  it('finds dictionary bodies in British spelling and with an en dash', () => {
    has('The Organisation for Security and Cooperation in Europe criticizes Russia.', 'IGOEUR 111 RUS');
    has(
      "Zimbabwe's ruling ZANU–PF threatens U.S. ambassador Brian A. Nichols with expulsion.",
      'ZWE 130 USA',
    );
  });

  it('places a town no gazetteer knows where the sentence puts it', () => {
    has(
      'The Nigerian-based militant group seizes control of the northeastern town of Chibok, Borno State.',
      'NGA 192 NGA',
    );
    has(
      'Russian troops capture the key town of Novoazovsk, opening a new front that threatens to encircle the port city of Mariupol.',
      'RUS 192 UKR',
    );
    // (an adjective of the attacker or a neighbour across a border does not place it)
    const captured = asserted('Russian troops capture the key town of Novoazovsk.');
    assert.ok(!captured.includes('RUS 192 RUS'), JSON.stringify(captured));
  });

  it('takes the accused inside an accusation phrase as its target, not the object of the act alleged', () => {
    has(
      'Russia accuses a Ukrainian sabotage group of attacking the villages of Lyubechane and Sushany in Bryansk Oblast.',
      'RUS 1123 UKR',
    );
  });

  it('codes no act that is only sought, and no release of pictures or figures', () => {
    none(
      'The President of France Nicolas Sarkozy states that he will seek tougher United Nations sanctions against Iran.',
    );
    none('The Delhi police release three sketches of one of the suspected bombers.');
    // (seeking talks is its own pattern, an appeal to meet)
    has('North Korea seeks talks with the United States.', 'PRK 026 USA');
  });

  it('protests against plans by someone are against that someone', () => {
    has(
      'Tens of thousands of university students march in a National Union of Students protest in London against plans by the United Kingdom government to raise tuition fees.',
      'GBR 140 GBR',
    );
  });

  it('reads the backer of a group as no party, as the gold set does ("Russian-backed militants" are UKRREB, g1202)', () => {
    has(
      'Ukrainian President Petro Poroshenko demands Russia halt arms supplies to Russian-backed militants in Donetsk.',
      'UKR 1056 RUS',
    );
    const shelled = asserted('Russian-backed militants shelled the city of Mariupol on Saturday.');
    assert.ok(!shelled.some((event) => event.startsWith('RUS')), JSON.stringify(shelled));
  });

  it("reads a country before a governorate's or an oblast's name as where, not who", () => {
    none(
      "A rocket fired from ISIL-controlled territory in Syria's Aleppo Governorate kills at least one person.",
    );
  });

  it('reads a protest participle after the protesters of an object phrase as describing them (g0498)', () => {
    const fired = asserted(
      'Kenya Police fire tear gas at hundreds of demonstrators in Nairobi, Kenya, protesting against gender-based violence and femicide.',
    );
    assert.ok(!fired.some((event) => / 14\d* /.test(event)), JSON.stringify(fired));
    has('Thousands of protesters march in Nairobi, protesting against the government.', 'KEN 140 KEN');
  });

  it('takes what is said "from" someone as theirs, and never makes a party its own target', () => {
    const withdrawn = asserted(
      "The French Armed Forces complete their withdrawal from Niger, following demands from Niger's military junta.",
    );
    assert.ok(!withdrawn.includes('FRA 100 NER'), JSON.stringify(withdrawn));
    const listed = asserted(
      'The Bahrain News Agency publishes an official list of the demands from Saudi Arabia, Bahrain, the United Arab Emirates and Egypt towards Qatar.',
    );
    assert.ok(!listed.includes('SAU 100 BHR'), JSON.stringify(listed));
  });
});
