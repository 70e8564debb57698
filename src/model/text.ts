/**
 * Text normalisation for Vietnamese headers and unit names as they arrive from Excel, Word and macOS:
 * NFC vs NFD, old vs new tone-mark placement (Hoà / Hòa, Thuỷ / Thủy), dash variants, stray spaces.
 */
import { foldedHash, textHash } from './hash-index.js';

const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const SPACES = /[\s\u00A0\u2007\u202F\uFEFF]+/g;
// Vietnamese tone marks (as combining characters after NFD); other marks (circumflex, breve, horn)
// belong to the vowel and stay.
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const ALL_MARKS = /[\u0300-\u036f]/g;
const ASCII = /^[\x00-\x7f]*$/;

/** Printable ASCII with single spaces between words: what `cleanName` leaves as it is. */
function isCleanAscii(raw: string): boolean {
  const n = raw.length;
  if (n === 0) return true;
  if (raw.charCodeAt(0) === 32 || raw.charCodeAt(n - 1) === 32) return false;
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c === 32 ? raw.charCodeAt(i + 1) === 32 : c < 33 || c > 126) return false;
  }
  return true;
}

// Control characters other than white space: never part of a name, and never to reach a terminal.
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;

// Invisible characters a name can carry from a web page or a word processor: zero-width space,
// joiners, word joiner, soft hyphen, variation selectors, bidirectional controls. Never meant.
const INVISIBLE = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufe00-\ufe0f]/g;
// Full-width forms of ASCII (from an East Asian input method): the ASCII letter, digit or sign.
const FULL_WIDTH = /[\uff01-\uff5e]/g;

/**
 * A display name: NFC, trimmed, single spaces, ASCII hyphen for every dash, no control or invisible
 * characters, full-width letters as ASCII ones.
 */
export function cleanName(raw: string): string {
  if (isCleanAscii(raw)) return raw;
  return raw
    .replace(INVISIBLE, '')
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .normalize('NFC')
    .replace(CONTROLS, '')
    .replace(DASHES, '-')
    .replace(SPACES, ' ')
    .trim();
}

const LATIN = /\p{Script=Latin}/u;
const OTHER_SCRIPT = /[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}\p{Script=Cherokee}]/u;
const STACKED_MARKS = /\p{M}{4,}/u;

/**
 * Why a (clean) name cannot be a unit's as written: letters of another script among Latin ones (a
 * Cyrillic "В" for "B" looks the same and is another name), or a pile of combining marks.
 * Vietnamese names are Latin; such a name is a look-alike and is refused rather than guessed.
 */
export function suspiciousName(name: string): string | undefined {
  if (ASCII.test(name)) return undefined;
  const nfd = name.normalize('NFD');
  if (STACKED_MARKS.test(nfd)) return 'it has four or more accents on one letter';
  if (LATIN.test(name)) {
    const other = OTHER_SCRIPT.exec(name);
    if (other) {
      const at = [...name].indexOf(other[0]) + 1;
      const script = /\p{Script=Cyrillic}/u.test(other[0]) ? 'Cyrillic' : /\p{Script=Greek}/u.test(other[0]) ? 'Greek' : 'another script';
      return `it mixes Latin letters with a ${script} "${other[0]}" (U+${other[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}, letter ${at}), which only looks like a Latin one`;
    }
  }
  return undefined;
}

/** Lower case without any diacritics: "Điểm thẩm định" -> "diem tham dinh". */
export function foldDiacritics(s: string): string {
  // ASCII has nothing to fold (a common case worth a shortcut: a million names in a large table).
  if (ASCII.test(s)) return s.toLowerCase();
  return s.normalize('NFD').replace(ALL_MARKS, '').replace(/\u0111/g, 'd').replace(/\u0110/g, 'D').toLowerCase();
}

const TRAILING_NOTE = /\s*[([]([^()[\]]*)[)\]]\s*$/;

/** The text of a trailing note in parentheses: "Điểm thẩm định (61,5)" -> "61,5". */
export function headerNote(header: string): string | undefined {
  const m = TRAILING_NOTE.exec(cleanName(header));
  return m ? m[1]!.trim() : undefined;
}

/**
 * Key for matching a column header with an alias: ignores case, diacritics, spaces, punctuation
 * such as `_` `-` `.` `'`, and a trailing note in parentheses.
 */
export function headerKey(header: string): string {
  let s = cleanName(header);
  // Strip trailing notes ("Chỉ số hài lòng (SIPAS) (10)"), unless a note is all there is: "(1)" stays.
  for (let stripped = s.replace(TRAILING_NOTE, ''); stripped !== s && stripped.trim() !== ''; stripped = s.replace(TRAILING_NOTE, '')) {
    s = stripped;
  }
  const folded = foldDiacritics(s);
  // Letters and digits are kept; in lower-case ASCII (most headers, once folded) those are a-z and 0-9,
  // found without compiling a Unicode regular expression (a third of a millisecond of each start).
  return ASCII.test(folded) ? folded.replace(/[^a-z0-9]+/g, '') : folded.replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Key for matching unit names across files and years: NFC, case, spacing, dashes and tone-mark
 * placement are ignored; tones themselves are kept ("Hòa" = "Hoà", but "Hòa" != "Hoa").
 */
export function nameKey(name: string): string {
  // ASCII has no tone marks and nothing to normalise: what is left is case, spacing and dashes.
  if (ASCII.test(name)) {
    const lower = cleanName(name).toLowerCase();
    return lower.includes('-') ? lower.replace(/\s*-\s*/g, '-') : lower;
  }
  const quick = latinNameKey(name);
  if (quick !== undefined) return quick;
  const words = cleanName(name).toLowerCase().normalize('NFD').split(/([^\p{L}\p{M}\p{N}]+)/u);
  return words
    .map((w) => {
      const tones = w.match(TONE_MARKS);
      if (!tones) return w.normalize('NFC');
      return w.replace(TONE_MARKS, '').normalize('NFC') + '~' + tones.join('');
    })
    .join('')
    .replace(/\s*-\s*/g, '-');
}

/** A character of a name, as `latinNameKey` takes it: in lower case, without its tone marks (NFC), and its tone marks. */
interface KeyChar {
  /** A letter or digit (part of a word), else a separator. */
  readonly letter: boolean;
  readonly bare: string;
  readonly tones: string;
}
const keyChars = new Map<number, KeyChar | null>();
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const MARKS = /^\p{M}*$/u;
const MARK_OR_SURROGATE = /[\p{M}\ud800-\udfff]/u;

/**
 * What a character other than ASCII is in a name key, worked out once per character: a Latin
 * letter written as one character (NFC: `ạ`, `Ơ`, `đ`) or a digit, as its lower case without tone
 * marks and its tone marks; another sign, as itself; null where the key needs the full computation
 * (a combining mark of its own, a character `cleanName` would change, another script...).
 */
function keyChar(code: number): KeyChar | null {
  let known = keyChars.get(code);
  if (known !== undefined) return known;
  known = null;
  const c = String.fromCharCode(code);
  const lower = c.toLowerCase();
  // (cleanName keeps a character only where it is NFC and neither a space nor invisible.)
  const clean = (x: string) => x.length === 1 && cleanName(x) === x && !MARK_OR_SURROGATE.test(x);
  if (clean(c) && clean(lower)) {
    const d = lower.normalize('NFD');
    if (!LETTER_OR_DIGIT.test(lower)) known = d === lower ? { letter: false, bare: lower, tones: '' } : null;
    else if (d.charCodeAt(0) < 0x250 && MARKS.test(d.slice(1))) known = { letter: true, bare: d.replace(TONE_MARKS, '').normalize('NFC'), tones: (d.match(TONE_MARKS) ?? []).join('') };
  }
  keyChars.set(code, known);
  return known;
}

/**
 * `nameKey` of a clean name of ASCII and Latin letters written as one character each, as most
 * Vietnamese names are, in one pass without normalising the name (a few times faster: matching
 * 3,300 communes by name makes some 20,000 keys); undefined for any other name. The same key as the
 * full computation (a property test holds them equal): the name's NFD is each character's NFD in
 * turn, so a word's tone marks are its characters' in turn, and Latin letters do not compose.
 */
function latinNameKey(name: string): string | undefined {
  const n = name.length;
  if (name.charCodeAt(0) === 32 || name.charCodeAt(n - 1) === 32) return undefined;
  let key = '';
  let word = '';
  let tones = '';
  for (let i = 0; i < n; i++) {
    const code = name.charCodeAt(i);
    let letter: boolean;
    let bare: string;
    let marks = '';
    if (code < 128) {
      if (code < 32 || code === 127 || (code === 32 && name.charCodeAt(i + 1) === 32)) return undefined;
      const lower = code >= 65 && code <= 90 ? code + 32 : code;
      letter = (lower >= 97 && lower <= 122) || (lower >= 48 && lower <= 57);
      bare = String.fromCharCode(lower);
    } else {
      const k = keyChar(code);
      if (k === null) return undefined;
      ({ letter, bare, tones: marks } = k);
    }
    if (letter) {
      word += bare;
      tones += marks;
    } else {
      key += (tones === '' ? word : `${word}~${tones}`) + bare;
      word = tones = '';
    }
  }
  key += tones === '' ? word : `${word}~${tones}`;
  return key.includes('-') ? key.replace(/\s*-\s*/g, '-') : key;
}

/**
 * `textHash(nameKey(name))`, made without the key when the name is clean ASCII without a dash (its
 * key is then the name in lower case).
 */
export function nameKeyHash(name: string): number {
  return isCleanAscii(name) && !name.includes('-') ? foldedHash(name) : textHash(nameKey(name));
}

// Administrative prefixes, longest first, as they appear before unit names (folded, without diacritics).
const ADMIN_PREFIXES = [
  'thanh pho truc thuoc trung uong', 'tinh', 'thanh pho', 'tp.', 'tp', 'huyen', 'thi xa', 'tx.', 'tx', 'quan', 'xa', 'phuong', 'thi tran', 'tt.',
  'dac khu', 'ubnd', 'uy ban nhan dan',
].sort((a, b) => b.length - a.length);

/** A footnote mark after a name: "Bình Sơn (*)", "Bình Sơn*", "Bình Sơn (1)", "Bình Sơn¹". */
const FOOTNOTE = /(?:\s*\(\s*\*+\s*\)|\s*\*+|\s*\(\d{1,2}\)|[\u00b9\u00b2\u00b3\u2070-\u2079]+)$/;

/**
 * The name without an administrative prefix ("Thành phố Quảng Ngãi", "TP. Quảng Ngãi" -> "quảng ngãi"),
 * and without a footnote mark ("Bình Sơn (*)"), as a name key. Used only as a fallback when it
 * identifies exactly one unit.
 */
export function strippedNameKey(name: string): string {
  let cleaned = cleanName(name).replace(FOOTNOTE, '');
  for (let changed = true; changed; ) {
    changed = false;
    const folded = foldDiacritics(cleaned);
    for (const p of ADMIN_PREFIXES) {
      if (folded.startsWith(p) && (p.endsWith('.') || /[\s.]/.test(folded[p.length] ?? '')) && folded.length > p.length + 1) {
        cleaned = cleaned.slice(p.length).replace(/^[\s.]+/, '');
        changed = true;
        break;
      }
    }
  }
  return nameKey(cleaned);
}

/** Edit distance of two keys (insertions, deletions, substitutions), for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length]!;
}

/** The candidate nearest to `key` (by edit distance, within a third of its length, or containing it), if any. */
export function nearest<T>(key: string, candidates: readonly T[], keyOf: (c: T) => readonly string[]): T | undefined {
  let best: T | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    for (const k of keyOf(c)) {
      if (k === '' || key === '') continue;
      const d = k.includes(key) || key.includes(k) ? Math.abs(k.length - key.length) / 4 : editDistance(key, k);
      if (d < bestDistance && d <= Math.max(2, Math.ceil(Math.max(key.length, k.length) / 3))) {
        best = c;
        bestDistance = d;
      }
    }
  }
  return best;
}
