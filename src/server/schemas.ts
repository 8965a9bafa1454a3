/**
 * Request schemas of the HTTP API, in zod like the analysis contract: the server validates with them
 * and the OpenAPI document is generated from them, so the two cannot disagree. Objects are strict:
 * an unknown field is an error, not silently ignored.
 */
import { z } from 'zod';

const code = z
  .string()
  .regex(/^[A-Za-z]{3,12}$/, 'a CAMEO country or actor code such as USA or CHNGOV')
  .transform((value) => value.toUpperCase());
const date = z.string().regex(/^\d{4}(-\d{2}){0,2}$/, 'a date as YYYY, YYYY-MM or YYYY-MM-DD');
const unit = z.enum(['day', 'week', 'month', 'year']);
const limit = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback);

export const ArticleBodySchema = z
  .object({
    id: z.string().max(200).optional(),
    url: z.string().max(2000).optional(),
    title: z.string().max(2000).optional(),
    date: z.string().max(40).optional(),
    source: z.string().max(500).optional(),
    text: z.string().optional(),
    html: z.string().optional(),
  })
  .strict()
  .refine(
    (body) =>
      (body.text ?? '').trim() !== '' ||
      (body.html ?? '').trim() !== '' ||
      /^https?:\/\//i.test(body.url ?? ''),
    { message: 'give "text", "html", or an http(s) "url" to fetch' },
  );

export const BatchBodySchema = z.object({ articles: z.array(ArticleBodySchema).min(1).max(1000) }).strict();

/** One article, or `{articles: [...]}`; for the OpenAPI document (the server picks the branch by key, for clear errors). */
export const IngestBodySchema = z.union([ArticleBodySchema, BatchBodySchema]);

export const SearchQuerySchema = z
  .object({ q: z.string().min(1).max(500), limit: limit(100, 10), cursor: z.string().max(200).optional() })
  .strict();

export const EventsQuerySchema = z
  .object({
    actor: code.optional(),
    source: code.optional(),
    target: code.optional(),
    code: z
      .string()
      .regex(/^\d{2,4}$/, 'a CAMEO event code or prefix such as 04 or 163')
      .optional(),
    quadClass: z.coerce.number().int().min(1).max(4).optional(),
    place: z.string().max(200).optional(),
    theme: z
      .string()
      .regex(/^[A-Z0-9_]{2,60}$/, 'a theme id such as TAIWAN')
      .optional(),
    article: z.string().max(64).optional(),
    since: date.optional(),
    until: date.optional(),
    limit: limit(1000, 100),
    cursor: z.string().max(200).optional(),
  })
  .strict();

export const ExportQuerySchema = EventsQuerySchema.omit({ limit: true, cursor: true })
  .extend({ format: z.enum(['jsonl', 'csv']).default('jsonl'), limit: limit(100_000, 10_000) })
  .strict();

export const PairQuerySchema = z
  .object({ a: code, b: code, by: unit.default('month'), since: date.optional(), until: date.optional() })
  .strict();

export const ExplainQuerySchema = PairQuerySchema.extend({
  period: z.string().regex(/^\d{4}(-W\d{2}|-\d{2}(-\d{2})?)?$/, 'a period such as 2023-06, 2023-W25 or 2023'),
}).strict();

export const ActorQuerySchema = z
  .object({ by: unit.default('year'), since: date.optional(), until: date.optional() })
  .strict();

export const NetworkQuerySchema = z
  .object({ since: date.optional(), until: date.optional(), limit: limit(500, 100) })
  .strict();

export const MapQuerySchema = z
  .object({ since: date.optional(), until: date.optional(), actor: code.optional() })
  .strict();
