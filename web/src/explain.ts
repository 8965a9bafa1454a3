/** Plain-text explanations of actors, events and places, shared by the tooltips and the lists. */
import { eventName, quadLabel } from './cameo.js';
import { countryName } from './countries.js';
import { signed } from './dom.js';
import type { Actor, CodedEvent, Place, StoredEvent } from './types.js';

/** What an event needs to be explained: the analysis's events and the store's rows both have it. */
export interface EventLike {
  code: string;
  goldstein: number;
  quadClass: number;
  negated: boolean;
  sourceText: string;
  sourceCode: string;
  targetText: string | null;
  targetCode: string | null;
  pattern?: string;
  confidence?: number;
}

export function fromCoded(event: CodedEvent): EventLike {
  return {
    code: event.code,
    goldstein: event.goldstein,
    quadClass: event.quadClass,
    negated: event.negated,
    sourceText: event.source.text,
    sourceCode: event.source.code,
    targetText: event.target?.text ?? null,
    targetCode: event.target?.code ?? null,
    pattern: event.pattern,
    confidence: event.confidence,
  };
}

export function fromStored(event: StoredEvent): EventLike {
  return event;
}

const party = (text: string | null, code: string | null): string =>
  text ? `${text}${code ? ` (${code})` : ''}` : 'no target';

/** "Xi Jinping (CHNGOV) → Antony Blinken (USAGOV)" */
export function eventParties(event: EventLike): string {
  return `${party(event.sourceText, event.sourceCode)} → ${party(event.targetText, event.targetCode)}`;
}

/** "040 Consult, not specified below" */
export function eventTitle(event: Pick<EventLike, 'code'>): string {
  return `${event.code} ${eventName(event.code)}`;
}

export function describeEvent(event: EventLike): string {
  const lines = [
    `Event ${eventTitle(event)}${event.negated ? ' (negated)' : ''}`,
    eventParties(event),
    `Goldstein ${signed(event.goldstein, 1)} · ${quadLabel(event.quadClass)}`,
  ];
  if (event.pattern !== undefined)
    lines.push(
      `Pattern “${event.pattern}”${event.confidence !== undefined ? `, confidence ${event.confidence.toFixed(2)}` : ''}`,
    );
  return lines.join('\n');
}

const RESOLUTION: Record<string, string> = {
  dictionary: 'a known person or organisation (dictionary)',
  country: 'a country, its adjective or capital (country)',
  'role-phrase': 'a role phrase or title such as “Russian troops” or “U.S. Secretary of State” (role-phrase)',
  coreference: 'a later mention of someone named earlier: a surname, “the secretary”, “he” (coreference)',
  unknown: 'a name no dictionary knows (unknown)',
};

export function resolutionText(resolvedBy: string | undefined): string {
  return resolvedBy ? (RESOLUTION[resolvedBy] ?? resolvedBy) : 'not resolved';
}

export function describeActor(actor: Actor, resolvedBy?: string): string {
  const lines = [
    `${actor.name} — ${actor.code || 'no code'}${actor.role ? `, ${actor.role}` : ''}`,
    `${actor.type === 'PER' ? 'Person' : actor.type === 'ORG' ? 'Organisation' : actor.type === 'LOC' ? 'Country or place' : 'Other'}${actor.country ? ` of ${countryName(actor.country)}` : ''}`,
  ];
  if (resolvedBy) lines.push(`Resolved as ${resolutionText(resolvedBy)}`);
  return lines.join('\n');
}

export function describePlace(place: Place): string {
  return [
    `${place.name} — ${place.kind}${place.country ? ` in ${countryName(place.country)}` : ''}`,
    `${place.lat.toFixed(2)}, ${place.lon.toFixed(2)}`,
  ].join('\n');
}
