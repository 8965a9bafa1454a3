/**
 * Finds the leftovers that web text copied into a plain file carries — promotional lines, photo captions
 * and credits, bare tag lines, bylines, datelines, dates, share/related/advert furniture, copyright
 * notices — by their form, not by a list of known strings. Each heuristic is a small named function
 * (trafilatura's way) returning the reason it fired, so `boilerplate[].reason` explains itself.
 *
 * The closed word classes below (reader actions, furniture labels, role words, month names) are the
 * grammar of page furniture, not strings of any outlet: a line is judged by how it is built — who it
 * addresses, whether it has a verb, where it sits, whether it carries a credit or a © — and the checks
 * in test/fixtures/leftovers/ hold both ways: leftovers found, look-alike news kept.
 */

export interface Paragraph {
  text: string;
}

type Heuristic = (line: string, context: LineContext) => string | null;

interface LineContext {
  index: number;
  lines: string[];
}

const words = (line: string): string[] => line.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));

const hasEndPunctuation = (line: string): boolean => /[.!?:;"”’)\]。！？]\s*$/.test(line);

/** A line that opens with a quotation is someone's words, reported: never furniture. */
const QUOTED_START = /^["“‘'«„]/;

/**
 * A reporting verb marks news: promotion speaks to the reader, news reports what someone said
 * ("Read the full statement on the ministry's website, the spokesman told reporters.").
 */
const REPORTING =
  /\b(said|says|told|tells|according to|reported|reports|added|urged|warned|asked|announced|wrote)\b/i;

/**
 * Imperative calls to the reader. The verbs are a closed class of reader actions: a news sentence rarely
 * opens with "Subscribe" or "Follow us". Each alternative ends at a word boundary, so "Subscribers",
 * "Follow-up talks" and "Sign-ups" are not calls.
 */
const READER_ACTION =
  /^(check out|stay (updated|tuned|informed|connected|up to date|with us)|subscribe\b|sign up\b|follow\s|click\b|tap\b|read (more|also|next|the full|our)\b|download\s|share (this|it|on|via)\b|don'?t miss|never miss|get (the|our|your)\s|join\s|like us\b|listen (to|now)\b|watch (the|our|now)\s|visit (our|us)\b|support\s|become a (member|subscriber|supporter)\b|turn on\b|register\b|log in\b|donate\b)/i;
/** Who or what the call is about: the reader, the outlet, or the outlet's channels and products. */
const READER_ADDRESS =
  /\b(our|us|you|your|here|this (article|story|page|video))\b|\b(twitter|facebook|instagram|linkedin|telegram|youtube|whatsapp|tiktok|threads|bluesky|newsletters?|podcasts?|app|inbox|notifications|alerts|comments|live blog|members?(hip)?|subscriptions?|journalism|limits)\b/i;

/**
 * The sentences of a short line, each with a leading "For the latest updates, " clause set aside, so that
 * "Like what you read? Support …" and "For the latest updates, follow our live blog." are read at their verb.
 */
function clauses(line: string): string[] {
  return line
    .split(/(?<=[.!?:])\s+|\s+[–—]\s+/)
    .map((sentence) => sentence.replace(/^(for|to) [^,]{1,40},\s*/i, '').trim())
    .filter(Boolean);
}

/**
 * Imperative promotion addressed to the reader ("Subscribe to our newsletter", "Follow us on Telegram").
 * The address is looked for outside the call itself, so "Get your hands off the Clangers!" (a quoted
 * shout) is not promotion while "Get our free mobile app" is.
 */
function promotionalLine(line: string): string | null {
  if (words(line).length > 30 || QUOTED_START.test(line) || REPORTING.test(line)) return null;
  for (const clause of clauses(line)) {
    const call = READER_ACTION.exec(clause);
    if (call && READER_ADDRESS.test(line.replace(call[0], ' '))) {
      return 'promotional line (imperative addressed to the reader)';
    }
  }
  return null;
}

/**
 * Page furniture: a label alone ("Advertisement", "RELATED STORIES", "Most Read", "Topics"), or a label and
 * what it points to ("Related: …", "Read more: …", "Image caption, …", "Comments (12)"). The label must end
 * the line or be followed by a separator, so "Related talks in Vienna ended…" is a sentence, not a label.
 */
const FURNITURE_LABEL =
  /^(advertisement|sponsored( content)?|promoted|related( articles| stories| topics| content| coverage| news)?|more (from|on|in) [\p{L} ]{1,30}|recommended( for you)?|trending( now)?|most (read|popular|viewed|shared)|top stories|editor['’]?s picks|you may also like|read (more|also|next)|also read|see also|further reading|watch|video|listen|gallery|in pictures|topics|tags|keywords|filed under|share( this)?( article| story| page)?|comments?( \(\d+\))?|continue reading|scroll (down )?(to|for) [\p{L} ]+|skip to [\p{L} ]+|image caption|media caption|image source)\s*([:,|–—-]\s*\S.*|\(\d+\))?$/iu;
/** Share rows: nothing but share verbs and network names ("Share on Facebook Share on Twitter Share via Email"). */
const SHARE_WORDS =
  /^(share|shares|on|via|facebook|twitter|x|email|e-mail|mail|whatsapp|linkedin|reddit|telegram|print|copy|link|pinterest|tweet|messenger|flipboard|this|article|story)$/i;

function pageFurniture(line: string): string | null {
  const count = words(line).length;
  if (count <= 20 && FURNITURE_LABEL.test(line)) return 'page furniture (label)';
  const tokens: string[] = line.toLowerCase().match(/[\p{L}-]+/gu) ?? [];
  if (tokens.length >= 2 && tokens.includes('share') && tokens.every((token) => SHARE_WORDS.test(token))) {
    return 'page furniture (share buttons)';
  }
  // "Story continues below advertisement": a short line that announces an advert is never the story.
  if (
    count <= 6 &&
    /\b(advertisement|advertising|sponsored|promoted)\b/i.test(line) &&
    !hasEndPunctuation(line)
  ) {
    return 'page furniture (advertising)';
  }
  return null;
}

/**
 * Photo credits: a label ("Photo:", "Photograph:", "Image credit:", "File photo:"), a credit in parentheses
 * ("(Photo: AP)", "(Photo by … /Getty Images)"), an agency-photo credit ("AP Photo/…"), a stock credit
 * alone ("Getty Images", "Alamy Stock Photo"), or a "Name Name/Agency" credit closing a caption.
 */
const CREDIT_LABEL =
  /^\(?\s*(photo(graph)?s?|pictures?|pic|images?|video|credit|illustration|graphic|file (photo|picture|image)|(main|top|header|cover|lead|featured|hero) (image|photo|picture))(\s+(credit|source|by|courtesy))?\s*(?<separator>[:,])/i;
/** Words a credit has after a label and a comma ("File photo, Reuters"); "Photographs, diaries and footage of … are made available." is news. */
const COMMA_CREDIT_WORDS = 8;
function creditLabel(line: string): boolean {
  const match = CREDIT_LABEL.exec(line);
  return !!match && (match.groups?.separator === ':' || words(line).length <= COMMA_CREDIT_WORDS);
}
const CREDIT_IN_PARENTHESES =
  /\((photo|image|picture|pic|credit|file photo|video)s?(\s*[:/]|\s+by\b)[^)]*\)/i;
const AGENCY_PHOTO = /\b\p{Lu}[\p{L}]*\s+(Photo|Pictures?|Images)\s*\/\s*\p{Lu}/u;
const STOCK_CREDIT = /^(\p{Lu}[\p{L}.'’&-]*\s+){0,3}(Images|Stock( Photo)?|Photos?|Pictures)$/u;
const NAME = "\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,3}";
/**
 * "Mahmoud Issa/Reuters", "REUTERS/Sergey Pivovarov", "Ludovic Marin/AFP/Getty Images", "… /Pool via Reuters":
 * the whole line, or after the caption's last full stop ("Reading v Stockport/Swansea" is a fixture).
 */
const CREDIT_TAIL = new RegExp(
  `(?:^|[.]\\s+)${NAME}\\s*\\/\\s*${NAME}(?:\\s+via\\s+${NAME})?(?:\\s*\\/\\s*${NAME})*\\s*$`,
  'u',
);
/**
 * Who-is-where markers typical of captions: "(left)", "(right)", "(centre)". Not "(L)"/"(R)": in American
 * news "(R)" is a party ("Gov. Kristi Noem (R) is defending…").
 */
const POSITION_MARKER = /\((left|right|center|centre|top|bottom|second (left|right)|front|back)\)/i;

function photoCaption(line: string): string | null {
  if (creditLabel(line) || CREDIT_IN_PARENTHESES.test(line)) return 'photo caption (credit)';
  if (AGENCY_PHOTO.test(line) || STOCK_CREDIT.test(line)) return 'photo caption (credit)';
  // A caption's credit closes it without a full stop; a sentence ending in "Israel/Gaza." is news.
  if (!hasEndPunctuation(line) && CREDIT_TAIL.test(line)) return 'photo caption (credit)';
  if (POSITION_MARKER.test(line) && words(line).length < 60) return 'photo caption (position marker)';
  return null;
}

/**
 * Bylines and credits: "By …", "Reporting by …; Editing by …", "— With assistance from …", made of names,
 * connectors and dates only — "By the end of the year, …" and "By Tuesday evening, …" have other words.
 */
const BYLINE_START =
  /^([—–-]\s*)?(by|written by|words by|text by|story by|reporting by|additional reporting by|writing by|editing by|compiled by|with (assistance|reporting) from|with additional reporting by)\s+/i;
/** "By" and a capitalised word: a name follows (a case-insensitive \p{Lu} would match any letter). */
const startsByline = (line: string): boolean => {
  const match = BYLINE_START.exec(line);
  return match !== null && /^\p{Lu}/u.test(line.slice(match[0].length));
};
/** Words a byline may hold besides names: connectors, credit roles, dates. */
const BYLINE_WORDS =
  /^(and|in|&|of|for|the|at|from|with|via|by|reporting|writing|editing|additional|assistance|staff|correspondent|reporter|writer|editor|contributor|am|pm|a\.m\.|p\.m\.)$/i;
const ROLE_WORDS =
  /^(correspondent|reporter|writer|editor|contributor|columnist|staff|agencies|bureau|desk)$/i;

const isNameOrDateWord = (word: string): boolean =>
  /^\p{Lu}/u.test(word) || /^\d/.test(word) || BYLINE_WORDS.test(word) || ROLE_WORDS.test(word);

function byline(line: string): string | null {
  const tokens = line
    .replace(/[;|•·,:()]/g, ' ')
    .replace(/[.]$/, '')
    .split(/\s+/)
    .filter((token) => /[\p{L}\p{N}]/u.test(token));
  if (tokens.length > 25) return null;
  if (startsByline(line) && tokens.every(isNameOrDateWord)) return 'byline';
  // "Jane Doe, Beijing correspondent", "Staff and agencies": names and a role, nothing else.
  if (tokens.length <= 8 && tokens.some((t) => ROLE_WORDS.test(t)) && tokens.every(isNameOrDateWord)) {
    return 'byline (name and role)';
  }
  if (/\bcontributed( reporting)? to this (report|story|article)\.?$/i.test(line) && tokens.length <= 25) {
    return 'byline (contributors)';
  }
  return null;
}

/**
 * Publication metadata: a line made only of dates, times, zones, labels such as "Published" or "Updated",
 * and reading time ("5 min read"). "Updated figures released on Monday showed…" has other words.
 */
const MONTHS =
  'jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december';
const DAYS =
  'mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|sun|sunday';
const DATE_TOKEN = new RegExp(
  `^(${MONTHS}|${DAYS}|\\d{1,4}(st|nd|rd|th)?|\\d{1,2}[:.h]\\d{2}|\\d{4}-\\d{2}-\\d{2}(t[\\d:.z+-]+)?|\\d{1,2}/\\d{1,2}/\\d{2,4}|am|pm|a\\.m\\.?|p\\.m\\.?|[a-z]{1,2}[sd]?t|gmt|utc|ist|cet|cest|jst|hkt|sgt|aest|ago)$`,
  'i',
);
const CALENDAR_TOKEN = new RegExp(
  `^(${MONTHS}|\\d{1,2}[:.h]\\d{2}|\\d{3,4}\\s*gmt|\\d{4}-\\d{2}-\\d{2}(t[\\d:.z+-]+)?|\\d{1,2}/\\d{1,2}/\\d{2,4})$`,
  'i',
);
const META_TOKEN =
  /^(published|updated|posted|last|first|modified|on|at|read|reading|time|min|mins|minute|minutes|hour|hours|hrs|listen|by)$/i;

function publicationMeta(line: string): string | null {
  const tokens = line
    .replace(/[,|•·:()–—]/g, ' ')
    .split(/\s+/)
    .map((token) => token.replace(/^-+|-+$/g, ''))
    .filter(Boolean);
  if (tokens.length === 0 || tokens.length > 14) return null;
  // A month, a clock time or an ISO date: a bare number ("78,000") or weekday ("On Tuesday,") is not a date.
  const dated = tokens.some((token) => CALENDAR_TOKEN.test(token));
  const readingTime = /\b\d+\s*(min|mins|minutes?)\s+(read|listen)\b/i.test(line);
  if (!dated && !readingTime) return null;
  return tokens.every((token) => DATE_TOKEN.test(token) || META_TOKEN.test(token))
    ? 'publication date or reading time'
    : null;
}

/** Copyright and legal notices: a © sign, "(c) 2023", "Copyright 2023", "All rights reserved", "may not be published…". */
const COPYRIGHT =
  /©|\(c\)\s*\d{4}|\bcopyright\s+(©\s*)?\d{4}|\ball rights reserved\b|\bmay not be (re)?(published|produced|broadcast|distributed|copied|rewritten)\b/i;

function copyrightLine(line: string): string | null {
  if (words(line).length > 40 || !COPYRIGHT.test(line)) return null;
  return 'copyright notice';
}

/** The outlet speaking of itself under a label: "Our Standards: …", "About us: …". */
function outletNotice(line: string): string | null {
  return words(line).length <= 15 && /^(our|about us)\b[\p{L} ]{0,30}:/iu.test(line) ? 'outlet notice' : null;
}

/**
 * A dateline opening a story: place (in capitals, or any case when an agency or a date follows), optional
 * date, optional agency in parentheses, then a dash or colon — "BEIJING (Reuters) -", "KYIV, Ukraine (AP) —",
 * "PARIS, June 19 (Reuters) -", "NEW DELHI:". What follows must start a sentence.
 */
const CAPITALISED_MONTHS = MONTHS.split('|')
  .map((month) => month[0]!.toUpperCase() + month.slice(1))
  .join('|');
const DATELINE = new RegExp(
  `^(?<place>\\p{Lu}[\\p{L}.'’ -]{1,30}?(?:,\\s*\\p{Lu}[\\p{L}.'’ ]{1,25}?)?)` +
    `(?:,\\s*(?<date>(?:${CAPITALISED_MONTHS})\\.?\\s+\\d{1,2}))?` +
    `\\s*(?:\\((?<agency>[\\p{L}\\p{N} .&'’-]{2,40})\\))?` +
    `\\s*(?:--|[-–—:])(?=\\s|$)\\s*`,
  'u',
);

/**
 * The dateline that opens a line, if any, as it is written ("BEIJING (Reuters) - "): a prefix, not a whole
 * line, so that the sentence after it can be kept.
 */
export function datelinePrefix(line: string): string | null {
  const match = DATELINE.exec(line);
  if (!match?.groups) return null;
  const { place = '', date, agency } = match.groups;
  const placeInCapitals = place.replace(/,.*$/, '') === place.replace(/,.*$/, '').toUpperCase();
  if (!placeInCapitals && !agency && !date) return null;
  // A capitalised place alone before a colon is too often a label ("NOTE:"); it needs more than one letter run.
  if (placeInCapitals && !agency && !date && !/\p{L}{3}/u.test(place)) return null;
  const rest = line.slice(match[0].length);
  if (rest !== '' && !/^["“‘'«\p{Lu}\p{N}]/u.test(rest)) return null;
  return match[0];
}

/** A dateline standing on its own line ("WASHINGTON —"), cut from the paragraph it opened. */
function datelineLine(line: string): string | null {
  const prefix = datelinePrefix(line);
  return prefix !== null && prefix.length === line.length ? 'dateline' : null;
}

/** Rules and separators: a line with no letter or digit at all ("___", "* * *"). */
function separatorLine(line: string): string | null {
  return /[\p{L}\p{N}]/u.test(line) ? null : 'separator';
}

/**
 * Does a short line have a verb? Headlines and headings do ("Xi meets Blinken in Beijing", "What happens
 * next"); tags and section labels do not ("U.S.-China relations", "Foreign policy"). Without a tagger this
 * looks for auxiliaries, an infinitive "to" + verb, a past form in -ed after the first word, or a word in
 * -s inside the line (a plural noun ends a tag; a verb in -s sits between subject and object). When unsure
 * it says "verb", so that a doubtful line is kept.
 */
const AUXILIARIES = new Set(
  'is are was were be been being am will would shall should can could may might must has have had do does did says said told'.split(
    ' ',
  ),
);
const NOMINAL_ENDING = /(tions|sions|ments|ics|ities|ness|ss|us|news|ers|ors|ists|ians)$/;

function hasVerb(line: string): boolean {
  const tokens = line
    .split(/\s+/)
    .map((token) => token.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''))
    .filter(Boolean);
  return tokens.some((token, i) => {
    const lower = token.toLowerCase();
    if (AUXILIARIES.has(lower)) return true;
    if (lower === 'to' && /^\p{Ll}/u.test(tokens[i + 1] ?? '')) return true;
    if (i > 0 && lower.length > 4 && /[^e]ed$/.test(lower)) return true;
    return i > 0 && i < tokens.length - 1 && /[^s]s$/.test(lower) && !NOMINAL_ENDING.test(lower);
  });
}

/**
 * A short line without end punctuation and without a verb, next to other boilerplate or closing a
 * multi-line text after its last paragraph, is a tag or category label ("U.S.-China relations"), not a
 * heading: headings introduce the paragraph after them, so one at the very end introduces nothing. A single
 * line on its own ("Sweden joins NATO") is an item, and the last of a list of short lines is a list item.
 */
function tagLine(
  line: string,
  context: LineContext,
  isBoilerplate: (index: number) => boolean,
): string | null {
  if (line.length > 60 || words(line).length > 6 || hasEndPunctuation(line) || QUOTED_START.test(line))
    return null;
  if (hasVerb(line)) return null;
  // Closing the text right after a paragraph of prose; the last of a run of short lines is a list item.
  const previous = context.lines[context.index - 1];
  const closing =
    context.index === context.lines.length - 1 &&
    previous !== undefined &&
    /[.!?。！？]["”’)]?\s*$/.test(previous) &&
    words(previous).length > 6;
  const besideBoilerplate = isBoilerplate(context.index - 1) || isBoilerplate(context.index + 1);
  return closing || besideBoilerplate ? 'tag line (short label without a verb, beside boilerplate)' : null;
}

const LINE_HEURISTICS: Heuristic[] = [
  separatorLine,
  copyrightLine,
  datelineLine,
  byline,
  publicationMeta,
  pageFurniture,
  outletNotice,
  promotionalLine,
  photoCaption,
];

/**
 * Classifies each non-empty line (paragraph) of a body. Tag lines are decided in a second pass because
 * they are recognised by their neighbours.
 */
export function findBoilerplate(lines: string[]): Array<string | null> {
  const reasons = lines.map((line, index) => {
    for (const heuristic of LINE_HEURISTICS) {
      const reason = heuristic(line, { index, lines });
      if (reason) return reason;
    }
    return null;
  });
  const isBoilerplate = (index: number): boolean => reasons[index] != null;
  // Repeat so that a run of labels next to a caption is caught as a whole.
  for (let changed = true; changed;) {
    changed = false;
    lines.forEach((line, index) => {
      if (reasons[index]) return;
      const reason = tagLine(line, { index, lines }, isBoilerplate);
      if (reason) {
        reasons[index] = reason;
        changed = true;
      }
    });
  }
  return reasons;
}
