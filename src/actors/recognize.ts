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
import { bestCandidate, lexicon, type NameCandidate } from './lexicon.js';

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

class ArticleResolver {
  private readonly actors = new Map<string, ActorDraft>();
  /** Surnames of people already named in full in this article, for coreference. */
  private readonly surnames = new Map<string, ActorDraft>();
  readonly resolutions: Resolution[] = [];

  constructor(private readonly doc: Doc) {}

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

  /** Resolves a dictionary match; returns how many tokens it consumed (role phrases extend it). */
  private resolveName(candidate: NameCandidate, first: number, length: number, sentenceEnd: number): number {
    const { tokens } = this.doc;
    switch (candidate.kind) {
      case 'person': {
        const resolution: Resolution = { mention: this.mention(first, first + length, 'PER') };
        const draft = this.personDraft(candidate);
        const text = resolution.mention.text;
        const byCoreference = !text.includes(' ') && this.surnames.get(text)?.id === draft.id;
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
        this.resolutions.push(resolution);
        return length;
      }
      case 'capital': {
        const resolution: Resolution = { mention: this.mention(first, first + length, 'LOC') };
        const previous = tokens[first - 1];
        const locative = !!previous && LOCATIVE_PREPOSITIONS.has(previous.text.toLowerCase());
        const possessive = tokens[first + length]?.text === "'s" || tokens[first + length]?.text === '’s';
        // "Beijing said" speaks for the government; "in Beijing" or "Beijing's Great Hall" is a place.
        if (!locative && !possessive) this.link(resolution, groupActor(candidate.country, 'GOV'), 'country');
        this.resolutions.push(resolution);
        return length;
      }
      case 'country':
      case 'adjective': {
        const role = rolePhraseAfter(tokens, first + length, sentenceEnd);
        if (role) {
          const resolution: Resolution = {
            mention: this.mention(first, first + length + role.length, 'ORG'),
          };
          const group = groupActor(candidate.country, role.role);
          this.link(resolution, group, 'role-phrase');
          resolution.qualifier = { code: group.code, country: candidate.country.code };
          this.resolutions.push(resolution);
          return length + role.length;
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
        ? officeHolderBySurname(name, this.doc.date)
        : undefined;
    if (coreferent) this.link(resolution, coreferent, 'coreference');
    else if (holder) {
      const draft = this.personDraft({ kind: 'person', person: holder });
      this.link(resolution, draft, 'dictionary');
      this.rememberSurname(resolution.actor!, holder.name);
    } else if (type === 'PER' || type === 'ORG') {
      const draft = this.register({
        id: `unknown:${type.toLowerCase()}:${slug(name)}`,
        name,
        code: '',
        country: null,
        type,
        mentions: 0,
      });
      this.link(resolution, draft, 'unknown');
      if (type === 'PER') this.rememberSurname(draft, name);
    }
    this.resolutions.push(resolution);
  }

  run(): void {
    const { tokens, sentences } = this.doc;
    const texts = tokens.map((token) => token.text);
    const { names } = lexicon();
    const spansBySentence = tagDocument(
      sentences.map((sentence) => texts.slice(sentence.firstToken, sentence.lastToken)),
    );
    sentences.forEach((sentence, index) => {
      const startsName = (at: number): boolean => names.longestMatch(texts, at, sentence.lastToken) !== null;
      // Headings ("Building Bridges amid Challenges:") capitalise every word: only dictionary names count there.
      const found = isHeading(tokens, sentence) ? [] : (spansBySentence[index] ?? []);
      const spans = new Map(found.map((span) => [sentence.firstToken + span.start, span]));
      let i = sentence.firstToken;
      while (i < sentence.lastToken) {
        const match = names.longestMatch(texts, i, sentence.lastToken);
        const span = spans.get(i);
        if (match) {
          // The dictionaries know who a name is; the tagger only knows that it is one.
          i += this.resolveName(bestCandidate(match.values), i, match.length, sentence.lastToken);
        } else if (span) {
          let length = span.end - span.start;
          for (let k = 1; k < length; k++) if (startsName(i + k)) length = k;
          this.resolveUnknown(i, length, span.type);
          i += length;
        } else i++;
      }
    });
    this.applyQualifiers();
  }

  /**
   * "Chinese Foreign Ministry spokesman Wang Wenbin": a country or role phrase right before an unknown
   * person gives that person a country and a code; before a known person it only qualifies them.
   */
  /** "U.S. Secretary of State Antony Blinken": between qualifier and name stand only title words. */
  private onlyTitlesBetween(from: number, to: number): boolean {
    return this.doc.tokens
      .slice(from, to)
      .every((token) => PERSON_TITLES.has(token.text) || token.text === 'of');
  }

  private applyQualifiers(): void {
    this.resolutions.forEach((resolution, index) => {
      const next = this.resolutions[index + 1];
      if (!resolution.qualifier || !next?.actor || next.mention.type !== 'PER') return;
      if (!this.onlyTitlesBetween(resolution.mention.lastToken, next.mention.firstToken)) return;
      if (next.actor.code === '' && next.actor.id.startsWith('unknown:')) {
        next.actor.code = resolution.qualifier.code;
        next.actor.country = resolution.qualifier.country;
        next.mention.code = resolution.qualifier.code;
      }
      // The title belongs to the person: it is not a mention of the government on its own.
      resolution.mention.qualifies = next.mention.actor;
      delete resolution.mention.actor;
      delete resolution.mention.resolvedBy;
    });
  }

  result(): { mentions: EntityMention[]; actors: Actor[] } {
    const counts = new Map<string, number>();
    for (const { mention } of this.resolutions)
      if (mention.actor) counts.set(mention.actor, (counts.get(mention.actor) ?? 0) + 1);
    const actors = [...this.actors.values()]
      .filter((actor) => counts.has(actor.id))
      .map((actor) => ({ ...actor, mentions: counts.get(actor.id)! }))
      .sort((a, b) => b.mentions - a.mentions || a.id.localeCompare(b.id));
    // Unknown people whose code a qualifier filled in: their mentions take the code too.
    const codeOf = new Map(actors.map((actor) => [actor.id, actor.code]));
    const mentions = this.resolutions.map(({ mention }) =>
      mention.actor && !mention.code ? { ...mention, code: codeOf.get(mention.actor) ?? '' } : mention,
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
