/**
 * Filters over the blocks of the article container Readability chose: the furniture it keeps because it sits
 * inside the container. Each filter is a small named function with the reason it exists (trafilatura's way);
 * they look at a block's form (length, share of link text, date shape, position), never at a site's markup.
 */
import { linkDensity, wordCount, type Block } from './blocks.js';

export interface BlockContext {
  blocks: Block[];
  index: number;
  /** The page's title from its metadata, when known, in the form `comparable` gives (computed once a page). */
  title: string | null;
}

/** A block filter: the reason to drop the block, or null to keep it. */
type BlockFilter = (block: Block, context: BlockContext) => string | null;

/** Month names and date/time shapes: what a dateline is made of. */
const DATE_PART =
  /\b(\d{1,2}[:.]\d{2}(\s*[ap]\.?m\b\.?)?|\d{1,4}(st|nd|rd|th)?|(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|mon|tue|wed|thu|fri|sat|sun|(mon|tues|wednes|thurs|fri|satur|sun)day|am|pm|[ap]\.m\.|ago|gmt|utc|[a-z][sd]t|hours?|minutes?|days?|last|modified|updated|published|posted|on|at)\b/gi;

/** What only a date or time is: a month name, a clock time, a year, "ago", a time zone. */
const STRONG_DATE =
  /\b(\d{1,2}[:.]\d{2}|(19|20)\d{2}|(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|ago|gmt|utc|[a-z][sd]t)\b|\d{1,2}\/\d{1,2}\/\d{2,4}/i;

/** The verbs that introduce a timestamp, in the languages of most news sites. */
const DATELINE_LABEL =
  /^(published|updated|posted|last (updated|modified)|modified|first published|date|publié|mis à jour|veröffentlicht|aktualisiert|stand|publicado|actualizado|pubblicato|aggiornato|gepubliceerd|bijgewerkt|opublikowano|опубликовано|обновлено)(?=[\s:,]|$)/iu;

/**
 * "Published 1 day ago", "Updated 5:27 am CST, Wednesday, November 20, 2019", "Posted: Fri 6:45 PM |": the
 * page's timestamp, which the metadata already holds. Short, mostly date words, with a month, clock time or
 * year in it (a line of sports scores is numbers too, but not dates).
 */
function dateline(block: Block): string | null {
  if (block.inTable || !STRONG_DATE.test(block.text)) return null;
  const words = block.words;
  if (words > 20) return null;
  const dateWords = block.text.match(DATE_PART)?.length ?? 0;
  const labelled = DATELINE_LABEL.test(block.text);
  const share = dateWords / words;
  return (labelled && words <= 12 && share >= 0.4) || share >= 0.7
    ? 'dateline (timestamp of the page)'
    : null;
}

const LINK_DENSE = 0.66;
/** Longest block (in words) read as a link to another page rather than a sentence with a link in it. */
const LINK_WORDS = 20;
/** List items that are links form a link list from this many in a row (a list of one or two is the article's). */
const LIST_RUN = 3;

const isLinkDense = (block: Block | undefined): boolean =>
  block !== undefined && linkDensity(block) >= LINK_DENSE && block.words <= LINK_WORDS;

/**
 * Short blocks whose text is mostly link text: headlines of other articles, tag lists, "More:" links. An
 * article's own sentences carry links on a few words, not on the whole block. Headings count only when they
 * are wholly a link (an article's own subheadings are not links); a bare URL is a cited source written out.
 */
function linkList(block: Block, { blocks, index }: BlockContext): string | null {
  if (!isLinkDense(block)) return null;
  if (/^(https?:\/\/|www\.)\S+$/i.test(block.text)) return null;
  if (block.heading) {
    // Headings that are wholly links, two or more in a row, are a list of headlines; one linked heading
    // followed by prose is a product or section name in a guide.
    const linkedHeading = (other: Block | undefined): boolean =>
      other !== undefined && other.heading && isLinkDense(other) && linkDensity(other) >= 0.9;
    if (!linkedHeading(block) || !(linkedHeading(blocks[index - 1]) || linkedHeading(blocks[index + 1])))
      return null;
  } else if (block.inList) {
    let run = 1;
    for (let i = index - 1; isLinkDense(blocks[i]) && blocks[i]?.inList; i--) run++;
    for (let i = index + 1; isLinkDense(blocks[i]) && blocks[i]?.inList; i++) run++;
    if (run < LIST_RUN) return null;
  }
  return 'link list (other pages\u2019 titles)';
}

/**
 * Names of controls that leak into the text when a widget sits inside the article: "Close", "Caption",
 * "Advertisement", "Comments". A closed class of UI words, alone in their block. (Any short block would also
 * catch the article's own run-in headings, "Our ruling", "Highlights", which are content.)
 */
const UI_WORDS =
  /^(close|open|caption|hide caption|show caption|expand|collapse|advert|advertisement|ad|sponsored|comments?|\d+ comments?|share|tweet|email|print|menu|search|loading|load more|show more|previous|next|back to top|skip( to content)?|play|pause|replay|mute|unmute|fullscreen|enlarge|zoom|view gallery|watch|listen|more)\s*[.…:]?$/i;
function widgetLabel(block: Block): string | null {
  return !block.heading && UI_WORDS.test(block.text) ? 'UI label' : null;
}

/**
 * Calls to the reader that are not the article's: "Click here", "Subscribe to our channel", "Follow us on
 * Twitter", "Join our forums", "If you enjoyed this article". A closed class of reader actions, in short blocks.
 */
const READER_CALL =
  /(\bclick(ing)? here\b|^(subscribe|sign up|follow (us|me)|join (us|our)|download (our|the)|get (our|the latest)|like us|share this|read (more|next|also)|if you (enjoyed|liked) this)\b|\b(follow|listen to|join|subscribe to|connect with)\b[^.]{0,60}\b(on|at|via) (twitter|facebook|instagram|youtube|linkedin|tiktok|telegram|pinterest)\b)/i;
function readerCall(block: Block): string | null {
  return block.words <= 40 && READER_CALL.test(block.text) ? 'call to the reader' : null;
}

/**
 * Page-furniture lines named by a label or by their form: "Filed under: …", "Tags: …", "Source: …",
 * "Copyright © …", "Additional reporting by …", slide counters "1 of 6", notices that a widget needs
 * JavaScript, unrendered CMS shortcodes "[button …]…[/button]", and prompts to comment ("Join the
 * conversation", "Tell us what you think", "Leave a comment").
 */
const FURNITURE_LINE =
  /^((filed under|tags?|tagged|categories|category|source|sources|topics?)\s*:|(copyright|©|\(c\))\s|all rights reserved|(additional )?reporting by\b|(written|edited|compiled) by\b|\d+\s*(of|\/)\s*\d+$|\[\w+[^\]]*\].*\[\/\w+\]$|(join|start) the (conversation|discussion)|tell us what you think|leave a (comment|reply)|have your say|be the first to comment|comment on this (story|article|post))/i;
const NEEDS_SCRIPT =
  /\b(requires?|enable|turn on|need)\b.{0,30}\bjavascript\b|\bjavascript (is )?(disabled|required|must be enabled)\b/i;
function furnitureLine(block: Block): string | null {
  if (block.words > 25) return null;
  return FURNITURE_LINE.test(block.text) ||
    NEEDS_SCRIPT.test(block.text) ||
    /\ball rights reserved\b/i.test(block.text)
    ? 'labelled furniture line'
    : null;
}

/**
 * Photo captions and credits left in the text: the agencies' caption idiom "In this Dec. 12, 2006, file photo,
 * …", and a line that ends in a credit: "(AP Photo/Andy Wong)", "(NASA via AP, File)", "Credit: Getty",
 * "(Image: © NASA)", "photos © Inexhibit, 2018".
 */
const CAPTION_OPENER =
  /^(in this|this) ([\p{L}\p{N}.,' ]{0,40} )?(file |handout |undated |aerial )?(photo|image|picture|video|screenshot|still|frame grab)\b/iu;
const CREDIT_END =
  /(\((?=[^()]*\b(photo|photos|image|images|picture|file|credit|courtesy|via|getty)\b)[^()]{1,100}\)|\b(photo|image|picture|credit|illustration|video)s?\s*(:|by|courtesy of)\s*[^.]{1,60}|(photo|image|picture)s?\s*©[^.]{1,60}|©\s*[^.]{1,40})\s*$/i;
function caption(block: Block): string | null {
  if (block.heading || block.words > 70) return null;
  return CAPTION_OPENER.test(block.text) || CREDIT_END.test(block.text) ? 'photo caption or credit' : null;
}

/**
 * Bylines: "By Justine Coleman - 11/18/19", "Robert Burns, AP National Security Writer", "The Associated Press".
 * The metadata holds the author; in the body the line is furniture. Recognised by "By" + capitalised names
 * (case matters: "By contrast, …" is prose), or by a newsroom role after a name; a line ending in a full stop
 * is a sentence ("By Monday, the storm had passed."), not a byline.
 */
const BY_NAMES =
  /^(by|By|BY)\s+\p{Lu}[\p{L}.'’-]*(\s+(\p{Lu}[\p{L}.'’-]*|and|&|de|van|von|der|la))*(\s*[-–—|,]|\s+\d|$)/u;
const NAME_ROLE =
  /^(\p{Lu}[\p{L}.'’-]*\s+){1,3}\p{Lu}[\p{L}.'’-]*,\s+[\p{L}\s.]*\b([Ww]riter|[Cc]orrespondent|[Rr]eporter|[Ee]ditor|[Ss]taff|[Cc]olumnist|[Cc]ontributor)s?$/u;
const AGENCY_LINE = /^((The )?Associated Press|(\p{Lu}[\p{L}.]*\s+){1,3}[Ww]ire [Ss]ervices?)$/u;
function byline(block: Block): string | null {
  if (block.inList || block.quote || block.words > 12 || /[.!?…]$/.test(block.text)) return null;
  return BY_NAMES.test(block.text) || NAME_ROLE.test(block.text) || AGENCY_LINE.test(block.text)
    ? 'byline'
    : null;
}

const comparable = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * The headline repeated inside the container (the ground truth of article bodies, and readers, leave it out:
 * it is the title, which the metadata holds).
 */
function titleRepeat(block: Block, { title }: BlockContext): string | null {
  if (!title) return null;
  const text = comparable(block.text);
  return text !== '' && (text === title || (text.length > 20 && title.startsWith(text)))
    ? 'headline (repeats the title)'
    : null;
}

const BLOCK_FILTERS: BlockFilter[] = [
  titleRepeat,
  dateline,
  byline,
  linkList,
  widgetLabel,
  readerCall,
  furnitureLine,
  caption,
];

/**
 * A short label ("More:", "DON'T MISS", "You may also like…", "Related coverage:") directly before a dropped
 * link list introduces the list, so it goes with it. Labels are recognised by form: ending in a colon or an
 * ellipsis, written in capitals, or opening with the words such labels use.
 */
const LIST_LABEL =
  /(^(more|related|also|recommended|popular|trending|most|read|see|watch|latest|top|you may|you might|don'?t miss|further|other|in case you missed|editor'?s picks)\b|[:…]$|\.\.\.$)/i;
const ALL_CAPS = /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u;
function listLabel(blocks: Block[], reasons: Array<string | null>, index: number): string | null {
  const block = blocks[index];
  const next = reasons[index + 1];
  if (!block || !next?.startsWith('link list')) return null;
  return block.words <= 8 &&
    (block.heading || linkDensity(block) < LINK_DENSE) &&
    (LIST_LABEL.test(block.text) || ALL_CAPS.test(block.text))
    ? 'label of a link list'
    : null;
}

/**
 * The same paragraph twice in a row: a block rendered twice (mobile and desktop copies, a standfirst
 * repeated as the first paragraph). Only adjacent copies: recipes, meal plans and lyrics repeat paragraphs
 * far apart on purpose, and the article-body ground truth keeps those repeats.
 */
function duplicates(blocks: Block[], reasons: Array<string | null>): void {
  let previous = '';
  blocks.forEach((block, index) => {
    if (reasons[index]) return;
    const key = comparable(block.text);
    if (key === previous && block.words >= 5) reasons[index] = 'duplicate paragraph (adjacent copy)';
    previous = key;
  });
}

/** Why each block would be dropped (null: kept). */
export function classifyBlocks(blocks: Block[], title: string | null = null): Array<string | null> {
  const comparableTitle = title === null ? null : comparable(title);
  const reasons = blocks.map((block, index) => {
    for (const filter of BLOCK_FILTERS) {
      const reason = filter(block, { blocks, index, title: comparableTitle });
      if (reason) return reason;
    }
    return null;
  });
  // Labels are read right to left so that a label above a label above a list goes too.
  for (let index = blocks.length - 2; index >= 0; index--)
    reasons[index] ??= listLabel(blocks, reasons, index);
  duplicates(blocks, reasons);
  return reasons;
}

export function filterBlocks(blocks: Block[], title: string | null = null): Block[] {
  const reasons = classifyBlocks(blocks, title);
  return blocks.filter((_, index) => !reasons[index]);
}

export { linkDensity, wordCount };
