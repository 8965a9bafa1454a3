/** The CAMEO event codebook shipped in data/cameo/cameo.json (built by scripts/build-cameo.ts). */
import { readFileSync } from 'node:fs';
import { dataPath } from '../model/paths.js';
import { timed } from '../model/timing.js';

export interface CameoCode {
  code: string;
  name: string;
  root: string;
  goldstein: number;
  quadClass: 1 | 2 | 3 | 4;
  plover: string;
}

let cached: Map<string, CameoCode> | undefined;

export function cameoCodes(): Map<string, CameoCode> {
  cached ??= timed('CAMEO codebook', () => {
    const file = readFileSync(dataPath('cameo/cameo.json'), 'utf8');
    const { codes } = JSON.parse(file) as { codes: CameoCode[] };
    return new Map(codes.map((entry) => [entry.code, entry]));
  });
  return cached;
}

export function cameoCode(code: string): CameoCode {
  const entry = cameoCodes().get(code);
  if (!entry) throw new Error(`unknown CAMEO event code "${code}"`);
  return entry;
}
