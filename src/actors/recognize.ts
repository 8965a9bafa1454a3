/**
 * Entity recognition and actor resolution, first implementation: dictionary names (people with dated
 * roles, organisations, countries, their adjectives and capitals, notable places) found by longest match,
 * role phrases that turn a country into an actor ("Russian troops" → RUSMIL), capitalised proper-noun
 * runs for everyone else, and surname coreference inside the article. Issue 4 adds a trained tagger.
 */
import type { Doc, EntityMention, Token, TokenizedSentence } from '../model/doc.js';
import type { Actor, EntityType } from '../model/schema.js';
import { officeHolderBySurname, roleOn, type CountryEntry, type PersonEntry } from './dictionary.js';
import { tagDocument } from '../nlp/ner/index.js';
import {
  bestCandidate,
  foldCapitals,
  lexicon,
  officeKey,
  placesNamed,
  type NameCandidate,
} from './lexicon.js';

/** Readable names of CAMEO role codes, for actors that are "a country's government" and the like. */
const ROLE_NAMES: Record<string, string> = {
  GOV: 'government',
  MIL: 'military',
  COP: 'police',
  OPP: 'opposition',
  REB: 'rebels',
  INS: 'insurgents',
  LEG: 'legislature',
  JUD: 'judiciary',
  BUS: 'business',
  MED: 'media',
  CVL: 'civilians',
  REF: 'refugees',
  EDU: 'education',
  SPY: 'intelligence',
  LAB: 'labour',
  ELI: 'elites',
  HLH: 'health',
  NGO: 'NGOs',
};

/** Titles that precede a person's name and are not part of it. */
const PERSON_TITLES = new Set(
  'President Vice Prime Minister Foreign Defence Defense Secretary Chancellor Premier Ambassador Spokesman Spokeswoman Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Sen. Senator Rep. Gov. Governor General Gen. Admiral King Queen Prince Princess Sheikh Pope Chairman Chairwoman Leader Envoy Director Commander Deputy State of Top Diplomat Chief Justice Mayor Lt. Col. Colonel'.split(
    ' ',
  ),
);
/** The same, lowercased, for titles written in running text ("spokesman", "foreign minister"). */
const TITLE_WORDS = new Set([...PERSON_TITLES].map((title) => title.toLowerCase()));
/** Titles of office before a bare surname ("President Talabani"), which then names the office holder. */
const OFFICE_TITLES = new Set([
  'President',
  'Minister',
  'Premier',
  'Chancellor',
  'King',
  'Emir',
  'Secretary',
]);
/** Words after which a capital city is a location ("in Beijing"), not a government ("Beijing said"). */
const LOCATIVE_PREPOSITIONS = new Set([
  'in',
  'to',
  'at',
  'from',
  'near',
  'into',
  'outside',
  'across',
  'via',
  'toward',
  'towards',
  'around',
  'through',
]);

const POSSESSIVE = new Set(["'s", '’s']);
const PRONOUNS = new Set(['he', 'she']);
/** Words before a role phrase that make it generic: "a U.S. secretary of state", "former … ministers". */
const GENERIC_DETERMINERS = new Set([
  'a',
  'an',
  'any',
  'every',
  'no',
  'another',
  'former',
  'ex',
  'future',
  'next',
  'previous',
  'past',
]);
/** The head nouns of titles that "the …" may stand for ("the secretary", "the prime minister"). */
const TITLE_NOUNS = new Set(
  'president premier chancellor minister secretary senator ambassador envoy governor king queen leader chairman spokesman spokeswoman'.split(
    ' ',
  ),
);
/** Nouns after a city's possessive that name a part of the city, not something its government does. */
const PLACE_PARTS = new Set(
  'airport streets street suburbs suburb outskirts centre center downtown district districts neighbourhood neighborhood neighbourhoods neighborhoods residents skyline port harbour harbor square squares old hospitals schools'.split(
    ' ',
  ),
);

interface ActorDraft extends Omit<Actor, 'mentions'> {
  mentions: number;
}

interface Resolution {
  mention: EntityMention;
  actor?: ActorDraft;
  /** A country or role adjective that qualifies the next name rather than standing alone. */
  qualifier?: { code: string; country: string };
}

const slug = (text: string): string =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');

/** A name no dictionary knows, as an actor of its own with no code yet. */
function unknownActor(name: string, type: 'PER' | 'ORG'): ActorDraft {
  return {
    id: `unknown:${type.toLowerCase()}:${slug(name)}`,
    name,
    code: '',
    country: null,
    type,
    mentions: 0,
  };
}

function countryActor(country: CountryEntry): ActorDraft {
  return {
    id: `country:${country.code}`,
    name: country.name,
    code: country.code,
    country: country.code,
    type: 'LOC',
    mentions: 0,
  };
}

function groupActor(country: CountryEntry, role: string): ActorDraft {
  const code = `${country.code}${role}`;
  const roleName = ROLE_NAMES[role] ?? role;
  return {
    id: `group:${code}`,
    name: `${country.name} (${roleName})`,
    code,
    country: country.code,
    type: 'ORG',
    mentions: 0,
  };
}

const isCapitalised = (token: Token | undefined): boolean => !!token && /^\p{Lu}/u.test(token.text);

/** The role phrase right after a country word ("Chinese foreign minister", "U.S. officials"), if any. */
function rolePhraseAfter(
  tokens: Token[],
  start: number,
  end: number,
): { length: number; role: string } | null {
  const lowered = tokens.slice(start, Math.min(end, start + 6)).map((token) => token.text.toLowerCase());
  const match = lexicon().roles.longestMatch(lowered, 0);
  return match ? { length: match.length, role: match.values[0]! } : null;
}

/**
 * Headings ("Building Bridges amid Challenges:") capitalise every word, so capitals there are no sign of
 * a name: in a heading only dictionary names count.
 */
function isHeading(tokens: Token[], sentence: TokenizedSentence): boolean {
  const words = tokens
    .slice(sentence.firstToken, sentence.lastToken)
    .filter((token) => /^\p{L}/u.test(token.text));
  if (words.length === 0 || words.length > 12) return false;
  const last = tokens[sentence.lastToken - 1]!.text;
  if (['.', '!', '?', '"', '”'].includes(last)) return false;
  const capitalised = words.filter((token) => isCapitalised(token)).length;
  return capitalised / words.length >= 0.6;
}

/** A sentence written in capitals: most of its words have no lowercase letter. */
function isAllCapitals(tokens: Token[], sentence: TokenizedSentence): boolean {
  const words = tokens
    .slice(sentence.firstToken, sentence.lastToken)
    .filter((token) => /\p{L}{2}/u.test(token.text));
  if (words.length < 2) return false;
  return words.filter((token) => !/\p{Ll}/u.test(token.text)).length / words.length >= 0.8;
}

/**
 * Out of office on the article date: a former official is one of the country's elites (CAMEO's ELI, as
 * for "former president"); someone not yet in office is coded by country alone. International officials
 * (country IGOUNO, …) keep their organisation's code either way: CAMEO has no "former" for them.
 */
function formerOrFutureCode(roles: PersonEntry['roles'], date: string | null): string {
  const first = roles[0];
  if (!first) return '';
  const formerly = date !== null && roles.some((role) => role.to !== '' && role.to < date);
  return formerly && first.country.length === 3 ? `${first.country}ELI` : first.country;
}

/**
 * "Bibi Ngota", "Abbas Araghchi": a known person's one-word alias (Netanyahu's "Bibi", Mahmoud Abbas's
 * "Abbas") that opens a longer name the tagger found is another person's first name, not that person.
 */
function otherPerson(
  match: { length: number; values: NameCandidate[] },
  span: { start: number; end: number; type: string },
): boolean {
  return (
    span.type === 'PER' &&
    match.length === 1 &&
    span.end - span.start > 1 &&
    bestCandidate(match.values).kind === 'person'
  );
}

class ArticleResolver {
  private readonly actors = new Map<string, ActorDraft>();
  /** Surnames of people already named in full in this article, for coreference. */
  private readonly surnames = new Map<string, ActorDraft>();
  readonly resolutions: Resolution[] = [];

  private readonly texts: string[];

  constructor(private readonly doc: Doc) {
    this.texts = doc.tokens.map((token) => token.text);
  }

  private register(draft: ActorDraft): ActorDraft {
    const existing = this.actors.get(draft.id);
    if (existing) return existing;
    this.actors.set(draft.id, draft);
    return draft;
  }

  private mention(first: number, last: number, type: EntityType): EntityMention {
    const { tokens, article } = this.doc;
    const start = tokens[first]!.start;
    const end = tokens[last - 1]!.end;
    return { text: article.text.slice(start, end), type, start, end, firstToken: first, lastToken: last };
  }

  private link(
    resolution: Resolution,
    draft: ActorDraft,
    resolvedBy: EntityMention['resolvedBy'],
    code = draft.code,
  ): void {
    const actor = this.register(draft);
    resolution.actor = actor;
    resolution.mention.actor = actor.id;
    resolution.mention.resolvedBy = resolvedBy;
    resolution.mention.code = code;
  }

  private rememberSurname(actor: ActorDraft, fullName: string): void {
    const parts = fullName.split(/\s+/);
    if (parts.length >= 2) this.surnames.set(parts[parts.length - 1]!, actor);
  }

  private personDraft(candidate: Extract<NameCandidate, { kind: 'person' }>): ActorDraft {
    const { person } = candidate;
    const role = roleOn(person, this.doc.date);
    const anyRole = role ?? person.roles[0];
    return {
      id: `person:${person.id}`,
      name: person.name,
      code: role?.code ?? formerOrFutureCode(person.roles, this.doc.date),
      country: anyRole?.country ?? null,
      type: 'PER',
      ...(role ? { role: role.role } : {}),
      mentions: 0,
    };
  }

  /**
   * The one person who held the office a role phrase names ("Chinese foreign minister", "U.S. secretary of
   * state") on the article's date, if the dictionary knows them. A generic phrase ("a U.S. secretary of
   * state", "former Chinese foreign minister") names nobody in particular.
   */
  private officeHolder(
    country: string,
    first: number,
    phraseStart: number,
    phraseLength: number,
  ): ActorDraft | undefined {
    const { date } = this.doc;
    if (!date || GENERIC_DETERMINERS.has(this.texts[first - 1]?.toLowerCase() ?? '')) return undefined;
    const title = this.texts.slice(phraseStart, phraseStart + phraseLength).join(' ');
    const holders = (lexicon().officeHolders.get(officeKey(country, title)) ?? []).filter((person) =>
      person.roles.some(
        (role) =>
          officeKey(role.country, role.role) === officeKey(country, title) &&
          role.from <= date &&
          (role.to === '' || date <= role.to),
      ),
    );
    if (holders.length !== 1) return undefined;
    return this.personDraft({ kind: 'person', person: holders[0]! });
  }

  /** A possessive at `at`, then a role phrase, then a capitalised name: "'s Prime Minister Saad Hariri". */
  private titleOfNameAfter(at: number, end: number): boolean {
    const { tokens } = this.doc;
    if (!POSSESSIVE.has(tokens[at]?.text ?? '')) return false;
    const role = rolePhraseAfter(tokens, at + 1, end);
    const name = role ? tokens[at + 1 + role.length] : undefined;
    return !!name && at + 1 + role!.length < end && /^\p{Lu}/u.test(name.text);
  }

  /** Whether a possessive at `at` introduces a part of the place ("Beijing's Great Hall", "Kyiv's suburbs"). */
  private possessiveOfPlace(at: number): boolean {
    const { tokens } = this.doc;
    if (!POSSESSIVE.has(tokens[at]?.text ?? '')) return false;
    const next = tokens[at + 1];
    if (!next) return false;
    if (PLACE_PARTS.has(next.text.toLowerCase())) return true;
    const match = lexicon().names.longestMatch(this.texts, at + 1, Math.min(tokens.length, at + 8));
    return !!match && ['place', 'capital', 'country'].includes(bestCandidate(match.values).kind);
  }

  /** Resolves a dictionary match; returns how many tokens it consumed (role phrases extend it). */
  private resolveName(candidate: NameCandidate, first: number, length: number, sentenceEnd: number): number {
    const { tokens } = this.doc;
    switch (candidate.kind) {
      case 'person': {
        const resolution: Resolution = { mention: this.mention(first, first + length, 'PER') };
        const draft = this.personDraft(candidate);
        // "Xi" after "Xi Jinping": a shorter name for someone the article has already named.
        const byCoreference = resolution.mention.text !== candidate.person.name && this.actors.has(draft.id);
        this.link(resolution, draft, byCoreference ? 'coreference' : 'dictionary');
        this.rememberSurname(resolution.actor!, candidate.person.name);
        this.resolutions.push(resolution);
        return length;
      }
      case 'organization': {
        const { organization } = candidate;
        const resolution: Resolution = { mention: this.mention(first, first + length, 'ORG') };
        this.link(
          resolution,
          {
            id: `org:${organization.id}`,
            name: organization.name,
            code: organization.code,
            country: organization.country,
            type: 'ORG',
            mentions: 0,
          },
          'dictionary',
        );
        // "Chinese Foreign Ministry spokesman Wang Wenbin": a national body qualifies the name after it.
        if (organization.country)
          resolution.qualifier = { code: organization.code, country: organization.country };
        this.resolutions.push(resolution);
        return length;
      }
      case 'capital': {
        const resolution: Resolution = { mention: this.mention(first, first + length, 'LOC') };
        const previous = tokens[first - 1];
        const locative = !!previous && LOCATIVE_PREPOSITIONS.has(previous.text.toLowerCase());
        // "Beijing said" and "Beijing's decision" speak for the government; "in Beijing" or "Beijing's
        // Great Hall" is a place.
        if (!locative && !this.possessiveOfPlace(first + length))
          this.link(resolution, groupActor(candidate.country, 'GOV'), 'country');
        this.resolutions.push(resolution);
        return length;
      }
      case 'country':
      case 'adjective': {
        // "Iraq's prime minister Haider al-Abadi": a country's possessive before a title and a name names the
        // person's role as the adjective does ("Iraqi prime minister"); without a name after it, the country
        // stays a place ("Georgia's president met …").
        const owner =
          candidate.kind === 'country' && this.titleOfNameAfter(first + length, sentenceEnd) ? 1 : 0;
        const role = rolePhraseAfter(tokens, first + length + owner, sentenceEnd);
        if (role) {
          const resolution: Resolution = {
            mention: this.mention(first, first + length + owner + role.length, 'ORG'),
          };
          const group = groupActor(candidate.country, role.role);
          const holder = this.officeHolder(
            candidate.country.code,
            first,
            first + length + owner,
            role.length,
          );
          if (holder) {
            // "The Chinese foreign minister" on the article's date is one known person.
            resolution.mention.type = 'PER';
            this.link(resolution, holder, 'role-phrase');
          } else this.link(resolution, group, 'role-phrase');
          resolution.qualifier = { code: group.code, country: candidate.country.code };
          this.resolutions.push(resolution);
          return length + owner + role.length;
        }
        const type: EntityType = candidate.kind === 'country' ? 'LOC' : 'MISC';
        const resolution: Resolution = { mention: this.mention(first, first + length, type) };
        this.link(resolution, countryActor(candidate.country), 'country');
        resolution.qualifier = { code: candidate.country.code, country: candidate.country.code };
        this.resolutions.push(resolution);
        return length;
      }
      case 'place': {
        this.resolutions.push({ mention: this.mention(first, first + length, 'LOC') });
        return length;
      }
    }
  }

  private isKnownPlace(first: number, last: number): boolean {
    return placesNamed(this.mention(first, last, 'LOC').text).length > 0;
  }

  /**
   * "Kansas City": the tagger's place runs past the dictionary's shorter name ("Kansas", the state) and is
   * itself a gazetteer place: the longer place wins. Returns the tokens taken, or 0.
   */
  private longerPlace(
    first: number,
    span: { start: number; end: number; type: EntityType },
    matched: number,
  ): number {
    const length = span.end - span.start;
    if (span.type !== 'LOC' || length <= matched) return 0;
    const mention = this.mention(first, first + length, 'LOC');
    if (placesNamed(mention.text).length === 0) return 0;
    this.resolutions.push({ mention });
    return length;
  }

  /** A name the tagger found and no dictionary knows: kept as an actor of its own type, never dropped. */
  private resolveUnknown(first: number, length: number, type: EntityType): void {
    const { tokens } = this.doc;
    let start = first;
    // CoNLL leaves titles outside names, but a title the tagger took in is stripped here all the same.
    while (start < first + length - 1 && PERSON_TITLES.has(tokens[start]!.text)) start++;
    const words = tokens.slice(start, first + length).map((token) => token.text);
    const name = words.join(' ');
    const resolution: Resolution = { mention: this.mention(start, first + length, type) };
    const coreferent = words.length === 1 ? this.surnames.get(name) : undefined;
    // "President Talabani", "Prime Minister Sharon": a title and the surname of the one holder in office.
    const holder =
      !coreferent && type === 'PER' && words.length === 1 && OFFICE_TITLES.has(tokens[start - 1]?.text ?? '')
        ? officeHolderBySurname(name, this.doc.date, tokens[start - 1]?.text)
        : undefined;
    if (coreferent) this.link(resolution, coreferent, 'coreference');
    else if (holder) {
      const draft = this.personDraft({ kind: 'person', person: holder });
      this.link(resolution, draft, 'dictionary');
      this.rememberSurname(resolution.actor!, holder.name);
    } else if (type === 'PER' || type === 'ORG') {
      const draft = this.register(unknownActor(name, type));
      this.link(resolution, draft, 'unknown');
      if (type === 'PER') this.rememberSurname(draft, name);
    }
    this.resolutions.push(resolution);
  }

  /** People mentioned in sentence `sentence` before token `before`, most recent first, without repeats. */
  private peopleIn(sentence: number, before: number): ActorDraft[] {
    const people: ActorDraft[] = [];
    for (let k = this.resolutions.length - 1; k >= 0; k--) {
      const { mention, actor } = this.resolutions[k]!;
      const at = this.doc.tokens[mention.firstToken]!.sentence;
      if (at < sentence) break;
      if (at > sentence || mention.firstToken >= before) continue;
      if (actor && actor.type === 'PER' && !people.includes(actor)) people.push(actor);
    }
    return people;
  }

  /**
   * "He"/"she" is linked only in a clear context: one person named earlier in its sentence, or, when its
   * sentence names nobody before it, one person in the sentence before. Two candidates: left alone.
   */
  private resolvePronoun(at: number): number {
    if (!PRONOUNS.has(this.texts[at]!.toLowerCase()) || this.insideQuote(at)) return 0;
    const sentence = this.doc.tokens[at]!.sentence;
    let people = this.peopleIn(sentence, at);
    if (people.length === 0 && sentence > 0) people = this.peopleIn(sentence - 1, Infinity);
    if (people.length !== 1) return 0;
    const resolution: Resolution = { mention: this.mention(at, at + 1, 'PER') };
    this.link(resolution, people[0]!, 'coreference');
    this.resolutions.push(resolution);
    return 1;
  }

  /** “He is a liar,” Blinken said: a pronoun inside a quotation speaks of someone else. */
  private insideQuote(at: number): boolean {
    const { tokens, sentences } = this.doc;
    const first = sentences[tokens[at]!.sentence]!.firstToken;
    let open = false;
    for (let k = first; k < at; k++) {
      const text = this.texts[k]!;
      if (text === '“') open = true;
      else if (text === '”') open = false;
      else if (text === '"') open = !open;
    }
    return open;
  }

  /**
   * "The secretary", "the foreign minister": a definite title whose words all belong to the role, on the
   * article date, of someone the article has named; the most recently named such person. "The president
   * of Ukraine" names its own country and is left alone.
   */
  private resolveDefiniteTitle(at: number, end: number): number {
    if (this.texts[at]!.toLowerCase() !== 'the') return 0;
    const words: string[] = [];
    for (let k = at + 1; k < Math.min(end, at + 5) && /^\p{Ll}+$/u.test(this.texts[k]!); k++)
      words.push(this.texts[k]!);
    for (let length = words.length; length >= 1; length--) {
      if (!TITLE_NOUNS.has(words[length - 1]!)) continue;
      if (this.texts[at + 1 + length] === 'of') continue;
      const wanted = words.slice(0, length);
      const person = this.lastPersonWithRole(wanted);
      if (!person) continue;
      const resolution: Resolution = { mention: this.mention(at, at + 1 + length, 'PER') };
      this.link(resolution, person, 'coreference');
      this.resolutions.push(resolution);
      return 1 + length;
    }
    return 0;
  }

  private lastPersonWithRole(words: string[]): ActorDraft | undefined {
    for (let k = this.resolutions.length - 1; k >= 0; k--) {
      const { actor } = this.resolutions[k]!;
      if (!actor?.role || !actor.id.startsWith('person:')) continue;
      const roleWords = new Set(actor.role.toLowerCase().split(/[\s-]+/));
      if (words.every((word) => roleWords.has(word))) return actor;
    }
    return undefined;
  }

  run(): void {
    const { tokens, sentences } = this.doc;
    const texts = this.texts;
    const { names } = lexicon();
    const spansBySentence = tagDocument(
      sentences.map((sentence) => texts.slice(sentence.firstToken, sentence.lastToken)),
    );
    sentences.forEach((sentence, index) => {
      const { firstToken, lastToken } = sentence;
      // An all-capitals headline ("BIDEN MEETS XI IN SAN FRANCISCO") is looked up in dictionary spelling too.
      const folded = isAllCapitals(tokens, sentence)
        ? texts.map((text, k) => (k >= firstToken && k < lastToken ? foldCapitals(text) : text))
        : undefined;
      const lookup = (at: number) =>
        names.longestMatch(texts, at, lastToken) ??
        (folded ? names.longestMatch(folded, at, lastToken) : null);
      const startsName = (at: number): boolean => lookup(at) !== null;
      // Headings ("Building Bridges amid Challenges:") capitalise every word: there only dictionary names
      // count, and the places the tagger finds that the gazetteer knows.
      const all = spansBySentence[index] ?? [];
      const found = isHeading(tokens, sentence)
        ? all.filter(
            (span) =>
              span.type === 'LOC' && this.isKnownPlace(firstToken + span.start, firstToken + span.end),
          )
        : all;
      const spans = new Map(found.map((span) => [firstToken + span.start, span]));
      let i = firstToken;
      while (i < lastToken) {
        const match = lookup(i);
        const span = spans.get(i);
        const longerPlace = match && span ? this.longerPlace(i, span, match.length) : 0;
        if (longerPlace > 0) i += longerPlace;
        else if (match && span && otherPerson(match, span)) {
          this.resolveUnknown(i, span.end - span.start, span.type);
          i += span.end - span.start;
        } else if (match) {
          // The dictionaries know who a name is; the tagger only knows that it is one.
          i += this.resolveName(bestCandidate(match.values), i, match.length, sentence.lastToken);
        } else if (span) {
          let length = span.end - span.start;
          for (let k = 1; k < length; k++) if (startsName(i + k)) length = k;
          this.resolveUnknown(i, length, span.type);
          i += length;
        } else i += this.resolveDefiniteTitle(i, sentence.lastToken) || this.resolvePronoun(i) || 1;
      }
    });
    this.applyQualifiers();
    this.applyTitlesAroundNames();
  }

  /** "U.S. Secretary of State Antony Blinken": between qualifier and name stand only title words. */
  private onlyTitlesBetween(from: number, to: number): boolean {
    return this.doc.tokens.slice(from, to).every((token) => TITLE_WORDS.has(token.text.toLowerCase()));
  }

  /**
   * "Chinese Foreign Ministry spokesman Wang Wenbin": a country, role phrase or national body right before
   * an unknown person gives that person a country and a code; before a known person it only qualifies them.
   */
  private applyQualifiers(): void {
    this.resolutions.forEach((resolution, index) => {
      const next = this.resolutions[index + 1];
      if (!resolution.qualifier || !next?.actor || next.mention.type !== 'PER') return;
      if (PRONOUNS.has(next.mention.text.toLowerCase())) return;
      if (!this.onlyTitlesBetween(resolution.mention.lastToken, next.mention.firstToken)) return;
      const posted = this.postedFrom(index);
      const title = posted?.qualifier ?? resolution.qualifier;
      if (next.actor.code === '' && next.actor.id.startsWith('unknown:')) {
        next.actor.code = title.code;
        next.actor.country = title.country;
        next.mention.code = title.code;
      } else if (this.namesSomeoneElse(resolution, next)) {
        // "China's Foreign Minister Yang": a surname the dictionary knows for someone of another country
        // (Philemon Yang of Cameroon) is, under this title, a person of the title's country.
        const draft = unknownActor(next.mention.text, 'PER');
        this.link(
          next,
          { ...draft, code: resolution.qualifier.code, country: resolution.qualifier.country },
          'role-phrase',
        );
      } else if (this.titleHoldsOffice(resolution, next.actor)) {
        next.actor.code = resolution.qualifier.code;
        next.mention.code = resolution.qualifier.code;
      }
      // The title belongs to the person: it is not a mention of the government on its own, and it is shown
      // as the person's role phrase, beside the name (not counted again, and no event party).
      for (const phrase of posted ? [posted, resolution] : [resolution]) {
        phrase.mention.qualifies = next.mention.actor;
        phrase.mention.type = 'PER';
        phrase.mention.actor = next.mention.actor;
        phrase.mention.resolvedBy = 'role-phrase';
        delete phrase.mention.code;
      }
    });
  }

  /**
   * Rule: "U.S. Ambassador to Belarus Julie D. Fisher", "Russian Ambassador to the United States Anatoly Antonov":
   * a country after "to" is where the title holder is posted; the title before it, ending right before
   * "to", is the one of the holder's own country.
   */
  private postedFrom(index: number): Resolution | undefined {
    const posting = this.resolutions[index]!.mention;
    const previous = this.resolutions[index - 1];
    let to = posting.firstToken - 1;
    if (this.texts[to]?.toLowerCase() === 'the') to--;
    if (this.texts[to]?.toLowerCase() !== 'to' || !previous?.qualifier) return undefined;
    if (previous.mention.lastToken !== to) return undefined;
    return previous;
  }

  /** A one-word name of a known person under a title of another country's office. */
  private namesSomeoneElse(qualifier: Resolution, person: Resolution): boolean {
    const title = qualifier.qualifier;
    const actor = person.actor;
    if (!title || title.code.length <= 3 || !actor?.id.startsWith('person:')) return false;
    if (person.mention.lastToken - person.mention.firstToken !== 1) return false;
    const countries = lexicon().countriesByCode;
    return (
      !!actor.country &&
      countries.has(actor.country) &&
      countries.has(title.country) &&
      actor.country !== title.country
    );
  }

  /**
   * "Sudanese President Omar al-Bashir" in 2018: the article's own title for a known person whom the
   * dictionary has out of office (ELI) or not yet in it (country alone). Its roles end where its sources did
   * (Phoenix's in 2014 at the latest, often years before the person left office), while the title is what
   * the text says on its date; so an office of the person's own country, not marked "former", is held.
   */
  private titleHoldsOffice(qualifier: Resolution, person: ActorDraft): boolean {
    const title = qualifier.qualifier;
    if (!title || title.code.length <= 3 || !person.id.startsWith('person:')) return false;
    if (person.country !== title.country || !(person.code.endsWith('ELI') || person.code === person.country))
      return false;
    const { firstToken, lastToken } = qualifier.mention;
    for (let i = Math.max(0, firstToken - 2); i < lastToken; i++)
      if (GENERIC_DETERMINERS.has(this.texts[i]!.toLowerCase())) return false;
    return true;
  }

  /**
   * An unknown person whose title stands around the name rather than before it takes the role of that
   * title in the country it names: "Adama Barrow, the Gambian president," (an apposition with a role
   * phrase), "Adama Barrow, the president of the Gambia," and "President Adama Barrow of the Gambia".
   * People in no dictionary (most office holders after 2014, when Phoenix ends) are news actors by office.
   */
  private applyTitlesAroundNames(): void {
    const { tokens } = this.doc;
    const startingAt = new Map(
      this.resolutions.map((resolution) => [resolution.mention.firstToken, resolution]),
    );
    const countryAt = (at: number): CountryEntry | undefined => {
      const resolution = startingAt.get(tokens[at]?.text.toLowerCase() === 'the' ? at + 1 : at);
      const id = resolution?.actor?.id;
      return id?.startsWith('country:')
        ? lexicon().countriesByCode.get(id.slice('country:'.length))
        : undefined;
    };
    for (const { mention, actor } of this.resolutions) {
      if (mention.type !== 'PER' || !actor || actor.code !== '' || !actor.id.startsWith('unknown:')) continue;
      const end = mention.lastToken;
      let role: { role: string; country: CountryEntry } | undefined;
      if (tokens[end]?.text === ',') {
        const at = tokens[end + 1]?.text.toLowerCase() === 'the' ? end + 2 : end + 1;
        const phrase = startingAt.get(at);
        const title = rolePhraseAfter(tokens, at, Math.min(tokens.length, at + 6));
        const of =
          title && tokens[at + title.length]?.text.toLowerCase() === 'of' ? at + title.length + 1 : -1;
        const country = of >= 0 ? countryAt(of) : undefined;
        if (phrase?.actor?.id.startsWith('group:') && phrase.qualifier && phrase.mention.type !== 'PER')
          role = this.roleOfGroup(phrase.actor);
        else if (title && country) role = { role: title.role, country };
      } else if (tokens[end]?.text.toLowerCase() === 'of') {
        let start = mention.firstToken;
        while (start > 0 && TITLE_WORDS.has(tokens[start - 1]!.text.toLowerCase())) start--;
        const title = start < mention.firstToken ? rolePhraseAfter(tokens, start, mention.firstToken) : null;
        const country = countryAt(end + 1);
        if (title && start + title.length === mention.firstToken && country)
          role = { role: title.role, country };
      }
      if (!role) continue;
      actor.code = `${role.country.code}${role.role}`;
      actor.country = role.country.code;
      mention.code = actor.code;
    }
  }

  /** The country and role of a role-phrase group ("the Gambian president" → GMB, GOV). */
  private roleOfGroup(group: ActorDraft): { role: string; country: CountryEntry } | undefined {
    const country = group.country ? lexicon().countriesByCode.get(group.country) : undefined;
    return country ? { role: group.code.slice(country.code.length), country } : undefined;
  }

  result(): { mentions: EntityMention[]; actors: Actor[] } {
    const counts = new Map<string, number>();
    for (const { mention } of this.resolutions)
      if (mention.actor && !mention.qualifies)
        counts.set(mention.actor, (counts.get(mention.actor) ?? 0) + 1);
    const actors = [...this.actors.values()]
      .filter((actor) => counts.has(actor.id))
      .map((actor) => ({ ...actor, mentions: counts.get(actor.id)! }))
      .sort((a, b) => b.mentions - a.mentions || a.id.localeCompare(b.id));
    // Unknown people whose code a qualifier filled in: their mentions take the code too.
    const codeOf = new Map(actors.map((actor) => [actor.id, actor.code]));
    const mentions = this.resolutions.map(({ mention }) =>
      mention.actor && !mention.code && !mention.qualifies
        ? { ...mention, code: codeOf.get(mention.actor) ?? '' }
        : mention,
    );
    return { mentions, actors };
  }
}

/** Pipeline stage: fills `mentions` (entities with their actors) and `actors`. */
export function recognizeStage(doc: Doc): Doc {
  const resolver = new ArticleResolver(doc);
  resolver.run();
  return { ...doc, ...resolver.result() };
}
