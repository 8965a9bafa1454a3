/**
 * Finds the leftovers that web text copied into a plain file carries — promotional lines, photo captions,
 * bare tag lines, bylines — by their form, not by a list of known strings. Each heuristic is a small
 * named function (trafilatura's way) returning the reason it fired, so `boilerplate[].reason` explains itself.
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

/**
 * Imperative calls to the reader. The verbs are a closed class of reader actions, not article strings:
 * a news sentence rarely opens with "Subscribe" or "Follow us".
 */
const READER_ACTION =
  /^(check out|stay (updated|tuned|informed)|subscribe|sign up|follow (us|our)|click|read (more|also|next)|download|share this|don'?t miss|get (the|our) (latest|app|newsletter)|join (us|our)|like us|listen to|watch (the|our) (video|full)|visit our|support (us|our)|never miss)\b/i;
const READER_ADDRESS =
  /\b(our|us|you|your)\b|\b(twitter|facebook|instagram|linkedin|telegram|youtube|newsletter|podcast|app)\b/i;

function promotionalLine(line: string): string | null {
  if (words(line).length > 30) return null;
  if (READER_ACTION.test(line) && READER_ADDRESS.test(line))
    return 'promotional line (imperative addressed to the reader)';
  if (
    /^(advertisement|sponsored( content)?|related( articles| stories)?|more from|recommended|trending)\s*:?\s*$/i.test(
      line,
    )
  )
    return 'page furniture';
  return null;
}

/** Credits such as "(Photo: AP)", "Photo: Reuters", "(AP Photo/Andy Wong)", "Getty Images", "/ Reuters". */
const PHOTO_CREDIT =
  /(\((photo|image|picture|credit|file photo)s?\s*[:/][^)]*\)|\b(AP|AFP|Reuters|Xinhua|EPA|Getty Images|Bloomberg)\s+Photo\b|\b(photo|image|picture)\s*(credit)?\s*:\s*\S|\bGetty Images\b\s*$|\/\s*(Reuters|AFP|AP|EPA)\s*$)/i;
/** Who-is-where markers typical of captions: "(left)", "(right)", "(centre)". */
const POSITION_MARKER = /\((left|right|center|centre|top|bottom|L|R|second (left|right))\)/i;

function photoCaption(line: string): string | null {
  if (PHOTO_CREDIT.test(line)) return 'photo caption (credit)';
  if (POSITION_MARKER.test(line) && words(line).length < 60) return 'photo caption (position marker)';
  return null;
}

function byline(line: string): string | null {
  return /^(by|written by|reporting by|editing by)\s+\p{Lu}[\p{L}.'-]+(\s+\p{Lu}[\p{L}.'-]+){0,3}(\s*(,|and|&)\s*\p{Lu}[\p{L}.'-]+(\s+\p{Lu}[\p{L}.'-]+){0,3})*\s*$/u.test(
    line,
  )
    ? 'byline'
    : null;
}

const hasEndPunctuation = (line: string): boolean => /[.!?:;"”’)\]]\s*$/.test(line);

/**
 * A short line without end punctuation that sits next to other boilerplate (or at the very end) is a tag
 * or category label ("U.S.-China relations"), not a heading: headings introduce the paragraph after them.
 */
function tagLine(
  line: string,
  context: LineContext,
  isBoilerplate: (index: number) => boolean,
): string | null {
  if (words(line).length > 6 || hasEndPunctuation(line)) return null;
  const lastLine = context.index === context.lines.length - 1;
  const besideBoilerplate = isBoilerplate(context.index - 1) || isBoilerplate(context.index + 1);
  return lastLine || besideBoilerplate
    ? 'tag line (short label without a sentence, beside boilerplate)'
    : null;
}

const LINE_HEURISTICS: Heuristic[] = [promotionalLine, photoCaption, byline];

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
