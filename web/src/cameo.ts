/**
 * CAMEO event codes and quad classes: names, Goldstein scores and the colours used for them everywhere,
 * from data/cameo/cameo.json (the same table the event coder uses).
 */
import { codes } from '../../data/cameo/cameo.json';

interface CameoCode {
  code: string;
  name: string;
  goldstein: number;
  quadClass: number;
}

const byCode = new Map<string, CameoCode>((codes as CameoCode[]).map((entry) => [entry.code, entry]));

/** "Consult, not specified below" for "040"; the code itself when unknown. */
export function eventName(code: string): string {
  const name = byCode.get(code)?.name;
  if (!name) return `CAMEO ${code}`;
  // Root names are upper case in the table ("CONSULT"); show them as sentences.
  // "…, not specified below" is the codebook's note that no finer code applies; it reads as noise here.
  const cleaned = name
    .replace(/,?\s*not spec(ified)? below$/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned === cleaned.toUpperCase() ? cleaned.charAt(0) + cleaned.slice(1).toLowerCase() : cleaned;
}

export const QUAD_CLASSES = [
  { value: 1, label: 'Verbal cooperation', colour: '#0068a8' },
  { value: 2, label: 'Material cooperation', colour: '#00785a' },
  { value: 3, label: 'Verbal conflict', colour: '#a35200' },
  { value: 4, label: 'Material conflict', colour: '#b0174f' },
] as const;

export function quadLabel(quadClass: number): string {
  return QUAD_CLASSES.find((quad) => quad.value === quadClass)?.label ?? `Quad class ${quadClass}`;
}

export function quadColour(quadClass: number): string {
  return QUAD_CLASSES.find((quad) => quad.value === quadClass)?.colour ?? '#555';
}
