/** Country names for CAMEO country codes, from the gazetteer Parley itself uses (data/actors/countries.tsv). */
import countriesTsv from '../../data/actors/countries.tsv?raw';

const names = new Map<string, string>();
for (const line of countriesTsv.split('\n')) {
  if (line.startsWith('#') || line.trim() === '') continue;
  const [code, name] = line.split('\t');
  if (code && name) names.set(code, name);
}

/** Extra codes that are not countries but appear as event parties. */
const OTHERS: Record<string, string> = {
  IGO: 'International organisation',
  IGOUNO: 'United Nations',
  IGOEU: 'European Union',
  IGONAT: 'NATO',
};

/** "China" for CHN, "China (government)" for CHNGOV; the code itself when unknown. */
export function countryName(code: string | null | undefined): string {
  if (!code) return '';
  const known = names.get(code) ?? OTHERS[code];
  if (known) return known;
  const country = names.get(code.slice(0, 3));
  return country ? `${country} (${code.slice(3)})` : code;
}

/** Every known country, sorted by code, for input suggestions. */
export function allCountries(): Array<{ code: string; name: string }> {
  return [...names].map(([code, name]) => ({ code, name })).sort((x, y) => x.code.localeCompare(y.code));
}

const DATALIST_ID = 'country-codes';

/**
 * The id of a page-wide <datalist> of country codes (created once), for actor inputs: `list: countryList()`.
 */
export function countryList(): string {
  if (!document.getElementById(DATALIST_ID)) {
    const list = document.createElement('datalist');
    list.id = DATALIST_ID;
    for (const { code, name } of allCountries()) {
      const option = document.createElement('option');
      option.value = code;
      option.label = name;
      list.appendChild(option);
    }
    document.body.appendChild(list);
  }
  return DATALIST_ID;
}

/** An actor code from user input or a URL, upper-cased, or null when it is not one. */
export function actorCode(value: string | null | undefined): string | null {
  const code = (value ?? '').trim().toUpperCase();
  return /^[A-Z]{3,12}$/.test(code) ? code : null;
}
