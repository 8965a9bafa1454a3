/**
 * The analysis contract: one zod schema from which the TypeScript types and the JSON Schema
 * (`parley schema`) are both derived, so the three can never drift apart.
 *
 * Every `start`/`end` pair is a half-open character offset into `article.text` (UTF-16 code units,
 * as JavaScript strings index), so that `text.slice(start, end)` gives back the quoted words.
 * Bump ANALYSIS_VERSION on any change that a consumer could notice; docs/schema.md explains each field.
 */
import { z } from 'zod';

import { ANALYSIS_VERSION } from './version.js';

export { ANALYSIS_VERSION };

const offset = z.number().int().nonnegative();
const isoDate = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/,
    'a date as YYYY-MM-DD or a full ISO timestamp',
  );

/** What a reader produces from raw input, before any analysis. */
export const ArticleInputSchema = z.object({
  id: z.string().optional(),
  url: z.string().optional(),
  title: z.string().optional(),
  date: z.string().optional(),
  source: z.string().optional(),
  text: z.string().optional(),
  html: z.string().optional(),
});
export type ArticleInput = z.infer<typeof ArticleInputSchema>;

export const BoilerplateSchema = z.object({
  text: z.string(),
  reason: z.string().describe('why this line is not news, e.g. "promotional line"'),
});

export const ArticleSchema = z.object({
  id: z.string().describe('stable identity: hash of the normalised text, plus the URL when known'),
  url: z.string().nullable(),
  title: z.string(),
  published: isoDate.nullable(),
  source: z.string().nullable(),
  language: z.string().describe('ISO 639-1 code, or "und" when undetermined'),
  text: z.string().describe('the clean body; every offset in the analysis points into it'),
  boilerplate: z.array(BoilerplateSchema),
});
export type Article = z.infer<typeof ArticleSchema>;

export const ThemeCountSchema = z.object({ id: z.string(), count: z.number().int().positive() });

export const SentenceSchema = z.object({
  start: offset,
  end: offset,
  tone: z.number().describe("the sentence's tone, computed as the article's"),
  themes: z.array(ThemeCountSchema).describe('themes matched inside the sentence'),
});
export type Sentence = z.infer<typeof SentenceSchema>;

export const EntityTypeSchema = z.enum(['PER', 'ORG', 'LOC', 'MISC']);
export type EntityType = z.infer<typeof EntityTypeSchema>;

export const ResolutionSchema = z.enum(['dictionary', 'country', 'role-phrase', 'coreference', 'unknown']);

export const EntitySchema = z.object({
  text: z.string(),
  type: EntityTypeSchema,
  start: offset,
  end: offset,
  actor: z.string().optional().describe('id of the resolved actor in `actors`'),
  resolvedBy: ResolutionSchema.optional(),
});
export type Entity = z.infer<typeof EntitySchema>;

export const ActorSchema = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string().describe('CAMEO actor code, e.g. USAGOV or CHN'),
  country: z.string().nullable().describe('three-letter CAMEO country code'),
  type: EntityTypeSchema,
  role: z.string().optional().describe('the role held on the article date, e.g. "Secretary of State"'),
  mentions: z.number().int().positive(),
});
export type Actor = z.infer<typeof ActorSchema>;

export const PlaceSchema = z.object({
  text: z.string(),
  name: z.string(),
  country: z.string().nullable(),
  kind: z.enum(['country', 'capital', 'city', 'region', 'landmark']),
  lat: z.number(),
  lon: z.number(),
  start: offset,
  end: offset,
});
export type Place = z.infer<typeof PlaceSchema>;

export const QuadClassSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

export const EventPartySchema = z.object({
  text: z.string(),
  code: z.string(),
  actor: z.string().optional(),
  inferred: z
    .boolean()
    .optional()
    .describe("not named in the sentence: the other side of the article's main pair of countries"),
});
export type EventParty = z.infer<typeof EventPartySchema>;

export const SpanSchema = z.object({ start: offset, end: offset, text: z.string() });

export const EventSchema = z.object({
  source: EventPartySchema,
  target: EventPartySchema.nullable(),
  code: z.string().regex(/^\d{2,4}$/, 'a CAMEO event code such as "042"'),
  root: z.string().regex(/^\d{2}$/),
  quadClass: QuadClassSchema.describe(
    '1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict',
  ),
  goldstein: z.number().min(-10).max(10),
  plover: z.string(),
  negated: z.boolean(),
  date: isoDate
    .nullable()
    .describe('when it happened: the article date, or a relative expression resolved against it'),
  datePrecision: z
    .enum(['day', 'week', 'month', 'year'])
    .describe('"earlier this year" is known to the year'),
  background: z
    .boolean()
    .describe('the article recalls it: dated before the article week, or told in the past perfect'),
  isRoot: z.boolean().describe("GDELT's IsRootEvent: coded from the article's lead (first paragraph)"),
  place: z
    .object({ name: z.string(), country: z.string().nullable(), lat: z.number(), lon: z.number() })
    .optional(),
  evidence: SpanSchema.describe('the sentence the event was coded from'),
  trigger: SpanSchema.describe('the words that matched the pattern'),
  pattern: z.string().describe('the verb pattern that fired'),
  confidence: z.number().min(0).max(1),
  themes: z.array(z.string()).describe('themes matched in the evidence sentence'),
});
export type CodedEvent = z.infer<typeof EventSchema>;

export const ToneSchema = z.object({
  tone: z.number().describe('positive minus negative, as a percentage of words'),
  positive: z.number().describe('percentage of words with positive valence'),
  negative: z.number().describe('percentage of words with negative valence'),
  polarity: z.number().describe('positive plus negative'),
  activityDensity: z
    .number()
    .describe('percentage of words that are verbs of action (GDELT activity reference density)'),
  selfGroupDensity: z
    .number()
    .describe('percentage of words that are pronouns (GDELT self/group reference density)'),
  wordCount: z.number().int().nonnegative(),
});
export type Tone = z.infer<typeof ToneSchema>;

export const ThemeSchema = z.object({
  id: z.string(),
  count: z.number().int().positive(),
  spans: z
    .array(z.object({ start: offset, end: offset, text: z.string() }))
    .describe('every match, in order'),
});
export type Theme = z.infer<typeof ThemeSchema>;

export const QuoteSchema = z.object({
  text: z.string(),
  start: offset,
  end: offset,
  kind: z
    .enum(['direct', 'reported'])
    .describe('words in quotation marks, or a statement reported in indirect speech'),
  speaker: z
    .object({ text: z.string(), code: z.string(), actor: z.string().optional() })
    .nullable()
    .describe('who said it, when the text allows; code may be empty for an actor of unknown country'),
});
export type Quote = z.infer<typeof QuoteSchema>;

export const AnalysisSchema = z.object({
  version: z.literal(ANALYSIS_VERSION),
  article: ArticleSchema,
  sentences: z.array(SentenceSchema),
  entities: z.array(EntitySchema),
  actors: z.array(ActorSchema),
  places: z.array(PlaceSchema),
  events: z.array(EventSchema),
  tone: ToneSchema,
  themes: z.array(ThemeSchema),
  quotes: z.array(QuoteSchema),
  summary: z.array(SpanSchema).describe("the article's most central sentences (TextRank), in reading order"),
});
export type Analysis = z.infer<typeof AnalysisSchema>;

/** The JSON Schema of the analysis, as printed by `parley schema`. */
export function analysisJsonSchema(): Record<string, unknown> {
  return {
    $id: `https://parley.invalid/schema/analysis-${ANALYSIS_VERSION}.json`,
    title: 'Parley analysis',
    ...z.toJSONSchema(AnalysisSchema),
  };
}
