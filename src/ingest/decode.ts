/**
 * Turns raw bytes into text, refusing what is not text. Node's TextDecoder (full ICU) knows the legacy
 * web encodings, so a page that declares windows-1252 or gbk decodes without an extra library; a page that
 * declares nothing and is not UTF-8 has its encoding guessed by a small heuristic (`detectEncoding`).
 */
import { InputError } from './errors.js';

/** A NUL byte in the first 8 KB is how git and grep tell a binary file; so do we. */
export function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  return head.includes(0);
}

export function decodeUtf8(bytes: Uint8Array, origin: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new InputError(origin, `invalid UTF-8 at byte ${firstInvalidUtf8Byte(bytes)}`);
  }
}

/**
 * Finds where decoding fails, so the error can point at it: the first replacement character of a lenient
 * decode, measured back in bytes (a genuine U+FFFD earlier in the text would be named instead, which is rare).
 */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const index = lenient.indexOf('\uFFFD');
  return Buffer.byteLength(lenient.slice(0, Math.max(index, 0)), 'utf8');
}

/**
 * Windows-1252's 0x80–0x9F row (the rest of the encoding is Latin-1). Node's TextDecoder takes a Latin-1
 * fast path for 'windows-1252' (and its aliases 'iso-8859-1', 'latin1', 'us-ascii'), which turns curly quotes,
 * dashes and the euro sign into C1 control characters; so this one encoding is decoded here.
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes = Array.from(bytes.subarray(start, start + CHUNK), (byte) =>
      byte >= 0x80 && byte <= 0x9f ? (WINDOWS_1252_HIGH[byte - 0x80] ?? byte) : byte,
    );
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/** Decodes with a WHATWG encoding name, going around Node's Latin-1 shortcut for windows-1252. */
function decodeAs(bytes: Uint8Array, encoding: string): string {
  return encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(encoding).decode(bytes);
}

/** How far into a page a charset declaration is looked for: the head of any real page fits. */
const DECLARATION_WINDOW = 8192;

/**
 * The charset a page declares: the XML declaration (`<?xml … encoding="…"?>`, XHTML), else `<meta charset>`
 * or `<meta http-equiv="Content-Type" content="…; charset=…">` before the end of the head.
 */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, DECLARATION_WINDOW));
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml?.[1]) return xml[1].toLowerCase();
  const endOfHead = head.search(/<\/head\s*>|<body[\s>]/i);
  const searched = endOfHead >= 0 ? head.slice(0, endOfHead) : head;
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(searched);
  return match?.[1]?.toLowerCase();
}

/** The encoding a byte-order mark announces. */
function bomEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return undefined;
}

/** Whether the bytes are valid UTF-8 containing at least one multi-byte sequence (ASCII alone proves nothing). */
function isMultibyteUtf8(bytes: Uint8Array): boolean {
  if (!bytes.some((byte) => byte >= 0x80)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Single-byte legacy encodings that a page may declare while actually being written in UTF-8. */
const SINGLE_BYTE = /^(windows-125\d|iso-8859-\d+|koi8-[ru]|macintosh|x-mac-\w+|ibm866|us-ascii|ascii)$/;

/**
 * HTML: a byte-order mark; else the declared charset when TextDecoder knows it; else UTF-8 when valid; else
 * the encoding `detectEncoding` finds most plausible among the legacy web encodings. One correction to the
 * declaration: a page that declares a single-byte encoding (Latin-1 and kin) but is valid multi-byte UTF-8 is
 * UTF-8 (CMSs emit UTF-8 under stale templates; valid UTF-8 sequences almost never occur in Latin text by chance).
 */
export function decodeHtml(bytes: Uint8Array, origin: string): string {
  const bom = bomEncoding(bytes);
  if (bom) return new TextDecoder(bom).decode(bytes);
  const charset = declaredCharset(bytes);
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    try {
      const { encoding } = new TextDecoder(charset);
      if (!(SINGLE_BYTE.test(encoding) && isMultibyteUtf8(bytes))) return decodeAs(bytes, encoding);
    } catch {
      // An unknown label: fall through to detection below.
    }
  }
  try {
    return decodeUtf8(bytes, origin);
  } catch {
    return decodeAs(bytes, detectEncoding(bytes));
  }
}

/** Legacy encodings guessed between when a page is not UTF-8 and does not say what it is. */
const CANDIDATES = ['windows-1252', 'gbk', 'big5', 'shift_jis', 'euc-jp', 'euc-kr'] as const;
export type DetectedEncoding = (typeof CANDIDATES)[number];

/**
 * The hundred-odd most frequent Chinese characters (simplified and traditional forms): a correct GBK or Big5
 * decode is full of them, a wrong one (another encoding's bytes read as Chinese) yields rare characters.
 */
const COMMON_HAN = new Set(
  '的一是不了在人有我他这這个個们們中来來上大为為和国國地到以说說时時要就出会會可也你对對生能而子那得于於着著下自之年过過发發后後作里裡用道行所然家种種事成方多经經么麼去法学學如都同现現当當没沒动動面起看定天分还還进進好小部其些主样樣理心她本前开開但因只从從想实實日军軍者意无無力它与與长長把机機十民第公此已工使情明性知全三又关關点點正业業外将將两兩高间間由问問很最重并並物手应應战戰向头頭文体體政美相见見被利什二等产產或新己制身果加西斯月话話合回特代内內信表化老给給世位次度门門任常先海通教儿兒原东東声聲提立及比员員解水名真论論处處走义義各入几幾口认認条條平系气氣题題活尔爾更别別打女变變四神总總何电電数數安少报報才结結反受目太量再感建务務做接必场場件计計管期市直德资資命山金指克许許统統区區保至队隊形社便空决決治展马馬科司五基眼书書非则則听聽白却界达達光放强強即像难難且权權思王象完设設式色路记記南品住告类類求据據程北边邊死张張该該交规規万萬取拉格望觉覺术術领領共确確传傳师師观觀清今切院让讓识識候带帶导導争爭运運笑飞飛风風步改收根干干造言联聯持组組每济濟车車亲親极極林服快办辦议議往元英士证證近失转轉夫令准準布始怎呢存未远遠叫台单單影具罗羅字爱愛击擊流备備兵连連调調深商算质質团團集百需价價花党黨华華城石级級整府离離况況亚亞请請技际際约約示复復病息究线線似官火断斷精满滿支视視消越器容照须須九增研写寫称稱企八功吗嗎包片史委乎查轻輕易早曾除农農找装裝广廣显顯吧阿李标標谈談吃图圖念六引历歷首医醫局突专專费費号號尽盡另周较較注语語仅僅考落青随隨选選列武红紅响響虽雖推势勢参參希古众眾构構房半节節土投某案黑维維革划劃敌敵致陈陳律足态態护護七兴興派孩验驗责責营營星够夠章音跟志底站严嚴巴例防族供效续續施留讲講型料终終答紧緊黄黃绝絕奇察母京段依批群项項故按河米围圍江织織害斗鬥双雙境客纪紀采采推'.split(
    '',
  ),
);

/**
 * How plausible a decoded text is, per non-ASCII character: what real text in each script looks like
 * (kana for Japanese, Hangul for Korean, common characters for Chinese, accented letters between ASCII
 * letters for Western text) scores up; what wrong decodes produce (half-width katakana, C1 controls,
 * private-use and replacement characters, runs of Latin-1 symbols, rare Chinese characters) scores down.
 */
export function plausibility(text: string): number {
  let score = 0;
  let count = 0;
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] ?? '';
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) continue;
    count++;
    if (code >= 0x3040 && code <= 0x30ff)
      score += 2; // hiragana, katakana
    else if (code >= 0xac00 && code <= 0xd7a3)
      score += 2; // Hangul syllables
    else if (code >= 0x4e00 && code <= 0x9fff)
      score += COMMON_HAN.has(char) ? 3 : 0.5; // Han
    else if ((code >= 0x3000 && code <= 0x303f) || (code >= 0xff01 && code <= 0xff5e))
      score += 1; // CJK punctuation
    else if (code >= 0xff61 && code <= 0xff9f)
      score -= 2; // half-width katakana: rare in real text
    else if ((code >= 0x80 && code <= 0x9f) || code === 0xfffd || (code >= 0xe000 && code <= 0xf8ff))
      score -= 5;
    else if (/\p{L}/u.test(char)) {
      // A Latin letter with a diacritic sits inside a word of ASCII letters ("café", "Müller").
      const before = chars[i - 1] ?? ' ';
      const after = chars[i + 1] ?? ' ';
      score += /[A-Za-z]/.test(before) || /[A-Za-z]/.test(after) ? 1 : -1;
    } else if (/[\u2018-\u201e\u2022\u2026\u2013\u2014\u00a0\u00a9\u00ae\u00b0\u20ac\u00ab\u00bb]/.test(char))
      score += 0.5;
    else score -= 1;
  }
  return count === 0 ? 0 : score / count;
}

/** How much of a page the detector reads: enough non-ASCII text to decide, cheap on large pages. */
const DETECTION_WINDOW = 65536;

/**
 * The most plausible legacy encoding for bytes that are not UTF-8 and declare none: each candidate that
 * decodes the bytes without error is scored by `plausibility`; ties go to the earlier candidate
 * (Windows-1252, the web's default, first).
 */
export function detectEncoding(bytes: Uint8Array): DetectedEncoding {
  const sample = bytes.subarray(0, DETECTION_WINDOW);
  let best: DetectedEncoding = 'windows-1252';
  let bestScore = -Infinity;
  for (const encoding of CANDIDATES) {
    let text: string;
    try {
      // `stream` keeps a character cut at the window's end from counting as an error.
      text =
        encoding === 'windows-1252'
          ? decodeWindows1252(sample)
          : new TextDecoder(encoding, { fatal: true }).decode(sample, { stream: true });
    } catch {
      continue;
    }
    const score = plausibility(text);
    if (score > bestScore) {
      best = encoding;
      bestScore = score;
    }
  }
  return best;
}
