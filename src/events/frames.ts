/**
 * How the frame around an act changes its CAMEO code. "Iraq will release the prisoners" is not a release
 * (084) but an intent to release (0353); "refuses to release" is a refusal (1243); "urges Iraq to release"
 * an appeal (0253); "demands that Iraq release" a demand (1053); "threatens to attack" a threat (138).
 * CAMEO's roots 02, 03, 10 and 12 share one set of sub-categories (material cooperation, aid, reform,
 * yielding, meeting, mediation), so an act is first mapped to that family and the family to each root.
 * An act under deliberation ("considers suing") is 014 whatever it is.
 */
import { cameoCodes } from './ontology.js';

export type Frame = 'intent' | 'appeal' | 'demand' | 'refusal' | 'threat' | 'deliberation';

/**
 * The family of a cooperative act, as the digits that follow the root in 02x/03x/10x/12x:
 * "6" meet or negotiate, "9" mediate, "1x" material cooperation, "3x" aid, "4x" political reform,
 * "5x" yielding, "0" anything else. Null for acts that are not cooperative.
 */
function family(code: string): string | null {
  if (code === '045') return '9';
  if (/^04/.test(code)) return '6';
  if (code === '057') return '7';
  if (/^05/.test(code)) return '2';
  if (/^06[1-4]/.test(code)) return `1${code[2]}`;
  if (/^06/.test(code)) return '1';
  if (code === '075') return '33';
  if (/^07[1-4]/.test(code)) return `3${code[2]}`;
  if (/^07/.test(code)) return '3';
  if (/^083[1-4]/.test(code)) return `4${code[3]}`;
  if (/^083/.test(code)) return '4';
  if (/^08[4]/.test(code)) return '53';
  if (/^087/.test(code)) return '56';
  if (/^08[1-6]/.test(code)) return `5${code[2]}`;
  if (/^08/.test(code)) return '5';
  if (/^09/.test(code)) return '0';
  return null;
}

const REFUSAL_FAMILY: Record<string, string> = { '1': '1', '3': '2', '4': '3', '5': '4' };

/** The most specific code that exists among `candidates`, else the fallback. */
function firstKnown(candidates: string[], fallback: string): string {
  const codes = cameoCodes();
  return candidates.find((candidate) => codes.has(candidate)) ?? fallback;
}

/** Candidates from most to least specific: "0353", "035". */
const narrowing = (code: string): string[] => [code, code.slice(0, 3)];

/** A conflictual act announced for the future is a threat (CAMEO manual): 163 → 1312, 190 → 1384. */
function threatOf(code: string): string | null {
  const table: Array<[RegExp, string]> = [
    [/^13/, code],
    [/^14/, '133'],
    [/^15/, '138'],
    [/^160/, '131'],
    [/^161/, '1313'],
    [/^162/, '1311'],
    [/^163/, '1312'],
    [/^164/, '134'],
    [/^165/, '135'],
    [/^166/, '136'],
    [/^16/, '131'],
    [/^1722/, '1322'],
    [/^1723/, '1323'],
    [/^1724/, '1324'],
    [/^17/, '137'],
    [/^18/, '1383'],
    [/^191/, '1381'],
    [/^192/, '1382'],
    [/^19/, '1384'],
    [/^20/, '1385'],
  ];
  return table.find(([pattern]) => pattern.test(code))?.[1] ?? null;
}

/**
 * The code of `act` inside `frame`, or null when the frame does not apply (an intent to criticise is
 * not an intent to cooperate: the caller keeps the act or drops it).
 */
export function framedCode(frame: Frame, act: string): string | null {
  const kin = family(act);
  switch (frame) {
    case 'intent':
      // Cooperative acts in the future are intents; conflictual ones threats (the manual's rule).
      if (kin !== null) return firstKnown(narrowing(`03${kin}`), '030');
      return threatOf(act);
    case 'appeal':
      if (kin === '9') return '028';
      return kin === null ? '020' : firstKnown(narrowing(`02${kin}`), '020');
    case 'demand':
      if (kin === '6') return '108';
      if (kin === '9') return '105';
      return kin === null ? '100' : firstKnown(narrowing(`10${kin}`), '100');
    case 'refusal':
      if (kin === '6') return '125';
      if (kin === '9') return '126';
      if (kin === '7') return '127';
      if (kin === null || kin === '0' || kin === '2') return '120';
      // 12x numbers the families one lower: 121 material cooperation, 122 aid, 123 reform, 124 yielding.
      return firstKnown(narrowing(`12${REFUSAL_FAMILY[kin[0]!] ?? ''}${kin.slice(1)}`), '120');
    case 'threat':
      return threatOf(act) ?? '130';
    case 'deliberation':
      // "considers suing Israel", "weighs sanctions on Iran": CAMEO's "consider policy option", whatever the act.
      return '014';
  }
}
