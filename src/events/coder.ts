/**
 * The event coder, first implementation: for each sentence, find pattern matches over lemmas, take the
 * target from the pattern's slot and the source from the subject (the nearest actor before the trigger,
 * or the agent of a passive), and code a CAMEO event with its evidence sentence. Precision before
 * recall: a sentence that is a question, or a trigger under a modal ("could impose"), codes nothing.
 */
import type { Doc, EntityMention, Token, TokenizedSentence } from '../model/doc.js';
import type { CodedEvent, EventParty, Place } from '../model/schema.js';
import { eventTiming, type DatePrecision } from './dates.js';
import { cameoCode } from './ontology.js';
import { patternIndex, type EventPattern } from './patterns.js';

/** Tokens that may stand between two pattern words or before a slot: articles, adjectives, adverbs, numbers. */
const MODIFIER_POS = new Set(['DET', 'ADJ', 'ADV', 'NUM', 'PRON']);
const MAX_MODIFIERS = 3;
const TRIGGER_POS = new Set(['VERB', 'NOUN', 'PROPN', 'AUX']);
const NEGATIONS = new Set(['not', "n't", 'never', 'no']);
/** A trigger right after these is a possibility, not an event ("could impose", "may visit"). */
const MODALS = new Set(['could', 'would', 'might', 'may', 'should', 'must', 'can', 'will']);
const PASSIVE_AUXILIARIES = new Set(['be']);
/** Events two parties do together ("X and Y met / signed / clashed"): one event between the two. */
const JOINT_EVENT = /^(04|057|06|193)/;

interface Match {
  pattern: EventPattern;
  /** Token range of the literal words, for the trigger span. */
  firstToken: number;
  lastToken: number;
  source?: EntityMention;
  target?: EntityMention;
}

/** Mentions that can be event parties: resolved to a coded actor and not just qualifying the next name. */
function partyMentions(doc: Doc, sentence: TokenizedSentence): EntityMention[] {
  return doc.mentions.filter(
    (mention) =>
      mention.firstToken >= sentence.firstToken &&
      mention.lastToken <= sentence.lastToken &&
      !!mention.code &&
      !mention.qualifies,
  );
}

class SentenceCoder {
  private readonly mentionAt = new Map<number, EntityMention>();

  constructor(
    private readonly doc: Doc,
    private readonly sentence: TokenizedSentence,
    private readonly parties: EntityMention[],
  ) {
    for (const mention of parties) this.mentionAt.set(mention.firstToken, mention);
  }

  private token(index: number): Token | undefined {
    return index < this.sentence.lastToken ? this.doc.tokens[index] : undefined;
  }

  /** Skips up to MAX_MODIFIERS modifier tokens; returns the index of the next token. */
  private skipModifiers(index: number): number {
    let i = index;
    while (i - index < MAX_MODIFIERS && MODIFIER_POS.has(this.token(i)?.pos ?? '') && !this.mentionAt.has(i))
      i++;
    return i;
  }

  /** A party mention starting at `index` (after modifiers). */
  private slotAt(index: number): EntityMention | undefined {
    return this.mentionAt.get(this.skipModifiers(index));
  }

  private wordAt(index: number, lemma: string): number | undefined {
    const i = this.skipModifiers(index);
    const token = this.token(i);
    if (token && (token.lemma === lemma || token.text.toLowerCase() === lemma)) return i;
    // Exact position too, so that a modifier-looking word can itself be a pattern word ("no", "all").
    const exact = this.token(index);
    if (exact && (exact.lemma === lemma || exact.text.toLowerCase() === lemma)) return index;
    return undefined;
  }

  private tryPattern(pattern: EventPattern, start: number, passive: boolean): Match | null {
    let i = start;
    let lastWord = start;
    const match: Match = { pattern, firstToken: start, lastToken: start + 1 };
    for (const [partIndex, part] of pattern.parts.entries()) {
      if (part.kind === 'word') {
        const found = partIndex === 0 ? i : this.wordAt(i, part.lemma);
        if (found === undefined) return null;
        lastWord = found;
        i = found + 1;
      } else if (passive && part.kind === 'target') {
        // In the passive the target is the subject, before the trigger: the slot stays empty here.
        continue;
      } else {
        const mention = this.slotAt(i);
        if (!mention) return null;
        if (part.kind === 'source') match.source = mention;
        else match.target = mention;
        i = mention.lastToken;
      }
    }
    match.lastToken = lastWord + 1;
    return match;
  }

  private bestMatchAt(index: number): Match | null {
    const token = this.doc.tokens[index]!;
    const candidates = patternIndex().get(token.lemma) ?? patternIndex().get(token.text.toLowerCase()) ?? [];
    const passive = this.isPassive(index);
    for (const pattern of candidates) {
      // A one-word pattern fires only on a verb or noun ("back" the verb, not the adverb); longer phrases
      // may open with a function word ("no room for compromise").
      if (pattern.parts.length === 1 && !TRIGGER_POS.has(token.pos)) continue;
      const match = this.tryPattern(pattern, index, passive);
      if (match) return match;
    }
    return null;
  }

  private precededBy(index: number, words: Set<string>, window: number): boolean {
    for (let i = Math.max(this.sentence.firstToken, index - window); i < index; i++) {
      const token = this.doc.tokens[i]!;
      if (words.has(token.lemma) || words.has(token.text.toLowerCase())) return true;
    }
    return false;
  }

  /** The subject: nearest party before the trigger; with "X and Y" before it, both of them. */
  private subjectBefore(index: number): EntityMention[] {
    const before = this.parties.filter((mention) => mention.lastToken <= index);
    const nearest = before[before.length - 1];
    if (!nearest) return [];
    const previous = before[before.length - 2];
    const between = previous ? this.doc.tokens.slice(previous.lastToken, nearest.firstToken) : [];
    // "Xi Jinping and U.S. Secretary of State Antony Blinken": "and", then only titles and qualifiers.
    const coordinated =
      previous &&
      between[0]?.lemma === 'and' &&
      between
        .slice(1)
        .every((token) => /^\p{Lu}/u.test(token.text) || token.lemma === 'of' || token.lemma === 'the');
    return coordinated ? [previous, nearest] : [nearest];
  }

  /** "was sanctioned by": a form of "be" before the trigger (an adverb may stand between) and "by" after it. */
  private isPassive(index: number): boolean {
    const before = this.doc.tokens[index - 1]?.pos === 'ADV' ? index - 2 : index - 1;
    const auxiliary = this.doc.tokens[before];
    return (
      !!auxiliary &&
      before >= this.sentence.firstToken &&
      PASSIVE_AUXILIARIES.has(auxiliary.lemma) &&
      this.token(index + 1)?.lemma === 'by'
    );
  }

  /** "was sanctioned by the EU": the agent after "by" is the source, the subject the target. */
  private passiveAgent(match: Match): EntityMention | undefined {
    if (!this.isPassive(match.firstToken)) return undefined;
    return this.slotAt(match.firstToken + 2);
  }

  private resolveParties(match: Match): { source: EntityMention; target: EntityMention | undefined } | null {
    const agent = this.passiveAgent(match);
    if (agent) {
      const [subject] = this.subjectBefore(match.firstToken).slice(-1);
      return { source: agent, target: subject };
    }
    if (match.source) return { source: match.source, target: match.target };
    const subject = this.subjectBefore(match.firstToken);
    const [first, second] = subject;
    if (!first) return null;
    // "Xi and Blinken met": one event between the two (consult, sign, cooperate, clash), not two events.
    if (second && !match.target && JOINT_EVENT.test(match.pattern.code))
      return { source: first, target: second };
    return { source: subject[subject.length - 1]!, target: match.target };
  }

  code(): CodedEvent[] {
    const { tokens } = this.doc;
    const last = tokens[this.sentence.lastToken - 1];
    if (last?.text === '?') return [];
    const events: CodedEvent[] = [];
    for (let i = this.sentence.firstToken; i < this.sentence.lastToken; i++) {
      if (this.mentionAt.has(i)) continue;
      const match = this.bestMatchAt(i);
      if (!match) continue;
      if (this.precededBy(i, MODALS, 2)) continue;
      const parties = this.resolveParties(match);
      if (!parties || parties.source.actor === parties.target?.actor) continue;
      events.push(this.toEvent(match, parties.source, parties.target));
      for (const member of parties.target ? this.includedAfter(parties.target) : []) {
        if (member.actor !== parties.source.actor) events.push(this.toEvent(match, parties.source, member));
      }
      i = match.lastToken - 1;
    }
    return events;
  }

  /**
   * "talks with Chinese officials, including Foreign Minister Qin Gang and top diplomat Wang Yi": the
   * people named after "including" (or "such as") are targets of the same event, each coded on their own.
   */
  private includedAfter(target: EntityMention): EntityMention[] {
    const { tokens } = this.doc;
    let i = target.lastToken;
    if (tokens[i]?.text === ',') i++;
    if (!['including', 'such'].includes(tokens[i]?.text.toLowerCase() ?? '')) return [];
    const members: EntityMention[] = [];
    for (i++; i < this.sentence.lastToken; i++) {
      const token = tokens[i]!;
      const mention = this.mentionAt.get(i);
      if (mention) {
        members.push(mention);
        i = mention.lastToken - 1;
      } else if (token.pos === 'VERB' || token.text === ';' || token.text === '.') break;
    }
    return members;
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

  private party(mention: EntityMention): EventParty {
    return { text: mention.text, code: mention.code!, ...(mention.actor ? { actor: mention.actor } : {}) };
  }

  private toEvent(match: Match, source: EntityMention, target: EntityMention | undefined): CodedEvent {
    const { article } = this.doc;
    const cameo = cameoCode(match.pattern.code);
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
      // A pattern that holds its own negator ("no room for compromise") codes the refusal itself.
      negated: !patternNegates(match.pattern) && this.precededBy(match.firstToken, NEGATIONS, 3),
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

const patternNegates = (pattern: EventPattern): boolean =>
  pattern.parts.some((part) => part.kind === 'word' && NEGATIONS.has(part.lemma));

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
 * `inferred` and with lower confidence; material events (an attack, aid) are never given a target so.
 */
function inferDyadTargets(doc: Doc, events: CodedEvent[]): CodedEvent[] {
  const dyad = mainDyad(doc);
  if (!dyad) return events;
  const names = new Map(
    doc.actors.filter((actor) => actor.id.startsWith('country:')).map((actor) => [actor.country, actor.name]),
  );
  return events.map((event) => {
    const sourceCountry = event.source.code.slice(0, 3);
    if (event.target || (event.quadClass !== 1 && event.quadClass !== 3) || !dyad.includes(sourceCountry))
      return event;
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

/** Pipeline stage: fills `events`. */
export function codeEventsStage(doc: Doc): Doc {
  const events = doc.sentences.flatMap((sentence) =>
    new SentenceCoder(doc, sentence, partyMentions(doc, sentence)).code(),
  );
  return { ...doc, events: inferDyadTargets(doc, events) };
}
