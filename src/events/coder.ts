/**
 * The event coder: for each sentence, find pattern matches over lemmas (data/events/verbs.tsv and the
 * PETRARCH-derived verbs-petrarch.tsv), read the frame around each trigger (who its subject is, what its
 * object is, whether it is passive, negated, possible, announced, refused, threatened, demanded or
 * alleged) with the shallow rules of clauses.ts, and code at most one CAMEO event per trigger and source,
 * with its evidence sentence. Precision before recall: a question, a modal ("could impose"), a condition,
 * an agentless passive, an alleged act and an event without a coded source code nothing.
 */
import type { Doc, EntityMention, TokenizedSentence } from '../model/doc.js';
import type { CodedEvent, EventParty, Place } from '../model/schema.js';
import { SentenceView, MODIFIER_POS, NEGATIONS, type Party } from './clauses.js';
import { eventTiming, type DatePrecision } from './dates.js';
import { framedCode, type Frame } from './frames.js';
import {
  groupParties,
  isCountryCode,
  onlyCountry,
  unknownPersonParties,
  unknownTownParties,
} from './groups.js';
import { cameoCode } from './ontology.js';
import { NO_EVENT, patternGroup, startsPetrarchPattern, type EventPattern } from './patterns.js';

const TRIGGER_POS = new Set(['VERB', 'NOUN', 'PROPN', 'AUX']);
/** Events two parties do together ("X and Y met / signed / clashed"): one event between the two. */
const JOINT_EVENT = /^(04|054|057|06|0871|193)/;
/** Irregular past forms the tagger leaves unlemmatised when it reads them as nouns ("have shot down"). */
const IRREGULAR_PARTICIPLES: Record<string, string> = {
  shot: 'shoot',
  struck: 'strike',
  fought: 'fight',
  held: 'hold',
  met: 'meet',
  sent: 'send',
  took: 'take',
  taken: 'take',
  brought: 'bring',
  beaten: 'beat',
  sought: 'seek',
  caught: 'catch',
  broke: 'break',
  broken: 'break',
  stole: 'steal',
  stolen: 'steal',
  withdrew: 'withdraw',
  withdrawn: 'withdraw',
  overthrown: 'overthrow',
  overthrew: 'overthrow',
  forbade: 'forbid',
  forbidden: 'forbid',
  drove: 'drive',
  driven: 'drive',
  flew: 'fly',
  flown: 'fly',
  threw: 'throw',
  thrown: 'throw',
  gave: 'give',
  given: 'give',
  froze: 'freeze',
  frozen: 'freeze',
};
/** Curfews, states of emergency, martial law and their lifting: done in the source's own country. */
/** Nouns of a number of acts: "a series of airstrikes", "a wave of attacks". */
const QUANTITY_NOUNS = new Set(['series', 'wave', 'spate', 'string', 'number', 'barrage', 'round']);
/** Nouns naming an attack, whose country adjective says who attacked ("in an Iranian missile attack"). */
const ATTACK_NOUNS = new Set(
  'attack attacks strike strikes airstrike airstrikes bombing bombings raid raids shelling offensive assault ambush bombardment'.split(
    ' ',
  ),
);
/** Verbs of winning a game, and the words that show a sentence is about one. */
/** Verbs of a demonstration, whose purpose infinitive is the demand it makes. */
const DEMONSTRATION_VERBS = new Set(['march', 'rally', 'protest', 'demonstrate', 'gather', 'assemble']);
/** Words that name a court of law. */
const COURT_WORDS = new Set(['court', 'tribunal', 'judge', 'justice']);
const SUICIDE_BOMBER = /\bsuicide[- ]bombers?\b/i;
/**
 * Words that code an event only as verbs ("a rally", "in March" are no demonstration; "overturn the defeat
 * in the House of Commons" is a lost vote).
 */
const VERB_ONLY_TRIGGERS = new Set(['travel', 'rally', 'march', 'defeat']);
const SPORT_VERBS = new Set(['beat', 'defeat', 'thrash', 'edge', 'overcome', 'eliminate']);
const SPORT_WORDS = new Set(
  `final semifinal semi-final quarterfinal match cup championship championships tournament medal league
  olympics olympic trophy innings wicket wickets singles doubles`.split(/\s+/),
);
/** Words that make "American" a continent's ("Latin American", "South American"). */
const CONTINENT_PARTS = new Set(['Latin', 'South', 'Central', 'North', 'Pan', 'Ibero']);
/** Patterns of an arrest of people the sentence does not name ("arrests two men"). */
const ANONYMOUS_ARREST = /^(arrest|detain) (man|woman|suspect)$/;
/** Crimes whose victim is named after "of" ("the murder of Bryan Harvey"). */
const CRIME_NOUNS = new Set([
  'death',
  'deaths',
  'murder',
  'killing',
  'killings',
  'shooting',
  'disappearance',
  'abduction',
  'assassination',
  'poisoning',
  'rape',
]);
/** Group nouns of people in the street, whose demands are demonstrations. */
const PROTESTERS = /\b(protest[eo]rs?|demonstrators?|marchers?|crowds?|rioters?)\b/i;
/** Nouns of a fight between two sides ("killed in clashes with Hamas"). */
const FIGHT_NOUNS = new Set(
  'clash clashes fighting fight battle battles gunfight gunfights shootout firefight skirmish skirmishes'.split(
    ' ',
  ),
);
/** The particles of phrasal verbs ("give in", "pull back", "step up"). */
const PARTICLES = new Set(['in', 'up', 'down', 'off', 'out', 'back', 'over', 'on', 'away', 'aside']);
const POSSESSIVE_MARK = /^['’]s?$/;
const DOMESTIC = /^(081[34]|172[34])/;
/** People whose expulsion or recall is a diplomatic act (161), not an expulsion of people (166). */
const DIPLOMATS = /\b(diplomats?|ambassadors?|envoys?|charg[eé]s? d'affaires|embassy staff|consuls?)\b/i;
/** Parts of speech that may stand between two pattern words ("imposed new trade sanctions"). */
const GAP_POS = new Set(['NOUN', 'SYM']);

/** The deliberation verbs that weigh an option (CAMEO 014): "considers suing", "mulls sanctions". */
const WEIGHING_VERBS = new Set(['consider', 'mull', 'weigh', 'contemplate']);
/** Verbs and nouns that announce the act of their infinitive: "plans to visit" is an intent (036). */
const INTENT_GOVERNORS = new Set([
  'plan',
  'intend',
  'agree',
  'pledge',
  'promise',
  'offer',
  'vow',
  'decide',
  'aim',
  'seek',
  'want',
  'hope',
  'prepare',
  'ready',
  'willing',
  'prepared',
  'commit',
  'committed',
  'resolve',
  'determined',
  'agreement',
  'decision',
  'proposal',
  'propose',
  'announce',
  'go',
  'expect',
  'set',
  'schedule',
  'scheduled',
]);
/** "refuses to meet" is a refusal (125), not a meeting. */
const REFUSAL_GOVERNORS = new Set(['refuse', 'decline', 'refusal', 'reluctant', 'unwilling']);
/** "threatens to cut ties" is a threat (1313). */
const THREAT_GOVERNORS = new Set(['threaten', 'threat']);
/** "is expected to visit", "is likely to": the reporter's expectation, not an event (gold rule). */
const EXPECTATION = new Set(['expect', 'likely', 'unlikely', 'due', 'able', 'possible', 'try', 'attempt']);
/** "uses bulldozers to demolish", "continues to demand": the act of the infinitive is asserted. */
const TRANSPARENT_GOVERNORS = new Set([
  'use',
  'continue',
  'begin',
  'start',
  'resume',
  'move',
  'manage',
  'proceed',
  'step',
  'claim',
  // ("The Swedish Parliament votes to adopt a defense agreement": a body acts by its vote)
  'vote',
]);
/** "may cancel his plans to visit": a cancelled or postponed plan announces nothing. */
const CANCEL_VERBS = new Set([
  'cancel',
  'postpone',
  'abandon',
  'scrap',
  'drop',
  'shelve',
  'suspend',
  'delay',
  'deny',
]);
/** Verbs that refuse the act named right after them ("rejects talks"): a refusal frame (12x). */
const REFUSING_VERBS = ['reject', 'refuse', 'rebuff', 'dismiss', 'spurn'];
/** Verbs that reject what they take as object, and so the act it proposes ("turns down a proposal to meet"). */
const REJECTING_VERBS = new Set([...REFUSING_VERBS, 'turn', 'veto']);
/**
 * Verbs of an act only expected or wished for: "expects a second summit", "will seek tougher United Nations
 * sanctions against Iran" (the sanctions are not imposed).
 */
const EXPECTING_VERBS = new Set(['expect', 'anticipate', 'predict', 'foresee', 'seek', 'want']);
/** Verbs that carry on an act named by their gerund: "resumes sending aid" sends aid. */
const ASPECT_VERBS = new Set(['resume', 'begin', 'start', 'continue', 'keep']);
/** Instruments whose participle is the act they enact: "signs a decree imposing sanctions on Turkey". */
const ENACTING_NOUNS = new Set(['decree', 'order', 'law', 'bill', 'directive', 'ordinance']);
/**
 * "is considering a blockade", "weighs sanctions", "considers suing Israel": an act under deliberation is
 * not done; the deliberation is CAMEO 014 (consider policy option) toward the act's target.
 */
const DELIBERATION_VERBS = new Set([
  'consider',
  'mull',
  'weigh',
  'contemplate',
  'discuss',
  'debate',
  'study',
  'explore',
  'seek',
]);
/**
 * What a verb without a pattern of its own asks for when it is the content of an appeal or demand
 * ("demands that French forces withdraw" → 1056, "urges Putin to release" → 0253).
 */
const CONTENT_ACTS: Record<string, string> = {
  withdraw: '0874',
  leave: '0874',
  pull: '0874',
  retreat: '0874',
  release: '0841',
  free: '0841',
  resign: '0831',
  step: '0831',
  quit: '0831',
  stop: '087',
  halt: '087',
  cease: '087',
  end: '087',
  negotiate: '046',
  talk: '046',
  meet: '040',
  recognize: '054',
  recognise: '054',
  apologize: '055',
  apologise: '055',
  extradite: '063',
  investigate: '090',
  allow: '086',
  lift: '081',
  reinstate: '083',
  reverse: '083',
};
/** "urges Cambodia to release": an appeal (0253); the release itself is not coded. */
const APPEAL_VERBS = new Set([
  'urge',
  'ask',
  'call',
  'press',
  'encourage',
  'appeal',
  'request',
  'push',
  'invite',
  'tell',
  'advise',
  'implore',
  'beg',
  'exhort',
]);
/** "orders peacekeepers to leave", "demands that Greece withdraw": a demand (10x). */
const DEMAND_VERBS = new Set(['demand', 'order', 'instruct', 'require', 'insist', 'direct']);
/** Verbs whose clause is an accusation: "claims that North Korea launched …" is 112 against North Korea. */
const ALLEGING = new Set(['claim', 'allege']);
/** "accuses Ukraine of attacking", "claims Assad used": only the accusation is coded (gold rule). */
const ALLEGATION_VERBS = new Set([
  'accuse',
  'blame',
  'allege',
  'claim',
  'charge',
  'suspect',
  'condemn',
  'criticize',
  'criticise',
  'denounce',
  'fault',
  'deny',
  'conclude',
]);

interface Match {
  pattern: EventPattern;
  /** Token range of the literal words, for the trigger span. */
  firstToken: number;
  lastToken: number;
  source?: Party;
  target?: Party;
}

/** Verbs of receiving, and the participles that name the giver: "receives doses donated by China". */
const RECEIVE_VERBS = new Set(['receive', 'accept', 'get']);
const GIVING_PARTICIPLES = new Set(['donate', 'supply', 'provide', 'send', 'deliver', 'gift', 'give']);
/** Verbs that send goods: with aid goods and a receiver ("sends food to Qatar"), aid. */
const SENDING_VERBS = new Set(['send', 'supply', 'deliver', 'ship', 'donate', 'dispatch']);
/** What is given says which aid it is: 073 humanitarian, 072 military, 071 economic (CAMEO 07x). */
const AID_GOODS: Record<string, string> = {
  vaccine: '073',
  dose: '073',
  food: '073',
  medicine: '073',
  medical: '073',
  humanitarian: '073',
  weapon: '072',
  arm: '072',
  ammunition: '072',
  missile: '072',
  tank: '072',
  loan: '071',
  million: '071',
  billion: '071',
};
/**
 * Verbs that judge what someone did: the author of the thing judged is their target ("condemns the massacre
 * carried out by Syrian forces"), but the thing is not addressed to the judge, so it is no answered act.
 */
const JUDGING_VERBS = new Set(['condemn', 'denounce', 'criticize', 'criticise', 'praise']);
/** Verbs that answer an act addressed to their subject: "rejects Russia's offer", "vetoes Germany's request". */
const RESPONSE_VERBS = new Set([
  'reject',
  'veto',
  'refuse',
  'rebuff',
  'dismiss',
  'spurn',
  'accept',
  'decline',
  'deny',
  'welcome',
  'defy',
  ...JUDGING_VERBS,
]);
/**
 * Nouns of an act addressed to someone, with the frame their infinitive takes and their code without one:
 * "Germany's request to re-export ammunition" is an appeal (02x) by Germany, "Russia's offer to attend
 * talks" an intent (036), "accusations by Saleh that the Pakistani Air Force provides" an accusation.
 */
// (not "appeal" or "plea": before a court they are legal acts, not CAMEO appeals)
const AUTHORED_NOUNS: Record<string, { frame: Frame | 'accusation'; code: string }> = {
  request: { frame: 'appeal', code: '020' },
  // ("accepts an apology from Israeli Prime Minister Ariel Sharon": he apologised to the subject)
  apology: { frame: 'intent', code: '055' },
  offer: { frame: 'intent', code: '030' },
  proposal: { frame: 'intent', code: '030' },
  invitation: { frame: 'intent', code: '036' },
  ultimatum: { frame: 'demand', code: '139' },
  accusation: { frame: 'accusation', code: '112' },
  allegation: { frame: 'accusation', code: '112' },
};
/** Prepositions that open a request the clause acts on: "at the request of", "following a request from". */
const REQUEST_OPENERS = new Set(['at', 'upon', 'on', 'per', 'following', 'after']);
/** Participles that name who put forward the thing rejected: "a ceasefire proposed by the GNA". */
const AUTHOR_PARTICIPLES = new Set([
  'propose',
  'offer',
  'put',
  'submit',
  'suggest',
  'request',
  'make',
  'order',
  'file',
  'lodge',
  'issue',
  'table',
  'sponsor',
  'draft',
  'introduce',
  'nominate',
  'carry',
  'commit',
  'perpetrate',
]);

/** "in response to", "in retaliation to": the "to" of these is a preposition, not an infinitive's. */
const IN_RESPONSE = new Set(['response', 'reaction', 'retaliation', 'reply', 'addition', 'protest']);
/** How a trigger is governed by the words before it. */
interface Governor {
  frame: Frame | 'drop';
  /** The governing word, whose own match the framed act replaces or refines. */
  at: number;
  /** For appeals and demands: the act refines the governor's code, the act itself is not coded. */
  refinesGovernor: boolean;
  /** The governor is negated ("is not yet prepared to recognize"): so is the act. */
  negated?: boolean;
}

interface Candidate {
  match: Match;
  code: string;
  sources: Party[];
  targets: Party[];
  negated: boolean;
  /** Dropped by a rule: kept only to block a governor. */
  dropped?: string;
  /** A background event (subordinate clause, noun, participle): coded only with a target. */
  background?: string;
}

class SentenceCoder {
  private readonly view: SentenceView;

  constructor(
    private readonly doc: Doc,
    private readonly sentence: TokenizedSentence,
    parties: Party[],
    places: Party[],
  ) {
    this.view = new SentenceView(doc, sentence, parties, places, isPatternVerb);
  }

  // ——— Matching ———

  /**
   * The next pattern word at `index`, or after a few modifiers: up to three, nouns included ("imposed new
   * trade sanctions"), or up to five with "and" among them ("lifts its general trade and aviation sanctions").
   */
  private wordAt(index: number, lemma: string): number | undefined {
    const { view } = this;
    for (let i = index; i < index + 7; i++) {
      if (view.lemma(i) === lemma || view.lower(i) === lemma) return i;
      const token = view.token(i);
      // A country adjective may stand in the gap ("seize the Russian oil tanker"), no other name.
      const party = view.partyCovering(i);
      if (!token || (party && !party.adjective && !party.group)) return undefined;
      // Numbers, amounts and hyphenated compounds are one modifier ("a US$76 million loan", "working-level talks").
      const compound =
        token.pos === 'SYM' || token.pos === 'NUM' || token.text === '-' || /^(us)?\$/i.test(token.text);
      // (the hyphen inside a compound too: "a 35-hour curfew", "long-range missiles")
      const hyphen = token.text === '-' && i > index && view.token(i + 1)?.pos !== 'PUNCT';
      // (and quotation marks around a modifier: warns of "unexpected consequences")
      const quote = /^["“”]$/.test(token.text);
      const gap =
        MODIFIER_POS.has(token.pos) ||
        GAP_POS.has(token.pos) ||
        token.lemma === 'and' ||
        !!party ||
        hyphen ||
        quote ||
        (token.pos === 'PROPN' && i > index);
      // Beyond three words only a noun phrase continues ("the first Leopard 2 main battle tanks").
      const inPhrase = ['DET', 'ADJ', 'NUM', 'NOUN', 'PROPN', 'SYM'].includes(token.pos) || compound;
      if (!gap || (i - index >= 3 && !inPhrase && !this.hasAndBetween(index, i + 1))) return undefined;
    }
    return undefined;
  }

  private hasAndBetween(from: number, to: number): boolean {
    for (let i = from; i < to; i++) if (this.view.lemma(i) === 'and') return true;
    return false;
  }

  private tryPattern(pattern: EventPattern, start: number): Match | null {
    let i = start;
    let lastWord = start;
    const match: Match = { pattern, firstToken: start, lastToken: start + 1 };
    for (const [partIndex, part] of pattern.parts.entries()) {
      if (part.kind === 'word') {
        const found = partIndex === 0 ? i : this.wordAt(i, part.lemma);
        if (found === undefined) return null;
        // A PETRARCH particle verb holds at most a short object between its words ("pull its troops
        // back"), not a clause ("has given both sides involved in").
        if (pattern.origin === 'petrarch' && partIndex === 1 && PARTICLES.has(part.lemma) && found - i > 2)
          return null;
        lastWord = found;
        i = found + 1;
      } else {
        // In the passive the target is the subject: "Iran was sanctioned by the EU".
        if (part.kind === 'target' && this.view.passiveAt(start, lastWord + 1)) continue;
        // A slot: the party right here (after modifiers), else the first one in the object phrase; right
        // after the verb only in its direct object ("captures the complex from the Taliban" has none).
        const direct = partIndex === 1;
        const party = this.view.slotAt(i, pattern.code) ?? this.view.objectOf(i, pattern.code, direct)[0];
        if (!party) return null;
        if (part.kind === 'source') match.source = party;
        else match.target = party;
        i = party.lastToken;
      }
    }
    match.lastToken = lastWord + 1;
    return match;
  }

  private bestMatchAt(index: number): Match | null {
    const token = this.doc.tokens[index]!;
    const verbal = this.view.isVerbal(index);
    const lower = token.text.toLowerCase();
    // A verb the tagger read as a plural noun keeps its "s" in the lemma ("summons"): try without it.
    const group =
      patternGroup(token.lemma) ??
      patternGroup(lower) ??
      (verbal ? patternGroup(IRREGULAR_PARTICIPLES[lower] ?? '') : undefined) ??
      (/s$/.test(lower)
        ? (patternGroup(lower.slice(0, -1)) ??
          patternGroup(lower.replace(/ies$/, 'y')) ??
          // ("Clashes take place", capitalised and read as a name: "clashes" → "clash")
          patternGroup(lower.replace(/(sh|ch|x|ss|z)es$/, '$1')))
        : undefined);
    if (!group) return null;
    // Rule: "travel" the noun is travel in general ("a ban on air travel to", "avoid travel to
    // Lebanon"), not a trip anyone makes.
    if ((!verbal || token.pos === 'PROPN') && VERB_ONLY_TRIGGERS.has(token.lemma)) return null;
    // Only the patterns whose second word stands within reach, and those with a slot or one word.
    let candidates: EventPattern[] = group.rest;
    const seen = new Set<string>();
    for (let i = index + 1; i < Math.min(this.sentence.lastToken, index + 8); i++) {
      for (const word of [this.view.lemma(i), this.view.lower(i)]) {
        if (seen.has(word)) continue;
        seen.add(word);
        const list = group.bySecond.get(word);
        if (list) candidates = candidates.concat(list);
      }
    }
    if (candidates !== group.rest) candidates.sort((a, b) => a.rank - b.rank);
    // Rule: a capitalised word inside the sentence is part of a name ("the Allied Democratic Forces",
    // "United Russia"), not a verb.
    if (
      /^\p{Lu}/u.test(token.text) &&
      index > this.sentence.firstToken &&
      this.doc.tokens[index - 1]?.text !== '"'
    )
      return null;
    for (const pattern of candidates) {
      // PETRARCH's patterns are verb patterns: its parser only looked at verbs. So are the learned ones
      // (scripts/learn-patterns.ts mines verbs only).
      const verbPattern = pattern.origin === 'petrarch' || pattern.origin === 'learned';
      if (verbPattern && !verbal && (pattern.parts.length === 1 || token.pos !== 'NOUN')) continue;
      // "back {T}", "strike {T}": a word right before its object is a verb or noun, not a particle
      // ("pushed back al-Shabab").
      if (pattern.parts[1]?.kind === 'target' && !TRIGGER_POS.has(token.pos) && !verbal) continue;
      // A one-word pattern fires only on a verb or noun ("back" the verb, not the adverb); longer phrases
      // may open with a function word ("no room for compromise").
      if (pattern.parts.length === 1 && !TRIGGER_POS.has(token.pos) && !verbal) continue;
      const match = this.tryPattern(pattern, index);
      if (match) return match;
    }
    return null;
  }

  private matches(): Match[] {
    const found: Match[] = [];
    for (let i = this.sentence.firstToken; i < this.sentence.lastToken; i++) {
      if (this.view.partyCovering(i)) continue;
      const match = this.bestMatchAt(i);
      if (!match) continue;
      found.push(match);
      // One event per trigger: the words of a match start no other match.
      i = match.lastToken - 1;
    }
    return found;
  }

  // ——— Frames ———

  /**
   * The word governing a trigger's infinitive ("plans to visit", "refuses to meet", "threatens to
   * invade", "urges Cambodia to release", "is expected to sign"), or its clause ("demands that Greece
   * withdraw", "accuses Ukraine of attacking", "claims Assad used").
   */
  private governorOf(first: number, depth = 0): Governor | null {
    const { view } = this;
    let i = first - 1;
    while (view.token(i)?.pos === 'ADV' || /^["“”'‘’]$/.test(view.lower(i))) i--;
    // ("in response to joint exercises held by …": a preposition, which the tagger may read as "to" + verb)
    const prepositional = view.lower(i - 2) === 'in' && IN_RESPONSE.has(view.lower(i - 1));
    if (view.lower(i) === 'to' && !prepositional) return this.infinitiveGovernor(i);
    // "considers suing Israel": the gerund is an option under deliberation.
    if (/ing$/.test(view.lower(first)) && DELIBERATION_VERBS.has(view.lemma(i)) && this.deliberates(i))
      return { frame: 'deliberation', at: i, refinesGovernor: false };
    // "urged its leaders to disarm and recognize Israel": a verb joined to an infinitive shares its governor.
    if (/^(and|or)$/.test(view.lower(i)) && depth < 2) {
      const verb = view.previousVerbOf(i);
      if (verb !== undefined && view.lower(verb - 1) === 'to' && verb > i - 8)
        return this.governorOf(verb, depth + 1);
    }
    // "accuses Ukraine of attacking", "blames X for shelling": the alleged act is not coded.
    if ((view.lower(i) === 'of' || view.lower(i) === 'for') && /ing$/.test(view.lower(first))) {
      for (let j = i - 1; j >= Math.max(view.first, i - 10); j--)
        if (ALLEGATION_VERBS.has(view.lemma(j)) && view.isVerbal(j))
          return { frame: 'drop', at: j, refinesGovernor: false };
    }
    return this.clauseGovernor(first);
  }

  private infinitiveGovernor(to: number): Governor | null {
    const { view } = this;
    let g = to - 1;
    let negated = false;
    while (view.token(g)?.pos === 'ADV' || NEGATIONS.has(view.lower(g))) {
      if (NEGATIONS.has(view.lower(g))) negated = true;
      g--;
    }
    const lemma = view.lemma(g);
    const lower = view.lower(g);
    const frame = (f: Governor['frame'], refinesGovernor = false): Governor => {
      const inherited = this.governorState(g);
      if (inherited === 'drop') return { frame: 'drop', at: g, refinesGovernor: false };
      // Rule: "rejects a proposal to hold talks with Ukraine": the act of a rejected proposal or offer
      // is refused (125 for talks), not intended.
      if (f === 'intent' && this.rejectedNoun(g)) return { frame: 'refusal', at: g, refinesGovernor: false };
      return { frame: f, at: g, refinesGovernor, ...(inherited === 'negated' ? { negated: true } : {}) };
    };
    // Rule: "is to visit", "is going to visit" — a scheduled act, as "will".
    if (lemma === 'be' || (lemma === 'go' && /ing$/.test(lower))) return frame('intent');
    // Rule: "is expected to", "is likely to", "tries to": not (yet) an event.
    if (EXPECTATION.has(lemma) && (view.lemma(g - 1) === 'be' || lemma !== 'expect'))
      return { frame: 'drop', at: g, refinesGovernor: false };
    // Rule: "opts not to meet", "decided not to attend": a refusal.
    if (negated && (INTENT_GOVERNORS.has(lemma) || lemma === 'opt' || lemma === 'choose'))
      return frame('refusal');
    if (REFUSAL_GOVERNORS.has(lemma)) return frame('refusal');
    if (THREAT_GOVERNORS.has(lemma)) return frame('threat');
    if (INTENT_GOVERNORS.has(lemma)) return frame('intent');
    // "will continue to provide": the act takes the modality of the transparent verb.
    if (TRANSPARENT_GOVERNORS.has(lemma)) {
      const modality = view.modalityAt(g);
      return modality === 'future' ? frame('intent') : modality === 'possible' ? frame('drop') : null;
    }
    if (lemma === 'ultimatum' || lemma === 'deadline')
      return { frame: 'drop', at: g, refinesGovernor: false };
    if (APPEAL_VERBS.has(lemma)) return { frame: 'appeal', at: g, refinesGovernor: true };
    if (DEMAND_VERBS.has(lemma)) return { frame: 'demand', at: g, refinesGovernor: true };
    // Rule: "urges Cambodia to release", "calls on Israel to stop", "gives the SDF an ultimatum to
    // withdraw": an appeal, demand or ultimatum addressed to the object.
    for (let j = g; j >= Math.max(view.first, g - 25); j--) {
      const token = view.token(j);
      if (!token) break;
      const l = token.lemma;
      if (l === 'ultimatum' || l === 'deadline') return { frame: 'drop', at: j, refinesGovernor: false };
      if (view.isVerbal(j) && !view.partyCovering(j)) {
        if (APPEAL_VERBS.has(l)) return { frame: 'appeal', at: j, refinesGovernor: true };
        if (DEMAND_VERBS.has(l)) return { frame: 'demand', at: j, refinesGovernor: true };
        // "uses bulldozers to demolish": the means, then the asserted act.
        if (TRANSPARENT_GOVERNORS.has(l)) return null;
        // "march in dozens of cities to demand that Trump …": the demand is what the march makes.
        if (DEMONSTRATION_VERBS.has(l)) return null;
        break;
      }
      if ([';', ':'].includes(token.text)) break;
    }
    // Rule: any other infinitive is a purpose or a complement ("travels to Burma to press", "gives them
    // ten days to recognise"): its act is not asserted.
    return { frame: 'drop', at: g, refinesGovernor: false };
  }

  /** A protest participle after a comma whose nearest party before it is protesters who are not its source. */
  private describesProtesters(first: number, sources: Party[]): boolean {
    const { view } = this;
    if (view.lower(first - 1) !== ',' || !/ing$/.test(view.lower(first))) return false;
    for (let i = first - 2; i >= Math.max(view.first, first - 10); i--) {
      const party = view.partyCovering(i);
      // (places and bare countries say where the protesters are: "demonstrators in Nairobi, Kenya,")
      if (!party || party.place || party.code.length === 3) continue;
      return PROTESTERS.test(party.text) && !sources.includes(party);
    }
    return false;
  }

  /** A noun right after a rejecting verb ("rejects the Russian offer", "turned down a proposal"). */
  private rejectedNoun(noun: number): boolean {
    const { view } = this;
    if (view.isVerbal(noun)) return false;
    let i = noun - 1;
    for (; i >= view.first && noun - i <= 5; i--) {
      const party = view.partyCovering(i);
      if (party) i = party.firstToken;
      else if (
        !['DET', 'ADJ', 'NUM', 'PRON'].includes(view.token(i)?.pos ?? '') &&
        !POSSESSIVE_MARK.test(view.lower(i))
      )
        break;
    }
    if (view.lower(i) === 'down' && view.lemma(i - 1) === 'turn') i--;
    return view.isVerbal(i) && REJECTING_VERBS.has(view.lemma(i));
  }

  /**
   * The passive predicate a noun act is the subject of, as a lemma: "… is postponed" (postpone), "… has
   * been called off" (call off), "… is expected next week" (expect).
   */
  private predicateAfter(from: number): string | undefined {
    const { view } = this;
    for (let i = from; i < Math.min(view.last, from + 8); i++) {
      const token = view.token(i)!;
      if (token.pos === 'PUNCT' || (token.pos === 'VERB' && token.lemma !== 'be')) return undefined;
      if (token.lemma !== 'be' && token.pos !== 'AUX') continue;
      let j = i + 1;
      while (['AUX', 'ADV'].includes(view.token(j)?.pos ?? '') || view.lemma(j) === 'be') j++;
      const verb = view.lemma(j);
      return verb === 'call' && view.lower(j + 1) === 'off' ? 'call off' : verb;
    }
    return undefined;
  }

  /**
   * Whether the governing word is itself possible only, cancelled or negated: "may cancel his plans to
   * visit", "is not yet prepared to recognize". A noun governor ("plans") is read through its verb.
   */
  private governorState(g: number, deliberated = false): 'drop' | 'negated' | 'deliberated' | null {
    const { view } = this;
    let verb = g;
    if (!view.isVerbal(g) && view.token(g)?.pos !== 'AUX') {
      let i = g - 1;
      // (a country adjective or a body's name counts as one modifier: "seek tougher United Nations sanctions")
      for (let words = 0; i >= view.first && words < 3; words++) {
        const party = view.partyCovering(i);
        if (party) i = party.firstToken - 1;
        else if (['DET', 'PRON', 'ADJ', 'NUM'].includes(view.token(i)?.pos ?? '')) i--;
        else break;
      }
      if (!view.isVerbal(i)) return null;
      if (CANCEL_VERBS.has(view.lemma(i))) return 'drop';
      // ("Trump expects a second summit with Kim": an expectation, no act; gold README, g0347)
      if (EXPECTING_VERBS.has(view.lemma(i))) return 'drop';
      if (DELIBERATION_VERBS.has(view.lemma(i))) return deliberated ? 'deliberated' : 'drop';
      verb = i;
    }
    if (view.modalityAt(verb) === 'possible') return 'drop';
    if (view.negatedAt(verb)) return 'negated';
    // "is not prepared to": the negation stands before "be" + adjective.
    if (view.lemma(verb - 1) === 'be' || view.token(verb - 1)?.pos === 'ADV')
      if (view.negatedAt(verb - 1) || view.negatedAt(verb - 2)) return 'negated';
    return null;
  }

  /**
   * "demands that Greece withdraws" (a demand), "claims Assad used chemical weapons" (only the claim):
   * the verb right before the subject of the trigger, with or without "that".
   */
  private clauseGovernor(first: number): Governor | null {
    const { view } = this;
    const subject = view.subjectOf(first)[0];
    if (!subject || subject.place) return null;
    let i = subject.firstToken - 1;
    // ("concludes that the Syrian President Bashar al-Assad's regime has used": the title before the name)
    for (let n = 0; n < 5 && /^\p{Lu}/u.test(view.token(i)?.text ?? '') && !view.partyCovering(i); n++) i--;
    while (view.token(i)?.pos === 'DET') i--;
    if (view.lower(i) === 'that') i--;
    if (view.lower(i) === 'for') i--;
    while (view.token(i)?.pos === 'ADV') i--;
    if (!view.isVerbal(i) || view.partyCovering(i)) return null;
    // "A suspected U.S. drone strike kills": a participle before a noun phrase is an adjective (a
    // reporter's hedge, which does not stop the event).
    // ("At least three suspected militants are killed")
    if (['DET', 'NUM'].includes(view.token(i - 1)?.pos ?? '') && /(ed|en)$/.test(view.lower(i))) return null;
    const lemma = view.lemma(i);
    if (ALLEGATION_VERBS.has(lemma)) return { frame: 'drop', at: i, refinesGovernor: false };
    if (DEMAND_VERBS.has(lemma)) return { frame: 'demand', at: i, refinesGovernor: true };
    if (APPEAL_VERBS.has(lemma)) return { frame: 'appeal', at: i, refinesGovernor: true };
    return null;
  }

  // ——— Parties ———

  private sourcesOf(match: Match, passive: ReturnType<SentenceView['passiveAt']>, verbal: boolean): Party[] {
    if (match.source) return [match.source];
    if (passive && passive.agents.length > 0) return passive.agents;
    // ("After meeting with Erdoğan, Pence says …", "…, before holding talks with Netanyahu"): the clause's subject.
    const opener = match.firstToken - 1;
    if (this.isTemporalMeeting(match)) return this.view.subjectOfClauseAround(opener, match.lastToken);
    if (verbal) return this.view.subjectOf(match.firstToken);
    return this.view.nounSource(match.firstToken, match.lastToken, match.pattern.code);
  }

  private targetsOf(match: Match, passive: ReturnType<SentenceView['passiveAt']>): Party[] {
    if (match.target) {
      const targets = this.view.coordinatedAfter(match.target);
      return [...targets, ...this.view.includedAfter(targets[targets.length - 1]!)];
    }
    if (passive && passive.agents.length > 0) return this.view.subjectOf(match.firstToken, 0, true).slice(-1);
    // Claiming responsibility has no target (gold README, g0038).
    if (match.pattern.code === '015') return [];
    // Rule: "accuses a Ukrainian sabotage group of attacking the villages of …": the accused stands inside
    // the phrase; what follows "of" is the object of the act alleged.
    if (/^112/.test(match.pattern.code) && /\b(of|for)\b/.test(match.pattern.text)) {
      const accused = this.partyInside(match);
      if (accused) return [accused];
    }
    const after = Math.max(match.lastToken, match.source?.lastToken ?? 0);
    const objects = this.view.objectOf(after, match.pattern.code);
    // Rule: "rejects and condemns the plan of X", "arrests and charges X": coordinated verbs share the object.
    if (objects.length === 0 && this.view.lower(after) === 'and' && this.view.isVerbal(after + 1))
      objects.push(...this.view.objectOf(after + 2, match.pattern.code));
    const last = objects[objects.length - 1];
    if (!last) {
      // "seize the Russian oil tanker": the owner named inside the object phrase.
      const owner = this.partyInside(match);
      if (owner) return [owner];
    }
    if (last) {
      // Rule: "extradites X to the United States": the state receiving the person is the target.
      if (/^063/.test(match.pattern.code)) {
        const receiver = this.view.objectOf(last.lastToken, match.pattern.code)[0];
        if (receiver && this.view.lower(last.lastToken) === 'to') return [receiver];
      }
      return [...objects, ...this.view.includedAfter(last)];
    }
    return this.addresseeOfNoun(match);
  }

  /** A country adjective or a group inside the words a pattern matched ("seize the Russian oil tanker"). */
  private partyInside(match: Match): Party | undefined {
    for (let i = match.firstToken + 1; i < match.lastToken; i++) {
      const party = this.view.partyCovering(i);
      if (party?.adjective || party?.group) return party;
    }
    return undefined;
  }

  /**
   * "Musharraf rejects Negroponte's demand", "Gibraltar rejects the request by the U.S.": a request,
   * demand or offer that is the object of a verb is addressed to that verb's subject.
   */
  private addresseeOfNoun(match: Match): Party[] {
    const { view } = this;
    const first = match.firstToken;
    if (view.isVerbal(first) || !/^(02|03|10|13)/.test(match.pattern.code)) return [];
    // (a name counts as one word: "rejects United States Deputy Secretary of State John Negroponte's demand")
    let i = first - 1;
    for (let words = 0; i >= view.first && words < 8; words++) {
      if (view.isVerbal(i) || /^[,;:]$/.test(view.lower(i))) break;
      const party = view.partyCovering(i);
      i = party && party.firstToken < i ? party.firstToken - 1 : i - 1;
    }
    if (!view.isVerbal(i) || view.partyCovering(i)) return [];
    return view.subjectOf(i).slice(-1);
  }

  // ——— Coding ———

  code(): CodedEvent[] {
    const { view } = this;
    if (view.isQuestion()) return [];
    const matches = this.matches();
    // The match covering each token, to find the match of a governing word ("announces plans to visit").
    const covering = new Map<number, Match>();
    for (const match of matches)
      for (let i = match.firstToken; i < match.lastToken; i++) covering.set(i, match);
    const candidates = new Map<Match, Candidate>();
    const suppressed = new Set<Match>();

    let previousTargets: Party[] = [];
    const accusations = this.allegations(covering);
    for (const match of matches) {
      const candidate = this.candidate(match);
      candidates.set(match, candidate);
      // "imposes sanctions on X, accusing them of …": an object pronoun is the earlier target.
      if (candidate.targets.length === 0 && /^(them|him|her)$/.test(view.lower(match.firstToken + 1)))
        candidate.targets = previousTargets;
      if (candidate.targets.length > 0) previousTargets = candidate.targets;
      // ("march … to demand": the demonstration is told by the demand it makes, coded as a protest)
      const march = this.demonstrationOf(match);
      const marching = march === undefined ? undefined : covering.get(march);
      if (marching && marching !== match) suppressed.add(marching);
      const governor = this.governorOf(match.firstToken) ?? this.nounFrame(match);
      if (!governor) continue;
      const governing = covering.get(governor.at);
      if (governor.frame === 'drop') {
        candidate.dropped ??= 'governed: not asserted';
        continue;
      }
      if (governor.refinesGovernor) {
        // The appeal or demand is the event (refined below from the governor's side).
        candidate.dropped ??= 'content of an appeal or demand';
        continue;
      }
      // "the United States and China agree to halt tariffs": what two parties agree on is between them.
      if (
        view.lemma(governor.at) === 'agree' &&
        candidate.sources.length >= 2 &&
        candidate.targets.length === 0
      )
        candidate.targets = [candidate.sources.pop()!];
      let code = framedCode(governor.frame, match.pattern.code);
      // Rule: a planned deployment of one's own forces aimed at no other country is that posture (15x), no
      // threat ("France announces plans to deploy 10,000 troops to protect sensitive sites" → 154).
      const home = candidate.sources[0]?.code.slice(0, 3);
      if (
        governor.frame === 'intent' &&
        /^15/.test(match.pattern.code) &&
        candidate.targets.length > 0 &&
        candidate.targets.every((target) => target.code.slice(0, 3) === home)
      ) {
        code = match.pattern.code;
        candidate.targets = [];
      }
      // Rule (gold README, CAMEO 0871 note): agreeing to a ceasefire or a pause is the agreement itself.
      if (governor.frame === 'intent' && code === '0356' && view.lemma(governor.at) === 'agree')
        code = '0871';
      if (code) {
        candidate.code = code;
        candidate.negated = governor.frame === 'refusal' ? false : candidate.negated || !!governor.negated;
        if (governing && governing !== match) suppressed.add(governing);
      } else if (governor.frame !== 'intent') candidate.dropped ??= 'no framed code';
      else if (governor.negated) candidate.negated = true;
    }

    // Appeals and demands take their content's family: "urges Cambodia to release" → 0253.
    for (const match of matches) {
      const candidate = candidates.get(match)!;
      const frame = /^02/.test(candidate.code) ? 'appeal' : /^10/.test(candidate.code) ? 'demand' : null;
      if (!frame) continue;
      const content = this.contentOf(match, covering);
      if (!content) continue;
      const refined = content.act ? framedCode(frame, content.act) : null;
      if (refined) candidate.code = refined;
      if (candidate.targets.length === 0 && content.addressee) candidate.targets = [content.addressee];
    }

    // A second predicate still without a target: the first predicate's (after the addressee of a demand).
    for (const match of matches) {
      const candidate = candidates.get(match)!;
      if (candidate.targets.length === 0) candidate.targets = this.sharedTargets(match, covering, candidates);
    }

    // Rule: the attack whose responsibility is claimed is told by the claim (015), not coded again.
    for (const match of matches) {
      if (match.pattern.code !== '015') continue;
      for (const other of matches)
        if (
          other.firstToken > match.firstToken &&
          other.firstToken - match.lastToken <= 8 &&
          view.lower(match.lastToken) === 'for'
        )
          candidates.get(other)!.dropped ??= 'the act of a responsibility claim';
    }
    const events: CodedEvent[] = [
      ...accusations,
      ...this.answeredActs(matches, candidates, covering),
      ...this.receivedAid(covering),
      ...this.requestsActedOn(covering),
      ...this.deadlyFights(matches, candidates),
      ...this.jointAgreements(matches, candidates, covering),
      ...this.sentGoods(covering),
      ...this.brokeredBy(matches, candidates),
    ];
    // Rule: one event per act: the same source, target and code twice in a sentence is one event told
    // twice ("kill 14 people …, then killing them").
    const told = new Set<string>();
    for (const match of matches) {
      const candidate = candidates.get(match)!;
      if (TRACE) traceCandidate(this.doc, candidate, suppressed.has(match));
      if (suppressed.has(match) || candidate.dropped || match.pattern.code === NO_EVENT) continue;
      for (const event of this.eventsOf(candidate, candidate.code)) {
        // Named actors are told apart by identity ("Qin Gang and Wang Yi"); places and groups by country
        // ("attack a building in Jalalabad, killing six people" is one attack).
        const named = !!event.source.actor && !!event.target?.actor;
        // Force is one act whatever its kind: the killing and the airstrikes of "are killed in airstrikes".
        const force = /^(18|19|20)/.test(event.code);
        const party = (p: EventParty | null): string =>
          !p
            ? ''
            : named
              ? (p.actor ?? p.code)
              : /^(IGO|NGO|IMG|MNC)/.test(p.code)
                ? p.code.slice(0, 6)
                : p.code.slice(0, 3);
        const act = force ? event.code.slice(0, 2) : event.code.slice(0, 3);
        const key = `${party(event.source)}|${act}|${party(event.target)}|${event.negated}`;
        if (told.has(key)) continue;
        told.add(key);
        events.push(event);
      }
    }
    return events;
  }

  /**
   * Rule: "Gibraltar rejects the request by the U.S. to seize the tanker", "vetoes Germany's request to
   * re-export", "rejects a ceasefire proposed by the GNA": the act answered is an event too, by its author
   * and addressed to the one who answers (gold: the request is 02x USA → Gibraltar). The answer itself,
   * when it has no target, is addressed to the author.
   */
  private answeredActs(
    matches: Match[],
    candidates: Map<Match, Candidate>,
    covering: Map<number, Match>,
  ): CodedEvent[] {
    const { view } = this;
    const events: CodedEvent[] = [];
    for (const match of matches) {
      const verb = match.firstToken;
      const answer = candidates.get(match)!;
      if (!RESPONSE_VERBS.has(view.lemma(verb)) || !view.isVerbal(verb) || answer.dropped) continue;
      const object = this.answeredObject(verb, match, covering);
      if (!object) continue;
      const { author, code, accused } = object;
      if (answer.targets.length === 0) {
        answer.targets = [author];
        // (welcoming what someone did endorses it, as "welcomes the ICC's investigation" does: 051)
        if (view.lemma(verb) === 'welcome' && answer.code === '013') answer.code = '051';
      }
      // (a thing that is no act of its own gives the answer its target only: "rejects a cabinet reshuffle
      // ordered by President Hadi"; and so does what is judged)
      if (code === null || JUDGING_VERBS.has(view.lemma(verb))) continue;
      const trigger: Match = {
        pattern: constructionPattern(code, `${view.lemma(verb)} … ${view.lemma(object.noun)} (answered act)`),
        firstToken: object.noun,
        lastToken: object.noun + 1,
      };
      for (const responder of accused ? [accused] : answer.sources)
        if (responder.code !== author.code && (!responder.actor || responder.actor !== author.actor))
          events.push(this.toEvent(trigger, code, author, responder, false));
    }
    return events;
  }

  /** Aid from each giver to each receiver of another country. */
  private aidBetween(trigger: Match, code: string, givers: Party[], receivers: Party[]): CodedEvent[] {
    return givers.flatMap((giver) =>
      receivers
        .filter((receiver) => receiver.code.slice(0, 3) !== giver.code.slice(0, 3))
        .map((receiver) => this.toEvent(trigger, code, giver, receiver, false)),
    );
  }

  /**
   * Rule: "Iran sends five 90-tonne air cargo payloads of perishable food to Qatar", "Russia has supplied
   * its first batch of its Sputnik V vaccine to Belarus": goods sent to a party are aid (07x, by what is
   * sent) when no pattern of the verb reached them.
   */
  private sentGoods(covering: Map<number, Match>): CodedEvent[] {
    const { view } = this;
    const events: CodedEvent[] = [];
    for (let verb = view.first; verb < view.last; verb++) {
      if (!SENDING_VERBS.has(view.lemma(verb)) || !view.isVerbal(verb) || covering.has(verb)) continue;
      if (view.negatedAt(verb) || view.modalityAt(verb) !== 'none' || this.governorOf(verb)) continue;
      let code: string | undefined;
      for (let i = verb + 1; i < Math.min(view.last, verb + 16); i++) {
        if (/^[;:.,]$/.test(view.lower(i)) || (view.isVerbal(i) && !view.partyCovering(i))) break;
        if (view.lower(i) === 'to' && code) {
          const receiver = view.slotAt(i + 1, code);
          if (!receiver) break;
          const trigger: Match = {
            pattern: constructionPattern(code, `${view.lemma(verb)} … to {T} (goods sent)`),
            firstToken: verb,
            lastToken: i + 1,
          };
          events.push(...this.aidBetween(trigger, code, view.subjectOf(verb), [receiver]));
          break;
        }
        code = AID_GOODS[view.lemma(i)] ?? code;
        if (view.partyCovering(i)) break;
      }
    }
    return events;
  }

  /**
   * Rule: "Armenia and Azerbaijan agree to a ceasefire …, following Russian-brokered peace talks", "… as part
   * of a ceasefire mediated by Qatar": the broker mediated (045) between the clause's parties: its subjects,
   * and the other side of its first act when it names one subject only.
   */
  private brokeredBy(matches: Match[], candidates: Map<Match, Candidate>): CodedEvent[] {
    const { view } = this;
    for (let i = view.first; i < view.last; i++) {
      if (!/^(brokered|mediated)$/.test(view.lower(i))) continue;
      const before = view.partyCovering(i - 2);
      const broker =
        view.lower(i - 1) === '-' && before?.adjective
          ? before
          : view.lower(i + 1) === 'by'
            ? view.slotAt(i + 2, '')
            : undefined;
      if (!broker || broker.place) continue;
      const main = matches.find((match) => match.firstToken < i && !candidates.get(match)?.dropped);
      const sides = main ? [...candidates.get(main)!.sources] : [];
      if (main && sides.length === 1) sides.push(...candidates.get(main)!.targets.slice(0, 1));
      const trigger: Match = {
        pattern: constructionPattern('045', `${view.lower(i)} by {S} (brokered)`),
        firstToken: i,
        lastToken: i + 1,
      };
      return sides
        .filter((side) => !side.place && side.code.slice(0, 3) !== broker.code.slice(0, 3))
        .map((side) => this.toEvent(trigger, '045', broker, side, false));
    }
    return [];
  }

  /**
   * Rule: "At the request of Israel and the United States, Argentina declares …", "… following a request
   * from the Pakistani government", "Per the Afghan government's request, the United Nations drops …": the
   * one whose request the clause's subject acts on appealed to it (020; gold g1852, g1949, g2689, g2911).
   */
  private requestsActedOn(covering: Map<number, Match>): CodedEvent[] {
    const { view } = this;
    const events: CodedEvent[] = [];
    for (let noun = view.first; noun < view.last; noun++) {
      if (view.lemma(noun) !== 'request' || view.isVerbal(noun) || covering.has(noun)) continue;
      // The phrase opens with "at", "upon", "per", "following" or "after", then "the", "a" or a possessor.
      let opening = noun - 1;
      let author: Party | undefined;
      const possessor = view.partyCovering(opening - (POSSESSIVE_MARK.test(view.lower(opening)) ? 1 : 0));
      if (possessor && (possessor.adjective || POSSESSIVE_MARK.test(view.lower(possessor.lastToken)))) {
        author = possessor;
        opening = possessor.firstToken - 1;
      }
      while (['DET', 'ADJ'].includes(view.token(opening)?.pos ?? '')) opening--;
      if (!REQUEST_OPENERS.has(view.lower(opening))) continue;
      if (!author && /^(of|from|by)$/.test(view.lower(noun + 1))) author = view.slotAt(noun + 2, '');
      if (!author || author.place) continue;
      const authors = view.coordinatedAfter(author);
      const trigger: Match = {
        pattern: constructionPattern('020', `${view.lower(opening)} the request of {S} (request acted on)`),
        firstToken: noun,
        lastToken: noun + 1,
      };
      for (const responder of view.subjectOfClauseAround(opening, authors.at(-1)!.lastToken))
        for (const asker of authors)
          if (responder.code !== asker.code)
            events.push(this.toEvent(trigger, '020', asker, responder, false));
    }
    return events;
  }

  /**
   * Rule: "Venezuela receives 500,000 doses of the Sinopharm vaccine donated by China": what a state receives
   * from a giver named after a participle of giving is aid from the giver to the receiver (07x, by what is given).
   */
  private receivedAid(covering: Map<number, Match>): CodedEvent[] {
    const { view } = this;
    const events: CodedEvent[] = [];
    for (let verb = view.first; verb < view.last; verb++) {
      if (!RECEIVE_VERBS.has(view.lemma(verb)) || !view.isVerbal(verb) || covering.has(verb)) continue;
      if (view.negatedAt(verb) || view.modalityAt(verb) === 'possible') continue;
      let code = '070';
      for (let i = verb + 1; i < Math.min(view.last, verb + 20); i++) {
        if (/^[;:.]$/.test(view.lower(i))) break;
        code = AID_GOODS[view.lemma(i)] ?? code;
        if (!GIVING_PARTICIPLES.has(view.lemma(i)) || view.lower(i + 1) !== 'by') continue;
        const giver = view.slotAt(i + 2, '');
        if (!giver || giver.place) break;
        const trigger: Match = {
          pattern: constructionPattern(code, `${view.lemma(verb)} … ${view.lemma(i)} by {S} (received aid)`),
          firstToken: i,
          lastToken: i + 2,
        };
        events.push(...this.aidBetween(trigger, code, [giver], view.subjectOf(verb)));
        break;
      }
    }
    return events;
  }

  /**
   * The authored act a response verb answers: its noun, author, code (refined by its infinitive:
   * "request to extradite" → 0213) and, for an accusation, the accused (the subject of its "that" clause).
   */
  private answeredObject(
    verb: number,
    match: Match,
    covering: Map<number, Match>,
  ): { noun: number; author: Party; code: string | null; accused?: Party } | undefined {
    const { view } = this;
    // The head noun of the object: after articles, adjectives and a possessor ("Germany's request").
    let noun = verb + 1;
    let possessor: Party | undefined;
    for (; noun < Math.min(view.last, verb + 8); noun++) {
      const party = view.partyCovering(noun);
      if (party) {
        possessor = party.adjective || POSSESSIVE_MARK.test(view.lower(party.lastToken)) ? party : undefined;
        noun = party.lastToken - 1;
        continue;
      }
      if (POSSESSIVE_MARK.test(view.lower(noun))) continue;
      if (!['DET', 'ADJ', 'NUM'].includes(view.token(noun)?.pos ?? '')) break;
    }
    if (view.token(noun)?.pos !== 'NOUN') return undefined;
    // The head of a compound: "a search request", "an extradition request".
    while (view.token(noun + 1)?.pos === 'NOUN' && !view.partyCovering(noun + 1)) noun++;
    // (a noun with an event pattern of its own is coded by that pattern: "rejects Negroponte's demand")
    const own = covering.get(noun);
    if (own && own !== match) return undefined;
    const lemma = view.lemma(noun).replace(/s$/, '');
    const authored = AUTHORED_NOUNS[lemma];
    // Author: "by X" or "from X" right after the noun, or after a participle ("a ceasefire proposed by X").
    let after = noun + 1;
    const participle = AUTHOR_PARTICIPLES.has(view.lemma(after));
    if (participle) after += /^(forward|out)$/.test(view.lower(after + 1)) ? 2 : 1;
    const by = view.lower(after) === 'by' || (!participle && view.lower(after) === 'from');
    // (the pattern's own slot holds an author behind a title: "accepts an apology from {T}")
    // (or behind a title the recogniser left out of the name: "ordered by President Abd Rabbuh Mansur Hadi")
    const agent = by
      ? (view.slotAt(after + 1, '') ??
        (own === match ? match.target : undefined) ??
        view.objectOf(after + 1, '', true)[0])
      : undefined;
    const author = agent ?? (participle ? undefined : possessor);
    if (!author || author.place) return undefined;
    let end = agent ? agent.lastToken : noun + 1;
    if (!authored) {
      // Any other act noun only with a participle naming its author, and coded as what was put forward.
      // (its least specific pattern says what the noun is: "ceasefire with {T}" → 0871)
      const act = participle ? patternGroup(lemma)?.all.at(-1)?.code : undefined;
      const code = act ? framedCode('intent', act) : null;
      // Rule: any other thing answered is answered to its author, who did nothing codable by it ("rejects
      // 17 cabinet nominees proposed by President Karzai", "an appeal made by Cardinal George Pell").
      return { noun, author, code };
    }
    if (authored.frame === 'accusation') {
      // (the author's title may stand before the clause: "by the Afghan first vice-president Amrullah Saleh that")
      for (let i = end; i < Math.min(view.last, end + 6) && view.lower(end) !== 'that'; i++)
        if (view.lower(i) === 'that') end = i;
      if (view.lower(end) === 'that') end++;
      while (view.token(end)?.pos === 'DET') end++;
      const accused = view.mentionStartingAt(end);
      return accused && !accused.place ? { noun, author, code: authored.code, accused } : undefined;
    }
    // The infinitive's act refines the code: "request to extradite him" → 0213.
    if (view.lower(end) === 'to' && view.token(end)?.pos === 'PART') {
      const inner = covering.get(end + 1);
      const act = inner ? inner.pattern.code : CONTENT_ACTS[view.lemma(end + 1)];
      const refined = act ? framedCode(authored.frame, act) : null;
      if (refined) return { noun, author, code: refined };
    }
    return { noun, author, code: authored.code };
  }

  /**
   * Rule: "X accepts an apology from Y and demands an investigation", "X recalls its ambassador to Y and
   * demands …": the second predicate of one subject, with no target of its own, is done to the target of
   * the first (the reader supplies it from the first; a shallow reading must copy it). Not an intent
   * (03x): "expels the inspectors and announces plans to reactivate a laboratory" plans for itself; nor
   * a curfew.
   */
  private sharedTargets(
    match: Match,
    covering: Map<number, Match>,
    candidates: Map<Match, Candidate>,
  ): Party[] {
    // (curfews and emergencies apply to the source's own country, found later)
    if (/^03/.test(match.pattern.code) || DOMESTIC.test(match.pattern.code)) return [];
    const verb = this.view.coordinatedVerbOf(match.firstToken);
    const first = verb === undefined ? undefined : covering.get(verb);
    const earlier = first && first !== match ? candidates.get(first) : undefined;
    if (!earlier || earlier.dropped || earlier.match.pattern.code === NO_EVENT) return [];
    return earlier.targets;
  }

  /**
   * Rule (gold README): "the Syrian opposition claims Assad used chemical weapons", "South Korean officials
   * claim that North Korea launched …": an allegation codes the accusation (112) against the one said to
   * act, and not the act (which governorOf drops).
   */
  private allegations(covering: Map<number, Match>): CodedEvent[] {
    const { view } = this;
    const events: CodedEvent[] = [];
    for (let verb = view.first; verb < view.last; verb++) {
      if (!ALLEGING.has(view.lemma(verb)) || !view.isVerbal(verb) || covering.has(verb)) continue;
      if (view.negatedAt(verb) || view.modalityAt(verb) === 'possible' || view.lower(verb + 1) === 'to')
        continue;
      let i = verb + 1;
      if (view.lower(i) === 'that') i++;
      while (view.token(i)?.pos === 'DET') i++;
      const accused = view.mentionStartingAt(i);
      if (!accused || accused.place) continue;
      // The accused is the subject of a clause: a verb follows its name.
      const next = view.verbGroupStart(accused.lastToken);
      let j = accused.lastToken;
      while (
        j < view.last &&
        j - accused.lastToken < 4 &&
        (view.token(j)?.pos === 'AUX' || view.token(j)?.pos === 'ADV')
      )
        j++;
      if (!view.isVerbal(j) && next === accused.lastToken && view.token(j)?.pos !== 'AUX') continue;
      const trigger: Match = {
        pattern: constructionPattern('112', `${view.lemma(verb)} that {T} … (allegation)`),
        firstToken: verb,
        lastToken: verb + 1,
      };
      for (const source of view.subjectOf(verb))
        if (source.actor === undefined || source.actor !== accused.actor)
          events.push(this.toEvent(trigger, '112', source, accused, false));
    }
    return events;
  }

  /**
   * What an appeal or demand asks for: the verb of its infinitive ("urges X to release") or of its
   * "that" clause ("demands that Greece withdraw"), coded by its own pattern or by CONTENT_ACTS; and the
   * subject of a "that" clause, who is addressed.
   */
  private contentOf(match: Match, covering: Map<number, Match>): { act?: string; addressee?: Party } | null {
    const { view } = this;
    for (let i = match.lastToken; i < Math.min(view.last, match.lastToken + 20); i++) {
      const text = view.lower(i);
      if (text === ';' || text === ':') return null;
      const isTo = text === 'to' && view.token(i)?.pos === 'PART';
      const verb = isTo ? i + 1 : view.isVerbal(i) && !view.partyCovering(i) ? i : -1;
      if (verb < 0) continue;
      const inner = covering.get(verb);
      const act = inner && inner !== match ? inner.pattern.code : CONTENT_ACTS[view.lemma(verb)];
      if (isTo) return act ? { act } : {};
      // A finite verb: the content of "demands that Greece withdraw" (its subject is addressed).
      const subject = view.subjectOf(verb)[0];
      // Only a clause right after the appeal ("demands that Greece …", "demands Greece …").
      if (!subject || subject.lastToken <= match.lastToken || subject.firstToken - match.lastToken > 3)
        return null;
      return { ...(act ? { act } : {}), addressee: subject };
    }
    return null;
  }

  /**
   * Whether a deliberation verb is the subject's own asserted deliberation: a verb ("considers", "is
   * weighing"), not modal or negated. "discuss", "seek" and "study" take their object as a topic, not an
   * option ("discuss sanctions" is a consultation), so only the verbs of weighing count.
   */
  private deliberates(verb: number): boolean {
    const { view } = this;
    return (
      WEIGHING_VERBS.has(view.lemma(verb)) &&
      view.isVerbal(verb) &&
      !view.partyCovering(verb) &&
      view.modalityAt(verb) !== 'possible' &&
      !view.negatedAt(verb)
    );
  }

  /**
   * A noun act that is the object of a threat, a rejection or an offer: "threatens a pre-emptive
   * nuclear strike" (1385), "rejects a ceasefire" (1246), "offers compensation" (035).
   */
  private nounFrame(match: Match): Governor | null {
    const { view } = this;
    const first = match.firstToken;
    if (view.isVerbal(first)) return null;
    let i = first - 1;
    while (
      i >= view.first &&
      first - i <= 4 &&
      ['DET', 'PRON', 'ADJ', 'NUM', 'NOUN'].includes(view.token(i)?.pos ?? '') &&
      !view.partyCovering(i)
    )
      i--;
    // Rule: "ahead of the upcoming summit meeting with Donald Trump", "ahead of Kim Jong-un's visit to
    // Hanoi": a meeting yet to come (036).
    let before = i;
    const possessor = POSSESSIVE_MARK.test(view.lower(before)) ? view.partyCovering(before - 1) : undefined;
    if (possessor) before = possessor.firstToken - 1;
    // (and the title before the possessor: "North Korean leader Kim Jong-un's")
    for (let n = 0; n < 5 && ['DET', 'ADJ', 'PROPN', 'NOUN'].includes(view.token(before)?.pos ?? ''); n++)
      before--;
    if (/^04/.test(match.pattern.code) && view.lower(before) === 'of' && view.lower(before - 1) === 'ahead')
      return { frame: 'intent', at: before - 1, refinesGovernor: false };
    // "is ready for a fourth summit with Kim", "is open to talks": an intent (036).
    if (view.readyFor(i)) return { frame: 'intent', at: i - 1, refinesGovernor: false };
    if (!view.isVerbal(i) || view.partyCovering(i)) return null;
    const lemma = view.lemma(i);
    if (THREAT_GOVERNORS.has(lemma)) return { frame: 'threat', at: i, refinesGovernor: false };
    if (REFUSING_VERBS.includes(lemma)) return { frame: 'refusal', at: i, refinesGovernor: false };
    if (['offer', 'propose', 'promise', 'pledge'].includes(lemma))
      return { frame: 'intent', at: i, refinesGovernor: false };
    if (DELIBERATION_VERBS.has(lemma) && this.deliberates(i))
      return { frame: 'deliberation', at: i, refinesGovernor: false };
    // Rule: "plans to resume airstrikes in Syria", "a request to resume airstrikes": a light verb in the
    // infinitive puts its noun act under the infinitive's governor.
    if (view.lower(i - 1) === 'to') return this.governorOf(i);
    return null;
  }

  /** "from Egypt", "from an Israeli prison": the state a person is released or sent from. */
  private fromState(from: number): Party | undefined {
    const { view } = this;
    for (let i = from; i < Math.min(view.last, from + 4); i++) {
      if (view.lower(i) !== 'from') continue;
      for (let j = i + 1; j < Math.min(view.last, i + 4); j++) {
        const party = view.partyCovering(j) ?? view.slotAt(j, '');
        if (party) return party;
      }
    }
    return undefined;
  }

  /**
   * "are killed in an Iranian missile attack", "were wounded in Israeli airstrikes": the country named
   * before the attack noun of an "in" phrase is who did it.
   */
  private attackAuthor(from: number, last: number): Party | undefined {
    const { view } = this;
    for (let i = from; i < Math.min(view.last, last + 12); i++) {
      // ("are killed and 12 others are injured in …": a coordinated passive shares the phrase)
      if (view.isVerbal(i) && !/^(be|get)$/.test(view.lemma(i - 1)) && i > from) return undefined;
      if (/^[;:,]$/.test(view.lower(i))) return undefined;
      if (view.lower(i) !== 'in') continue;
      let author: Party | undefined;
      for (let j = i + 1; j < Math.min(view.last, i + 8); j++) {
        const party = view.partyCovering(j);
        if (party) {
          if (!party.adjective && !POSSESSIVE_MARK.test(view.lower(party.lastToken))) return undefined;
          author ??= party;
          j = party.lastToken - 1;
          continue;
        }
        if (ATTACK_NOUNS.has(view.lemma(j)) || ATTACK_NOUNS.has(view.lower(j)))
          // ("in an attack by suspected Taliban militants", "in airstrikes carried out by Israeli forces")
          return author ?? this.attackAgent(j + 1);
        // ("in a series of airstrikes", "in a wave of attacks")
        const quantity = view.lower(j) === 'of' && QUANTITY_NOUNS.has(view.lower(j - 1));
        if (
          !['DET', 'ADJ', 'NOUN', 'NUM', 'PART'].includes(view.token(j)?.pos ?? '') &&
          view.lower(j) !== '-' &&
          !quantity
        )
          return undefined;
      }
      return undefined;
    }
    return undefined;
  }

  /** The author after an attack noun: "by X", or "carried out by X", "launched by X", "conducted by X". */
  private attackAgent(at: number): Party | undefined {
    const { view } = this;
    let i = at;
    if (view.lemma(i) === 'carry' && view.lower(i + 1) === 'out') i += 2;
    else if (['launch', 'conduct'].includes(view.lemma(i))) i++;
    return view.lower(i) === 'by' ? view.slotAt(i + 1, '') : undefined;
  }

  /** "killed in clashes with Hamas", "wounded in fighting with Houthi rebels": the other side. */
  private fightOpponent(from: number, last: number): Party | undefined {
    const { view } = this;
    for (let i = from; i < Math.min(view.last, last + 8); i++) {
      // ("are killed and six injured in clashes with …": a coordinated passive shares the phrase)
      if (
        i > from &&
        view.isVerbal(i) &&
        !/^(be|get|and)$/.test(view.lemma(i - 1)) &&
        view.token(i - 1)?.pos !== 'NUM'
      )
        return undefined;
      if (/^[;:,]$/.test(view.lower(i))) return undefined;
      if (view.lower(i) !== 'in' && view.lower(i) !== 'during') continue;
      let j = i + 1;
      while (['DET', 'ADJ'].includes(view.token(j)?.pos ?? '') && j < i + 4) j++;
      if (!FIGHT_NOUNS.has(view.lower(j)) || view.lower(j + 1) !== 'with') return undefined;
      return view.slotAt(j + 2, '190');
    }
    return undefined;
  }

  /** The verb a noun trigger is the object of ("launches airstrikes", "holds talks"), if any. */
  private lightVerbBefore(first: number): number | undefined {
    const { view } = this;
    let i = first - 1;
    while (
      i >= view.first &&
      first - i <= 5 &&
      (['DET', 'PRON', 'ADJ', 'NUM', 'NOUN'].includes(view.token(i)?.pos ?? '') ||
        /^["“”-]$/.test(view.lower(i)) ||
        view.lower(i + 1) === '-') &&
      !view.partyCovering(i)
    )
      i--;
    const verb = view.isVerbal(i) || (view.token(i)?.pos === 'AUX' && view.lemma(i) === 'have');
    return verb && !view.partyCovering(i) ? i : undefined;
  }

  /**
   * Rule: material acts (aid, yielding, investigations, sanctions, arrests, attacks: roots 06–09 and
   * 16–20) and intents, demands and threats are done to someone: without a named target they are not coded, as
   * the target is then an actor the recogniser missed ("releases 11 political prisoners").
   */
  private isDirected(code: string, pattern: EventPattern): boolean {
    // A phrase that names its own actor is asserted as written ("the cancellation of a visit by {S}").
    if (pattern.parts.some((part) => part.kind === 'source')) return false;
    // Consultations (04) need a counterpart too: "X discusses" is no meeting.
    // Plain statements (010) and signings (057) too: "issue a statement", "sign" without a party.
    // An option under deliberation (014) too: "Turkey considers demolishing a sculpture" concerns no one.
    return (
      // (mediation names its parties as targets; a chemical attack may name only its author: g0263)
      (/^(0[346-9]|1[03]|1[6-9]|20)/.test(code) && code !== '045' && code !== '2041') ||
      code === '010' ||
      // Pessimistic, optimistic and empathetic comments too: "warns of possible bomb attacks" is addressed
      // to no one, and the gold codes such comments only with their addressee (2 of 12 without one).
      /^01[238]/.test(code) ||
      code === '014' ||
      // Verbal cooperation (05: praise, support, apology, forgiveness) is toward someone too: without one
      // the training part codes 2 of 11 (the BBC's apology, "Denmark and Russia will cooperate").
      /^05/.test(code) ||
      // A bare appeal (020) is an appeal to someone: "calls for a new system" without an addressee (0 of 5
      // in the training part); specific appeals (for a ceasefire, for restraint) keep their code without one.
      code === '020' ||
      // A veto is of someone's resolution: "vetoes the defense bill" is domestic law (0 of 3 without one).
      code === '129'
    );
  }

  /** Whether the object of "sign" at `after` is a bill, an act or a law ("signs … into law"). */
  private signsLegislation(after: number): boolean {
    const { view } = this;
    for (let i = after; i < Math.min(view.last, after + 14); i++) {
      if (view.lower(i) === 'into' && view.lower(i + 1) === 'law') return true;
      if (/^(bill|act|law|legislation|budget|order|decree|proclamation)s?$/.test(view.lower(i))) return true;
      if ([',', ';', ':'].includes(view.lower(i)) || view.lower(i) === 'with') return false;
    }
    return false;
  }

  /**
   * A court or a judge: the party's code says so (JUD), or a court word stands in its noun phrase, before
   * or after the country that names it ("Israel's Supreme Court", "the High Court of Australia").
   */
  private isCourt(party: Party): boolean {
    const { view } = this;
    if (party.code.endsWith('JUD')) return true;
    if (party.firstToken < 0) return false;
    const courtWord = (i: number): boolean => COURT_WORDS.has(view.lemma(i));
    for (let i = party.firstToken - 1; i >= Math.max(view.first, party.firstToken - 4); i--) {
      if (view.isVerbal(i)) break;
      if (courtWord(i)) return true;
    }
    for (let i = party.firstToken; i < Math.min(view.last, party.lastToken + 4); i++) {
      if (i >= party.lastToken && view.isVerbal(i)) break;
      if (courtWord(i)) return true;
    }
    return false;
  }

  /** Whether the sentence is about a game: a sports word or a score ("7-6", "2–1"). */
  private aboutSport(): boolean {
    const { view } = this;
    for (let i = view.first; i < view.last; i++) {
      if (SPORT_WORDS.has(view.lemma(i)) || SPORT_WORDS.has(view.lower(i))) return true;
      if (/^\d{1,2}[-–]\d{1,2}$/.test(view.lower(i))) return true;
      if (
        view.token(i)?.pos === 'NUM' &&
        /^[-–]$/.test(view.lower(i + 1)) &&
        view.token(i + 2)?.pos === 'NUM'
      )
        return true;
    }
    return false;
  }

  /** The parties, modality and negation of one match. */
  private candidate(match: Match): Candidate {
    const { view } = this;
    const first = match.firstToken;
    const verbal = view.isVerbal(first) || view.token(first)?.pos === 'AUX';
    let passive = verbal ? view.passiveAt(first, match.lastToken) : null;
    const candidate: Candidate = {
      match,
      code: match.pattern.code,
      sources: [],
      targets: [],
      negated: !patternNegates(match.pattern) && view.negatedAt(first),
    };
    if (match.pattern.code === NO_EVENT) return candidate;
    // Rule: an agentless passive names no source ("was accused of organising protests"), unless the acting
    // state is named in the clause: "is released from an Israeli prison", "is deported from Egypt".
    // Rule (gold README, g0469): "soldiers are killed in clashes with Hamas" codes the fight between them,
    // from the side that lost the men.
    const opponent =
      passive && passive.agents.length === 0 && !match.source && /^(18|19|20)/.test(match.pattern.code)
        ? this.fightOpponent(match.firstToken + 1, match.lastToken)
        : undefined;
    if (opponent) {
      passive = null;
      match.target = opponent;
    }
    if (passive && passive.agents.length === 0 && !match.source) {
      const state = /^(063|08|17)/.test(match.pattern.code)
        ? this.fromState(match.lastToken)
        : /^(18|19|20)/.test(match.pattern.code)
          ? this.attackAuthor(match.firstToken + 1, match.lastToken)
          : undefined;
      if (!state) {
        candidate.dropped = 'agentless passive';
        return candidate;
      }
      passive.agents.push(state);
    }
    // Rule: "Turkish-backed rebels", "Islamist-held city": a hyphenated participle is an adjective.
    if (view.lower(first - 1) === '-' && view.token(first - 1)!.end === view.token(first)!.start) {
      candidate.dropped = 'adjective';
      return candidate;
    }
    // A noun act takes the modality of its light verb ("will resume talks").
    const light = verbal || match.source ? undefined : this.lightVerbBefore(first);
    // A participle after a comma takes the modality of its verb ("may have hit …, killing 60").
    const hangsOn =
      view.lower(first - 1) === ',' && /ing$/.test(view.lower(first))
        ? view.previousVerbOf(first - 1)
        : undefined;
    const modality =
      hangsOn !== undefined && view.modalityAt(hangsOn) === 'possible'
        ? 'possible'
        : view.modalityAt(light ?? first);
    if (modality === 'possible') candidate.dropped = 'modal';
    // "may cancel his plans to visit": a noun act read through its verb.
    if (!verbal) {
      // (a noun act under deliberation is framed as 014 by nounFrame)
      const state = this.governorState(first, true);
      if (state === 'drop') candidate.dropped = 'cancelled or possible';
      if (state === 'negated') candidate.negated = true;
      // Rule: "Harris's trip to Vietnam is postponed": a noun act its own clause calls off did not happen;
      // one that "is expected" is a reporter's expectation (gold README, g0347); one "planned" or
      // "scheduled" is an intent (03x).
      const predicate = this.predicateAfter(match.lastToken);
      if (predicate && (CANCEL_VERBS.has(predicate) || predicate === 'call off' || predicate === 'expect'))
        candidate.dropped = 'cancelled or possible';
      else if (predicate === 'plan' || predicate === 'schedule')
        candidate.code = framedCode('intent', candidate.code) ?? candidate.code;
    }
    if (view.inCondition(first)) candidate.dropped = 'condition';
    // Rule: "Djokovic beats Federer in the final": a match won is no attack.
    if (SPORT_VERBS.has(view.lemma(first)) && this.aboutSport()) candidate.dropped = 'sport';
    if (modality === 'future') candidate.code = framedCode('intent', candidate.code) ?? candidate.code;
    candidate.sources = this.sourcesOf(match, passive, verbal);
    // Rule: "Kenya Police fire tear gas at hundreds of demonstrators in Nairobi, Kenya, protesting against
    // gender-based violence": a protest participle after the protesters of the object phrase describes them.
    if (/^14/.test(match.pattern.code) && this.describesProtesters(first, candidate.sources))
      candidate.dropped = 'describes the protesters';
    candidate.targets = this.targetsOf(match, passive);
    // Rule: an event in a subordinate clause, carried by a noun, or by a participle after a noun ("a
    // resolution calling for"), needs both its actors named.
    const participle =
      /ing$/.test(view.lower(first)) &&
      view.token(first - 1)?.pos === 'NOUN' &&
      !view.partyCovering(first - 1);
    if (view.inSubordinateClause(first) || participle || (!verbal && light === undefined && !match.source))
      candidate.background = 'background event without a target';
    // Rule: a gerund is asserted only as a progressive ("is preparing") or a participial clause after a
    // comma ("…, accusing them of"); "aimed at finding common ground" asserts nothing.
    const noun = view.token(first)?.pos === 'NOUN' && view.token(first - 1)?.pos !== 'DET';
    // ("Fighting between the army and rebels": a phrase that names its sides is the noun, not a gerund)
    const namesSides = match.pattern.parts.some((part) => part.kind === 'source');
    if (/ing$/.test(view.lower(first)) && (view.token(first)?.pos === 'VERB' || noun) && !namesSides) {
      let before = first - 1;
      while (view.token(before)?.pos === 'ADV') before--;
      // ("considers suing Israel": the gerund is the option deliberated, framed by governorOf)
      const deliberated = DELIBERATION_VERBS.has(view.lemma(before)) && this.deliberates(before);
      // ("resumes sending food aid", "signs a decree imposing sanctions": the act carried on, or enacted)
      const carried = ASPECT_VERBS.has(view.lemma(before)) && view.isVerbal(before);
      const enacted = ENACTING_NOUNS.has(view.lemma(before));
      // ("…, before holding talks with Netanyahu", "after meeting with Erdoğan": an act the subject did)
      const temporal = this.isTemporalMeeting(match);
      if (
        view.lemma(before) !== 'be' &&
        view.lower(before) !== ',' &&
        !deliberated &&
        !carried &&
        !enacted &&
        !temporal
      )
        candidate.dropped ??= 'gerund';
    }
    // Rule: "the disputed region", "an armed group": a participle before its noun is an adjective.
    // (the tagger reads some such participles as adjectives: "releases imprisoned Canadian pastor")
    const adjectival = verbal || view.token(first)?.pos === 'ADJ';
    if (adjectival && view.isParticipleModifier(first)) candidate.dropped ??= 'adjective';
    // Rule: "opposition groups backed by Turkey", "Iran-backed militias": who backs a group describes the
    // group; that support is no event of the sentence.
    if (
      view.lower(first) === 'backed' &&
      (view.lower(first - 1) === '-' ||
        (view.lower(first + 1) === 'by' && ['NOUN', 'PROPN'].includes(view.token(first - 1)?.pos ?? '')))
    )
      candidate.dropped ??= 'affiliation';
    // Rule: "Efraín Ríos Montt, accused of genocide during the civil war, …", "Thirty-seven Chinese
    // nationals, arrested in Angola due to …, are extradited": a participle phrase after a name describes
    // it; its act is background, not an event of the sentence.
    if (this.isReducedRelative(first)) candidate.dropped ??= 'reduced relative';
    if (verbal && /^(18|19|20)/.test(match.pattern.code) && this.fightSubject(first))
      candidate.dropped ??= 'killed in a fight';
    if (candidate.sources.length === 0) candidate.dropped ??= 'no source';
    return candidate;
  }

  /**
   * Rule: "Fighting between the army and rebels kills 20 people", "Clashes near Toumour kill 30 militants":
   * the fight is the subject that kills; its sides are coded by the fight noun, and neither side is the
   * killer.
   */
  private fightSubject(trigger: number): boolean {
    const { view } = this;
    for (let i = trigger - 1; i >= view.first; i--) {
      // ("Fighting" at the start of a sentence, which the tagger reads as a verb)
      if (FIGHT_NOUNS.has(view.lower(i)) && (i === view.first || view.token(i - 1)?.pos === 'DET'))
        return true;
      if (view.isVerbal(i) || [',', ';', ':'].includes(view.lower(i))) return false;
    }
    return false;
  }

  /**
   * Rule: "India and Pakistan agree to set up a 'terror hotline'", "The United States and Russia agree on a
   * draft resolution": what two or more parties agree with no pattern of its own is their agreement (057)
   * or, to do something yet, their intent to cooperate (030), from the first named to each other.
   */
  private jointAgreements(
    matches: Match[],
    candidates: Map<Match, Candidate>,
    covering: Map<number, Match>,
  ): CodedEvent[] {
    const { view } = this;
    const events: CodedEvent[] = [];
    for (let verb = view.first; verb < view.last; verb++) {
      // (not a gerund: "praises China and ASEAN for agreeing on guidelines" praises them for it)
      if (view.lemma(verb) !== 'agree' || /ing$/.test(view.lower(verb))) continue;
      if (!view.isVerbal(verb) || covering.has(verb)) continue;
      if (view.negatedAt(verb) || view.modalityAt(verb) === 'possible' || view.inCondition(verb)) continue;
      // (not yet agreed: "are set to agree on a deal", "plan to agree")
      if (this.governorOf(verb)) continue;
      const parties = view.subjectOf(verb).filter((party) => !party.place);
      const first = parties[0];
      const others = parties.filter((party) => party.code !== first?.code);
      if (!first || others.length === 0) continue;
      const next = view.lower(verb + 1);
      // ("agree to set up a hotline", not "agree to joint security controls")
      // (the tagger reads "joint" as a verb)
      const infinitive =
        next === 'to' && view.token(verb + 2)?.pos === 'VERB' && view.lemma(verb + 2) !== 'joint';
      // (an act with a pattern of its own is coded as agreed by the governing rule: "agree to halt tariffs")
      const coded = matches.some(
        (match) => match.firstToken > verb && match.firstToken <= verb + 4 && !candidates.get(match)?.dropped,
      );
      if (coded) continue;
      // (an agreement to act against someone else is that act, not cooperation between them: "Argentina,
      // Brazil and Uruguay agree to close their ports to ships flying the flag of the Falkland Islands")
      if (infinitive && this.namesOutsider(verb, parties)) continue;
      const code = infinitive ? '030' : '057';
      const trigger: Match = {
        pattern: constructionPattern(code, `{S} and {T} agree ${infinitive ? 'to' : 'on'} (joint agreement)`),
        firstToken: verb,
        lastToken: verb + 1,
      };
      for (const other of others) events.push(this.toEvent(trigger, code, first, other, false));
    }
    return events;
  }

  /** Whether the clause after `verb` names anyone, in a dictionary or not, of none of the `parties`' countries. */
  private namesOutsider(verb: number, parties: Party[]): boolean {
    const { view } = this;
    let end = verb;
    while (end < view.last && !/^[;:]$/.test(view.lower(end))) end++;
    const countries = new Set(parties.map((party) => party.code.slice(0, 3)));
    return this.doc.mentions.some(
      (mention) =>
        mention.firstToken > verb &&
        mention.lastToken <= end &&
        !mention.qualifies &&
        !countries.has((mention.code ?? '').slice(0, 3)),
    );
  }

  /**
   * Rule: "Clashes near Toumour kill 30 Boko Haram militants and five Niger Armed Forces soldiers": the dead
   * of a fight, of two sides, are the two sides of it (190 from the first named to the second).
   */
  private deadlyFights(matches: Match[], candidates: Map<Match, Candidate>): CodedEvent[] {
    const { view } = this;
    const events: CodedEvent[] = [];
    for (const match of matches) {
      const first = match.firstToken;
      if (view.lemma(first) !== 'kill' || view.negatedAt(first)) continue;
      // (the passive "A and B are killed in clashes" is not: the training part codes no fight there, g2635)
      if (view.passiveAt(first, match.lastToken) || !this.fightSubject(first) || !candidates.has(match))
        continue;
      const victims = this.partiesAfter(first);
      // (the sides of a fight are armed: "Clashes in Khartoum State kill thirteen civilians" names one)
      const armed = victims.filter((victim) => /(MIL|REB|COP|UAF|SEP|INS)$|^IMG/.test(victim.code));
      const a = armed[0];
      const b = armed.find((victim) => victim.code.slice(0, 6) !== a?.code.slice(0, 6));
      if (!a || !b) continue;
      const trigger: Match = {
        pattern: constructionPattern('190', 'kill {S} and {T} in a fight (deadly fight)'),
        firstToken: first,
        lastToken: match.lastToken,
      };
      events.push(this.toEvent(trigger, '190', a, b, false));
    }
    return events;
  }

  /** The parties named after a verb up to the end of its clause, places left out. */
  private partiesAfter(verb: number): Party[] {
    const { view } = this;
    const parties: Party[] = [];
    for (let i = verb + 1; i < view.last; i++) {
      if (/^[;:]$/.test(view.lower(i)) || (view.isVerbal(i) && !view.partyCovering(i))) break;
      const party = view.partyCovering(i);
      if (!party) continue;
      if (!party.place && !party.adjective && !parties.includes(party)) parties.push(party);
      i = party.lastToken - 1;
    }
    return parties;
  }

  /** Whether the act is the purpose of a demonstration: "march … to demand", "rally to call for". */
  private demonstratesFor(match: Match): boolean {
    return this.demonstrationOf(match) !== undefined;
  }

  /** "After meeting with Erdoğan, …", "…, before holding talks with Netanyahu": a meeting the subject held. */
  private isTemporalMeeting(match: Match): boolean {
    const { view } = this;
    return (
      // (meetings and talks, not visits: "before visiting the Shanghai Cooperation Organisation meeting")
      /^04[0145-9]/.test(match.pattern.code) &&
      /ing$/.test(view.lower(match.firstToken)) &&
      /^(before|after|while)$/.test(view.lower(match.firstToken - 1))
    );
  }

  /** "… in debt owed by Bolivia, Honduras and Guyana": those who owe the debt named after the verb. */
  private debtorsAfter(after: number): Party[] {
    const { view } = this;
    for (let i = after; i < Math.min(view.last, after + 10); i++) {
      if (view.lemma(i) === 'debt' && view.lemma(i + 1) === 'owe' && view.lower(i + 2) === 'by') {
        const debtor = view.slotAt(i + 3, '');
        return debtor ? view.coordinatedAfter(debtor) : [];
      }
      if (/^[;:,]$/.test(view.lower(i))) break;
    }
    return [];
  }

  /** Whom a protest is against: the party after "against" in its clause, or an anti-government protest's government. */
  private protestedParty(match: Match, protester: Party): Party | undefined {
    const { view } = this;
    for (let i = match.firstToken - 2; i < Math.min(view.last, match.lastToken + 12); i++) {
      if (/^[;:]$/.test(view.lower(i)) || (i > match.lastToken && view.isVerbal(i) && !view.partyCovering(i)))
        break;
      if (
        view.lower(i) === 'anti-government' ||
        (view.lower(i) === 'anti' && view.lower(i + 2) === 'government')
      )
        return { ...protester, text: 'government', code: `${protester.code.slice(0, 3)}GOV`, group: true };
      if (view.lower(i) !== 'against' || i < match.lastToken) continue;
      // ("against the upcoming departure of the United Kingdom", "against plans by the United Kingdom
      // government": the one whose act it is)
      for (let j = i + 1; j < Math.min(view.last, i + 7); j++) {
        const party = view.partyCovering(j);
        if (party) return party;
        if (
          !MODIFIER_POS.has(view.token(j)?.pos ?? '') &&
          view.token(j)?.pos !== 'NOUN' &&
          !/^(of|by)$/.test(view.lower(j))
        )
          break;
      }
      break;
    }
    return undefined;
  }

  /** "… for planned military exercises", "… for a six-month deployment": the stay is for joint military work. */
  private forExercises(after: number): boolean {
    const { view } = this;
    for (let i = after; i < Math.min(view.last, after + 12); i++) {
      if (/^[;:]$/.test(view.lower(i))) return false;
      if (/^(exercises?|drills?|deployment|training|manoeuvres|maneuvers|war games)$/.test(view.lower(i)))
        return true;
    }
    return false;
  }

  /** ", accused of", ", arrested in": a past participle right after a comma that closes a name, before a preposition. */
  private isReducedRelative(first: number): boolean {
    const { view } = this;
    const token = view.token(first);
    return (
      token?.pos === 'VERB' &&
      /(ed|en)$/.test(token.text) &&
      token.text.toLowerCase() !== token.lemma &&
      view.lower(first - 1) === ',' &&
      (!!view.partyCovering(first - 2) || ['NOUN', 'PROPN'].includes(view.token(first - 2)?.pos ?? '')) &&
      view.token(first + 1)?.pos === 'ADP'
    );
  }

  /** "the death of a protester", "the murder of Bryan Harvey": the party names the victim of a crime. */
  private isCrimeVictim(party: Party): boolean {
    const { view } = this;
    let i = party.firstToken - 1;
    while (view.token(i)?.pos === 'DET') i--;
    return view.lower(i) === 'of' && CRIME_NOUNS.has(view.lower(i - 1));
  }

  /** The demonstration verb whose purpose the act is, if any. */
  private demonstrationOf(match: Match): number | undefined {
    const { view } = this;
    let i = match.firstToken - 1;
    while (view.token(i)?.pos === 'ADV') i--;
    if (view.lower(i) !== 'to') return undefined;
    for (let j = i - 1; j >= Math.max(view.first, i - 30); j--)
      if (view.isVerbal(j) && !view.partyCovering(j))
        return DEMONSTRATION_VERBS.has(view.lemma(j)) ? j : undefined;
    return undefined;
  }

  /** Civilians, activists, workers and the like ("173 Indonesian workers"), or a people ("two Iranians"). */
  private arePeople(party: Party): boolean {
    if (/^[A-Z]{3}(CVL|OPP|LAB|REF|MED|CRM|EDU)$/.test(party.code)) return true;
    return (
      !party.place &&
      /^[A-Z]{3}$/.test(party.code) &&
      /ans$|ese$|is$/.test(this.view.lower(party.lastToken - 1))
    );
  }

  private eventsOf(candidate: Candidate, code: string): CodedEvent[] {
    const { sources, match } = candidate;
    // (a party is never its own target: "the demands from Saudi Arabia, Bahrain, the United Arab Emirates
    // and Egypt" are the four's, whatever else the phrase reaches)
    let targets = candidate.targets.filter((target) => !sources.includes(target));
    // Rule: "Police investigate the overnight shooting death of a protester": the victim of the crime
    // investigated is no party to the investigation (the training part codes such inquiries without one).
    if (/^09/.test(code)) targets = targets.filter((target) => !this.isCrimeVictim(target));
    // Rule: only people rally or march ("Police … ban rallies", "policemen … marching from training school").
    if (VERB_ONLY_TRIGGERS.has(match.pattern.text) && match.pattern.code === '141')
      if (!sources.every((source) => this.arePeople(source) && !source.code.endsWith('COP'))) return [];
    // Rule: a curfew, a state of emergency or their lifting applies to the source's own country ("Ethiopia
    // declares a state of emergency" → ETH 1724 ETH).
    if (
      targets.length === 0 &&
      DOMESTIC.test(code) &&
      sources[0] &&
      !/^(IGO|NGO|IMG|MNC)/.test(sources[0].code)
    )
      targets = [
        { ...sources[0], code: sources[0].code.slice(0, 3), place: true, firstToken: -1, lastToken: -1 },
      ];
    // Rule: a show of force, an alert or a build-up with no object of its own is aimed at the one other
    // country the sentence names ("Japan places its military on high alert … amid reports of a possible North
    // Korean launch" → PRK; gold g0171, g0672).
    // (not a test, an exercise or a missile fired, which the gold set codes without a target: g0012
    // "test-fires a ballistic missile …, but claims it will not increase tensions with India")
    const exercise = /\b(test|exercise|drill|launch|fire)\b/.test(match.pattern.text);
    if (targets.length === 0 && /^15/.test(code) && !exercise && sources[0]) {
      const home = sources[0].code.slice(0, 3);
      const foreign = this.view.parties.filter(
        (party) => isCountryCode(party.code) && party.code.slice(0, 3) !== home,
      );
      if (onlyCountry(foreign)) targets = [foreign[0]!];
    }
    // Rule (gold README: a location as target): force with no object of its own reaches the foreign place
    // it is used in ("carries out strikes … in Iraq and Syria" → IRQ, SYR).
    if (targets.length === 0 && /^(18|19)/.test(code) && sources[0] && !sources[0].place) {
      const home = sources[0].code.slice(0, 3);
      const reached = this.view.placeReached(match.lastToken, home);
      if (reached) targets = this.view.coordinatedAfter(reached).filter((t) => t.code.slice(0, 3) !== home);
    }
    // Rule: a conditional threat with no object of its own is aimed at the one whose act is the condition
    // ("Iran threatens to close the Strait of Hormuz if the U.S. re-applies sanctions" → IRN 13x USA).
    // (a warning of trouble with a condition is such a threat: "Houthis warn of worse attacks if Saudi
    // Arabia continues its escalation" → 130 toward Saudi Arabia)
    const conditionalWarning = code === '012' && this.view.lemma(match.firstToken) === 'warn';
    if (targets.length === 0 && (/^13/.test(code) || conditionalWarning)) {
      const conditioned = this.view.conditionParty(match.lastToken);
      if (conditioned && conditioned.code.slice(0, 3) !== sources[0]?.code.slice(0, 3)) {
        targets = [conditioned];
        if (conditionalWarning) code = '130';
      }
    }
    // Rule: debt forgiven is economic aid (071) to whom owes it ("The Inter-American Development Bank
    // forgives US$4.4 billion in debt owed by Bolivia, Honduras, …").
    if (targets.length === 0 && /^(forgive|cancel|write off)\b/.test(match.pattern.text)) {
      const debtors = this.debtorsAfter(match.lastToken);
      if (debtors.length > 0) {
        targets = debtors;
        code = '071';
      }
    }
    // Rule: a protest with no object of its own is against whom the clause names after "against" ("march in
    // Edinburgh, Scotland, against the upcoming departure of the United Kingdom"), or, when it is
    // anti-government, against the protesters' own government.
    if (targets.length === 0 && /^14/.test(code) && sources[0]) {
      const protested = this.protestedParty(match, sources[0]);
      if (protested) targets = [protested];
    }
    // Rule (gold README, g0473): "Chile's police arrest at least 55 people": people arrested unnamed and of
    // no stated country are no party; the arrest is coded without a target.
    // ("India arrests two men accused of …": unnamed people no group noun names)
    const unnamedArrested =
      code === '173' && targets.length === 0 && ANONYMOUS_ARREST.test(match.pattern.text);
    const anonymousArrest =
      unnamedArrested ||
      (code === '173' &&
        targets.length > 0 &&
        targets.every((target) => target.group && target.unplaced && target.code.endsWith('CVL')));
    if (anonymousArrest) targets = [];
    const hasTarget =
      anonymousArrest ||
      targets.length > 0 ||
      (sources.length >= 2 && (JOINT_EVENT.test(code) || JOINT_EVENT.test(match.pattern.code)));
    if (!hasTarget && (candidate.background || this.isDirected(code, match.pattern))) return [];
    // Rule: "signs House Bill 285", "signs the … Act into law": signing legislation is domestic law, no
    // agreement with anyone (CAMEO 057 is signing an agreement).
    if (match.pattern.text === 'sign' && this.signsLegislation(match.lastToken)) return [];
    // Rule: troops who arrive in a country are deployed there, they pay no visit: in another country to
    // protect it (074, the most common reading: "British military personnel arrive in Somalia to help"),
    // else nothing (gold: 062, 074, 154).
    if (code === '042' && /^arrive/.test(match.pattern.text) && sources.every((s) => /MIL$/.test(s.code))) {
      const abroad =
        targets.length > 0 && targets.every((t) => t.code.slice(0, 3) !== sources[0]!.code.slice(0, 3));
      if (!abroad) return [];
      // (for exercises or a deployment with the host's forces: military cooperation, 062)
      code = this.forExercises(match.lastToken) ? '062' : '074';
    }
    // Rule: a court that rejects an appeal, a challenge or a bid, or denies a request, rules on a case; with
    // no party named it rejects no one (the training part codes 0 of 9 such rulings).
    if (!hasTarget && /^(12|016)/.test(code) && sources.every((source) => this.isCourt(source))) return [];
    // Rule (gold README): unspecified violence by a non-state armed group, not against armed forces, is
    // 180 (unconventional violence), not 190 (conventional military force).
    // (a crowd is no army either: "a crowd of hundreds of people attack a church")
    const militant = (party: Party): boolean =>
      /^(IMG|...(REB|INS|UAF|SEP|CRM))/.test(party.code) || !!party.crowd;
    const armed = (party: Party | undefined): boolean => !!party && /(MIL|COP|REB|INS)$/.test(party.code);
    const pairs: Array<[Party, Party | undefined]> = [];
    // "Xi and Blinken met": one event between the two (consult, sign, cooperate, clash), not two events.
    // The act decides (the intent to meet, 036, of "X and Y agree to hold talks" is joint too).
    const joint = JOINT_EVENT.test(code) || JOINT_EVENT.test(match.pattern.code);
    // (a place is only where two sides clashed: "Hamas and Fatah members clash in the Gaza Strip")
    // ("Putin and Xi discussed Ukraine": what two parties discuss is their topic, not a third party)
    const topical = this.view.lemma(match.firstToken) === 'discuss';
    if (
      sources.length >= 2 &&
      joint &&
      (topical ||
        targets.every(
          (target) =>
            target.place ||
            target.adjective ||
            // ("Montenegro and NATO sign an accession agreement, paving the way for … the military alliance")
            (target.group && sources.some((source) => source.code.slice(0, 3) === target.code.slice(0, 3))),
        ))
    )
      pairs.push([sources[0]!, sources[1]]);
    else
      for (const source of sources)
        if (targets.length === 0) pairs.push([source, undefined]);
        else for (const target of targets) pairs.push([source, target]);
    const events: CodedEvent[] = [];
    const seen = new Set<string>();
    for (const [source, pairTarget] of pairs) {
      let target = pairTarget;
      // Rule: no self-events (the same actor, or a place in the source's own name).
      if (target && !target.place && source.actor !== undefined && source.actor === target.actor) {
        // (a state of emergency "in the capital Santiago" is declared on the country)
        if (!DOMESTIC.test(code)) continue;
        target = { ...target, code: target.code.slice(0, 3), place: true };
      }
      // Rule: a state that warns its own citizens (of a threat abroad) advises them; it threatens no one
      // ("The United States Department of State warns U.S. citizens of a high security threat level in Yemen").
      if (
        target &&
        /^(012|130)$/.test(code) &&
        match.pattern.text.startsWith('warn') &&
        target.code === `${source.code.slice(0, 3)}CVL`
      )
        continue;
      // Rule: a visit to a place of one's own country is no visit between parties ("Melania Trump makes a
      // surprise visit to the US-Mexico border"; the training part codes 1 of 4 such visits).
      if (target?.place && /^04[23]/.test(code) && target.code.slice(0, 3) === source.code.slice(0, 3))
        continue;
      // A country named as an adjective of the source's own country is no other party ("Panetta visits a
      // former U.S. base"), except for domestic measures.
      if (
        target &&
        target.adjective &&
        target.firstToken >= 0 &&
        target.code.slice(0, 3) === source.code.slice(0, 3) &&
        !DOMESTIC.test(code)
      )
        continue;
      // A bare country acting on itself ("Sudan" and "Southern Sudan") is one actor named twice, as is an
      // international body ("Kofi Annan … orders all UN personnel to leave Iraq" withdraws its own staff).
      const oneBody = source.code.length === 3 || /^(IGO|NGO)/.test(source.code);
      // (a person of that country is someone else: "Supreme Court of Russia releases Platon Lebedev")
      if (
        target &&
        target.code === source.code &&
        oneBody &&
        // (and the state acts: not "its American brand Jamster")
        !(target.person && !target.objectOnly && !source.adjective) &&
        !DOMESTIC.test(code)
      )
        continue;
      const key = `${source.actor ?? source.code}|${target ? (target.actor ?? target.code) : ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // (only against civilians or places, and not in a clash between two sides)
      const civilian =
        !target ||
        target.place ||
        (!/(MIL|COP|REB|INS|SEP|UAF|GOV)$/.test(target.code) && !/^(IMG|IGO)/.test(target.code));
      // (shooting civilians too: "the Al-Nusra Front shoots dead 20 Druze villagers", 3 of 3 in the training part)
      let final = /^19[03]$/.test(code) && militant(source) && !armed(target) && civilian ? '180' : code;
      // Rule (CAMEO 057): signing an agreement of any kind is the signing (gold README), whatever the
      // agreement would go on to do ("sign a free trade agreement" is no economic cooperation yet).
      if (
        /^sign\b/.test(match.pattern.text) &&
        /\b(agreement|treaty|deal|accord|pact)\b/.test(match.pattern.text)
      )
        final = '057';
      // Rule: missiles fired at someone are an attack (195: "Iran fires six ballistic missiles from its own
      // territory at ISIL targets"); fired at no one, a show of force (150), also "into the Sea of Japan near
      // South Korean territory".
      if (
        final === '150' &&
        /^fire .*(missile|rocket)/.test(match.pattern.text) &&
        target &&
        !target.place &&
        !target.adjective
      )
        final = '195';
      // Rule: welcoming someone's act ("Georgia welcomes the ICC's investigation") is approval (051); one
      // hosts only whom one welcomes.
      if (final === '043' && match.pattern.text === 'welcome {T}' && target && target.lastToken >= 0)
        if (POSSESSIVE_MARK.test(this.view.lower(target.lastToken))) final = '051';
      // Rule: protesters and activists who attack protest violently (145: "Pro-Russian activists attack the
      // police headquarters in Odesa").
      // (and crowds: "Thousands of citizens battle local government officials in a major riot")
      // (protesters the actor stage named with their country are protesters too: "Turkish protestors")
      const protesters =
        (/OPP$/.test(source.code) || source.crowd) && (!source.actor || PROTESTERS.test(source.text));
      if (/^19[03]$/.test(final) && protesters) final = '145';
      // Rule: police and prosecutors who charge someone with a crime take legal action (173: "Police in India
      // charge five men with the murder of …"); the accusation of a crime (1121) is anyone else's.
      if (/^112/.test(final) && /^charge/.test(match.pattern.text) && /(COP|JUD)$/.test(source.code))
        final = '173';
      // Rule (CAMEO 0874): troops that withdraw from a country retreat; they expel no one (166).
      if (final === '166' && /(MIL|REB)$/.test(source.code) && /^withdraw/.test(match.pattern.text))
        final = '0874';
      // Rule (gold README): a court finds a state or a company liable (116), but convicts a person (173).
      if (
        final === '116' &&
        target &&
        ((target.actor && /^(person:|unknown:per:)/.test(target.actor)) ||
          (target.group && /(CVL|CRM)$/.test(target.code)))
      )
        final = '173';
      // Rule (CAMEO 1831): an attack or killing by a suicide bomber is a suicide bombing.
      if (/^(18|19)/.test(final) && source.group && SUICIDE_BOMBER.test(source.text)) final = '1831';
      // Rule (CAMEO 175): force by police or troops against protesters or civilians is repression.
      if (
        /^19[03]$/.test(final) &&
        target &&
        // (police against anyone; troops against protesters, strikers, students: the training part codes
        // troops killing civilians as fighting, 19x or 180, never as repression)
        ((/COP$/.test(source.code) && /(OPP|CVL|LAB|EDU|MED)$/.test(target.code)) ||
          (/(MIL|GOV)$/.test(source.code) && /(OPP|LAB|EDU)$/.test(target.code))) &&
        // (repression is a state's force against its own people; foreign troops killing civilians fight)
        target.code.slice(0, 3) === source.code.slice(0, 3)
      )
        final = '175';
      // Rule: a raid by police, prosecutors or investigators is a search of an investigation (091), not
      // military force ("the FBI raids a fundraising firm").
      if (
        /^(190|175)$/.test(final) &&
        /^raid\b/.test(match.pattern.text) &&
        /(COP|JUD|SPY)$/.test(source.code)
      )
        final = '091';
      // Rule: pirates and rebels who seize a ship hijack it (181); a state that seizes one confiscates it (171).
      if (/^1[78]1$/.test(final) && /seize/.test(match.pattern.text))
        final = /(REB|CRM|UAF|SEP|INS)$|^IMG/.test(source.code) ? '181' : '171';
      // Rule (gold README: seizing a town is an occupation): "capture Raqqa", "seizes Hudur, Somalia" take
      // territory (192); they abduct (181) or confiscate (171) nothing. A country adjective is no territory
      // ("seizes a British tanker").
      if (
        /^1[78]1$/.test(final) &&
        // (the object is what is taken: "seize {T}", not "seize tanker from {T}")
        match.pattern.parts.length === 2 &&
        match.pattern.parts[1]?.kind === 'target' &&
        target &&
        (target.place || (/^[A-Z]{3}$/.test(target.code) && !target.adjective && !target.person))
      )
        final = '192';
      // Rule (gold README, CAMEO 161): expelling or withdrawing diplomats ("expels all Syrian diplomats",
      // "withdraws its ambassador from Canada") reduces diplomatic relations; 166 is for other people.
      if (
        final.startsWith('166') &&
        DIPLOMATS.test(
          this.textFrom(match.firstToken, Math.max(match.lastToken, (target?.lastToken ?? 0) + 1)),
        )
      )
        final = '161';
      // Rule (gold README): expelling people — activists, workers, nationals of a country — is deporting
      // them (174); 166 stays for expelling organisations, inspectors and forces.
      else if (final === '166' && target && this.arePeople(target)) final = '174';
      // Rule (gold README): protesters who demand are demonstrating for it (1411 for a resignation).
      // (protesters, not an opposition party: "opposition demands resignation" is a demand, 1041)
      // (a crowd that demands is demonstrating too: "200,000 people gathered …, demanding the resignation")
      const demonstrators = source.crowd || (source.group && PROTESTERS.test(source.text));
      if (/^10/.test(final) && (demonstrators || this.demonstratesFor(match))) final = protestCode(final);
      events.push(this.toEvent(match, final, source, target, candidate.negated));
    }
    return events;
  }

  /** The text from a trigger to a token (to the word after the target: "expels the UN envoy"). */
  private textFrom(first: number, last: number): string {
    const { tokens } = this.doc;
    const end = Math.min(Math.max(last, first + 1), this.sentence.lastToken);
    return this.doc.article.text.slice(tokens[first]!.start, tokens[end - 1]!.end);
  }

  private timing(): { date: string | null; datePrecision: DatePrecision; background: boolean } {
    if (!this.doc.date) return { date: null, datePrecision: 'day', background: false };
    const sentence = this.doc.article.text.slice(this.sentence.start, this.sentence.end);
    const { date, precision, background } = eventTiming(sentence, this.doc.date);
    return { date, datePrecision: precision, background };
  }

  /** The lead: the first paragraph of the body (GDELT's IsRootEvent). */
  private isLead(): boolean {
    const firstBreak = this.doc.article.text.indexOf('\n\n');
    return firstBreak < 0 || this.sentence.start < firstBreak;
  }

  private party(party: Party): EventParty {
    return { text: party.text, code: party.code, ...(party.actor ? { actor: party.actor } : {}) };
  }

  private toEvent(
    match: Match,
    code: string,
    source: Party,
    target: Party | undefined,
    negated: boolean,
  ): CodedEvent {
    const { article } = this.doc;
    const cameo = cameoCode(code);
    const triggerStart = this.doc.tokens[match.firstToken]!.start;
    const triggerEnd = this.doc.tokens[match.lastToken - 1]!.end;
    const place = eventPlace(this.doc.places, this.sentence);
    const distance = Math.abs(match.firstToken - source.lastToken);
    return {
      source: this.party(source),
      target: target ? this.party(target) : null,
      code: cameo.code,
      root: cameo.root,
      quadClass: cameo.quadClass,
      goldstein: cameo.goldstein,
      plover: cameo.plover,
      negated,
      ...this.timing(),
      isRoot: this.isLead(),
      ...(place
        ? { place: { name: place.name, country: place.country, lat: place.lat, lon: place.lon } }
        : {}),
      evidence: {
        start: this.sentence.start,
        end: this.sentence.end,
        text: article.text.slice(this.sentence.start, this.sentence.end),
      },
      trigger: { start: triggerStart, end: triggerEnd, text: article.text.slice(triggerStart, triggerEnd) },
      pattern: match.pattern.text,
      confidence: confidence(!!target, distance),
      // Filled by the themes stage, which runs after the coder.
      themes: [],
    };
  }
}

/**
 * The pattern behind an event that a construction reading found rather than a pattern of the files (answered
 * acts, received aid, allegations): its text names the reading, so the evidence says which rule fired.
 */
function constructionPattern(code: string, text: string): EventPattern {
  return { code, text, parts: [], specificity: 0, origin: 'parley', second: null, rank: 0 };
}

/**
 * Verbs of Parley's patterns that no PETRARCH pattern starts with and that the tagger reads as plural
 * nouns after a name ("A court in Iran sentences …"). Parley's own patterns are not all taken: most of
 * their first words are event nouns ("sanctions against", "talks with").
 */
const HEADLINE_VERBS = new Set(['sentence']);

/** Lemmas that start a PETRARCH pattern: verbs, which the tagger sometimes reads as nouns. */
function isPatternVerb(lemma: string): boolean {
  return (
    HEADLINE_VERBS.has(lemma) ||
    startsPetrarchPattern(lemma) ||
    (/s$/.test(lemma) && startsPetrarchPattern(lemma.slice(0, -1)))
  );
}

/** PARLEY_TRACE_EVENTS=1 prints every match with its parties and why it was dropped (to stderr). */
const TRACE = !!process.env['PARLEY_TRACE_EVENTS'];
function traceCandidate(doc: Doc, candidate: Candidate, suppressed: boolean): void {
  const { match } = candidate;
  const words = doc.tokens
    .slice(match.firstToken, match.lastToken)
    .map((token) => token.text)
    .join(' ');
  const parties = (list: Party[]): string =>
    list.map((party) => `${party.code}(${party.text})`).join('+') || '-';
  const why = suppressed ? 'suppressed by its act' : (candidate.dropped ?? 'coded');
  process.stderr.write(
    `  [${match.pattern.code} ${match.pattern.text} (${match.pattern.origin})] "${words}" → ${parties(candidate.sources)} ${candidate.code} ${parties(candidate.targets)}${candidate.negated ? ' negated' : ''}: ${why}\n`,
  );
}

/** A pattern that holds its own negator ("no room for compromise") codes the refusal itself. */
const patternNegates = (pattern: EventPattern): boolean =>
  pattern.parts.some((part) => part.kind === 'word' && NEGATIONS.has(part.lemma));

/** A demand made by demonstrators, as a demonstration code: 1041 → 1411, 1042 → 1412, others 141. */
function protestCode(demand: string): string {
  const sub = /^104([1-4])$/.exec(demand)?.[1];
  return sub ? `141${sub}` : '141';
}

/** A first, explainable confidence: a found target and a source close to the trigger raise it. */
function confidence(hasTarget: boolean, sourceDistance: number): number {
  let score = 0.55;
  if (hasTarget) score += 0.2;
  if (sourceDistance <= 3) score += 0.15;
  else if (sourceDistance > 12) score -= 0.15;
  return Math.round(Math.min(0.95, Math.max(0.1, score)) * 100) / 100;
}

/** Where the event happened: the first city, region or landmark named in its sentence. */
function eventPlace(places: Place[], sentence: TokenizedSentence): Place | undefined {
  return places.find(
    (place) => place.start >= sentence.start && place.end <= sentence.end && place.kind !== 'country',
  );
}

/** Whether a capitalised word of no other mention stands right before or after the mention. */
function insideUnknownName(
  doc: Doc,
  mention: { firstToken: number; lastToken: number },
  side: 'before' | 'around' = 'around',
): boolean {
  const sentence = doc.tokens[mention.firstToken]!.sentence;
  // (before a one-word body, a word the recogniser found but could not code is part of the unknown name
  // too: "the ruling National Congress Party")
  const inMention = (index: number): boolean =>
    doc.mentions.some((m) => m.firstToken <= index && index < m.lastToken && (side === 'around' || !!m.code));
  const unknownName = (index: number): boolean => {
    const token = doc.tokens[index];
    return (
      !!token &&
      token.sentence === sentence &&
      token.pos === 'PROPN' &&
      /^\p{Lu}/u.test(token.text) &&
      doc.sentences[sentence]?.firstToken !== index &&
      !inMention(index)
    );
  };
  // (after a body's name a capitalised word may be a title: "the UN Secretary-General")
  return unknownName(mention.firstToken - 1) || (side === 'around' && unknownName(mention.lastToken));
}

/** The participle after a hyphen right after a mention: "Russian-backed" → "backed". */
function backedAfter(doc: Doc, mention: { lastToken: number }): string {
  const { tokens } = doc;
  return tokens[mention.lastToken]?.text === '-'
    ? (tokens[mention.lastToken + 1]?.text.toLowerCase() ?? '')
    : '';
}

/** Names of treaties and accords, which a place names without being a party to them. */
const DOCUMENT_NAMES =
  /^(Treaty|Treaties|Agreement|Agreements|Accord|Accords|Protocol|Protocols|Convention|Conventions|Declaration|Charter|Statute|Process|Format|Memorandum|Communiqu[eé])$/;

/**
 * "the Treaty of Lisbon", "the Paris Agreement", "the Minsk agreements", "the Rome Statute": a place in
 * the name of a document is no party to what is done with it.
 */
function namesDocument(doc: Doc, mention: { firstToken: number; lastToken: number }): boolean {
  const { tokens } = doc;
  // (capitalised or not after the name: "the Paris Agreement", "the Lisbon treaty")
  const next = tokens[mention.lastToken]?.text ?? '';
  const before = tokens[mention.firstToken - 2]?.text ?? '';
  return (
    DOCUMENT_NAMES.test(next.charAt(0).toUpperCase() + next.slice(1)) ||
    (tokens[mention.firstToken - 1]?.text === 'of' && DOCUMENT_NAMES.test(before))
  );
}

/** Titles of an organisation's officers: "UN High Commissioner for Human Rights", "U.N. human rights chief". */
const OFFICER_TITLES =
  /^(chief|head|commissioner|envoy|secretary|secretary-general|director|director-general|president|spokesman|spokeswoman|spokesperson|representative|rapporteur|ambassador|official|coordinator|negotiator|prosecutor|chairman|chairwoman|chair|commander|mediator|inspector|monitor|observer)$/i;

/**
 * "The UN High Commissioner for Human Rights Michelle Bachelet", "U.N. human rights chief Zeid Ra'ad
 * al-Hussein": a person named after an international organisation and one of its officers' titles acts for
 * the organisation (gold README: "Ban Ki-moon, the Secretary-General of the United Nations" is IGOUNO), even
 * when a dictionary has the person as a former national leader (Bachelet, CHLELI) or not at all. "Former"
 * in the title keeps the person's own code.
 */
function organisationServed(doc: Doc, person: EntityMention): string | undefined {
  if (person.code && !person.code.endsWith('ELI') && person.code.length > 3) return undefined;
  let title = false;
  for (let i = person.firstToken - 1; i >= Math.max(0, person.firstToken - 8); i--) {
    const token = doc.tokens[i]!;
    const mention = doc.mentions.find((m) => m.lastToken === i + 1 && m.firstToken <= i);
    if (mention) {
      if (!title || !mention.code || !/^(IGO|NGO)/.test(mention.code)) return undefined;
      return mention.code;
    }
    if (token.lemma === 'former' || token.pos === 'VERB' || /^[,;:()]$/.test(token.text)) return undefined;
    if (OFFICER_TITLES.test(token.text)) title = true;
  }
  return undefined;
}

/** Mentions that can be event parties (resolved to a coded actor, not just qualifying the next name), by sentence. */
function sentenceParties(doc: Doc): Map<number, Party[]> {
  const bySentence = new Map<number, Party[]>();
  const starts = new Set(doc.mentions.map((mention) => mention.firstToken));
  for (const original of doc.mentions) {
    const organisation = original.type === 'PER' ? organisationServed(doc, original) : undefined;
    const mention = organisation ? { ...original, code: organisation } : original;
    if (!mention.code || mention.qualifies) continue;
    // "the International Helsinki Federation", "Kabul Bank": a capital inside an unknown name is no government.
    if (mention.type === 'LOC' && /GOV$/.test(mention.code) && insideUnknownName(doc, mention)) continue;
    // ("the Indian National Congress": a one-word body of the dictionary inside a longer unknown name)
    const oneWord = mention.lastToken - mention.firstToken === 1;
    if (mention.type === 'ORG' && oneWord && insideUnknownName(doc, mention, 'before')) continue;
    if (mention.type === 'LOC' && namesDocument(doc, mention)) continue;
    // ("Russian-backed militants shell Mariupol": who backs a group is not the group; "Saudi-led" leads it)
    if (/^(backed|supported|sponsored|funded|armed|trained|allied|aligned)$/.test(backedAfter(doc, mention)))
      continue;
    // "Latin American countries", "the South American trade bloc": a continent's adjective, not the USA.
    if (
      /^Americans?$/.test(mention.text) &&
      CONTINENT_PARTS.has(doc.tokens[mention.firstToken - 1]?.text ?? '')
    )
      continue;
    const sentence = doc.tokens[mention.firstToken]?.sentence;
    if (sentence === undefined || doc.tokens[mention.lastToken - 1]?.sentence !== sentence) continue;
    const list = bySentence.get(sentence);
    const party = SentenceView.partyOf(mention);
    // "a former U.S. base", "Ukraine peace talks": a country name used before a noun qualifies it.
    const next = doc.tokens[mention.lastToken];
    // (but "North Korea fires two missiles": a headline verb the tagger read as a noun, before its object)
    const afterNext = doc.tokens[mention.lastToken + 1];
    const headlineVerb =
      !!next &&
      /[^s]s$/.test(next.text) &&
      isPatternVerb(next.lemma) &&
      ['DET', 'NUM', 'PRON', 'ADJ', 'PROPN'].includes(afterNext?.pos ?? '');
    if (
      mention.code.length === 3 &&
      next?.pos === 'NOUN' &&
      next.sentence === sentence &&
      !starts.has(mention.lastToken) &&
      !headlineVerb
    )
      party.adjective = true;
    // "visited a Lima hospital", "the Kabul airport": a capital before a noun, after an article, is where.
    const article = doc.tokens[mention.firstToken - 1]?.pos === 'DET';
    if (mention.type === 'LOC' && /GOV$/.test(mention.code) && article && next?.pos === 'NOUN') {
      party.code = mention.code.slice(0, 3);
      party.place = true;
    }
    if (list) list.push(party);
    else bySentence.set(sentence, [party]);
  }
  return bySentence;
}

/** Places that stand for a country ("arrives in Istanbul"), as token ranges, by sentence index. */
function placeParties(doc: Doc): Map<number, Party[]> {
  const bySentence = new Map<number, Party[]>();
  const { tokens } = doc;
  /** The first token starting at or after `offset` (tokens are in text order). */
  const tokenAt = (offset: number): number => {
    let low = 0;
    let high = tokens.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (tokens[middle]!.start < offset) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  for (const place of doc.places) {
    if (!place.country || place.country.length !== 3) continue;
    const first = tokenAt(place.start);
    let last = first;
    while (last < tokens.length && tokens[last]!.end <= place.end) last++;
    if (tokens[first]?.start !== place.start || last <= first) continue;
    // ("the International Helsinki Federation": a place inside an unknown name stands for no country)
    if (insideUnknownName(doc, { firstToken: first, lastToken: last })) continue;
    if (namesDocument(doc, { firstToken: first, lastToken: last })) continue;
    const sentence = tokens[first]!.sentence;
    const party: Party = {
      text: place.text,
      code: place.country,
      firstToken: first,
      lastToken: last,
      place: true,
    };
    const list = bySentence.get(sentence);
    if (list) list.push(party);
    else bySentence.set(sentence, [party]);
  }
  return bySentence;
}

/** The two countries an article is about, when two countries hold at least half of its country mentions. */
export function mainDyad(doc: Doc): [string, string] | null {
  const byCountry = new Map<string, number>();
  for (const actor of doc.actors)
    if (actor.country && actor.country.length === 3)
      byCountry.set(actor.country, (byCountry.get(actor.country) ?? 0) + actor.mentions);
  const ranked = [...byCountry].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const total = ranked.reduce((sum, [, count]) => sum + count, 0);
  const [first, second] = ranked;
  if (!first || !second || first[1] + second[1] < total / 2 || second[1] < 2) return null;
  return [first[0], second[0]];
}

/**
 * "China reiterated its stance that it has no room for compromise" in an article about U.S.–China talks
 * is addressed to the United States, though the sentence does not say so. A verbal event without a
 * target whose source belongs to the article's main pair gets the other country as target, marked
 * `inferred` and with lower confidence; only demands, disapproval, rejections and threats (10–13) are so
 * inferred, never statements, appeals or material events.
 */
function inferDyadTargets(doc: Doc, events: CodedEvent[]): CodedEvent[] {
  const dyad = mainDyad(doc);
  if (!dyad) return events;
  const names = new Map(
    doc.actors.filter((actor) => actor.id.startsWith('country:')).map((actor) => [actor.country, actor.name]),
  );
  return events.map((event) => {
    const sourceCountry = event.source.code.slice(0, 3);
    // Only demands, disapproval, rejections and threats are read as addressed to the other side: a
    // statement, a condolence or an appeal may be addressed to anyone.
    if (event.target || !/^1[0-3]/.test(event.code) || !dyad.includes(sourceCountry)) return event;
    const other = dyad[0] === sourceCountry ? dyad[1] : dyad[0];
    const target: EventParty = {
      text: names.get(other) ?? other,
      code: other,
      actor: `country:${other}`,
      inferred: true,
    };
    return { ...event, target, confidence: Math.round(Math.max(0.1, event.confidence - 0.2) * 100) / 100 };
  });
}

/**
 * The parties of each sentence the coder chooses among: named actors, places standing for their country,
 * unnamed groups and people no dictionary knows (groups.ts), in text order; with the places apart.
 */
export function eventParties(doc: Doc): Array<{ all: Party[]; places: Party[] }> {
  const places = placeParties(doc);
  const parties = sentenceParties(doc);
  return doc.sentences.map((sentence, index) => {
    const named = parties.get(index) ?? [];
    const known = places.get(index) ?? [];
    const placed = [...known, ...unknownTownParties(doc, sentence, named, known)];
    const groups = [
      ...groupParties(doc, sentence, named, placed, isPatternVerb),
      ...unknownPersonParties(doc, sentence, named, placed),
    ];
    const absorbed = (party: Party): boolean =>
      groups.some((group) => group.firstToken <= party.firstToken && party.lastToken <= group.lastToken);
    const all = [...named.filter((party) => !absorbed(party)), ...groups].sort(
      (a, b) => a.firstToken - b.firstToken,
    );
    return { all, places: placed };
  });
}

/** Pipeline stage: fills `events`. */
export function codeEventsStage(doc: Doc): Doc {
  const parties = eventParties(doc);
  const events = doc.sentences.flatMap((sentence, index) => {
    const { all, places } = parties[index]!;
    if (TRACE)
      process.stderr.write(`  parties: ${all.map((party) => `${party.code}(${party.text})`).join(' ')}\n`);
    return new SentenceCoder(doc, sentence, all, places).code();
  });
  return { ...doc, events: inferDyadTargets(doc, events) };
}
