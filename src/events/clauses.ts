/**
 * A shallow reading of one sentence for the event coder, without a parser: which tokens act as verbs,
 * who the subject of a verb is (skipping appositions, relative clauses and prepositional phrases, and
 * following coordinated verbs back to their subject), what its object is, whether it is passive, negated,
 * under a modal, in the future, inside a condition or a subordinate clause. Each rule is a small named
 * method; the word lists are the rules' vocabulary.
 */
import type { Doc, EntityMention, Token, TokenizedSentence } from '../model/doc.js';

/** A party to an event: an actor mention, or a place standing for its country ("arrives in Istanbul"). */
export interface Party {
  text: string;
  code: string;
  actor?: string;
  firstToken: number;
  lastToken: number;
  /** A place used as its country, not an actor mention. */
  place?: boolean;
  /** A country adjective ("Israeli"), which names a country but is no subject on its own before a noun. */
  adjective?: boolean;
  /** An unnamed group placed in a country by the sentence ("riot police" in Quito): see groups.ts. */
  group?: boolean;
  /** A group whose own words give it no country: it takes the sentence's ("police arrest 55 people"). */
  unplaced?: boolean;
  /** Civilians, people: a target, never taken as the subject that acts. */
  objectOnly?: boolean;
  /** A person named in no dictionary, given the country the sentence gives them (groups.ts). */
  person?: boolean;
  /** People in their thousands ("tens of thousands of people"): they may act, as demonstrators do. */
  crowd?: boolean;
}

/** Tokens that may stand between two pattern words or before a slot: articles, adjectives, adverbs, numbers. */
export const MODIFIER_POS = new Set(['DET', 'ADJ', 'ADV', 'NUM', 'PRON']);
export const NEGATIONS = new Set(['not', "n't", 'never', 'no', 'nor']);
/** Under these the act is only possible ("could impose", "may visit"): nothing is coded. */
const MODALS = new Set(['could', 'might', 'may', 'should', 'must', 'can', 'ought']);
/** These announce the act: "will visit" is an intent (03x), "will attack" a threat (13x). */
const FUTURE = new Set(['will', "'ll", 'shall']);
/** "Would" is the future of reported speech ("said it would withdraw"), a hypothetical otherwise. */
const REPORTING = new Set([
  'say',
  'announce',
  'state',
  'confirm',
  'report',
  'tell',
  'add',
  'declare',
  'insist',
  'reiterate',
  'note',
  'indicate',
  'reveal',
  'stress',
  'warn',
  'signal',
  'agree',
  'promise',
  'pledge',
  'vow',
]);
/** Words after which a clause is subordinate: its events need both actors named (gold rule). */
const SUBORDINATORS = new Set([
  'who',
  'which',
  'whom',
  'whose',
  'where',
  'when',
  'while',
  'whilst',
  'after',
  'before',
  'because',
  'since',
  'although',
  'though',
  'whereas',
  'until',
  'amid',
  'following',
  'as',
]);
/**
 * Words that open an adverbial phrase set off by commas between a subject and its verb: "Jimmy Carter,
 * after visiting North Korea, calls on …", "Iran, in a statement, rejects …". The subject is before it.
 */
const ADVERBIAL_OPENERS = new Set([
  'after',
  'before',
  'while',
  'during',
  'despite',
  'following',
  'amid',
  'in',
  'on',
  'at',
  'upon',
]);
/** A condition is not coded ("threatens to close the strait if the U.S. re-applies sanctions"). */
const CONDITIONS = new Set(['if', 'unless', 'whether', 'until']);
/** A phrase of this kind is attached to a noun ("police in Zimbabwe"), not the subject of a verb. */
const PREPOSITIONS = new Set([
  'of',
  'in',
  'from',
  'at',
  'for',
  'with',
  'to',
  'on',
  'by',
  'into',
  'near',
  'against',
  'over',
  'across',
  'inside',
  'outside',
  'within',
  'about',
  'between',
  'among',
  'including',
  'toward',
  'towards',
  'through',
  'under',
  'during',
  'amid',
  'via',
  'along',
  'beyond',
  'throughout',
]);
/** The object of a verb may sit behind these ("talks with", "sanctions against", "visit to"). */
const TARGET_PREPOSITIONS = new Set([
  'to',
  'with',
  'against',
  'on',
  'at',
  'into',
  'toward',
  'towards',
  'of',
  'from',
  'for',
  'upon',
  'onto',
]);
/** Behind these a name is a place or a circumstance, not the object ("in Tehran", "during talks"). */
const LOCATIVE = new Set(['in', 'near', 'inside', 'outside', 'across', 'around', 'within', 'through', 'via']);
/** Subject pronouns and anaphors that stand for an actor named earlier in the sentence. */
const PRONOUNS = new Set(['it', 'he', 'she', 'they']);
/**
 * Heads of a subject noun phrase that a name inside it may speak for ("police in Zimbabwe", "members of
 * the U.K. Parliament", "the government of the Central African Republic"); other heads ("the Movement for
 * the Emancipation of the Niger Delta", "Serena Williams of the United States") do not.
 */
const ROLE_HEADS = new Set(
  `police authority authorities government officials official member members force forces troops troop
  soldiers soldier army military ministry minister parliament court president leader leaders opposition
  protesters protester demonstrators rebels militants insurgents people citizens embassy navy delegation
  representatives representative envoy ambassador regime administration cabinet spokesman spokeswoman
  spokesperson lawmakers legislators senators diplomats diplomat prosecutors judges junta coalition
  office department agency prime foreign defence defense security guard guards students workers
  hundreds thousands dozens tens millions scores group groups some many most several ministers
  commanders chiefs heads governments parliaments courts ministries embassies speaker head chief
  leader emir commander`.split(/\s+/),
);
/** "-ing" words that qualify a name, not verbs taking it as object ("neighboring Moldova", not "adopting EU rules"). */
const PARTICIPLE_ADJECTIVES = new Set([
  'neighboring',
  'neighbouring',
  'ruling',
  'warring',
  'governing',
  'leading',
  'opposing',
]);
/** Predicate adjectives of an intent: "is ready for talks", "is open to negotiations". */
const READY = new Set(['ready', 'open', 'willing', 'prepared', 'committed']);
/** Attack nouns, whose author ("by X", "X's") is who acts when the attack is the subject. */
const ATTACKS = new Set(
  'attack attacks strike strikes airstrike airstrikes bombing bombings raid raids shelling offensive assault bombardment operation operations ambush incursion'.split(
    ' ',
  ),
);
/** Nouns that hold something else, not an actor: "a list of companies", "a report of attacks". */
const CONTAINERS = new Set(
  'list report statement series number copy letter record document photo video name account version claim'.split(
    ' ',
  ),
);
/** "Kim Jong-un's sister": a relative speaks for the family's country. */
const KIN = new Set([
  'sister',
  'brother',
  'son',
  'daughter',
  'wife',
  'husband',
  'uncle',
  'nephew',
  'father',
  'mother',
]);
/** Verbs whose object does what the infinitive after it says ("orders Russia to halt"). */
const OBJECT_CONTROL = new Set([
  'order',
  'urge',
  'ask',
  'tell',
  'force',
  'allow',
  'invite',
  'encourage',
  'press',
  'pressure',
  'persuade',
  'instruct',
  'direct',
  'compel',
  'call',
]);

/** Natural disasters and epidemics: a country adjective before one says where it struck, not who acted. */
const DISASTERS = new Set([
  'fire',
  'wildfire',
  'bushfire',
  'blaze',
  'flood',
  'flooding',
  'earthquake',
  'quake',
  'storm',
  'cyclone',
  'hurricane',
  'typhoon',
  'tornado',
  'landslide',
  'mudslide',
  'avalanche',
  'drought',
  'heatwave',
  'tsunami',
  'eruption',
  'outbreak',
  'epidemic',
]);

/** Nouns after a name that make it a place ("Puntland region"). */
const PLACE_NOUNS = new Set([
  'region',
  'province',
  'state',
  'city',
  'district',
  'coast',
  'town',
  'capital',
  'county',
  'area',
  'village',
  'border',
  'port',
  'island',
  'islands',
  'governorate',
  'oblast',
  'prefecture',
  'municipality',
  'department',
  'territory',
  'peninsula',
  'valley',
  'krai',
]);
/** A reporter's hedge before a name, which the tagger reads as a verb ("by suspected Boko Haram gunmen"). */
const HEDGES = new Set([
  'suspected',
  'alleged',
  'presumed',
  'unidentified',
  'unknown',
  'purported',
  // and participles before a title ("sentences deposed President Mohamed Morsi", "frees jailed activist")
  'deposed',
  'ousted',
  'jailed',
  'exiled',
  'detained',
  'imprisoned',
  'kidnapped',
  'abducted',
  'captured',
]);
/** The parts of a plain noun phrase ("Abu Sayyaf militants", "the Gay and Lesbian Coalition"). */
const PHRASE_POS = new Set(['NOUN', 'PROPN', 'ADJ', 'DET', 'NUM', 'CCONJ', 'PUNCT']);
/** Singular nouns that take a plural verb ("the police attack"). */
const COLLECTIVE = new Set([
  'police',
  'military',
  'army',
  'government',
  'people',
  'navy',
  'public',
  'staff',
  'crew',
]);
const COORDINATORS = new Set(['and', 'but', 'or', 'then', 'yet']);
const POSSESSIVE = new Set(["'s", '’s', "'", '’']);
/** Codes whose target may be a place standing for its country: visits, deployments, attacks. */
const PLACE_TARGET = /^(04[23]|15|171|18|19|20)/;

/**
 * "by" names the author of the object, who is the target: of a rejection ("rejects the request by the
 * U.S."), a denial, or a condemnation or criticism ("condemns comments made by Lukashenko").
 */
function authorBy(text: string, code: string): boolean {
  return text === 'by' && /^(12|016|11)/.test(code);
}

export class SentenceView {
  readonly first: number;
  readonly last: number;
  /** Party mentions by first token. */
  private readonly mentionAt = new Map<number, Party>();
  /** The party covering each token, if any. */
  private readonly covering = new Map<number, Party>();
  private readonly placeAt = new Map<number, Party>();
  private readonly placeCovering = new Map<number, Party>();
  private readonly verbalCache = new Map<number, boolean>();

  constructor(
    readonly doc: Doc,
    readonly sentence: TokenizedSentence,
    readonly parties: Party[],
    places: Party[],
    /** Whether a lemma is a verb some pattern starts with (PETRARCH's verbs). */
    private readonly knownVerb: (lemma: string) => boolean = () => false,
  ) {
    this.first = sentence.firstToken;
    this.last = sentence.lastToken;
    for (const party of parties) {
      this.mentionAt.set(party.firstToken, party);
      for (let i = party.firstToken; i < party.lastToken; i++) this.covering.set(i, party);
    }
    for (const place of places) {
      if (this.covering.has(place.firstToken)) continue;
      this.placeAt.set(place.firstToken, place);
      for (let i = place.firstToken; i < place.lastToken; i++) this.placeCovering.set(i, place);
    }
  }

  token(index: number): Token | undefined {
    return index >= this.first && index < this.last ? this.doc.tokens[index] : undefined;
  }

  lemma(index: number): string {
    const token = this.token(index);
    return token ? token.lemma : '';
  }

  lower(index: number): string {
    const token = this.token(index);
    return token ? token.text.toLowerCase() : '';
  }

  is(index: number, words: Set<string>): boolean {
    return words.has(this.lemma(index)) || words.has(this.lower(index));
  }

  mentionStartingAt(index: number): Party | undefined {
    return this.mentionAt.get(index);
  }

  partyCovering(index: number): Party | undefined {
    return this.covering.get(index);
  }

  /**
   * The place an act of force reaches, named later in its clause after "in", "near", "on", "into" or
   * "over" ("carries out strikes using F-15E jets in Iraq", "fire missiles near Damascus, Syria"): the
   * first such place outside the country `home`, if any.
   */
  placeReached(after: number, home: string): Party | undefined {
    for (let i = after; i < this.last; i++) {
      if ([';', ':'].includes(this.lower(i)) || this.lower(i) === 'after') return undefined;
      if (!/^(in|near|on|into|over|across|along|off)$/.test(this.lower(i))) continue;
      for (let j = i + 1; j < Math.min(this.last, i + 5); j++) {
        const place = this.placeAt.get(j) ?? this.mentionAt.get(j);
        if (place && (place.place || place.code.length === 3) && place.code.slice(0, 3) !== home)
          return place;
        if (!['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM'].includes(this.token(j)?.pos ?? '')) break;
      }
    }
    return undefined;
  }

  /** Skips up to three modifier tokens; returns the index of the next token. */
  skipModifiers(index: number, extra?: Set<string>): number {
    let i = index;
    while (
      i - index < 3 &&
      (MODIFIER_POS.has(this.token(i)?.pos ?? '') ||
        (extra?.has(this.token(i)?.pos ?? '') ?? false) ||
        HEDGES.has(this.lower(i))) &&
      !this.covering.has(i) &&
      !this.placeCovering.has(i)
    )
      i++;
    // ("the Kurdish-led Syrian Democratic Forces", "neighboring Moldova": a compound or participle
    // adjective right before the name)
    // (a country adjective there is no target: "a Swiss-based Iranian oil company"; a group that begins
    // with it is: "the Saudi-led coalition")
    const alone = (at: number): boolean => (this.covering.get(at)?.lastToken ?? at + 1) === at + 1;
    for (let n = 0; n < 2 && alone(i); n++) {
      if (this.lower(i + 1) === '-' && /(ed|ing)$/.test(this.lower(i + 2)) && this.mentionAt.has(i + 3))
        i += 3;
      else if (PARTICIPLE_ADJECTIVES.has(this.lower(i)) && this.mentionAt.has(i + 1)) i += 1;
    }
    return i;
  }

  /** A party mention starting at `index` after modifiers, or a place when the code allows one. */
  slotAt(index: number, code: string): Party | undefined {
    const i = this.skipModifiers(index);
    return (
      this.mentionAt.get(i) ??
      (PLACE_TARGET.test(code) ? this.placeAt.get(i) : undefined) ??
      this.personBefore(index)
    );
  }

  /**
   * Rule: "meets Mahmoud Abbas in Ramallah and urges him to restart peace talks", "calls him 'Animal
   * Assad'": an object "him" or "her" is the nearest person named before it.
   */
  private personBefore(pronoun: number): Party | undefined {
    if (!/^(him|her)$/.test(this.lower(pronoun)) || this.token(pronoun)?.pos !== 'PRON') return undefined;
    // ("released by her captors": a possessive "her" is no object)
    if (['NOUN', 'ADJ', 'PROPN', 'NUM'].includes(this.token(pronoun + 1)?.pos ?? '')) return undefined;
    for (let i = pronoun - 1; i >= this.first; i--) {
      const party = this.covering.get(i);
      // (a dictionary person or one the sentence qualifies, not one it only places: "defeated him")
      if (party && (party.actor?.startsWith('person:') || (party.person && !party.objectOnly))) return party;
    }
    return undefined;
  }

  isVerbToken(index: number): boolean {
    return this.token(index)?.pos === 'VERB';
  }

  /**
   * A verb, or a word wink tagged as a noun right after a subject ("Hamas releases two …", "the United
   * States deports …", "Kenyan warplanes bomb …"): headline present tense fools the tagger.
   */
  isVerbal(index: number): boolean {
    const cached = this.verbalCache.get(index);
    if (cached !== undefined) return cached;
    const result = this.computeVerbal(index);
    this.verbalCache.set(index, result);
    return result;
  }

  /** "test-fires", "air-drops" after a subject name and before its object: the compound is the verb. */
  private hyphenatedVerbAfterSubject(index: number): boolean {
    const head = this.token(index + 2);
    return (
      this.lower(index + 1) === '-' &&
      !!head &&
      /s$/.test(head.text) &&
      this.covering.has(index - 1) &&
      ['DET', 'NUM', 'ADJ'].includes(this.token(index + 3)?.pos ?? '')
    );
  }

  private computeVerbal(index: number): boolean {
    const token = this.token(index);
    if (!token) return false;
    if (this.isNounCompound(index)) return false;
    if (token.pos === 'VERB') return true;
    if (!['NOUN', 'PROPN', 'ADJ'].includes(token.pos) || /ing$/.test(token.text)) return false;
    // "Iran test-fires nine missiles": a hyphenated verb right after its subject, read as two nouns.
    if (this.hyphenatedVerbAfterSubject(index)) return true;
    const next = this.token(index + 1);
    // Followed by what starts a complement, not by "of" ("the release of"), a verb or the end.
    // ("North Korea releases imprisoned Canadian pastor …": a participle before its noun starts one too)
    const afterNext = this.token(index + 2);
    // (a party or a noun phrase: not "protests occurred Saturday", a verb and a day)
    const participle =
      next?.pos === 'VERB' &&
      /ed$/.test(next.text) &&
      (['ADJ', 'NOUN'].includes(afterNext?.pos ?? '') || this.covering.has(index + 2));
    const complement =
      !!next &&
      (['DET', 'NUM', 'PRON', 'ADJ', 'PROPN', 'ADP', 'NOUN'].includes(next.pos) ||
        next.lemma === 'that' ||
        next.lemma === 'to' ||
        participle) &&
      next.lemma !== 'of';
    if (!complement) return false;
    // Rule: after "has", "have" or "had" a word is a participle ("have shot down", tagged as a noun).
    if (['have', 'has', 'had'].includes(this.lower(index - 1)) && token.pos !== 'PROPN') return true;
    // "The European Union (EU) hosts": the abbreviation in brackets ends the subject.
    const end = this.lower(index - 1) === ')' ? index - 1 : index;
    const before = this.covering.get(end - 1);
    // Rule: right after a subject name ("Hamas releases", "Kenyan warplanes bomb"), not after a country
    // adjective ("Bahraini protests").
    // The name must not be an object itself ("expels UN weapons inspectors"), and the word must be a verb
    // some pattern knows.
    if (before && before.lastToken === end && !before.adjective) {
      const beforeName = this.token(before.firstToken - 1);
      const objectName =
        !!beforeName &&
        (beforeName.pos === 'VERB' || beforeName.pos === 'ADP') &&
        !SUBORDINATORS.has(beforeName.text.toLowerCase());
      if (!objectName && this.knownVerb(token.lemma)) return true;
    }
    // Rule: after "and" a third-person form continues the verb phrase ("… and calls for a ceasefire").
    const text = token.text.toLowerCase();
    if (COORDINATORS.has(this.lower(index - 1)) && /[^s]s$/.test(text) && text !== token.lemma) return true;
    // Rule: after an apposition to the subject name, a third-person form of a known verb is the predicate
    // ("Adama Barrow, the president of the Gambia, visits Senegal": "visits" is tagged as a noun there).
    if (
      this.afterSubjectApposition(index) &&
      /[^s]s$/.test(text) &&
      text !== token.lemma &&
      this.knownVerb(token.lemma)
    )
      return this.firstPredicate() >= index;
    // Rule: after a relative clause that closes on the subject name ("Nicolás Maduro, who is up for
    // re-election, bans"), a third-person form of a known verb is the predicate.
    if (
      this.lower(index - 1) === ',' &&
      /[^s]s$/.test(text) &&
      text !== token.lemma &&
      this.knownVerb(token.lemma)
    ) {
      const opening = this.relativeClauseOpening(index - 1);
      const name = opening === undefined ? undefined : this.covering.get(opening - 1);
      if (opening !== undefined && /^(who|which)$/.test(this.lower(opening + 1)) && name && !name.adjective)
        return true;
    }
    // Rule: the first word of the sentence that can be a verb, after a noun phrase, is its predicate
    // ("Twenty members of the U.K.'s Parliament demand …", "The Government of Pakistan summons …").
    const previous = this.token(index - 1);
    if (!previous || !['NOUN', 'PROPN'].includes(previous.pos) || !this.knownVerb(token.lemma)) return false;
    return this.firstPredicate() >= index;
  }

  /** `index` follows ", …," right after a name, with no verb inside: "Name, the president of Y, ▯". */
  private afterSubjectApposition(index: number): boolean {
    if (this.lower(index - 1) !== ',') return false;
    for (let i = index - 2; i > this.first; i--) {
      if (this.token(i)?.pos === 'VERB' || this.token(i)?.pos === 'AUX') return false;
      if (this.lower(i) !== ',') continue;
      const name = this.covering.get(i - 1);
      return !!name && name.lastToken === i && !name.adjective && i - 1 > index - 12;
    }
    return false;
  }

  /**
   * Rule: "in a border dispute with India", "the rebel attack on": a base-form "verb" after an article and
   * a singular noun is the head of a compound noun (a singular subject would take "disputes"). Collective
   * nouns take a plural verb ("the police attack protesters").
   */
  private isNounCompound(index: number): boolean {
    const token = this.token(index)!;
    const previous = this.token(index - 1);
    if (!previous || previous.pos !== 'NOUN' || token.text.toLowerCase() !== token.lemma) return false;
    const noun = previous.text.toLowerCase();
    if (noun !== previous.lemma || /s$/.test(noun) || COLLECTIVE.has(noun) || this.covering.has(index - 1))
      return false;
    return ['a', 'an'].includes(this.lower(index - 2));
  }

  private firstPredicateIndex: number | undefined;

  /** The first verb, auxiliary, ";" or ":" of the sentence (its end when there is none). */
  private firstPredicate(): number {
    if (this.firstPredicateIndex === undefined) {
      let i = this.first;
      for (; i < this.last; i++) {
        const token = this.doc.tokens[i]!;
        // (a participle with its agent, "forces supported by Russian planes", is inside the subject)
        const reduced = token.pos === 'VERB' && /(ed|en)$/.test(token.text) && this.lower(i + 1) === 'by';
        if (
          (token.pos === 'VERB' && !reduced) ||
          token.pos === 'AUX' ||
          token.text === ';' ||
          token.text === ':'
        )
          break;
      }
      this.firstPredicateIndex = i;
    }
    return this.firstPredicateIndex;
  }

  /** Adverbs, auxiliaries, negators and modals between a subject and its verb. */
  private isVerbGroup(index: number): boolean {
    const token = this.token(index);
    if (!token) return false;
    return (
      token.pos === 'AUX' ||
      token.pos === 'ADV' ||
      NEGATIONS.has(token.text.toLowerCase()) ||
      MODALS.has(token.lemma) ||
      FUTURE.has(token.lemma) ||
      token.lemma === 'would' ||
      // "to have killed": the perfect's "have", which the tagger reads as a verb
      (token.lemma === 'have' && token.pos === 'VERB' && this.isParticiple(index + 1))
    );
  }

  private isParticiple(index: number): boolean {
    const token = this.token(index);
    return (
      !!token &&
      token.pos === 'VERB' &&
      token.text.toLowerCase() !== token.lemma &&
      !/(ing|s)$/.test(token.text)
    );
  }

  /** Start of the verb group ending before `index` ("has also not" in "has also not met"). */
  verbGroupStart(index: number): number {
    let i = index;
    while (i - 1 >= this.first && index - i < 5 && this.isVerbGroup(i - 1)) i--;
    return i;
  }

  /** "not", "n't", "never", "no" in the verb group before the trigger, or "no" right before a noun. */
  negatedAt(index: number): boolean {
    for (let i = this.verbGroupStart(index); i < index; i++) if (NEGATIONS.has(this.lower(i))) return true;
    // "no talks", "never again": a negator among the modifiers right before.
    for (let i = Math.max(this.first, index - 3); i < index; i++) {
      if (!MODIFIER_POS.has(this.token(i)?.pos ?? '') && !NEGATIONS.has(this.lower(i))) continue;
      if (this.lower(i) === 'no' || this.lower(i) === 'never') return true;
    }
    return false;
  }

  /** The modality of the verb group before `index`: none, the future, or a mere possibility. */
  modalityAt(index: number): 'none' | 'future' | 'possible' {
    // "Rasmussen is to visit Russia": "be to" announces a planned act, as "will" does.
    if (
      this.lower(index - 1) === 'to' &&
      this.lemma(index - 2) === 'be' &&
      this.token(index - 2)?.pos !== 'NOUN'
    )
      return 'future';
    const start = this.verbGroupStart(index);
    for (let i = start; i < index; i++) {
      const lemma = this.lemma(i);
      if (MODALS.has(lemma)) return 'possible';
      if (FUTURE.has(lemma) || FUTURE.has(this.lower(i))) return 'future';
      if (lemma === 'would') return this.reportedBefore(i) ? 'future' : 'possible';
    }
    return 'none';
  }

  /** A reporting verb earlier in the sentence ("said it would …"). */
  private reportedBefore(index: number): boolean {
    for (let i = this.first; i < index; i++)
      if (this.isVerbal(i) && REPORTING.has(this.lemma(i))) return true;
    return false;
  }

  /** Inside a condition ("if the U.S. re-applies sanctions"): from "if" to the next comma. */
  inCondition(index: number): boolean {
    for (let i = index - 1; i >= this.first; i--) {
      const text = this.lower(i);
      if (text === ',' || text === ';' || text === ':') return false;
      if (CONDITIONS.has(text)) return true;
    }
    return false;
  }

  /**
   * The first party named in a condition after a trigger ("threatens to close the Strait of Hormuz if the
   * U.S. re-applies sanctions", "warns of consequences if South Korea lights a tree"): whose act the
   * condition is, and so whom a conditional threat is aimed at.
   */
  conditionParty(after: number): Party | undefined {
    for (let i = after; i < this.last; i++) {
      const text = this.lower(i);
      if (text === ';') return undefined;
      if (!CONDITIONS.has(text)) continue;
      for (let j = i + 1; j < Math.min(this.last, i + 5); j++) {
        const party = this.mentionAt.get(j);
        if (party) return party;
      }
      return undefined;
    }
    return undefined;
  }

  /** After a subordinator or relative pronoun: an event there needs both actors named. */
  inSubordinateClause(index: number): boolean {
    for (let i = index - 1; i >= this.first; i--) {
      const text = this.lower(i);
      if (text === ';') return false;
      // "as Egypt mediates": a clause of time or reason still asserts its event.
      if (SUBORDINATORS.has(text) && text !== 'as' && !this.covering.has(i)) return true;
    }
    return false;
  }

  /**
   * "was sanctioned by", "were attacked by", or a participle right after a noun with "by" behind it
   * ("a ceasefire proposed by the GNA"): the trigger is passive. Returns the agents (after "by"), an
   * empty list for a passive without agent, or null for an active verb.
   */
  passiveAt(first: number, last: number): { agents: Party[]; withBe: boolean } | null {
    const token = this.token(first);
    if (!token || token.pos !== 'VERB') return null;
    const text = token.text.toLowerCase();
    const participle = text !== token.lemma && !/(ing|s)$/.test(text);
    if (!participle) return null;
    let before = first - 1;
    while (before >= this.first && (this.token(before)?.pos === 'ADV' || NEGATIONS.has(this.lower(before))))
      before--;
    const withBe = this.lemma(before) === 'be' || this.lemma(before) === 'get';
    const agents = this.agentAfter(last);
    if (withBe) return { agents, withBe };
    const previous = this.token(first - 1);
    const afterNoun =
      !!previous && (previous.pos === 'NOUN' || previous.pos === 'PROPN' || this.covering.has(first - 1));
    // Without "be", only a "by" phrase makes a participle passive ("hostages kidnapped by …") …
    if (agents.length > 0 && afterNoun) return { agents, withBe };
    // … or an empty object slot: "the hostages kidnapped three weeks ago", "a ceasefire proposed by".
    if (afterNoun && this.objectSlotEmpty(first + 1)) return { agents: [], withBe };
    return null;
  }

  /** Nothing an object could start with follows (a time phrase, a preposition, punctuation). */
  private objectSlotEmpty(last: number): boolean {
    const next = this.token(last);
    if (!next) return true;
    if (next.pos === 'ADP' || next.pos === 'PUNCT' || next.pos === 'SCONJ') return next.lemma !== 'by';
    if (['ago', 'last', 'earlier', 'yesterday', 'since', 'today'].includes(next.lemma)) return true;
    const after = this.lower(last + 1);
    return next.pos === 'NUM' && /^(days?|weeks?|months?|years?|hours?)$/.test(after);
  }

  /** "… by the United States" within a few tokens after the trigger, with coordinated agents. */
  private agentAfter(last: number): Party[] {
    for (let i = last; i < Math.min(this.last, last + 5); i++) {
      const text = this.lower(i);
      if (text === 'by') return this.agentsAt(i + 1);
      const pos = this.token(i)?.pos ?? '';
      if (pos === 'VERB' || pos === 'PUNCT' || this.covering.has(i)) return this.attackAuthorAfter(last);
    }
    return this.attackAuthorAfter(last);
  }

  private agentsAt(index: number): Party[] {
    const party = this.slotAt(index, '');
    return party ? this.coordinatedAfter(party) : [];
  }

  /**
   * Rule: "rebels are killed while celebrating the New Year in an air raid by the Colombian Air Force":
   * the author of the attack a passive happened in is its agent, further on in the clause.
   */
  private attackAuthorAfter(last: number): Party[] {
    for (let i = last; i < Math.min(this.last, last + 14); i++) {
      if (ATTACKS.has(this.lower(i))) return this.authorOfAttack(i);
      // (within the clause: not "a report released Thursday states that attacks … by the Sudanese military")
      if (this.token(i)?.pos === 'PUNCT' || this.covering.has(i) || this.lower(i) === 'that') return [];
    }
    return [];
  }

  /**
   * The author of the attack noun at `attack`: "by X" right after it or after a participle ("airstrikes
   * carried out by Israeli forces"), or closing its phrase ("an attack on a police station in Cauca,
   * Colombia, by FARC dissidents").
   */
  private authorOfAttack(attack: number): Party[] {
    for (let i = attack + 1; i < Math.min(this.last, attack + 12); i++) {
      const text = this.lower(i);
      if (text === 'by') return this.agentsAt(i + 1);
      if (/^(carried|launched|conducted|mounted)$/.test(text)) continue;
      if (text === 'out' && this.lower(i - 1) === 'carried') continue;
      if (text === ';' || text === ':' || this.isVerbal(i)) return [];
    }
    return [];
  }

  /** "X, Y and Z": the parties coordinated after `party`, itself included. */
  coordinatedAfter(party: Party): Party[] {
    const result = [party];
    let i = party.lastToken;
    for (;;) {
      // "two Thai migrant workers, 10 Israeli hostages": the rest of the noun phrase after a name.
      while (
        ['NOUN', 'ADJ'].includes(this.token(i)?.pos ?? '') &&
        !this.covering.has(i) &&
        i - party.lastToken < 6
      )
        i++;
      const serial = this.lower(i) === ',' && this.lower(i + 1) === 'and';
      if (serial) i++;
      const joiner = this.lower(i);
      if (joiner !== ',' && joiner !== 'and' && joiner !== 'or') break;
      const next =
        this.mentionAt.get(this.skipModifiers(i + 1)) ?? this.placeAt.get(this.skipModifiers(i + 1));
      if (!next || (next.place && !result[0]!.place)) break;
      // "demonstrators and strikers": one crowd, not two targets.
      // ("a Canadian hostage, a Filipina hostage, and a Norwegian hostage": three, of three countries)
      const previousParty = result[result.length - 1]!;
      if (next.group && previousParty.group && next.code.slice(0, 3) === previousParty.code.slice(0, 3))
        break;
      // "Beirut, Lebanon": a country after its own city is an apposition, not a second target.
      if (joiner === ',' && next.code.slice(0, 3) === result[result.length - 1]!.code.slice(0, 3)) break;
      // "…held by South Korea and the United States, North Korea fires": a name before a verb opens a clause.
      // (the verb may be tagged as a noun: "North Korea fires" — a third-person form then)
      const after = this.token(next.lastToken);
      const thirdPerson = !!after && /[^s]s$/.test(after.text) && after.text.toLowerCase() !== after.lemma;
      // ("revokes the clearance of John Brennan, and the White House announces": ", and" too)
      if ((joiner === ',' || serial) && (after?.pos === 'VERB' || after?.pos === 'AUX' || thirdPerson)) break;
      result.push(next);
      i = next.lastToken;
    }
    return result;
  }

  /** The token before `index` that is not an adverb, negator or auxiliary. */
  private previousContent(index: number): number {
    let i = index - 1;
    while (i >= this.first && this.isVerbGroup(i)) i--;
    return i;
  }

  /** A first-word noun before a prepositional phrase ("police in Zimbabwe"), or the possessor of one. */
  private isAttached(party: Party): boolean {
    let before = party.firstToken - 1;
    // ("across central and southern Iraq": coordinated adjectives too)
    const modifier = (i: number): boolean =>
      ['DET', 'ADJ'].includes(this.token(i)?.pos ?? '') ||
      (this.token(i)?.pos === 'CCONJ' && this.token(i - 1)?.pos === 'ADJ');
    while (before >= this.first && modifier(before)) before--;
    // ("over 42 people", "about 300 soldiers": a quantity, not a preposition)
    const quantity =
      /^(over|about|around|under)$/.test(this.lower(before)) && this.token(before + 1)?.pos === 'NUM';
    const preposition = before >= this.first && PREPOSITIONS.has(this.lower(before)) && !quantity;
    const possessive = POSSESSIVE.has(this.lower(party.lastToken));
    // "a car bombing in Benghazi, Libya, kills": a country after a place is where, not who.
    let k = party.firstToken - 1;
    while (this.token(k)?.pos === 'ADJ') k--;
    // ("in As-Suwayda, Syria," "in Sulu, Philippines,": an unknown name before it is a place too)
    const unknownPlace =
      party.code.length === 3 &&
      !party.adjective &&
      this.token(k - 1)?.pos === 'PROPN' &&
      !this.covering.has(k - 1) &&
      this.lower(party.lastToken) === ',';
    // ("At a summit in Baku, India and Azerbaijan discuss": a place of another country is no apposition)
    const place = this.placeCovering.get(k - 1);
    const placeBefore =
      this.lower(k) === ',' &&
      ((!!place && (place.code.slice(0, 3) === party.code.slice(0, 3) || !/^[A-Z]{3}/.test(place.code))) ||
        unknownPlace);
    return preposition || possessive || placeBefore;
  }

  /**
   * The subject of the verb at `index`: the nearest party before it that is not inside a prepositional
   * phrase, a possessive, an apposition or a relative clause; several when coordinated ("France and
   * Germany condemn"). A verb coordinated with an earlier one ("visits Israel and meets Netanyahu") or
   * a participle after a comma ("…, accusing them of") takes that verb's subject. A pronoun ("says it
   * will") stands for the subject of the verb before it. Empty when no subject is found.
   */
  subjectOf(index: number, depth = 0, passive = false): Party[] {
    if (depth > 4) return [];
    const previous = this.previousContent(index);
    // Rule: "riot police clash with demonstrators and strikers that protest against the government": the
    // relative pronoun stands for the name right before it.
    if (/^(who|that)$/.test(this.lower(previous))) {
      const named =
        this.covering.get(previous - 1) ??
        (this.lower(previous - 1) === ',' ? this.covering.get(previous - 2) : undefined);
      // (not a place: "a bus bombing in Matalam, the Philippines, that killed 10 people", "a bomb blast in
      // the capital Bangkok that killed")
      const where =
        !!named &&
        (named.place ||
          (named.code.length === 3 && this.lower(previous) === 'that') ||
          this.doc.mentions.some((m) => m.firstToken === named.firstToken && m.type === 'LOC'));
      // (nor people, who are done to: "The people who killed President Vieira have not been arrested"; and
      // "that" follows a group, not a person: "an order by President Trump that denies asylum")
      // ("an assault on the parliament that killed multiple people": the head of the phrase is the assault)
      // ("ministers in the Romanian government who oppose": nor a name inside another phrase)
      const member = (party: Party): boolean => {
        let i = party.firstToken - 1;
        while (['DET', 'ADJ'].includes(this.token(i)?.pos ?? '')) i--;
        return /^(in|of|from)$/.test(this.lower(i));
      };
      const fits =
        !!named &&
        (this.lower(previous) === 'who' ? !member(named) : !!named.group && !this.isAttached(named));
      if (named && fits && !where && !named.objectOnly && named.lastToken >= previous - 1)
        return this.coordinatedBefore(named);
    }
    // Rule: an infinitive takes the subject of the verb it depends on ("Turkey threatens to invade").
    if (this.lower(previous) === 'to' && this.token(previous)?.pos === 'PART') {
      // ("Rasmussen is to visit Russia": the subject of "be")
      if (this.lemma(previous - 1) === 'be') return this.subjectOf(previous - 1, depth + 1);
      const verb = this.previousVerb(previous);
      if (verb === undefined) return [];
      // Rule: "orders Russia to halt its invasion", "urges Iran to end": the object of an order or an
      // appeal is the subject of what it is told to do.
      const object = this.covering.get(previous - 1);
      // (for the infinitive's own act only: in "calls on X to stop … and accuses Y" the second verb goes
      // with the first)
      const controlled = depth === 0 && !!object && object.firstToken > verb && !object.place;
      if (controlled && OBJECT_CONTROL.has(this.lemma(verb))) return this.coordinatedBefore(object);
      return this.subjectOf(verb, depth + 1);
    }
    // Rule: a gerund complement takes the subject of its verb ("Malaysia considers suing Israel").
    if (
      /ing$/.test(this.lower(index)) &&
      this.token(previous)?.pos === 'VERB' &&
      !this.covering.has(previous)
    )
      return this.subjectOf(previous, depth + 1);
    // Rule: coordinated or participial verb — "X visits Israel and meets …", "X …, saying it …".
    if (this.isVerbal(index) || this.token(index)?.pos === 'AUX') {
      const text = this.lower(previous);
      // (after a comma only a participle continues: "…, accusing them of"; "X, who …, hosted" does not)
      const participial = text === ',' && /ing$/.test(this.lower(index));
      if (COORDINATORS.has(text) || participial) {
        // The nearest earlier verb that has a subject (the tagger takes some nouns for verbs: "war conduct").
        let verb = this.previousVerb(previous);
        if (verb !== undefined && !this.mentionEndsAt(previous)) {
          for (let tries = 0; verb !== undefined && tries < 3; tries++) {
            const subject = this.subjectOf(verb, depth + 1);
            if (subject.length > 0) return subject;
            // ("the attack that stabbed and murdered a family": inside a relative clause whose subject is
            // no party the search ends; the verb before it has another subject. After a comma the clause
            // has ended: "institutions that benefited from …, and demands")
            const relative = /^(that|who|which)$/.test(this.lower(this.previousContent(verb)));
            if (relative && !this.commaBetween(verb, index)) return [];
            verb = this.previousVerb(verb);
          }
          // The earlier verb has no subject we know: its object is not ours ("people fled X and headed …",
          // "bombs explode at a market in Baghdad, Iraq, killing five").
          return [];
        }
      }
    }
    let fallback: Party | undefined;
    // Rule: "During a shootout in Sulu, Abu Sayyaf militants kill": an unknown noun phrase right before
    // the verb is its subject, and a name before the comma that opens it is not.
    let unknownPhrase = this.isUnknownNoun(previous);
    for (let i = index - 1; i >= this.first; i--) {
      const party = this.covering.get(i);
      if (unknownPhrase && i < previous) {
        if (this.lower(i) === ',' && !party) return [];
        if (party || !PHRASE_POS.has(this.token(i)?.pos ?? '')) unknownPhrase = false;
      }
      // (civilians are never the subject that acts, but may be the subject of a passive: "people are shot")
      if (party?.objectOnly && !passive) return [];
      if (party) {
        i = party.firstToken;
        // Rule: "South African wild fires kill seven people": the disaster is the subject, and no actor.
        if (party.adjective && this.disasterAfter(party, index)) return [];
        // Rule: "police in Zimbabwe", "members of the U.K. Parliament", "Russia's offer": a name inside a
        // noun phrase is a fallback, used when no better subject stands before it.
        if (this.isAttached(party)) {
          if (this.headBefore(party)) fallback ??= party;
          continue;
        }
        return this.coordinatedBefore(party);
      }
      const token = this.doc.tokens[i]!;
      const text = token.text.toLowerCase();
      // Rule: ", who …," and ", which …," are skipped back to the comma that opens them.
      if (text === ',') {
        const opened = this.relativeClauseOpening(i);
        if (opened !== undefined) {
          i = opened;
          continue;
        }
        continue;
      }
      if (text === ';' || text === ':' || CONDITIONS.has(text)) break;
      // Rule: "says it will", "the latter refuses": a pronoun or anaphor stands for an earlier actor.
      if (token.pos === 'PRON' && PRONOUNS.has(text)) return this.antecedentOf(i, depth);
      if (text === 'latter' || text === 'former') return this.latterOrFormer(i, text);
      if ((text === 'country' || text === 'nation') && this.lower(i - 1) === 'the')
        return this.countryBefore(i);
      // "Syrian Army forces supported by Russian planes attack": a participle phrase inside the subject.
      // ("Turkish security forces backed up by tanks … launch")
      const by = this.lower(i + 1) === 'up' ? i + 2 : i + 1;
      if (token.pos === 'VERB' && /(ed|en)$/.test(text) && this.lower(by) === 'by') {
        fallback = undefined;
        continue;
      }
      if (token.pos === 'VERB' && !this.isParticipleModifier(i)) break;
      if (SUBORDINATORS.has(text) || text === 'that') break;
    }
    return fallback ? [fallback] : [];
  }

  private commaBetween(from: number, to: number): boolean {
    for (let i = from + 1; i < to; i++) if (this.lower(i) === ',') return true;
    return false;
  }

  /** A disaster noun heads the phrase a country adjective opens ("Pakistani monsoon floods"). */
  private disasterAfter(adjective: Party, verb: number): boolean {
    // (up to the verb: in "Police in Burundi fire on protesters" the fire is the verb itself)
    for (let i = adjective.lastToken; i < Math.min(verb, adjective.lastToken + 3); i++) {
      const noun = this.token(i)?.pos === 'NOUN';
      if (noun && (DISASTERS.has(this.lemma(i)) || DISASTERS.has(this.lower(i).replace(/s$/, ''))))
        return true;
      if (!noun && this.token(i)?.pos !== 'ADJ') return false;
    }
    return false;
  }

  /** "(the sanctions) it has imposed": a pronoun subject, auxiliaries, then a participle, right after a noun. */
  private inContactRelative(index: number): boolean {
    let i = index;
    if (this.token(i)?.pos === 'VERB') i--;
    while (this.token(i)?.pos === 'AUX' && index - i < 3) i--;
    const pronoun = this.token(i);
    return (
      i < index &&
      !!pronoun &&
      pronoun.pos === 'PRON' &&
      /^(it|they|he|she|we)$/.test(pronoun.text.toLowerCase()) &&
      this.token(i - 1)?.pos === 'NOUN'
    );
  }

  /** A noun or name that is no party and no pronoun: the head of a phrase the recogniser did not code. */
  private isUnknownNoun(index: number): boolean {
    const token = this.token(index);
    return (
      !!token &&
      (token.pos === 'NOUN' || token.pos === 'PROPN') &&
      !this.covering.has(index) &&
      !this.placeCovering.has(index)
    );
  }

  /** "police in Zimbabwe": the noun the phrase holding `party` is attached to is a role noun. */
  private headBefore(party: Party): boolean {
    // "Israel's Prime Minister", "Russia's military", not "Somalia's Puntland region".
    if (POSSESSIVE.has(this.lower(party.lastToken))) {
      let i = party.lastToken + 1;
      while (this.token(i)?.pos === 'ADJ') i++;
      if (ROLE_HEADS.has(this.lower(i)) || this.covering.has(i) || KIN.has(this.lower(i))) return true;
      // "Israel's airstrikes kill": an attack's author.
      if (ATTACKS.has(this.lower(i))) return true;
      // "Myanmar's Aung San Suu Kyi": a person's name; "Somalia's Puntland region": a place.
      // ("in Afghanistan's Parwan Province": a place whose own name ends in a place noun)
      let j = i;
      while (this.token(j)?.pos === 'PROPN' && !PLACE_NOUNS.has(this.lower(j))) j++;
      return j > i && !PLACE_NOUNS.has(this.lower(j));
    }
    let i = party.firstToken - 1;
    while (i >= this.first && this.token(i)?.pos === 'DET') i--;
    const head = this.lower(i - 1);
    // "A drone strike by the United States kills": the author of an attack acts.
    if (this.lower(i) === 'by' && ATTACKS.has(head)) return true;
    return ROLE_HEADS.has(head) || this.token(i - 1)?.pos === 'NUM';
  }

  private mentionEndsAt(index: number): boolean {
    return this.covering.get(index)?.lastToken === index + 1;
  }

  /** A participle used as an adjective inside the subject ("the Kurdish-led forces", "armed groups"). */
  /** A participle between a determiner, number or adjective and the rest of its noun phrase. */
  private isPhraseParticiple(index: number): boolean {
    const token = this.token(index);
    const next = this.token(index + 1);
    return (
      token?.pos === 'VERB' &&
      /(ing|ed)$/.test(token.text) &&
      ['DET', 'NUM', 'ADJ'].includes(this.token(index - 1)?.pos ?? '') &&
      (['ADJ', 'NOUN', 'PROPN'].includes(next?.pos ?? '') || this.covering.has(index + 1))
    );
  }

  isParticipleModifier(index: number): boolean {
    const next = this.token(index + 1);
    const text = this.lower(index);
    const before = this.token(index - 1);
    // ("asks Putin for increased military ties": after a preposition, before an adjective, too)
    // ("requests by jailed dissident Liu Xiaobo")
    const afterPreposition = before?.pos === 'ADP';
    // ("Abu Sayyaf releases kidnapped German hostages": inside another verb's object)
    // ("to have killed", "got arrested": after an auxiliary it is the verb)
    // ("North Korea releases imprisoned Canadian pastor …": a headline verb the tagger read as a noun)
    const afterVerb =
      (before?.pos === 'VERB' ||
        (before?.pos === 'NOUN' && !this.covering.has(index - 1) && this.isVerbal(index - 1))) &&
      !/(ed|en)$/.test(before.text.toLowerCase()) &&
      !['have', 'be', 'get'].includes(before.lemma);
    // ("a nuclear-powered submarine", "U.S.-led forces": the second half of a hyphenated adjective)
    // (not "the Saudi-owned news channel", whose country is its owner, no subject)
    const hyphenated = before?.text === '-' && !this.covering.has(index - 2);
    return (
      !!next &&
      (next.pos === 'NOUN' ||
        next.pos === 'PROPN' ||
        (next.pos === 'ADJ' && this.token(index + 2)?.pos === 'NOUN') ||
        this.covering.has(index + 1) ||
        this.placeCovering.has(index + 1)) &&
      /(ed|en)$/.test(text) &&
      (before?.pos === 'DET' || afterPreposition || afterVerb || hyphenated)
    );
  }

  /**
   * The earlier verb a verb is coordinated with ("accepts an apology from Sharon and demands an
   * investigation": "accepts" for "demands"), if it is joined to it by "and" or "but".
   */
  coordinatedVerbOf(index: number): number | undefined {
    if (!this.isVerbal(index)) return undefined;
    const previous = this.previousContent(index);
    if (!/^(and|but)$/.test(this.lower(previous)) || this.mentionEndsAt(previous)) return undefined;
    return this.previousVerb(previous);
  }

  /** The nearest verb before `index` (for the coder's participle rule). */
  previousVerbOf(index: number): number | undefined {
    return this.previousVerb(index);
  }

  /** The nearest verb before `index` in the same sentence part (not across ";" or ":"). */
  private previousVerb(index: number): number | undefined {
    for (let i = index - 1; i >= this.first; i--) {
      const text = this.lower(i);
      if (text === ';' || text === ':') return undefined;
      if (this.isVerbal(i) && !this.covering.has(i)) return i;
    }
    return undefined;
  }

  /** ", who has …," seen from its closing comma: the index of its opening comma. */
  private relativeClauseOpening(comma: number): number | undefined {
    for (let i = comma - 1; i >= this.first; i--) {
      const text = this.lower(i);
      if (text === ',') {
        const opener = this.lower(i + 1);
        return ['who', 'which', 'whose', 'whom', 'where'].includes(opener) ||
          ADVERBIAL_OPENERS.has(opener) ||
          this.token(i + 1)?.pos === 'VERB'
          ? i
          : undefined;
      }
      if (text === ';' || text === ':') return undefined;
    }
    return undefined;
  }

  /**
   * "X and Y" or "X, Y and Z" ending with `party`: all of them. A comma joins only in a list closed by
   * "and": in "At a summit in Abuja, Nigeria, ECOWAS lifts" the subject is ECOWAS alone.
   */
  private coordinatedBefore(party: Party): Party[] {
    const result = [party];
    let current = party;
    let sawAnd = false;
    for (;;) {
      let i = current.firstToken - 1;
      // "… and the President of France Nicolas Sarkozy": titles, "of", articles and qualifying names.
      const stop = Math.max(this.first, i - 8);
      for (;;) {
        while (
          i > stop &&
          !this.covering.has(i) &&
          (this.token(i)?.pos === 'DET' ||
            this.lower(i) === 'of' ||
            /^\p{Lu}/u.test(this.token(i)?.text ?? '') ||
            // ("… and ousted President Manuel Zelaya agree": a lower-case qualifier of the title)
            ((this.token(i)?.pos === 'ADJ' || (this.token(i)?.pos === 'VERB' && /ed$/.test(this.lower(i)))) &&
              /^\p{Lu}/u.test(this.token(i + 1)?.text ?? ''))) &&
          this.lower(i) !== 'and'
        )
          i--;
        // ("Narendra Modi and Saudi Arabia's King Salman sign": the title's possessor is part of it)
        if (!POSSESSIVE.has(this.lower(i)) || i - 1 <= stop) break;
        const possessor = this.covering.get(i - 1);
        if (possessor) i = possessor.firstToken - 1;
        else if (/^\p{Lu}/u.test(this.token(i - 1)?.text ?? '')) i--;
        else break;
      }
      const joiner = this.lower(i);
      if (joiner !== 'and' && !(joiner === ',' && sawAnd)) break;
      let j = i - 1;
      if (joiner === 'and' && this.lower(j) === ',') j--;
      const previous = this.covering.get(j);
      // "Groups including Amnesty International and Human Rights Watch urge": the listed members act.
      const listed =
        !!previous && (this.lower(previous.firstToken - 1) === 'including' || (joiner === ',' && sawAnd));
      // "officials from Turkey and Israel meet": the first name of a list inside a role noun's phrase
      // speaks for the role as the others do.
      const sameRole = !!previous && this.isAttached(previous) && this.headBefore(previous);
      if (!previous || (this.isAttached(previous) && !listed && !sameRole)) break;
      if (joiner === 'and') sawAnd = true;
      result.unshift(previous);
      current = previous;
      if (result.length > 6) break;
    }
    return result;
  }

  /** "it", "he", "they": the subject of the verb before the pronoun, else the sentence's first actor. */
  private antecedentOf(pronoun: number, depth: number): Party[] {
    const verb = this.previousVerb(pronoun);
    if (verb !== undefined) {
      const subject = this.subjectOf(verb, depth + 1);
      if (subject.length > 0) return subject;
    }
    const first = this.parties.find((party) => party.lastToken <= pronoun && !this.isAttached(party));
    return first ? [first] : [];
  }

  private latterOrFormer(index: number, which: string): Party[] {
    const before = this.parties.filter((party) => party.lastToken <= index);
    const party = which === 'latter' ? before[before.length - 1] : before[before.length - 2];
    return party ? [party] : [];
  }

  /** "the country": the nearest country named before. */
  private countryBefore(index: number): Party[] {
    const before = this.parties.filter((party) => party.lastToken <= index && party.code.length === 3);
    const party = before[before.length - 1];
    return party ? [party] : [];
  }

  /**
   * The object of the trigger ending at `from`: the first party in the noun and prepositional phrases
   * after it ("sanctions on 16 allies of Venezuelan president Nicolás Maduro", "refuses to allow Arafat"),
   * before the next verb, comma or clause. A place counts for visits, deployments and attacks; a name
   * after "in" does not ("met X in Tehran").
   */
  /** Whether a bare country (a name or place standing for one, not a person or an organisation) starts here. */
  private countryAt(index: number): boolean {
    const party = this.mentionAt.get(index) ?? this.placeAt.get(index);
    return !!party && /^[A-Z]{3}$/.test(party.code);
  }

  objectOf(from: number, code: string, direct = false): Party[] {
    let locative = false;
    let afterComma = false;
    let prepositions = 0;
    let place: Party | undefined;
    const force = /^(1[5-9]|20)/.test(code);
    const protest = /^14/.test(code);
    // Aid, appeals and promises are "for" someone; meetings "for Ukraine peace talks" are not.
    const benefit = /^(0[237])/.test(code);
    // Comments and complaints are "over" or "about" someone ("expresses concern over China's plan").
    const topic = /^(01|11)/.test(code);
    // Curfews, emergencies and bans apply "in" a place.
    const restriction = /^(081|09|17)/.test(code);
    for (let i = from; i < Math.min(this.last, from + 14); i++) {
      const party = this.mentionAt.get(i);
      if (party) {
        if (!locative && !afterComma) return this.coordinatedAfter(party);
        i = party.lastToken - 1;
        continue;
      }
      const placeHere = this.placeAt.get(i);
      if (placeHere && !place && !locative && !afterComma) place = placeHere;
      const token = this.doc.tokens[i]!;
      const text = token.text.toLowerCase();
      // Quantities are part of the noun phrase: "at least 12 people", "more than 100", "up to 80".
      if (
        (text === 'at' && /^(least|most)$/.test(this.lower(i + 1))) ||
        (text === 'than' && /^(more|less|fewer)$/.test(this.lower(i - 1))) ||
        (text === 'up' && this.lower(i + 1) === 'to') ||
        (/^(over|about|around|nearly|almost|some)$/.test(text) && this.token(i + 1)?.pos === 'NUM')
      ) {
        if (this.token(i + 1)?.pos === 'NUM') continue;
        i++;
        continue;
      }
      if (token.pos === 'ADP' || (token.pos === 'PART' && text === 'to') || token.pos === 'SCONJ') {
        afterComma = false;
        // A direct object has no preposition but "of" ("the government of Sudan").
        // ("condemns comments made by X": the author's "by" belongs to the object phrase too.)
        // ("strike targets in Lebanon": force reaches the place its unnamed object is in.)
        if (
          direct &&
          text !== 'of' &&
          !(text === 'to' && token.pos === 'PART') &&
          !authorBy(text, code) &&
          !(force && text === 'in')
        )
          break;
        // "a list of Russian companies" is a list, not the companies.
        if (text === 'of' && CONTAINERS.has(this.lemma(i - 1))) break;
        // "the anniversary of its declaration of independence from Serbia": too deep to be the object
        // ("tens of thousands of" counts as a number, not as phrases).
        const quantity =
          text === 'of' &&
          /^(tens|hundreds|thousands|millions|dozens|scores|some|many|most|all|one|two|part|members?)$/.test(
            this.lower(i - 1),
          );
        if (!quantity && ++prepositions > 2) break;
        // "fired at", "attack at": "at" names the target of force only; elsewhere it is a place. Force
        // reaches into places ("invade areas in Northern Syria"), protests outside embassies.
        // "of" continues the phrase it is in: "in the outskirts of Helsinki" stays a place.
        if (text === 'of') {
          /* keeps locative as it is */
        } else if (
          TARGET_PREPOSITIONS.has(text) &&
          (text !== 'at' || force || protest) &&
          (text !== 'for' || benefit)
        )
          locative = false;
        // "rejects the request by the U.S.": the author of what is rejected is the target; so is the author
        // of what is condemned or criticised ("condemns comments made by Lukashenko", "the attack by Hamas").
        else if (authorBy(text, code)) locative = false;
        else if (
          ((force || restriction) && text === 'in') ||
          (protest && text === 'outside') ||
          (topic && (text === 'over' || text === 'about'))
        )
          locative = false;
        else if (LOCATIVE.has(text) || PREPOSITIONS.has(text)) locative = true;
        else break;
        continue;
      }
      if (['DET', 'ADJ', 'NUM', 'NOUN', 'PROPN', 'ADV', 'PRON'].includes(token.pos) || HEDGES.has(text))
        continue;
      // "the three remaining American detainees", "the jailed activists": a participle inside the phrase.
      if (this.isPhraseParticiple(i)) continue;
      if (
        POSSESSIVE.has(text) ||
        text === '-' ||
        text === '–' ||
        text === '"' ||
        text === '“' ||
        text === '”'
      )
        continue;
      // "captures Jowhar, Somalia": force on an unknown town names its country after the comma.
      // (only right after the verb: the town is its direct object)
      if (
        text === ',' &&
        force &&
        direct &&
        i - from <= 3 &&
        this.token(i - 1)?.pos === 'PROPN' &&
        this.countryAt(i + 1)
      )
        continue;
      // "provides intelligence, aircraft and assistance to Benin": a list goes on after a comma, but a
      // name right after the comma is no object ("attacked the convoy, Kabul said").
      if (
        text === ',' &&
        (['DET', 'ADJ', 'NOUN', 'NUM'].includes(this.token(i + 1)?.pos ?? '') || this.lower(i + 1) === 'and')
      ) {
        afterComma = true;
        continue;
      }
      if (
        text === 'and' &&
        ['DET', 'ADJ', 'NOUN', 'NUM'].includes(this.token(i + 1)?.pos ?? '') &&
        (afterComma || this.lower(i - 1) === ',')
      ) {
        afterComma = true;
        continue;
      }
      // "comments made by Lukashenko", "the attack carried out by Hamas": a participle that names the author.
      if (
        token.pos === 'VERB' &&
        this.lower(i + 1) === 'by' &&
        /^(made|issued|given|carried|launched)$/.test(text)
      )
        continue;
      if (
        token.pos === 'ADP' &&
        text === 'out' &&
        this.lower(i + 1) === 'by' &&
        this.lower(i - 1) === 'carried'
      )
        continue;
      // "either one or three armed Palestinians"
      if (/^(or|either)$/.test(text) && ['NUM', 'DET', 'ADJ'].includes(this.token(i + 1)?.pos ?? ''))
        continue;
      // "the last remaining holdout": a participle inside the noun phrase.
      if (
        token.pos === 'VERB' &&
        /(ing|ed)$/.test(text) &&
        ['DET', 'ADJ', 'ADV', 'ADP'].includes(this.token(i - 1)?.pos ?? '') &&
        (['NOUN', 'ADJ', 'PROPN'].includes(this.token(i + 1)?.pos ?? '') || this.covering.has(i + 1))
      )
        continue;
      // "fighter jets operated by ISIL": the owner of the object is the target.
      if (token.pos === 'VERB' && /(ed|en)$/.test(text) && this.lower(i + 1) === 'by' && !locative && force) {
        const owner = this.objectOf(i + 2, code)[0];
        if (owner) return [owner];
      }
      // "airstrikes aimed at Kurdish militants", "a bomb targeting the office of …"
      if (['aim', 'target', 'direct'].includes(token.lemma) && token.pos === 'VERB') continue;
      // "refuses to allow Arafat": an infinitive right after the trigger carries its object.
      if (token.pos === 'VERB' && this.lower(i - 1) === 'to' && i - from <= 2) continue;
      // "to help rebuild the Gaza Strip"
      if (token.pos === 'VERB' && this.token(i - 1)?.pos === 'VERB' && this.lower(i - 2) === 'to') continue;
      // "lift the sanctions it has imposed on Cuba": a contact relative clause says whom the thing concerns.
      if (this.inContactRelative(i)) continue;
      break;
    }
    return place ? [place] : [];
  }

  /**
   * A noun trigger's source: "by X" after it, a possessor or a country adjective before it ("Israeli
   * airstrikes", "Russia's offer"), or the subject of the light verb it is the object of ("launches
   * airstrikes", "holds talks").
   */
  nounSource(first: number, last: number, code = ''): Party[] {
    // ("following demands from Niger's military junta", "criticism from Beijing": what is said comes from
    // its author)
    const said = /^(0[1-5]|1[0-3])/.test(code);
    for (let i = last; i < Math.min(this.last, last + 3); i++) {
      // (right after the noun only: in "demand compensation from the Government" it is the addressee)
      if (this.lower(i) === 'by' || (said && i === last && this.lower(i) === 'from')) {
        const agent = this.slotAt(i + 1, '');
        // ("joint exercises held by South Korea and the United States")
        if (agent) return this.coordinatedAfter(agent);
      }
      if (this.covering.has(i)) break;
    }
    let i = first - 1;
    // ("Israeli mortar and tank attacks": compound modifiers joined by "and"; "working-level talks";
    // "their biennial joint military exercise", "joint" read as a verb by the tagger)
    while (
      i >= this.first &&
      first - i <= 6 &&
      (['ADJ', 'NOUN', 'NUM'].includes(this.token(i)?.pos ?? '') ||
        this.lower(i) === 'joint' ||
        // ("month-long": the tagger reads "long" as an adverb)
        (this.token(i)?.pos === 'ADV' && this.lower(i - 1) === '-') ||
        this.lower(i) === 'and' ||
        this.lower(i) === '-' ||
        this.lower(i + 1) === '-') &&
      !this.covering.has(i)
    )
      i--;
    if (POSSESSIVE.has(this.lower(i))) {
      const owner = this.covering.get(i - 1);
      if (owner) return [owner];
    }
    const adjective = this.covering.get(i);
    if (adjective && adjective.lastToken === i + 1) return [adjective];
    while (
      i >= this.first &&
      (['DET', 'PRON', 'ADJ', 'NUM'].includes(this.token(i)?.pos ?? '') || /^["“”]$/.test(this.lower(i))) &&
      !this.covering.has(i)
    )
      i--;
    // "it has no room for compromise": "have" is the light verb here.
    if ((this.isVerbal(i) || this.token(i)?.pos === 'AUX') && !this.covering.has(i)) return this.subjectOf(i);
    // Rule: "Moon says he is ready for a fourth summit with Kim", "is open to talks with": the one who is
    // ready or open acts.
    if (this.readyFor(i)) return this.subjectOf(i - 2);
    // Rule: "X, during a visit to Y, says …", "On a trip to Y, X meets …", "X apologises … on a visit to
    // Y": the visitor is the clause's subject.
    if (/^04[23]/.test(code) && /^(during|on)$/.test(this.lower(i)))
      return this.subjectOfClauseAround(i, last);
    return [];
  }

  /** "is ready for", "is open to" ending with the preposition at `index`: an intent to do what follows. */
  readyFor(index: number): boolean {
    return (
      /^(for|to)$/.test(this.lower(index)) &&
      READY.has(this.lower(index - 1)) &&
      this.lemma(index - 2) === 'be'
    );
  }

  /**
   * The subject of the clause a phrase from `opening` to `from` stands in: of the first verb after it (past
   * the phrase's closing comma), or, when the phrase ends the sentence, of the sentence's main verb: its
   * first ("X accuses Y of plotting to kill him during a visit to Iraq": the visitor is X, not Y).
   */
  subjectOfClauseAround(opening: number, from: number): Party[] {
    for (let i = from; i < this.last; i++) {
      if (/^[;:]$/.test(this.lower(i))) break;
      if ((this.isVerbal(i) || this.token(i)?.pos === 'AUX') && !this.covering.has(i))
        return this.subjectOf(i);
    }
    const main = this.firstVerbBefore(opening);
    return main === undefined ? [] : this.subjectOf(main);
  }

  /** The first verb of the sentence part (after the last ";" or ":") that ends before `index`. */
  private firstVerbBefore(index: number): number | undefined {
    let first: number | undefined;
    for (let i = index - 1; i >= this.first; i--) {
      if (/^[;:]$/.test(this.lower(i))) break;
      if (this.isVerbal(i) && !this.covering.has(i)) first = i;
    }
    return first;
  }

  /** "… talks with Chinese officials, including Qin Gang and Wang Yi": those named after "including". */
  includedAfter(target: Party): Party[] {
    let i = target.lastToken;
    if (this.lower(i) === ',') i++;
    if (!['including', 'such'].includes(this.lower(i))) return [];
    const members: Party[] = [];
    for (i++; i < this.last; i++) {
      const party = this.mentionAt.get(i);
      if (party) {
        members.push(party);
        i = party.lastToken - 1;
      } else if (this.token(i)?.pos === 'VERB' || this.lower(i) === ';' || this.lower(i) === '.') break;
    }
    return members;
  }

  /** A question asserts nothing. */
  isQuestion(): boolean {
    return this.doc.tokens[this.last - 1]?.text === '?';
  }

  /** Mentions as parties, for the coder. */
  static partyOf(mention: EntityMention): Party {
    return {
      text: mention.text,
      code: mention.code!,
      ...(mention.actor ? { actor: mention.actor } : {}),
      firstToken: mention.firstToken,
      lastToken: mention.lastToken,
      ...(mention.type === 'MISC' ? { adjective: true } : {}),
    };
  }
}
