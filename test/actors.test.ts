/**
 * Who is who: time-aware roles, metonyms, role phrases, coreference inside an article, unknown names kept as
 * actors of their own, place disambiguation, and the founding example, all through the real pipeline.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { analyze } from '../src/pipeline.js';
import { dictionaries, roleOn, useActorFiles } from '../src/actors/dictionary.js';
import type { Analysis } from '../src/model/schema.js';
import { openStore } from '../src/store/index.js';
import { cli, exampleText, EXAMPLE_PATH, tempDir } from './support.js';

const run = (text: string, date = '2024-01-15'): Analysis => analyze({ title: 'test', text, date });

/** The entities whose surface text is `text`, in reading order. */
const entitiesOf = (analysis: Analysis, text: string): Analysis['entities'] =>
  analysis.entities.filter((entity) => entity.text === text);

const actorOf = (analysis: Analysis, text: string, nth = 0): Analysis['actors'][number] | undefined => {
  const entity = entitiesOf(analysis, text)[nth];
  return entity?.actor ? analysis.actors.find((actor) => actor.id === entity.actor) : undefined;
};

const placeOf = (analysis: Analysis, text: string, nth = 0): Analysis['places'][number] | undefined =>
  analysis.places.filter((place) => place.text === text)[nth];

describe('time-aware roles', () => {
  const person = (id: string) => {
    const found = dictionaries().people.find((entry) => entry.id === id);
    assert.ok(found, `${id} is in the dictionary`);
    return found;
  };
  const cases: Array<[id: string, date: string, role: string, code: string]> = [
    ['antony-blinken', '2015-06-01', 'Deputy Secretary of State', 'USAGOV'],
    ['antony-blinken', '2023-06-19', 'Secretary of State', 'USAGOV'],
    ['wang-yi', '2020-05-24', 'Foreign Minister', 'CHNGOV'],
    ['wang-yi', '2023-03-01', 'Director of the Office of the Central Foreign Affairs Commission', 'CHNGOV'],
    ['wang-yi', '2023-08-10', 'Foreign Minister', 'CHNGOV'],
    ['joe-biden', '2012-03-01', 'Vice President', 'USAGOV'],
    ['joe-biden', '2022-03-01', 'President', 'USAGOV'],
    // Prime minister and acting president at once: the head of state is the news role.
    ['vladimir-putin', '2000-02-01', 'Acting President', 'RUSGOV'],
    ['vladimir-putin', '2005-03-01', 'President', 'RUSGOV'],
    ['xi-jinping', '2010-03-01', 'Vice President', 'CHNGOV'],
    ['xi-jinping', '2023-06-19', 'President', 'CHNGOV'],
    ['yoshinori-ohno', '2005-03-01', 'Director General of the Defense Agency', 'JPNGOV'],
    ['vladimir-putin', '2010-03-01', 'Prime Minister', 'RUSGOV'],
    ['vladimir-putin', '2015-03-01', 'President', 'RUSGOV'],
    ['sergey-lavrov', '2022-03-01', 'Foreign Minister', 'RUSGOV'],
    ['narendra-modi', '2016-03-01', 'Prime Minister', 'INDGOV'],
    ['angela-merkel', '2010-03-01', 'Chancellor', 'DEUGOV'],
    ['olaf-scholz', '2019-03-01', 'Vice-Chancellor', 'DEUGOV'],
    ['olaf-scholz', '2023-03-01', 'Chancellor', 'DEUGOV'],
    ['boris-johnson', '2017-03-01', 'Foreign Secretary', 'GBRGOV'],
    ['boris-johnson', '2020-03-01', 'Prime Minister', 'GBRGOV'],
    ['li-keqiang', '2015-03-01', 'Premier', 'CHNGOV'],
    ['li-qiang', '2024-03-01', 'Premier', 'CHNGOV'],
    ['fumio-kishida', '2015-03-01', 'Foreign Minister', 'JPNGOV'],
    ['fumio-kishida', '2022-03-01', 'Prime Minister', 'JPNGOV'],
    // Secretary of State and acting National Security Adviser at once: the full office is the news role.
    ['marco-rubio', '2025-06-01', 'Secretary of State', 'USAGOV'],
  ];
  for (const [id, date, role, code] of cases) {
    it(`${id} on ${date} is ${role}`, () => {
      const held = roleOn(person(id), date);
      assert.equal(held?.role, role);
      assert.equal(held?.code, code);
    });
  }

  it('codes the same name by the article date', () => {
    const text = 'Antony Blinken met Sergey Lavrov in Geneva.';
    const in2015 = actorOf(run(text, '2015-06-01'), 'Antony Blinken');
    const in2023 = actorOf(run(text, '2023-06-19'), 'Antony Blinken');
    assert.equal(in2015?.role, 'Deputy Secretary of State');
    assert.equal(in2023?.role, 'Secretary of State');
    assert.equal(in2023?.code, 'USAGOV');
  });

  it('codes a former official as one of the elites and a future one by country alone', () => {
    const biden2019 = actorOf(run('Joe Biden spoke in Iowa.', '2019-06-01'), 'Joe Biden');
    assert.equal(biden2019?.code, 'USAELI');
    assert.equal(biden2019?.role, undefined);
    const kishida2005 = actorOf(run('Fumio Kishida spoke in Tokyo.', '2005-06-01'), 'Fumio Kishida');
    assert.equal(kishida2005?.code, 'JPN');
  });
});

describe('names with letters outside Latin-1', () => {
  it('keeps Erdoğan, Vučić and Petrović whole and resolves them', () => {
    const analysis = run('Recep Tayyip Erdoğan met Aleksandar Vučić in Ankara.', '2023-05-01');
    assert.equal(actorOf(analysis, 'Recep Tayyip Erdoğan')?.code, 'TURGOV');
    assert.ok(entitiesOf(analysis, 'Aleksandar Vučić')[0], JSON.stringify(analysis.entities));
  });
});

describe('headlines in capitals', () => {
  it('reads BIDEN MEETS XI IN SAN FRANCISCO', () => {
    const analysis = run(
      'BIDEN MEETS XI IN SAN FRANCISCO AS U.S.-CHINA TENSIONS SIMMER\nPresident Joe Biden met Chinese President Xi Jinping on Wednesday.',
      '2023-11-15',
    );
    assert.equal(entitiesOf(analysis, 'BIDEN')[0]?.actor, 'person:joe-biden');
    assert.equal(entitiesOf(analysis, 'XI')[0]?.actor, 'person:xi-jinping');
    assert.equal(entitiesOf(analysis, 'CHINA')[0]?.actor, 'country:CHN');
    const city = placeOf(analysis, 'SAN FRANCISCO');
    assert.equal(city?.name, 'San Francisco');
    assert.equal(city?.country, 'USA');
  });
});

describe('metonyms', () => {
  it('"Beijing said" speaks for the government; "in Beijing" is the place', () => {
    const analysis = run('Beijing said it would retaliate. Talks were held in Beijing on Monday.');
    const [said, where] = entitiesOf(analysis, 'Beijing');
    assert.equal(said?.actor, 'group:CHNGOV');
    assert.equal(where?.actor, undefined);
    const place = placeOf(analysis, 'Beijing', 1);
    assert.equal(place?.country, 'CHN');
  });

  it('"Washington and Moscow" are two governments', () => {
    const analysis = run('Washington and Moscow traded accusations over the treaty.');
    assert.equal(actorOf(analysis, 'Washington')?.code, 'USAGOV');
    assert.equal(actorOf(analysis, 'Moscow')?.code, 'RUSGOV');
  });

  it('"the Kremlin" is the Russian government', () => {
    const analysis = run('The Kremlin rejected the proposal on Tuesday.');
    assert.equal(actorOf(analysis, 'Kremlin')?.code, 'RUSGOV');
  });

  it('"Beijing\'s decision" is the government; "Beijing\'s Great Hall of the People" a place', () => {
    const analysis = run(
      "Beijing's decision angered Tokyo. The leaders met at Beijing's Great Hall of the People.",
    );
    const [decision, hall] = entitiesOf(analysis, 'Beijing');
    assert.equal(decision?.actor, 'group:CHNGOV');
    assert.equal(hall?.actor, undefined);
  });
});

describe('role phrases', () => {
  const cases: Array<[sentence: string, phrase: string, code: string]> = [
    ['The Chinese foreign minister said the talks were useful.', 'Chinese foreign minister', 'CHNGOV'],
    ['U.S. officials said the sanctions would stay.', 'U.S. officials', 'USAGOV'],
    ['Russian troops shelled the town overnight.', 'Russian troops', 'RUSMIL'],
    ['Syrian rebels seized the airport.', 'Syrian rebels', 'SYRREB'],
    ['The Venezuelan opposition called for a strike.', 'Venezuelan opposition', 'VENOPP'],
    ['Pakistani judges ordered a recount.', 'Pakistani judges', 'PAKJUD'],
    ['Brazilian lawmakers approved the budget.', 'Brazilian lawmakers', 'BRALEG'],
    ['Japanese companies halted shipments.', 'Japanese companies', 'JPNBUS'],
  ];
  for (const [sentence, phrase, code] of cases) {
    it(`"${phrase}" → ${code}`, () => {
      const analysis = run(sentence);
      const entity = entitiesOf(analysis, phrase)[0];
      assert.ok(entity, `${phrase} is an entity in ${JSON.stringify(analysis.entities)}`);
      assert.equal(entity.resolvedBy, 'role-phrase');
      assert.equal(actorOf(analysis, phrase)?.code, code);
    });
  }

  it('a definite office names its holder on the article date; a generic one names the government', () => {
    const text = 'The Chinese foreign minister said the talks were useful.';
    assert.equal(
      entitiesOf(run(text, '2023-06-19'), 'Chinese foreign minister')[0]?.actor,
      'person:qin-gang',
    );
    assert.equal(entitiesOf(run(text, '2024-01-15'), 'Chinese foreign minister')[0]?.actor, 'person:wang-yi');
    const generic = run('It was the first visit by a U.S. secretary of state in five years.', '2023-06-19');
    assert.equal(entitiesOf(generic, 'U.S. secretary of state')[0]?.actor, 'group:USAGOV');
  });

  it('a title before a name belongs to the person, never a stray organisation', () => {
    const analysis = run(
      'U.S. Secretary of State Antony Blinken met Chinese President Xi Jinping.',
      '2023-06-19',
    );
    for (const title of ['U.S. Secretary of State', 'Chinese President'])
      assert.ok(
        !analysis.entities.some((entity) => entity.text === title && entity.type === 'ORG'),
        `${title} is not an ORG`,
      );
    assert.equal(actorOf(analysis, 'Antony Blinken')?.code, 'USAGOV');
    assert.equal(actorOf(analysis, 'Xi Jinping')?.code, 'CHNGOV');
  });
});

describe('coreference inside an article', () => {
  const text = [
    'U.S. Secretary of State Antony Blinken arrived in Beijing on Sunday for two days of talks.',
    'Blinken met Chinese President Xi Jinping at the Great Hall of the People.',
    'The secretary told reporters that the talks had been candid.',
    'He added that both sides wanted to stabilise relations.',
    'Xi said China respected the interests of the United States.',
  ].join(' ');
  let analysis: Analysis;
  before(() => {
    analysis = run(text, '2023-06-19');
  });

  it('links a later surname to the full name', () => {
    const blinken = entitiesOf(analysis, 'Blinken')[0];
    assert.equal(blinken?.actor, 'person:antony-blinken');
    assert.equal(blinken?.resolvedBy, 'coreference');
    const xi = entitiesOf(analysis, 'Xi')[0];
    assert.equal(xi?.actor, 'person:xi-jinping');
    assert.equal(xi?.resolvedBy, 'coreference');
  });

  it('links "the secretary" to the person whose role it names', () => {
    const secretary = analysis.entities.find((entity) => entity.text.toLowerCase() === 'the secretary');
    assert.equal(secretary?.actor, 'person:antony-blinken');
    assert.equal(secretary?.resolvedBy, 'coreference');
  });

  it('links "he" when the sentence before names one person only', () => {
    const he = entitiesOf(analysis, 'He')[0];
    assert.equal(he?.actor, 'person:antony-blinken');
    assert.equal(he?.resolvedBy, 'coreference');
  });

  it('leaves "he" inside a quotation alone', () => {
    const quoted = run('Blinken arrived in Beijing. “He is welcome here,” an official said.', '2023-06-19');
    assert.equal(entitiesOf(quoted, 'He')[0]?.actor, undefined);
  });

  it('leaves "he" alone when two people could be meant', () => {
    const ambiguous = run('Blinken met Wang Yi in Beijing. He said the talks were useful.', '2023-06-19');
    assert.equal(entitiesOf(ambiguous, 'He')[0]?.actor, undefined);
  });

  it('counts every mention on the actor', () => {
    const blinken = analysis.actors.find((actor) => actor.id === 'person:antony-blinken');
    assert.equal(blinken?.mentions, 4);
  });
});

describe('unknown names', () => {
  it('keeps unknown people and organisations as actors of their own with their type', () => {
    const analysis = run(
      'Maria Kowalczyk, a spokeswoman for Borealis Logistics, said the company would appeal. Kowalczyk declined to comment further.',
    );
    const person = actorOf(analysis, 'Maria Kowalczyk');
    assert.equal(person?.type, 'PER');
    assert.equal(entitiesOf(analysis, 'Maria Kowalczyk')[0]?.resolvedBy, 'unknown');
    assert.equal(actorOf(analysis, 'Kowalczyk')?.id, person?.id);
    const organization = actorOf(analysis, 'Borealis Logistics');
    assert.equal(organization?.type, 'ORG');
  });

  it('gives an unknown official the country of the title before the name', () => {
    const analysis = run('Chinese Foreign Ministry spokesman Wenbin Zhaoxu said Beijing was ready.');
    assert.equal(actorOf(analysis, 'Wenbin Zhaoxu')?.code, 'CHNGOV');
  });

  it("gives an unknown official the country and role of a possessive title: Iraq's prime minister X", () => {
    // (gold dev g0615; Haider al-Abadi took office in 2014, after the Phoenix dictionary ends)
    const analysis = run(
      "Iraq's prime minister Haider al-Abadi endorses Russian air-strikes against ISIS forces in Iraq while expressing 'disappointment' with the U.S.-led coalition.",
      '2015-10-01',
    );
    assert.equal(actorOf(analysis, 'Haider al-Abadi')?.code, 'IRQGOV');
  });

  it('gives an unknown official the role of an apposition: "X, the President of Y,"', () => {
    // (news-free, Wikipedia current events 2017-06-17 and 2021-09-03)
    const lonsdale = run(
      'Baldwin Lonsdale, the President of Vanuatu, dies suddenly of a heart attack at age 67.',
      '2017-06-17',
    );
    assert.equal(actorOf(lonsdale, 'Baldwin Lonsdale')?.code, 'VUTGOV');
    const suga = run(
      'Yoshihide Suga, the Prime Minister of Japan, announces that he will not seek re-election after one year in office.',
      '2021-09-03',
    );
    assert.equal(actorOf(suga, 'Yoshihide Suga')?.code, 'JPNGOV');
  });
});

describe('place disambiguation', () => {
  const near = (place: Analysis['places'][number] | undefined, lat: number, lon: number): boolean =>
    !!place && Math.abs(place.lat - lat) < 0.5 && Math.abs(place.lon - lon) < 0.5;
  const cases: Array<[text: string, name: string, country: string, lat: number, lon: number]> = [
    ['French and German ministers met in Paris on Monday.', 'Paris', 'FRA', 48.85, 2.35],
    ['The storm flooded streets in Paris, Texas, on Monday.', 'Paris', 'USA', 33.66, -95.55],
    ['Russian troops entered Georgia in 2008, and Tbilisi protested.', 'Georgia', 'GEO', 42, 43.5],
    ['Voters in Atlanta, Georgia, lined up for hours.', 'Georgia', 'USA', 32.16, -82.9],
    ['Trump won Georgia, Arizona and Pennsylvania in 2024.', 'Georgia', 'USA', 32.16, -82.9],
    ['Washington criticised Russia over its troops in Georgia.', 'Georgia', 'GEO', 42, 43.5],
    ["Georgia's president met U.S. officials in Washington.", 'Georgia', 'GEO', 42, 43.5],
    ['Students protested in Cambridge, Massachusetts, near Boston.', 'Cambridge', 'USA', 42.37, -71.11],
    ['British scientists at a lab in Cambridge published the study.', 'Cambridge', 'GBR', 52.2, 0.12],
    ['Chilean police clashed with protesters in Santiago.', 'Santiago', 'CHL', -33.46, -70.65],
    [
      'Floods hit Hyderabad in Pakistan’s Sindh province after monsoon rains in Karachi.',
      'Hyderabad',
      'PAK',
      25.39,
      68.37,
    ],
    ['Indian officials in Hyderabad opened a technology park.', 'Hyderabad', 'IND', 17.38, 78.46],
    ['Fighting broke out in Tripoli between rival Libyan militias.', 'Tripoli', 'LBY', 32.89, 13.19],
    ['Clashes in Tripoli, Lebanon, spread to Beirut.', 'Tripoli', 'LBN', 34.43, 35.84],
    ['Venezuelan troops patrolled Valencia and Caracas.', 'Valencia', 'VEN', 10.16, -68.0],
    ['Spanish rescuers worked through the night in Valencia.', 'Valencia', 'ESP', 39.47, -0.38],
    ['The mayor of London, Ontario, met Canadian officials.', 'London', 'CAN', 42.98, -81.23],
    [
      'Canadian Prime Minister Justin Trudeau flew to London to meet British officials.',
      'London',
      'GBR',
      51.51,
      -0.13,
    ],
    ['Argentine farmers in Córdoba protested export taxes.', 'Córdoba', 'ARG', -31.41, -64.18],
    ['Egyptian police arrested protesters in Alexandria.', 'Alexandria', 'EGY', 31.2, 29.92],
    [
      'Protesters gathered in Alexandria, Virginia, outside the courthouse.',
      'Alexandria',
      'USA',
      38.8,
      -77.05,
    ],
    ['Moscow, Idaho, police said the suspect was arrested in Pennsylvania.', 'Moscow', 'USA', 46.73, -117.0],
  ];
  for (const [text, name, country, lat, lon] of cases) {
    it(`${name} in "${text}" is in ${country}`, () => {
      const place = placeOf(run(text), name);
      assert.equal(place?.country, country, JSON.stringify(place));
      assert.ok(near(place, lat, lon), `${JSON.stringify(place)} is near ${lat}, ${lon}`);
    });
  }

  it('tells the three Springfields apart by their state', () => {
    const illinois = placeOf(run('Lawmakers met in Springfield, Illinois, on Monday.'), 'Springfield');
    assert.ok(near(illinois, 39.8, -89.64), JSON.stringify(illinois));
    const missouri = placeOf(
      run('Storms hit Kansas City and St. Louis before reaching Springfield on Tuesday.'),
      'Springfield',
    );
    assert.ok(near(missouri, 37.22, -93.3), JSON.stringify(missouri));
  });

  it('reads a dateline with its state: PARIS, Texas (AP)', () => {
    const analysis = run('PARIS, Texas (AP) — A tornado damaged homes in Paris on Tuesday, officials said.');
    const paris = analysis.places.find((place) => place.text === 'Paris');
    assert.equal(paris?.country, 'USA', JSON.stringify(analysis.places));
  });

  it('reads the dateline: a HOUSTON dateline puts Paris in Texas', () => {
    const analysis = run('HOUSTON (Reuters) - A tornado damaged homes in Paris on Tuesday, officials said.');
    assert.equal(placeOf(analysis, 'Paris')?.country, 'USA');
  });

  it('gives every place its name, country, coordinates and kind', () => {
    const analysis = run('Talks in Geneva, at the Kremlin and in Crimea involved Ukraine and Russia.');
    for (const place of analysis.places) {
      assert.ok(place.name && Number.isFinite(place.lat) && Number.isFinite(place.lon), place.text);
      assert.ok(['country', 'capital', 'city', 'region', 'landmark'].includes(place.kind), place.kind);
    }
    assert.equal(placeOf(analysis, 'Geneva')?.kind, 'city');
    assert.equal(placeOf(analysis, 'Crimea')?.kind, 'region');
    assert.equal(placeOf(analysis, 'Ukraine')?.kind, 'country');
  });
});

describe('the lookup-only gazetteer tier (towns.tsv)', () => {
  // Real sentences from Wikinews (news-free, CC BY 2.5).
  it('reads provinces and states by name, with or without their title', () => {
    const analysis = run(
      'Fears of a resurgence of the Taliban have been boosted by a sharp rise in violence in the past few weeks, much of it in Helmand province.',
      '2006-06-01',
    );
    assert.equal(placeOf(analysis, 'Helmand')?.country, 'AFG', JSON.stringify(analysis.places));
    assert.equal(placeOf(analysis, 'Helmand')?.kind, 'region');
    const titled = run(
      'Approximately 4,000 British soldiers are stationed in Afghanistan, and almost 3,000 of them work in Helmand Province.',
      '2006-06-01',
    );
    assert.equal(placeOf(titled, 'Helmand Province')?.country, 'AFG', JSON.stringify(titled.places));
  });

  it('reads a subdivision the tagger took for an organisation by its full title', () => {
    const analysis = run(
      "A raid on a village in Thailand's Narathiwat Province has netted a variety of munitions believed to be being held for insurgency activity.",
      '2007-02-01',
    );
    assert.equal(placeOf(analysis, 'Narathiwat Province')?.country, 'THA', JSON.stringify(analysis.places));
    assert.equal(actorOf(analysis, 'Narathiwat Province'), undefined, 'no unknown organisation is left');
  });

  it('reads a town of the tier where the article names its country', () => {
    const analysis = run('Another rocket exploded in Eilat, Israel.', '2010-08-02');
    assert.equal(placeOf(analysis, 'Eilat')?.country, 'ISR', JSON.stringify(analysis.places));
    assert.equal(placeOf(analysis, 'Eilat')?.kind, 'city');
  });

  it('does not read a town of another country the article gives no sign of', () => {
    // Caledonia, Ontario is too small for the gazetteer; the Wisconsin town of that name must not be read.
    const analysis = run(
      'On April 11, more than 50 police cruisers, two paddy wagons, and several vans gathered outside an abandoned school on Unity Road in Caledonia.',
      '2006-04-20',
    );
    assert.equal(placeOf(analysis, 'Caledonia'), undefined, JSON.stringify(analysis.places));
  });

  it('finds a dictionary name the tagger keeps as one hyphenated word', () => {
    const analysis = run(
      'The Inter-American Development Bank reported that remittances to Latin America declined in the fourth quarter of 2008.',
      '2009-03-16',
    );
    assert.equal(actorOf(analysis, 'Inter-American Development Bank')?.code, 'IGONAMDEV');
  });
});

describe('the founding example (xi-blinken-beijing.txt, 2023-06-19)', () => {
  let analysis: Analysis;
  before(() => {
    analysis = analyze(exampleText(), { defaultDate: '2023-06-19', origin: 'xi-blinken-beijing.txt' });
  });
  const actor = (id: string) => analysis.actors.find((entry) => entry.id === id);

  it('knows who is who on the date', () => {
    assert.deepEqual(
      [actor('person:xi-jinping')?.code, actor('person:xi-jinping')?.role],
      ['CHNGOV', 'President'],
    );
    assert.deepEqual(
      [actor('person:antony-blinken')?.code, actor('person:antony-blinken')?.role],
      ['USAGOV', 'Secretary of State'],
    );
    assert.deepEqual(
      [actor('person:qin-gang')?.country, actor('person:qin-gang')?.role],
      ['CHN', 'Foreign Minister'],
    );
    assert.equal(actor('person:wang-yi')?.code, 'CHNGOV');
    assert.match(actor('person:wang-yi')?.role ?? '', /Foreign Affairs/);
  });

  it('links every "Blinken" and "Xi" mention to them', () => {
    const blinkens = analysis.entities.filter((entity) => /^Blinken/.test(entity.text));
    assert.ok(blinkens.length >= 5);
    for (const entity of blinkens) assert.equal(entity.actor, 'person:antony-blinken', `at ${entity.start}`);
    const xis = analysis.entities.filter((entity) => entity.text === 'Xi' || entity.text === 'Xi Jinping');
    assert.ok(xis.length >= 3);
    for (const entity of xis) assert.equal(entity.actor, 'person:xi-jinping', `at ${entity.start}`);
  });

  it('finds the countries USA, CHN, RUS and TWN', () => {
    const countries = new Set(analysis.actors.filter((entry) => entry.type === 'LOC').map((a) => a.code));
    for (const code of ['USA', 'CHN', 'RUS', 'TWN']) assert.ok(countries.has(code), code);
  });

  it('geocodes Beijing and places the meeting there', () => {
    const beijing = analysis.places.find((place) => place.name === 'Beijing');
    assert.equal(beijing?.country, 'CHN');
    assert.ok(Math.abs(beijing!.lat - 39.9) < 0.2 && Math.abs(beijing!.lon - 116.4) < 0.2);
    const meeting = analysis.events.find(
      (event) =>
        event.source.actor === 'person:xi-jinping' && event.target?.actor === 'person:antony-blinken',
    );
    assert.equal(meeting?.place?.name, 'Beijing');
  });

  it('prints the same through the CLI', async () => {
    const result = await cli('analyze', EXAMPLE_PATH, '--date', '2023-06-19');
    assert.equal(result.code, 0, result.stderr);
    const printed = JSON.parse(result.stdout) as Analysis;
    assert.equal(printed.actors.find((entry) => entry.id === 'person:antony-blinken')?.code, 'USAGOV');
  });
});

describe('user dictionaries', () => {
  const dir = tempDir();
  const people = path.join(dir, 'my-people.tsv');
  writeFileSync(
    people,
    '# my people\nzorana-petrovic\tZorana Petrović\tZorana Petrovic\tSRB\tSRBGOV\tEnvoy to the Arctic Council\t2024-01-01\t\n',
  );
  after(() => useActorFiles([]));

  it("takes the article's title over a dictionary whose roles end too early, unless it says former", () => {
    // A dictionary's roles end where its sources did (Phoenix's in 2014); the text's title is of its date.
    const dated = path.join(dir, 'dated-people.tsv');
    writeFileSync(
      dated,
      'tomas-verhaal\tTomas Verhaal\t\tNLD\tNLDGOV\tForeign Minister\t2003-01-01\t2007-02-22\n',
    );
    useActorFiles([dated]);
    const titled = run(
      'Dutch Prime Minister Tomas Verhaal met European Union leaders in Brussels.',
      '2018-07-14',
    );
    assert.equal(actorOf(titled, 'Tomas Verhaal')?.code, 'NLDGOV');
    const former = run(
      'Former Dutch Prime Minister Tomas Verhaal met European Union leaders in Brussels.',
      '2018-07-14',
    );
    assert.equal(actorOf(former, 'Tomas Verhaal')?.code, 'NLDELI');
    const untitled = run('Tomas Verhaal met European Union leaders in Brussels on Saturday.', '2018-07-14');
    assert.equal(actorOf(untitled, 'Tomas Verhaal')?.code, 'NLDELI');
    useActorFiles([]);
  });

  it('--actors FILE adds people', async () => {
    const input = path.join(dir, 'article.txt');
    writeFileSync(input, 'Zorana Petrović met Norwegian officials in Oslo on Monday.\n');
    const result = await cli('--actors', people, 'analyze', input, '--date', '2024-05-01');
    assert.equal(result.code, 0, result.stderr);
    const printed = JSON.parse(result.stdout) as Analysis;
    assert.equal(printed.actors.find((entry) => entry.id === 'person:zorana-petrovic')?.code, 'SRBGOV');
  });

  it('a config file names extra actor files', async () => {
    const config = path.join(dir, 'parley.config.json');
    writeFileSync(config, JSON.stringify({ actors: ['my-people.tsv'] }));
    const input = path.join(dir, 'article.txt');
    const result = await cli('--config', config, 'analyze', input, '--date', '2024-05-01');
    assert.equal(result.code, 0, result.stderr);
    const printed = JSON.parse(result.stdout) as Analysis;
    assert.equal(printed.actors.find((entry) => entry.id === 'person:zorana-petrovic')?.code, 'SRBGOV');
  });

  it("worker threads see the user's actors, patterns and themes too", async () => {
    const verbs = path.join(dir, 'my-verbs.tsv');
    const themes = path.join(dir, 'my-themes.tsv');
    writeFileSync(verbs, '# my patterns\n051\tserenade\tpraise in song\n');
    writeFileSync(themes, '# my themes\nPOLAR_COUNCIL\tPolar council\tpolar council\n');
    // More records than the batch analyses in its own thread, so that worker threads do the analysis.
    const records = Array.from({ length: 130 }, (_, day) =>
      JSON.stringify({
        title: `Envoy ${day}`,
        date: '2024-05-02',
        text: `Zorana Petrović serenaded Norway at the Polar Council on day ${day} of the session.`,
      }),
    );
    const input = path.join(dir, 'many.jsonl');
    writeFileSync(input, `${records.join('\n')}\n`);
    const db = path.join(dir, 'workers.db');
    const flags = ['--actors', people, '--verbs', verbs, '--themes', themes];
    const run = await cli(...flags, 'ingest', input, '--db', db, '--workers', '2');
    assert.equal(run.code, 0, run.stderr);
    const store = await openStore(db);
    try {
      const events = await store.events({ source: 'SRBGOV', code: '051', limit: 1000 });
      assert.equal(events.length, 130);
      const analysis = await store.getArticle(events[0]!.articleId);
      assert.ok(analysis?.themes.some((theme) => theme.id === 'POLAR_COUNCIL'));
    } finally {
      await store.close();
    }
  });

  it('a bad config file is a one-line error naming it', async () => {
    const config = path.join(dir, 'bad.config.json');
    writeFileSync(config, JSON.stringify({ actors: 'not-a-list' }));
    const result = await cli('--config', config, 'analyze', path.join(dir, 'article.txt'));
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /bad\.config\.json/);
    assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
  });
});
