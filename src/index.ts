/**
 * Parley as a library: `analyze` one article, `openStore` a database, and the zod schemas of the
 * analysis contract. The CLI is a thin layer over exactly these.
 */
export { analyze, analyzeArticle, STAGES, type AnalyzeOptions } from './pipeline.js';
export { ingest, type IngestOptions, type IngestReport } from './batch.js';
export { buildArticle } from './ingest/article.js';
export { extractHtml, type ExtractedPage } from './ingest/html.js';
export { readInputs } from './ingest/sources.js';
export { InputError } from './ingest/errors.js';
export { openStore } from './store/index.js';
export type { EventFilter, SearchHit, Store, StoredEvent, StoreSummary } from './store/index.js';
export { useActorFiles } from './actors/dictionary.js';
export { usePatternFiles } from './events/patterns.js';
export { useThemeFiles } from './analysis/themes.js';
export { barometer, explainPeriod, type Barometer, type Shift } from './relations.js';
export { computeBarometer, type BarometerPoint, type PeriodUnit } from './analysis/barometer.js';
export * from './model/schema.js';
