/**
 * Unnamed groups as event parties. News names many actors only by what they are — "riot police",
 * "protesters in Bangkok", "Darfur rebels", "11 political prisoners" — and the CAMEO coder gives them the
 * country the sentence places them in (gold README: "riot police" in Quito → ECUCOP). The actor stage
 * codes such phrases when a country word stands right before the noun ("Russian troops"); this fills the
 * rest for the event coder only, from the sentence itself:
 *   1. a country or place name right before the phrase ("Darfur rebels");
 *   2. a country or place after "in", "of" or "from" right after it ("protesters in Bangkok");
 *   3. otherwise the sentence's only country, when it names exactly one.
 * A group party is never an actor of the article (it has no actor id); it exists for one sentence. A
 * country adjective right before the group noun becomes part of it ("Thai migrant workers" → THALAB).
 */
import type { Doc, TokenizedSentence } from '../model/doc.js';
import type { Party } from './clauses.js';

/** Group nouns (lemmas) and the CAMEO role code they take. */
const GROUP_ROLES = new Map<string, string>([
  ['police', 'COP'],
  ['policeman', 'COP'],
  ['policemen', 'COP'],
  ['protester', 'OPP'],
  ['protestor', 'OPP'],
  ['demonstrator', 'OPP'],
  ['activist', 'OPP'],
  ['dissident', 'OPP'],
  ['opposition', 'OPP'],
  ['striker', 'LAB'],
  ['rebel', 'REB'],
  ['insurgent', 'REB'],
  ['militant', 'REB'],
  ['jihadist', 'REB'],
  ['guerrilla', 'REB'],
  ['separatist', 'SEP'],
  ['gunman', 'UAF'],
  ['gunmen', 'UAF'],
  ['bomber', 'UAF'],
  ['attacker', 'UAF'],
  ['assailant', 'UAF'],
  ['shooter', 'UAF'],
  ['troop', 'MIL'],
  ['soldier', 'MIL'],
  ['army', 'MIL'],
  ['military', 'MIL'],
  ['force', 'MIL'],
  ['coalition', 'MIL'],
  ['militia', 'REB'],
  ['militiaman', 'REB'],
  // ("the Trump administration", "the State Council of South Korea", "Assad's regime")
  ['administration', 'GOV'],
  ['council', 'GOV'],
  ['cabinet', 'GOV'],
  ['regime', 'GOV'],
  // ("U.S. naval ships", "a Russian warship"): vessels of a navy act for it
  ['warship', 'MIL'],
  ['saboteur', 'REB'],
  ['citizen', 'CVL'],
  // Religious communities as victims ("attacks against Christians by Boko Haram"): civilians of the country.
  ['christian', 'CVL'],
  ['muslim', 'CVL'],
  ['authority', 'GOV'],
  ['authorities', 'GOV'],
  ['government', 'GOV'],
  ['official', 'GOV'],
  ['ministry', 'GOV'],
  ['court', 'JUD'],
  ['judge', 'JUD'],
  ['prosecutor', 'JUD'],
  ['parliament', 'LEG'],
  ['lawmaker', 'LEG'],
  ['legislator', 'LEG'],
  ['prisoner', 'OPP'],
  ['detainee', 'CVL'],
  ['hostage', 'CVL'],
  ['civilian', 'CVL'],
  ['villager', 'CVL'],
  ['student', 'EDU'],
  ['journalist', 'MED'],
  ['refugee', 'REF'],
  ['migrant', 'REF'],
  ['pirate', 'CRM'],
  ['critic', 'OPP'],
  ['dissenter', 'OPP'],
  ['terrorist', 'REB'],
  ['fighter', 'REB'],
  ['worker', 'LAB'],
  ['people', 'CVL'],
  ['child', 'CVL'],
  ['children', 'CVL'],
  ['woman', 'CVL'],
  ['women', 'CVL'],
  ['resident', 'CVL'],
  // Places where civilians gather, as the target of an attack ("a suicide bomber attacks a market in
  // Sheikh Zuweid, Egypt" → EGYCVL): the gold codes the people of the place, in its country.
  ['market', 'CVL'],
  ['mosque', 'CVL'],
  ['church', 'CVL'],
  ['school', 'CVL'],
  ['hospital', 'CVL'],
  ['wedding', 'CVL'],
  ['funeral', 'CVL'],
  ['shrine', 'CVL'],
  ['hotel', 'CVL'],
]);

/**
 * Posts and units named by whom they belong to: "a police checkpoint" (COP), "an Army camp" (MIL), "a
 * refugee camp" (REF). The head takes its modifier's role, as "police officers" does.
 */
const OWNED_HEADS =
  /^(groups?|officers?|members?|units?|personnel|coalitions?|alliances?|factions?|forces|fighters|supporters|parties|checkpoints?|stations?|posts?|bases?|camps?|convoys?|patrols?|barracks|headquarters|outposts?|compounds?)$/;

const AFTER_PREPOSITIONS = new Set(['in', 'of', 'from']);

/**
 * Bodies of a state that are parties only with the country named beside them: "the administration" alone
 * is as often Washington's in a sentence about Canada ("The administration has refused to cooperate with
 * the Canadian inquiry"), so the sentence's only country does not make it that country's government.
 */
const INSTITUTIONS = new Set(['administration', 'council', 'cabinet', 'regime']);

/**
 * "near the border with Afghanistan": the country after "border with" is the neighbour across it, not where
 * the group is ("Gunmen raid a Pakistani military post near the border with Afghanistan" are not Afghan).
 */
function acrossBorder(tokens: Doc['tokens'], at: number): boolean {
  let i = at - 1;
  if (tokens[i]?.lemma === 'the') i--;
  return tokens[i]?.lemma === 'with' && /^(border|frontier|boundary)$/.test(tokens[i - 1]?.lemma ?? '');
}

/** The country of the first place or country named after "in" or "near" within a few words. */
function placeAhead(
  tokens: Doc['tokens'],
  covered: Map<number, Party>,
  from: number,
  end: number,
): string | undefined {
  let seen = false;
  for (let i = from; i < Math.min(end, from + 14); i++) {
    const text = tokens[i]!.text.toLowerCase();
    if (text === 'in' || text === 'near' || text === 'of' || text === 'outside') seen = true;
    // (a country adjective says whose, not where: "in a Russian drone attack on … Sumy, Ukraine")
    const party = covered.get(i)?.adjective || acrossBorder(tokens, i) ? undefined : covered.get(i);
    if (party && seen && /^[A-Z]{3}$/.test(party.code.slice(0, 3)) && !/^(IGO|NGO|IMG|MNC)/.test(party.code))
      return party.code.slice(0, 3);
    // (a passive verb group does not end the clause: "civilians were killed by troops in Bucha")
    const passive = tokens[i]!.pos === 'VERB' && /^(be|get)$/.test(tokens[i - 1]?.lemma ?? '');
    if ((tokens[i]!.pos === 'VERB' && !passive) || text === ';') return undefined;
  }
  return undefined;
}

/**
 * A capitalised word of no actor that qualifies a group ("Islamist militants", "Maoist rebels", "Shiite
 * militias"): part of the group's phrase, so that "killed by Islamist militants" has its agent. Not the
 * sentence's first word (a headline verb) and not a word inside a longer unknown name.
 */
function uncodedQualifier(tokens: Doc['tokens'], at: number, sentenceStart: number): boolean {
  return (
    at > sentenceStart &&
    tokens[at]!.pos === 'PROPN' &&
    /^\p{Lu}\p{Ll}+$/u.test(tokens[at]!.text) &&
    tokens[at - 1]?.pos !== 'PROPN'
  );
}

/** Quantities of people in their hundreds or more. */
const QUANTITIES = /^(hundreds|thousands|millions|tens)$/i;

/**
 * "Thousands of people", "an estimated 800,000 people", "crowds": people in their thousands act together
 * (march, rally, demand: gold codes them as demonstrators), where "three people" or "civilians" are only
 * ever done to.
 */
function isCrowd(tokens: Doc['tokens'], first: number, head: number): boolean {
  if (/^crowds?$/i.test(tokens[head]!.text)) return true;
  for (let i = first; i < head; i++) {
    const text = tokens[i]!.text.toLowerCase();
    if (QUANTITIES.test(text)) return true;
    const number = Number(text.replace(/,/g, ''));
    if (tokens[i]!.pos === 'NUM' && number >= 1000) return true;
  }
  return false;
}

function isGroupNoun(token: Doc['tokens'][number] | undefined): boolean {
  return !!token && !!roleOf(token.lemma, token.text.toLowerCase());
}

function roleOf(lemma: string, text: string): string | undefined {
  return GROUP_ROLES.get(lemma) ?? GROUP_ROLES.get(text) ?? GROUP_ROLES.get(text.replace(/s$/, ''));
}

/**
 * The group parties of a sentence, given its named parties and places (which they never overlap).
 * Only the head of a noun phrase counts ("police officers", not "police" in "police building").
 */
export function groupParties(
  doc: Doc,
  sentence: TokenizedSentence,
  named: Party[],
  places: Party[],
  knownVerb: (lemma: string) => boolean,
): Party[] {
  const covered = coverage([...named, ...places]);
  const { tokens } = doc;
  // "In Hong Kong, police clash with protesters": the sentence's opening location places its groups.
  const opening =
    tokens[sentence.firstToken]?.lemma === 'in'
      ? (covered.get(sentence.firstToken + 1) ?? covered.get(sentence.firstToken + 2))
      : undefined;
  const only = onlyCountry([...named, ...places]) ?? opening?.code.slice(0, 3);
  const result: Party[] = [];
  for (let i = sentence.firstToken; i < sentence.lastToken; i++) {
    const token = tokens[i]!;
    if (covered.has(i)) continue;
    // A group noun, or one the tagger read as an adjective at the end of its phrase ("a top militant,").
    const nounLike =
      token.pos === 'NOUN' ||
      token.pos === 'PROPN' ||
      (token.pos === 'ADJ' && !['NOUN', 'PROPN', 'ADJ'].includes(tokens[i + 1]?.pos ?? ''));
    if (!nounLike) continue;
    // "rebel group", "militant groups": a group named by its kind.
    // ("police officers", "army units", "opposition members": the head takes its modifier's role)
    const kind =
      OWNED_HEADS.test(token.text.toLowerCase()) && tokens[i - 1]
        ? roleOf(tokens[i - 1]!.lemma, tokens[i - 1]!.text.toLowerCase())
        : undefined;
    const role = kind ?? roleOf(token.lemma, token.text.toLowerCase());
    if (!role) continue;
    const next = tokens[i + 1];
    // "the rebel-held town", "an army-run camp": the group qualifies a place, it is not a party here.
    if (next?.text === '-' && tokens[i + 2]?.pos === 'VERB') continue;
    // "Student's Day", "Army Day": a name, not a group.
    if (next && /^['’]s$/.test(next.text)) continue;
    const capitalised =
      /^\p{Lu}/u.test(token.text) && i > sentence.firstToken && !AFTER_PREPOSITIONS.has(next?.lemma ?? '');
    if (capitalised && tokens[i - 1]?.pos === 'PROPN') continue;
    // "the Army of Ansar al-Sunna", "the Army of Islam": the first word of an unknown name, no army of a state.
    const unknownAfterOf = (at: number): boolean =>
      tokens[at]?.lemma === 'of' && tokens[at + 1]?.pos === 'PROPN' && !covered.has(at + 1);
    if (/^\p{Lu}/u.test(token.text) && unknownAfterOf(i + 1)) continue;
    // "the United Nations Permanent Court of Arbitration": a word inside an unknown name, whatever follows.
    if (/^\p{Lu}/u.test(token.text) && tokens[i - 1]?.pos === 'PROPN' && !covered.has(i - 1)) continue;
    // The head: the next token does not continue the noun phrase ("police officers" → "officers"); a
    // verb the tagger read as a noun does not ("riot police clash with").
    if (next && next.sentence === token.sentence && next.pos === 'NOUN' && !covered.has(i + 1)) {
      // ("an estimated 800,000 people demand": a participle inside the phrase is no verb)
      const subjectPosition = !tokens
        .slice(sentence.firstToken, i)
        .some(
          (t, k) =>
            (t.pos === 'VERB' && tokens[sentence.firstToken + k - 1]?.pos !== 'DET') || t.pos === 'AUX',
        );
      if (!(subjectPosition && knownVerb(next.lemma))) continue;
    }
    // The phrase: numbers, adjectives and noun modifiers before the head ("tens of thousands of
    // protesters", "11 political prisoners", "riot police"), an article at most at its start.
    let first = i;
    while (
      first - 1 >= sentence.firstToken &&
      i - first < 6 &&
      !covered.has(first - 1) &&
      (['ADJ', 'NUM', 'NOUN', 'ADV'].includes(tokens[first - 1]!.pos) ||
        tokens[first - 1]!.lemma === 'of' ||
        // ("Thousands of people stage …": the tagger reads a capitalised quantity as a name)
        QUANTITIES.test(tokens[first - 1]!.text) ||
        uncodedQualifier(tokens, first - 1, sentence.firstToken)) &&
      // ("at least 20 people": the quantity's "at least" is no part of the group)
      !/^(least|most)$/.test(tokens[first - 1]!.lemma) &&
      // "Rouhani releases 11 political prisoners": a headline verb read as a noun after a name ends the phrase.
      // ("Police arrest six people": the same after a group noun)
      !(
        tokens[first - 1]!.pos === 'NOUN' &&
        knownVerb(tokens[first - 1]!.lemma) &&
        (covered.has(first - 2) || isGroupNoun(tokens[first - 2]))
      )
    )
      first--;
    // "the Saudi-led coalition": the leading country names the group. ("Turkish-backed rebels": the
    // phrase holds its backer, who is no party of the sentence; the coder drops "Turkish" there.)
    if (/^(led|backed|supported)$/.test(tokens[first - 1]?.text ?? '') && tokens[first - 2]?.text === '-')
      first -= 2;
    if (['a', 'an', 'the'].includes(tokens[first - 1]?.lemma ?? '') && !covered.has(first - 1)) first--;
    while (first < i && tokens[first]!.lemma === 'of') first++;
    // "mobilises its army": the subject's own forces, not another party.
    if (/^(its|their|his|her|our)$/i.test(tokens[first - 1]?.text ?? '')) continue;
    const start0 =
      tokens[first]!.lemma === 'the' || tokens[first]!.lemma === 'a' || tokens[first]!.lemma === 'an'
        ? first + 1
        : first;
    const before = covered.get(start0 - 1) ?? covered.get(first - 1);
    // "The European Union's highest justice official": an organisation's own people are the organisation.
    if (before && /^(IGO|NGO|IMG|MNC)/.test(before.code) && before.lastToken >= start0 - 1) continue;
    const afterPreposition = AFTER_PREPOSITIONS.has(tokens[i + 1]?.lemma ?? '')
      ? (covered.get(i + 2) ?? covered.get(i + 3))
      : undefined;
    // 1. "Darfur rebels", "Kenyan police" (when the actor stage did not join them).
    // A group is where the sentence places it: "80 people near Beni in North Kivu, DR Congo", "insurgents
    // south of the city of Aleppo".
    const whereabouts = placeAhead(tokens, covered, i + 1, sentence.lastToken);
    const owner =
      (before && (before.lastToken === first || before.lastToken === start0)
        ? before.code.slice(0, 3)
        : undefined) ?? (afterPreposition ? afterPreposition.code.slice(0, 3) : undefined);
    // An institution is named with its country ("the Obama administration", "the provincial council of
    // Basra"); a capitalised one is part of a name ("the Ethnic Communities' Council of Victoria").
    const institution = INSTITUTIONS.has(token.lemma.toLowerCase());
    if (institution && (!owner || /^\p{Lu}/u.test(token.text))) continue;
    const country = owner ?? only ?? whereabouts;
    if (!country || /^(IGO|NGO|IMG|MNC)/.test(country)) continue;
    // "Thai migrant workers": the country adjective becomes part of the group.
    if (before?.adjective && before.lastToken === start0) first = before.firstToken;
    const start = tokens[first]!.start;
    result.push({
      text: doc.article.text.slice(start, token.end),
      code: `${country}${role}`,
      firstToken: first,
      lastToken: i + 1,
      group: true,
      ...(owner ? {} : { unplaced: true }),
      ...(role === 'CVL' ? (isCrowd(tokens, first, i) ? { crowd: true } : { objectOnly: true }) : {}),
    });
  }
  return result;
}

/** Parties a sentence makes for itself, given its named parties and places (which they never overlap). */
type SentenceParties = (doc: Doc, sentence: TokenizedSentence, named: Party[], places: Party[]) => Party[];

/** How far back a country word may stand before an unknown name it qualifies ("Pakistani lawyer X"). */
const QUALIFIER_REACH = 4;

/**
 * People no dictionary knows, as event parties. The CAMEO coder codes a person by what the sentence says
 * of them (gold README, "Actor rules"), and the commonest case is a person on the receiving end of a
 * state's act: "A court in Angola sentences Joao Antonio Puati", "Police arrest Imran Ali in Lahore,
 * Pakistan". Such a person takes
 *   1. the country of a country word right before the name, across a few descriptive words
 *      ("Iranian-American journalist X", "Pakistani lawyer X"): a party that may act;
 *   2. otherwise the sentence's only country: a target only, since nothing says the person is of that
 *      country, only that the act happens there ("Rifat Hadziahmetovic", extradited by Spain, is not Spanish,
 *      and the sentence names two countries).
 * The party has the bare country code: the sentence gives no role.
 */
export const unknownPersonParties: SentenceParties = (doc, sentence, named, places) => {
  const { tokens } = doc;
  const covered = coverage([...named, ...places]);
  const only = onlyCountry([...named, ...places]);
  const result: Party[] = [];
  for (const mention of doc.mentions) {
    if (mention.type !== 'PER' || mention.code || mention.qualifies) continue;
    if (mention.firstToken < sentence.firstToken || mention.lastToken > sentence.lastToken) continue;
    if (covered.has(mention.firstToken)) continue;
    let qualifier: Party | undefined;
    for (
      let i = mention.firstToken - 1;
      i >= Math.max(sentence.firstToken, mention.firstToken - QUALIFIER_REACH);
      i--
    ) {
      const party = covered.get(i);
      if (party) {
        if (isCountryCode(party.code) && (party.adjective || party.lastToken === mention.firstToken))
          qualifier = party;
        break;
      }
      // ("the Tibetan writer, Kalsang Tsultrim": a title before the comma that opens the name)
      const titleComma =
        tokens[i]!.text === ',' && i === mention.firstToken - 1 && tokens[i - 1]?.pos === 'NOUN';
      if (!['NOUN', 'ADJ', 'PUNCT'].includes(tokens[i]!.pos) || (tokens[i]!.text === ',' && !titleComma))
        break;
    }
    qualifier ??= appositionCountry(tokens, covered, mention.lastToken, sentence.lastToken);
    const country = qualifier?.code.slice(0, 3) ?? only;
    if (!country) continue;
    result.push({
      text: mention.text,
      code: country,
      ...(mention.actor ? { actor: mention.actor } : {}),
      firstToken: mention.firstToken,
      lastToken: mention.lastToken,
      person: true,
      ...(qualifier ? {} : { objectOnly: true }),
    });
  }
  return result;
};

/** Nouns for a settlement named after "of": "the town of Azaz", "the port city of Mocímboa da Praia". */
const SETTLEMENTS = new Set(
  ['town', 'city', 'village', 'district', 'township', 'municipality'].flatMap((noun) => [noun, `${noun}s`]),
);
/** Lower-case particles inside a place name ("Ras al-Ain", "Mocímboa da Praia"). */
const NAME_PARTICLES = new Set([
  'al',
  'el',
  'ad',
  'as',
  'ash',
  'ar',
  'da',
  'de',
  'do',
  'di',
  'la',
  'le',
  '-',
]);

/**
 * Towns no gazetteer knows, as places: the gazetteer holds towns of 15,000 people and more, and news of
 * war names smaller ones by what they are ("Russian troops capture the key town of Novoazovsk", "seizes
 * control of the northeastern town of Chibok, Borno State"). The town is where the sentence puts it:
 *   1. a country or place right after it, past a comma ("the town of Dabiq, Aleppo Governorate");
 *   2. a country adjective before the settlement noun ("the Syrian town of Azaz");
 *   3. otherwise the sentence's only country.
 */
export const unknownTownParties: SentenceParties = (doc, sentence, named, places) => {
  const { tokens } = doc;
  const covered = coverage([...named, ...places]);
  // (countries and places named as such, not adjectives or actors: "Russian troops capture the key town of
  // Novoazovsk" does not say the town is Russian; nor the neighbour "near the border with Mali")
  const only = onlyCountry(
    [...named, ...places].filter(
      (party) =>
        !party.adjective &&
        (party.place || party.code.length === 3) &&
        !acrossBorder(tokens, party.firstToken),
    ),
  );
  const result: Party[] = [];
  for (let i = sentence.firstToken; i < sentence.lastToken - 2; i++) {
    // (in lower case: "the Eastern District of Virginia" is a name of its own)
    if (!SETTLEMENTS.has(tokens[i]!.text) || tokens[i + 1]?.lemma !== 'of') continue;
    const first = i + 2;
    const capitalised = (at: number): boolean =>
      tokens[at]?.pos === 'PROPN' && /^\p{Lu}/u.test(tokens[at]!.text) && !covered.has(at);
    if (!capitalised(first)) continue;
    let last = first + 1;
    while (
      last < sentence.lastToken &&
      (capitalised(last) || (NAME_PARTICLES.has(tokens[last]!.text) && capitalised(last + 1)))
    )
      last++;
    const after = tokens[last]?.text === ',' ? covered.get(last + 1) : undefined;
    let before = i - 1;
    while (tokens[before]?.pos === 'ADJ' && !covered.has(before)) before--;
    const adjective = covered.get(before)?.adjective ? covered.get(before) : undefined;
    const where = [after, adjective].find((party) => party && isCountryCode(party.code));
    const country = where?.code.slice(0, 3) ?? only;
    if (!country) continue;
    result.push({
      text: tokens
        .slice(first, last)
        .map((token) => token.text)
        .join(' '),
      code: country,
      firstToken: first,
      lastToken: last,
      place: true,
    });
    i = last;
  }
  return result;
};

/**
 * "Platon Lebedev, a business partner of Russian magnate …": the country word of an apposition right after
 * a name, up to its closing comma, qualifies the person.
 */
function appositionCountry(
  tokens: Doc['tokens'],
  covered: Map<number, Party>,
  after: number,
  end: number,
): Party | undefined {
  if (tokens[after]?.text !== ',' || !/^(a|an|the)$/i.test(tokens[after + 1]?.text ?? '')) return undefined;
  for (let i = after + 2; i < Math.min(end, after + 10); i++) {
    if (/^[,.;:]$/.test(tokens[i]!.text)) return undefined;
    const party = covered.get(i);
    if (party) return isCountryCode(party.code) && party.adjective ? party : undefined;
  }
  return undefined;
}

/** The party covering each token. */
function coverage(parties: Party[]): Map<number, Party> {
  const covered = new Map<number, Party>();
  for (const party of parties) for (let i = party.firstToken; i < party.lastToken; i++) covered.set(i, party);
  return covered;
}

/** The one country the parties name, when they name exactly one. */
export function onlyCountry(parties: Party[]): string | undefined {
  const countries = new Set(
    parties.filter((party) => isCountryCode(party.code)).map((party) => party.code.slice(0, 3)),
  );
  return countries.size === 1 ? [...countries][0] : undefined;
}

/** A country's code, with or without a role: no international body, NGO, militant group or company. */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{3}/.test(code) && !/^(IGO|NGO|IMG|MNC)/.test(code);
}
