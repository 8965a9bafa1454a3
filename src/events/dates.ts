/**
 * When did an event happen? The article's date by default; a relative expression in the sentence
 * ("on Monday", "yesterday", "last week", "earlier this year", "June 18") is resolved against
 * it. An event the article only recalls — dated clearly before the news, or told in the past perfect
 * ("had strained relations") — is marked `background`. Hand-written: date libraries parse absolute
 * dates, not news English relative to a publication date.
 */

const DAY_MS = 86_400_000;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

export type DatePrecision = 'day' | 'week' | 'month' | 'year';

export interface EventTiming {
  date: string;
  /** How exactly `date` is known: "earlier this year" gives the year's first day, precise to the year. */
  precision: DatePrecision;
  background: boolean;
  /** The words the date came from, when not the article date. */
  expression?: string;
}

const iso = (time: number): string => new Date(time).toISOString().slice(0, 10);
const utc = (date: string): number => Date.parse(`${date.slice(0, 10)}T00:00:00Z`);

/** Background: the news happened before the article's own week. */
const BACKGROUND_DAYS = 7;

interface Rule {
  pattern: RegExp;
  precision: DatePrecision;
  resolve: (match: RegExpExecArray, published: number) => number | null;
  /** Periods ("earlier this year", "last year") are background even when their start is near. */
  background?: boolean;
}

/** The latest given weekday on or before the publication day ("on Monday" in a Wednesday paper). */
function lastWeekday(published: number, weekday: number): number {
  const today = new Date(published).getUTCDay();
  return published - ((today - weekday + 7) % 7) * DAY_MS;
}

/** The latest date with this month (and day) on or before publication ("in March", "June 18"). */
function lastMonthDay(published: number, month: number, day: number): number | null {
  const year = new Date(published).getUTCFullYear();
  for (const candidate of [year, year - 1]) {
    const time = Date.UTC(candidate, month, day);
    if (new Date(time).getUTCMonth() !== month) return null; // "February 30"
    if (time <= published) return time;
  }
  return null;
}

/**
 * Only expressions that date the sentence's own news. "In March" or "in 1979" are left out on purpose:
 * in news they mostly date background clauses ("… since the U.S. cut formal ties in 1979"), not the event.
 */
const RULES: Rule[] = [
  {
    pattern: new RegExp(`\\b(?:on|last)\\s+(${WEEKDAYS.join('|')})\\b`, 'i'),
    precision: 'day',
    resolve: (match, published) => lastWeekday(published, WEEKDAYS.indexOf(match[1]!.toLowerCase())),
  },
  { pattern: /\byesterday\b/i, precision: 'day', resolve: (_match, published) => published - DAY_MS },
  {
    pattern: /\b(today|this morning|tonight|on (?:this|the same) day)\b/i,
    precision: 'day',
    resolve: (_match, published) => published,
  },
  {
    pattern: /\blast week\b/i,
    precision: 'week',
    resolve: (_match, published) => published - 7 * DAY_MS,
    background: true,
  },
  {
    pattern: /\blast month\b/i,
    precision: 'month',
    resolve: (_match, published) =>
      Date.UTC(new Date(published).getUTCFullYear(), new Date(published).getUTCMonth() - 1, 1),
    background: true,
  },
  {
    pattern: /\bearlier this year\b/i,
    precision: 'year',
    resolve: (_match, published) => Date.UTC(new Date(published).getUTCFullYear(), 0, 1),
    background: true,
  },
  {
    pattern: /\blast year\b/i,
    precision: 'year',
    resolve: (_match, published) => Date.UTC(new Date(published).getUTCFullYear() - 1, 0, 1),
    background: true,
  },
  {
    pattern: new RegExp(`\\b(${MONTHS.join('|')})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!,?\\s*\\d{4})`, 'i'),
    precision: 'day',
    resolve: (match, published) =>
      lastMonthDay(published, MONTHS.indexOf(match[1]!.toLowerCase()), Number(match[2])),
  },
];

/** Past perfect ("had strained", "had been cancelled"): told as what came before the news. */
const PAST_PERFECT = /\bhad\s+(?:\w+ly\s+)?(?:been\s+)?\w+(?:ed|en|t)\b/i;

/**
 * The date of an event told in `sentence`, published on `published` (YYYY-MM-DD...). Future expressions
 * are not resolved: an event is never dated after its article.
 */
export function eventTiming(sentence: string, published: string): EventTiming {
  const day = utc(published);
  for (const rule of RULES) {
    const match = rule.pattern.exec(sentence);
    if (!match) continue;
    const time = rule.resolve(match, day);
    if (time === null || time > day) continue;
    const background = !!rule.background || day - time > BACKGROUND_DAYS * DAY_MS;
    return {
      date: iso(time),
      precision: rule.precision,
      background: background || PAST_PERFECT.test(sentence),
      expression: match[0],
    };
  }
  return { date: published.slice(0, 10), precision: 'day', background: PAST_PERFECT.test(sentence) };
}
