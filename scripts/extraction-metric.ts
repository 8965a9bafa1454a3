/**
 * The article-extraction metric of the public article-extraction benchmark (scrapinghub), as described in
 * the shared data README ("extraction-dev: the metric"):
 *   - tokens are maximal runs of /[\p{L}\p{N}_]+/u, case kept;
 *   - a text's units are its 4-token windows; a text of 1–3 tokens is one unit; an empty text has none;
 *   - units are compared as multisets: tp = shared count, fp = extra predicted, fn = missing;
 *   - per page: precision = tp/(tp+fp), recall = tp/(tp+fn), both 1 when fp = fn = 0;
 *   - corpus precision = mean over pages with a non-empty prediction, corpus recall = mean over all pages,
 *     F1 = harmonic mean of those two means.
 */

const TOKEN = /[\p{L}\p{N}_]+/gu;
export const SHINGLE_SIZE = 4;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** The multiset of a text's units (4-token windows), keyed by the tokens joined with a space. */
export function shingles(text: string, size = SHINGLE_SIZE): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  if (tokens.length === 0) return counts;
  const windows = Math.max(1, tokens.length - size + 1);
  for (let i = 0; i < windows; i++) {
    // Tokens never contain a space, so joining with one is unambiguous.
    const key = tokens.slice(i, i + size).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export interface PageScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  /** Whether the prediction has at least one unit (only those pages count towards corpus precision). */
  predicted: boolean;
}

export function scorePage(truth: string, prediction: string): PageScore {
  const gold = shingles(truth);
  const pred = shingles(prediction);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, count] of pred) {
    const goldCount = gold.get(key) ?? 0;
    tp += Math.min(count, goldCount);
    fp += Math.max(0, count - goldCount);
  }
  for (const [key, count] of gold) fn += Math.max(0, count - (pred.get(key) ?? 0));
  const perfect = fp === 0 && fn === 0;
  return {
    tp,
    fp,
    fn,
    precision: perfect ? 1 : tp + fp === 0 ? 0 : tp / (tp + fp),
    recall: perfect ? 1 : tp + fn === 0 ? 0 : tp / (tp + fn),
    predicted: pred.size > 0,
  };
}

export interface CorpusScore {
  precision: number;
  recall: number;
  f1: number;
  pages: number;
  /** Pages with a non-empty prediction. */
  predicted: number;
}

const mean = (values: number[]): number =>
  values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;

export function aggregate(scores: PageScore[]): CorpusScore {
  const withPrediction = scores.filter((score) => score.predicted);
  const precision = mean(withPrediction.map((score) => score.precision));
  const recall = mean(scores.map((score) => score.recall));
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, pages: scores.length, predicted: withPrediction.length };
}

/** Scores predictions against ground truth; a page missing from `predictions` counts as an empty prediction. */
export function scoreCorpus(
  truth: Record<string, string>,
  predictions: Record<string, string | undefined>,
): { corpus: CorpusScore; pages: Record<string, PageScore> } {
  const pages: Record<string, PageScore> = {};
  for (const [id, body] of Object.entries(truth)) pages[id] = scorePage(body, predictions[id] ?? '');
  return { corpus: aggregate(Object.values(pages)), pages };
}
