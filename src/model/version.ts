/**
 * The version of the analysis contract (src/model/schema.ts). Bump it on any change that a consumer could
 * notice; docs/schema.md explains each field. Apart from the schema so that the pipeline, which stamps every
 * analysis with it, does not import zod at start (about 100 ms of `parley analyze`'s cold start).
 */
export const ANALYSIS_VERSION = '1.2.0';
