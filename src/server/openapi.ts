/** The OpenAPI 3.1 document of the API, generated from the same zod schemas the server validates with. */
import { z, type ZodObject, type ZodType } from 'zod';
import { AnalysisSchema, ANALYSIS_VERSION } from '../model/schema.js';
import {
  ActorQuerySchema,
  ArticleBodySchema,
  EventsQuerySchema,
  ExplainQuerySchema,
  ExportQuerySchema,
  IngestBodySchema,
  MapQuerySchema,
  NetworkQuerySchema,
  PairQuerySchema,
  SearchQuerySchema,
} from './schemas.js';

const jsonSchema = (schema: ZodType): Record<string, unknown> =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;

/** Query parameters from a strict zod object: one OpenAPI parameter per field. */
function queryParameters(schema: ZodObject): Array<Record<string, unknown>> {
  const { properties = {}, required = [] } = jsonSchema(schema) as {
    properties?: Record<string, unknown>;
    required?: string[];
  };
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: required.includes(name),
    schema: property,
  }));
}

const problem = {
  description: 'An error, as application/problem+json',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};
const ok = (description: string, schema: Record<string, unknown> = { type: 'object' }) => ({
  description,
  content: { 'application/json': { schema } },
});
const get = (summary: string, parameters: Array<Record<string, unknown>>, response = ok(summary)) => ({
  get: { summary, parameters, responses: { 200: response, 400: problem, 404: problem } },
});
const pathParameter = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string' },
});

export function openApiDocument(): Record<string, unknown> {
  const analysis = { $ref: '#/components/schemas/Analysis' };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Parley API',
      version: ANALYSIS_VERSION,
      description: 'News turned into evidence-backed data about international relations.',
    },
    components: {
      schemas: {
        Analysis: jsonSchema(AnalysisSchema),
        Problem: {
          type: 'object',
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
          },
          required: ['title', 'status', 'detail'],
        },
      },
      securitySchemes: {
        token: {
          type: 'http',
          scheme: 'bearer',
          description: 'PARLEY_TOKEN, needed for writes and exports when the server has one',
        },
      },
    },
    paths: {
      '/api/analyze': {
        post: {
          summary: 'Analyse one article without storing it',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(ArticleBodySchema) } },
          },
          responses: { 200: ok('The analysis', analysis), 400: problem, 413: problem, 422: problem },
        },
      },
      '/api/articles': {
        post: {
          summary:
            'Analyse and store one article or a batch ({articles: [...]}); each is stored once, a near-duplicate of a stored story as its copy (articles[].outcome: stored, copy or duplicate)',
          security: [{ token: [] }],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(IngestBodySchema) } },
          },
          responses: {
            200: ok('Nothing new was stored'),
            201: ok('Stored'),
            400: problem,
            401: problem,
            413: problem,
          },
        },
      },
      '/api/articles/{id}': {
        get: {
          summary: 'One stored article with its analysis',
          parameters: [pathParameter('id', 'article id or a unique prefix')],
          responses: { 200: ok('The analysis', analysis), 404: problem },
        },
      },
      '/api/search': get(
        'Full-text search, best first, with snippets; cursor-paged',
        queryParameters(SearchQuerySchema),
      ),
      '/api/events': get('Events, newest first, filtered; cursor-paged', queryParameters(EventsQuerySchema)),
      '/api/export': {
        get: {
          summary: 'Export the events of a filter as JSONL or CSV',
          security: [{ token: [] }],
          parameters: queryParameters(ExportQuerySchema),
          responses: { 200: { description: 'JSONL or CSV' }, 400: problem, 401: problem },
        },
      },
      '/api/actors/{code}': {
        get: {
          summary: 'An actor profile over time',
          parameters: [
            pathParameter('code', 'CAMEO country or actor code'),
            ...queryParameters(ActorQuerySchema),
          ],
          responses: { 200: ok('The profile'), 400: problem },
        },
      },
      '/api/relations': get('The relations barometer between two actors', queryParameters(PairQuerySchema)),
      '/api/relations/explain': get(
        'The events that moved one period of the barometer',
        queryParameters(ExplainQuerySchema),
      ),
      '/api/themes': get(
        'Theme trends of the articles behind a pair’s events',
        queryParameters(PairQuerySchema),
      ),
      '/api/summary': get('What the database holds', []),
      '/api/network': get('Country-to-country event edges for a period', queryParameters(NetworkQuerySchema)),
      '/api/map': get('Events per place with coordinates', queryParameters(MapQuerySchema)),
    },
  };
}
