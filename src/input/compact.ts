/**
 * The compact lane's reader: a clean, quote-free file read from its bytes straight into columns
 * (points as integers scaled by 10^6 in typed arrays; names and codes as byte offsets into the file),
 * with no object per row or cell and without decoding the whole file into a string. It accepts only
 * what the general reader (`decode` + `readCsv` + `readUnits`) accepts without any problem or warning
 * and gives up, with the reason, on anything else; the caller then runs the general path, which
 * reports the problem exactly as usual. A differential test pins both to the same results.
 *
 * Reading is in three steps so that parts of a file can be read side by side (one per thread):
 * `planCompact` reads the header, `scanCompact` reads the rows of a byte range into a part, and
 * `findDuplicate` + `joinCompact` check the units' keys across parts and put the parts together.
 * `readCompact` does all three on one thread.
 */
import { isUtf8 } from 'node:buffer';
import type { Decimal } from '../core/decimal.js';
import { ParScoreError } from '../core/problem.js';
import { cleanName, nameKey } from '../core/text.js';
import type { Scheme } from '../scheme/schema.js';
import { matchComponents, selectScheme } from '../scheme/select.js';
import { sniffDelimiter, type CsvRow, type Delimiter } from './csv.js';
import { locateHeader, type MetaRole } from './header.js';
import { MAX_CELL_LENGTH } from './table.js';

/** Points are held as integers: value x 10^COMPACT_SCALE. */
export const COMPACT_SCALE = 6;
const SCALE = 10 ** COMPACT_SCALE;
/** A decimal (at most COMPACT_SCALE decimals) as the lane holds points: value x 10^6. */
export function toScaled(d: Decimal): number {
  return Number(d.units) * 10 ** (COMPACT_SCALE - d.scale);
}

/** SCALE / 10^decimals, by decimals. */
const UNIT_OF_DECIMALS = Array.from({ length: COMPACT_SCALE + 1 }, (_, d) => 10 ** (COMPACT_SCALE - d));
/** Header search window of `locateHeader`: the title rows it allows, plus the header. */
const HEADER_WINDOW = 11;
/** How much of the file is decoded for the header search: `sniffDelimiter` samples 64 Ki characters. */
const HEAD_BYTES = 256 * 1024;
const SNIFF_CHARS = 64 * 1024;

/**
 * Names and codes by unit. A cell that `cleanName` surely leaves as it is (printable ASCII, and the
 * precomposed Latin letters Vietnamese is written with, with single inner spaces: the common case)
 * is kept as its byte offsets in the file; any other is kept as its cleaned string.
 */
export class UnitTexts {
  constructor(
    /** The file's bytes. */
    readonly bytes: Uint8Array,
    /** By unit: the name's start and end, then the code's (equal when empty, -1 when kept as a string). */
    readonly spans: Int32Array,
    /** By unit: NAME_NOT_ASCII and CODE_NOT_ASCII for cells kept as offsets with bytes beyond ASCII. */
    readonly flags: Uint8Array,
    /** By unit x 2 (+1 for the code): cells kept as cleaned strings. */
    readonly strings: ReadonlyMap<number, string>,
    readonly hasCodes: boolean,
  ) {}

  name(u: number): string {
    return this.text(4 * u, 2 * u, this.flags[u]! & NAME_NOT_ASCII)!;
  }

  code(u: number): string | undefined {
    return this.text(4 * u + 2, 2 * u + 1, this.flags[u]! & CODE_NOT_ASCII);
  }

  /** Whether the unit's name, and code if any, are ASCII kept as byte offsets. */
  isAscii(u: number): boolean {
    return this.spans[4 * u]! >= 0 && this.spans[4 * u + 2]! >= 0 && this.flags[u] === 0;
  }

  private text(at: number, key: number, notAscii: number): string | undefined {
    const s = this.spans[at]!;
    const e = this.spans[at + 1]!;
    if (e <= s) return this.strings.get(key);
    return notAscii ? utf8.decode(this.bytes.subarray(s, e)) : ascii(this.bytes, s, e);
  }
}

/** Flags of `UnitTexts.flags`. */
export const NAME_NOT_ASCII = 1;
export const CODE_NOT_ASCII = 2;

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

function ascii(bytes: Uint8Array, s: number, e: number): string {
  return String.fromCharCode.apply(null, bytes.subarray(s, e) as unknown as number[]);
}

/**
 * Length of the UTF-8 sequence at bytes[i] (a lead byte beyond ASCII, in a valid file) when it is a
 * letter `cleanName` leaves as it is in any text without combining marks: U+00A1-U+024F (Latin-1
 * Supplement and Latin Extended-A and B, but not the no-break space) and U+1E00-U+1EFF (Latin
 * Extended Additional: ạ ả ấ ầ ẩ ẫ ậ ... ỳ ỵ ỷ ỹ). Each is its own NFC form, and none composes with
 * a neighbour (a test checks every one); 0 for anything else.
 */
function keptLetter(bytes: Uint8Array, i: number, c: number): number {
  if (c === 0xc2) return bytes[i + 1]! >= 0xa1 ? 2 : 0;
  if (c >= 0xc3 && c <= 0xc8) return 2;
  if (c === 0xc9) return bytes[i + 1]! <= 0x8f ? 2 : 0;
  if (c === 0xe1) return bytes[i + 1]! >= 0xb8 && bytes[i + 1]! <= 0xbb ? 3 : 0;
  return 0;
}

export interface CompactTable {
  readonly file: string;
  readonly count: number;
  readonly texts: UnitTexts;
  /** Points x 10^6, unit after unit, by component position in the scheme (32-bit when every maximum allows). */
  readonly points: Float64Array | Int32Array;
  /** Components per unit in `points`. */
  readonly components: number;
  /** By unit: the total points x 10^6. */
  readonly totals: Float64Array;
  /** The most decimals written in any score cell. */
  readonly decimals: number;
  /** How many bytes every name kept as bytes starts with (`sharedNamePrefix`). */
  readonly namePrefix: number;
}

export interface CompactReadOptions {
  readonly scheme?: Scheme;
  readonly candidates: readonly Scheme[];
  readonly delimiter?: Delimiter;
  readonly unitColumn?: string;
}

export type Fallback = { readonly fallback: string };
const fallback = (why: string): Fallback => ({ fallback: why });

// Column roles in the scan; component positions are >= 0.
const IGNORED = -1;
const UNIT = -2;
const CODE = -3;
const TOTAL = -4;
/** A column without a header: allowed only while it stays empty (else the general path warns). */
const BLANK = -5;
const SUPPORTED_META: ReadonlySet<MetaRole> = new Set(['unit', 'code', 'total', 'ignored']);

/** What the scan needs to know of a file, from its header: plain data, so it can go to a worker. */
export interface CompactPlan {
  readonly file: string;
  readonly delimiter: Delimiter;
  readonly crlf: boolean;
  /** By field: a component position (>= 0) or one of the roles above. */
  readonly roles: readonly number[];
  /** By component position: the maximum x 10^6. */
  readonly maxima: readonly number[];
  readonly hasCodes: boolean;
  /** Byte offset of the line after the header. */
  readonly dataStart: number;
}

interface Line {
  readonly row: CsvRow;
  /** Offset just past the line's ending. */
  readonly next: number;
}

/** The first non-blank rows, split as `splitUnquoted` splits them, with where each line ends. */
function firstRows(text: string, delimiter: Delimiter, crlf: boolean, limit: number): Line[] {
  const out: Line[] = [];
  let pos = 0;
  for (let line = 1; pos < text.length && out.length < limit; line++) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : crlf ? nl - 1 : nl;
    const next = nl < 0 ? text.length : nl + 1;
    const fields = text.slice(pos, end).split(delimiter);
    if (!fields.every((f) => f.trim() === '')) out.push({ row: { line, fields }, next });
    pos = next;
  }
  return out;
}

/** Every line of `text` ends as the first one does: all with CRLF, or all with LF and no CR at all. */
function oneLineEnding(text: string, crlf: boolean): boolean {
  if (!crlf) return !text.includes('\r');
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) return false;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) if (text.charCodeAt(i - 1) !== 13) return false;
  return true;
}

/** The bytes as a Buffer (no copy): its searches run natively, several times faster on large inputs. */
function searchable(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

const BYTE_ORDER_MARK = new Uint8Array([0xef, 0xbb, 0xbf]);

/** Reads the header of a file's bytes, or says why the general path must read the file. */
export function planCompact(bytes: Uint8Array, file: string, options: CompactReadOptions): { plan: CompactPlan; scheme: Scheme } | Fallback {
  // What `decode` refuses, or reads in another way, goes the general way.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return fallback('UTF-16');
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const search = searchable(bytes);
  if (search.indexOf(0) >= 0) return fallback('NUL bytes');
  if (search.indexOf(34) >= 0) return fallback('quoted fields');
  if (!isUtf8(bytes)) return fallback('not UTF-8');
  // A U+FEFF after the start: the general reader refuses it.
  if (search.indexOf(BYTE_ORDER_MARK, bom) >= 0) return fallback('a byte-order mark inside the file');

  // The head of the file as text, cut after a line: enough for the header and the delimiter.
  let headEnd = bytes.length;
  if (headEnd - bom > HEAD_BYTES) headEnd = search.lastIndexOf(10, bom + HEAD_BYTES) + 1;
  const whole = headEnd === bytes.length;
  const head = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(bom, headEnd));
  if (!whole && head.length < SNIFF_CHARS) return fallback('very long lines');
  if (/^sep=/i.test(head)) return fallback('a sep= line');
  const firstNl = head.indexOf('\n');
  const crlf = firstNl > 0 && head.charCodeAt(firstNl - 1) === 13;
  const delimiter = options.delimiter ?? sniffDelimiter(head);

  const lines = firstRows(head, delimiter, crlf, HEADER_WINDOW);
  if (lines.length === 0) return fallback('no rows');
  if (!whole && lines.length < HEADER_WINDOW) return fallback('very long lines');
  const header = locateHeader({ file, delimiter, rows: lines.map((l) => l.row) }, options.unitColumn);
  let scheme: Scheme;
  try {
    scheme = options.scheme ?? selectScheme(options.candidates, header.columns);
  } catch (e) {
    if (e instanceof ParScoreError) return fallback('no scheme fits the columns');
    throw e;
  }

  // Column roles, as readUnits assigns them; any column it would warn about or refuse sends the file back.
  const components = matchComponents(scheme, header.columns);
  const position = new Map(scheme.components.map((c, i) => [c, i]));
  const roles = new Array<number>(header.columns.length).fill(IGNORED);
  const claimed = new Set<string>();
  for (const col of header.columns) {
    if (col.header.length > MAX_CELL_LENGTH) return fallback('a header is too long');
    const component = components.get(col);
    const role = component ? `component:${component.id}` : col.meta ? `meta:${col.meta}` : undefined;
    if (role !== undefined && col.meta !== 'ignored') {
      if (claimed.has(role)) return fallback('a column appears twice');
      claimed.add(role);
    }
    if (component) roles[col.index] = position.get(component)!;
    else if (col.meta && !SUPPORTED_META.has(col.meta)) return fallback(`a ${col.meta} column`);
    else if (col.meta === 'unit') roles[col.index] = UNIT;
    else if (col.meta === 'code') roles[col.index] = CODE;
    else if (col.meta === 'total') roles[col.index] = TOTAL;
    else if (col.meta === 'ignored') roles[col.index] = IGNORED;
    else if (col.header === '') roles[col.index] = BLANK;
    else return fallback('a column outside the scheme');
  }
  if (!claimed.has('meta:unit')) return fallback('no unit column');
  if (scheme.components.some((c) => c.max.scale > COMPACT_SCALE)) return fallback('maxima too fine');
  const maxima = scheme.components.map((c) => toScaled(c.max));
  if (maxima.reduce((a, b) => a + b, 0) > Number.MAX_SAFE_INTEGER / 100) return fallback('maxima too large');
  if (scheme.components.some((c) => !claimed.has(`component:${c.id}`))) return fallback('a component has no column');

  const headerLine = lines[header.dataStart - 1];
  const headerEnd = headerLine ? headerLine.next : head.length;
  if (!oneLineEnding(head.slice(0, headerEnd), crlf)) return fallback('mixed line endings');
  return {
    scheme,
    plan: {
      file,
      delimiter,
      crlf,
      roles,
      maxima,
      hasCodes: claimed.has('meta:code'),
      dataStart: bom + new TextEncoder().encode(head.slice(0, headerEnd)).length,
    },
  };
}

/** The rows of one byte range of a file, read by `scanCompact`. */
export interface CompactPart {
  readonly count: number;
  /** Points x 10^6, unit after unit (`count` of them used), by component position. */
  readonly points: Float64Array | Int32Array;
  /** By unit: the total points x 10^6. */
  readonly totals: Float64Array;
  /** By unit: name start and end, code start and end (see `UnitTexts`; -1 for a cell kept as a string). */
  readonly spans: Int32Array;
  /** By unit: see `UnitTexts.flags`. */
  readonly flags: Uint8Array;
  /** By unit x 2 (+1 for the code) within the part: cells kept as cleaned strings. */
  readonly strings: ReadonlyMap<number, string>;
  /** By unit: two independent 32-bit hashes of the unit's key (code, else name), the second odd. */
  readonly hashes: Int32Array;
  /**
   * The bytes every name of the part kept as bytes starts with: where the first such name starts
   * (-1 for none) and how many of its bytes the others share (whole characters or not).
   */
  readonly namePrefix: { readonly at: number; readonly length: number };
  /** Score cells written with a decimal comma, with a decimal point, and the most decimals. */
  readonly decimalCommas: number;
  readonly decimalPoints: number;
  readonly decimals: number;
}

/** Typed arrays for a part's columns; a worker passes one that allocates shared memory. */
export interface ColumnAllocator {
  int32(length: number): Int32Array;
  float64(length: number): Float64Array;
  uint8(length: number): Uint8Array;
}

export const plainColumns: ColumnAllocator = {
  int32: (length) => new Int32Array(length),
  float64: (length) => new Float64Array(length),
  uint8: (length) => new Uint8Array(length),
};

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const MIX_SEED = 0x9747b28c;
const MIX_PRIME = 0x5bd1e995;

/** Both hashes of a key string, as `scanCompact` computes them over a key's UTF-16 units. */
function hashKey(key: string, into: Int32Array, at: number): void {
  let h1 = FNV_OFFSET;
  let h2 = MIX_SEED;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, FNV_PRIME);
    h2 = Math.imul(h2 ^ c, MIX_PRIME);
    h2 ^= h2 >>> 15;
  }
  into[at] = h1;
  into[at + 1] = h2 | 1;
}

/**
 * The key `code:` + the code in lower case, hashed as `hashKey` hashes it, from the code's bytes
 * (printable ASCII): no string is made.
 */
function hashCodeBytes(bytes: Uint8Array, s: number, e: number, into: Int32Array, at: number): void {
  let h1 = CODE_PREFIX[0]!;
  let h2 = CODE_PREFIX[1]!;
  for (let i = s; i < e; i++) {
    let c = bytes[i]!;
    if (c >= 65 && c <= 90) c += 32;
    h1 = Math.imul(h1 ^ c, FNV_PRIME);
    h2 = Math.imul(h2 ^ c, MIX_PRIME);
    h2 ^= h2 >>> 15;
  }
  into[at] = h1;
  into[at + 1] = h2 | 1;
}

/** Hash states after `code:`. */
const CODE_PREFIX = (() => {
  let h1 = FNV_OFFSET;
  let h2 = MIX_SEED;
  for (const ch of 'code:') {
    h1 = Math.imul(h1 ^ ch.charCodeAt(0), FNV_PRIME);
    h2 = Math.imul(h2 ^ ch.charCodeAt(0), MIX_PRIME);
    h2 ^= h2 >>> 15;
  }
  return [h1, h2];
})();

/** Room for the rows of bytes [from, to): the line count, estimated from the first 64 KiB of it. */
function estimatedRows(bytes: Uint8Array, from: number, to: number): number {
  const sampleEnd = Math.min(to, from + 65536);
  let lines = 1;
  for (let i = from; i < sampleEnd; i++) if (bytes[i] === 10) lines++;
  return Math.ceil(((to - from) / (sampleEnd - from || 1)) * lines * 1.05) + 16;
}

/** Whether bytes [s, e) are empty once trimmed as `String.prototype.trim` trims. */
function blankCell(bytes: Uint8Array, s: number, e: number, decoder: TextDecoder): boolean {
  for (let i = s; i < e; i++) {
    const c = bytes[i]!;
    if (c >= 128) return decoder.decode(bytes.subarray(s, e)).trim() === '';
    if (c !== 32 && (c < 9 || c > 13)) return false;
  }
  return true;
}

/**
 * Reads the rows whose lines start in bytes [from, to) (`from` at a line start, `to` at a line start
 * or the end of the file) into a part, or says why the general path must read the file.
 */
export function scanCompact(bytes: Uint8Array, plan: CompactPlan, from: number, to: number, columns: ColumnAllocator = plainColumns): CompactPart | Fallback {
  const { roles, maxima, crlf } = plan;
  const width = roles.length;
  const componentCount = maxima.length;
  const delimiter = plan.delimiter.charCodeAt(0);
  let capacity = estimatedRows(bytes, from, to);
  // Half the memory when every value fits in 32 bits (maxima up to 2147 points).
  const narrow = maxima.every((m) => m <= 2 ** 31 - 1);
  const column = (length: number) => (narrow ? columns.int32(length) : columns.float64(length));
  let points = column(componentCount * capacity);
  let spans = columns.int32(4 * capacity);
  let hashes = columns.int32(2 * capacity);
  let totals = columns.float64(capacity);
  let flags = columns.uint8(capacity);
  const strings = new Map<number, string>();
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const numeric = roles.map((r) => r >= 0 || r === TOTAL);
  const row = new Float64Array(componentCount);
  let count = 0;
  let commas = 0;
  let pointsSeen = 0;
  let decimalsSeen = 0;
  let prefixAt = -1;
  let prefixLength = 0;
  const end = bytes.length;

  let pos = from;
  while (pos < to) {
    if (count === capacity) {
      // More rows than estimated: half as much room again.
      capacity = Math.ceil(capacity * 1.5);
      const more = column(componentCount * capacity);
      more.set(points as never);
      points = more;
      const moreSpans = columns.int32(4 * capacity);
      moreSpans.set(spans);
      spans = moreSpans;
      const moreHashes = columns.int32(2 * capacity);
      moreHashes.set(hashes);
      hashes = moreHashes;
      const moreTotals = columns.float64(capacity);
      moreTotals.set(totals);
      totals = moreTotals;
      const moreFlags = columns.uint8(capacity);
      moreFlags.set(flags);
      flags = moreFlags;
    }
    let ok = true;
    let declared = NaN;
    let field = 0;
    let coded = false;
    // One pass over the line; a score cell is read as it goes: `parseCell`'s plain number only
    // (digits, at most one separator followed by digits), anything else is NaN. Other cells are
    // checked as they go for what `cleanName` might change (anything but printable ASCII and the
    // letters of `keptLetter`, two spaces).
    let inNumber = numeric[0]!;
    let value = 0;
    let digits = 0;
    let decimals = -1;
    let separator = 0;
    let bad = false;
    let clean = true;
    let beyondAscii = false;
    let previous = 0;
    let unitFlags = 0;
    let i = pos;
    let s = pos;
    let lineEnd = -1;
    for (; ; i++) {
      if (inNumber && i === s) {
        // The common case of a score cell at once: digits, then at most one separator and digits.
        // What follows is judged below, as any byte is.
        let d = i < end ? bytes[i]! : 10;
        while (d >= 48 && d <= 57) {
          value = value * 10 + (d - 48);
          digits++;
          d = ++i < end ? bytes[i]! : 10;
        }
        if ((d === 44 || d === 46) && d !== delimiter && digits > 0) {
          decimals = 0;
          separator = d;
          d = ++i < end ? bytes[i]! : 10;
          while (d >= 48 && d <= 57) {
            value = value * 10 + (d - 48);
            decimals++;
            d = ++i < end ? bytes[i]! : 10;
          }
        }
      } else if (i === s) {
        // The common case of a text cell at once: printable ASCII but the delimiter, no two spaces
        // in a row. What follows (its end, or a byte beyond ASCII) is judged below, as any byte is.
        let d = i < end ? bytes[i]! : 10;
        while ((d > 32 && d < 127 && d !== delimiter) || (d === 32 && previous !== 32)) {
          previous = d;
          d = ++i < end ? bytes[i]! : 10;
        }
      }
      let c = i < end ? bytes[i]! : 10;
      if (c === 13) {
        // CR only as part of CRLF, in a file whose lines all end so.
        if (!crlf || bytes[i + 1] !== 10) return fallback('mixed line endings');
        c = 10;
      } else if (c === 10 && crlf && i < end) return fallback('mixed line endings');
      if (c !== delimiter && c !== 10) {
        if (inNumber) {
          if (c >= 48 && c <= 57) {
            value = value * 10 + (c - 48);
            if (decimals < 0) digits++;
            else decimals++;
          } else if ((c === 44 || c === 46) && decimals < 0 && digits > 0) {
            decimals = 0;
            separator = c;
          } else bad = true;
        } else if (c < 128) {
          if (c < 32 || c === 127 || (c === 32 && previous === 32)) clean = false;
          previous = c;
        } else {
          const length = keptLetter(bytes, i, c);
          if (length === 0) clean = false;
          else i += length - 1;
          beyondAscii = true;
          previous = c;
        }
        continue;
      }
      if (field >= width || (i - s > MAX_CELL_LENGTH && decoder.decode(bytes.subarray(s, i)).length > MAX_CELL_LENGTH)) {
        ok = false;
        break;
      }
      const role = roles[field]!;
      if (inNumber) {
        const places = decimals < 0 ? 0 : decimals;
        const v = bad || digits === 0 || decimals === 0 || places > COMPACT_SCALE || digits + places > 15 ? NaN : value * UNIT_OF_DECIMALS[places]!;
        if (v === v && decimals > 0) {
          if (separator === 44) commas++;
          else pointsSeen++;
          if (decimals > decimalsSeen) decimalsSeen = decimals;
        }
        if (role >= 0) {
          // NaN and values above the maximum fail here.
          if (!(v <= maxima[role]!)) ok = false;
          else row[role] = v;
        } else if (i > s) {
          if (v !== v) ok = false;
          else declared = v;
        }
      } else if (role === UNIT || role === CODE) {
        const at = 4 * count + (role === CODE ? 2 : 0);
        if (clean && (i === s || (bytes[s] !== 32 && bytes[i - 1] !== 32))) {
          spans[at] = s;
          spans[at + 1] = i;
          if (beyondAscii) unitFlags |= role === CODE ? CODE_NOT_ASCII : NAME_NOT_ASCII;
          if (role === CODE) coded = i > s;
          else if (i === s) ok = false;
          else if (prefixAt < 0) {
            prefixAt = s;
            prefixLength = i - s;
          } else if (prefixLength > 0) {
            // The bytes every name kept as bytes starts with (see `CompactPart.namePrefix`).
            const length = Math.min(prefixLength, i - s);
            let j = 0;
            while (j < length && bytes[s + j] === bytes[prefixAt + j]) j++;
            prefixLength = j;
          }
        } else {
          spans[at] = -1;
          spans[at + 1] = -1;
          const value = cleanName(decoder.decode(bytes.subarray(s, i)));
          const key = 2 * count + (role === CODE ? 1 : 0);
          if (value !== '') strings.set(key, value);
          else strings.delete(key); // left by a row that was then skipped
          if (role === CODE) coded = value !== '';
          else if (value === '') ok = false;
        }
      } else if (role === BLANK) {
        if (i > s && !blankCell(bytes, s, i, decoder)) ok = false;
      }
      field++;
      if (c === 10) {
        lineEnd = i;
        break;
      }
      if (!ok) break;
      s = i + 1;
      inNumber = numeric[field] ?? false;
      value = 0;
      digits = 0;
      decimals = -1;
      bad = false;
      clean = true;
      beyondAscii = false;
      previous = 0;
    }
    if (lineEnd < 0) {
      const nl = bytes.indexOf(10, i);
      if (nl >= 0 && crlf && bytes[nl - 1] !== 13) return fallback('mixed line endings');
      lineEnd = nl < 0 ? end : crlf ? nl - 1 : nl;
    }
    const next = lineEnd >= end ? end : lineEnd + (crlf ? 2 : 1);
    if (!ok || field !== width) {
      strings.delete(2 * count);
      strings.delete(2 * count + 1);
      // Blank rows (Excel's ";;;;") are skipped, as the general reader skips them.
      const text = decoder.decode(bytes.subarray(pos, lineEnd));
      if (!text.includes('\r') && text.split(plan.delimiter).every((f) => f.trim() === '')) {
        pos = next;
        continue;
      }
      return fallback(`line content the general reader must judge, at byte ${pos}`);
    }
    let sum = 0;
    for (let k = 0; k < componentCount; k++) sum += row[k]!;
    // The general path warns beyond 0.01 points.
    if (!Number.isNaN(declared) && Math.abs(declared - sum) > SCALE / 100) return fallback('a declared total differs from the sum');
    totals[count] = sum;
    // The unit's key, as `unitKey` makes it: the code in lower case, else the name's key.
    flags[count] = unitFlags;
    const cell = (at: number, notAscii: number) =>
      notAscii ? decoder.decode(bytes.subarray(spans[at]!, spans[at + 1]!)) : ascii(bytes, spans[at]!, spans[at + 1]!);
    if (coded) {
      if (strings.has(2 * count + 1)) hashKey(`code:${strings.get(2 * count + 1)!.toLowerCase()}`, hashes, 2 * count);
      else if (unitFlags & CODE_NOT_ASCII) hashKey(`code:${cell(4 * count + 2, 1).toLowerCase()}`, hashes, 2 * count);
      else hashCodeBytes(bytes, spans[4 * count + 2]!, spans[4 * count + 3]!, hashes, 2 * count);
    } else {
      const name = strings.get(2 * count) ?? cell(4 * count, unitFlags & NAME_NOT_ASCII);
      hashKey(`name:${nameKey(name)}`, hashes, 2 * count);
    }
    for (let k = 0, at = count * componentCount; k < componentCount; k++) points[at + k] = row[k]!;
    count++;
    pos = next;
  }
  return {
    count,
    points,
    totals,
    spans,
    flags,
    strings,
    hashes,
    namePrefix: { at: prefixAt, length: prefixAt < 0 ? 0 : prefixLength },
    decimalCommas: commas,
    decimalPoints: pointsSeen,
    decimals: decimalsSeen,
  };
}

/**
 * Whether two units of the parts may share a key: equal pairs of hashes (both 32-bit hashes equal,
 * for different keys about one chance in 10^10 per pair of units). Then the general path reads the
 * file, and it either reports the duplicate or, for a mere collision, ranks the units as usual.
 * With `lanes` > 1, only the units whose first hash falls in `lane` are checked (equal keys fall in
 * the same lane), so that lanes can be checked side by side.
 */
export function findDuplicate(parts: readonly Pick<CompactPart, 'count' | 'hashes'>[], lane = 0, lanes = 1): boolean {
  // Partitioned by the top bits of the first hash, so that each partition's table stays in the
  // processor's cache: one pass to count, one to gather, then small tables (several times faster
  // than one large table probed at random).
  const PARTITIONS = 256;
  const starts = new Int32Array(PARTITIONS + 1);
  const mine = (h1: number) => lanes === 1 || (h1 & 0xffffff) % lanes === lane;
  for (const { count, hashes } of parts) {
    for (let u = 0; u < count; u++) {
      const h1 = hashes[2 * u]!;
      if (mine(h1)) starts[(h1 >>> 24) + 1]!++;
    }
  }
  let largest = 0;
  for (let b = 0; b < PARTITIONS; b++) {
    largest = Math.max(largest, starts[b + 1]!);
    starts[b + 1]! += starts[b]!;
  }
  const gathered = new Int32Array(2 * starts[PARTITIONS]!);
  const next = starts.slice(0, PARTITIONS);
  for (const { count, hashes } of parts) {
    for (let u = 0; u < count; u++) {
      const h1 = hashes[2 * u]!;
      if (!mine(h1)) continue;
      const at = 2 * next[h1 >>> 24]!++;
      gathered[at] = h1;
      gathered[at + 1] = hashes[2 * u + 1]!;
    }
  }
  let size = 16;
  while (size < 2 * largest) size *= 2;
  const slots = new Int32Array(2 * size);
  const mask = size - 1;
  for (let b = 0; b < PARTITIONS; b++) {
    slots.fill(0);
    for (let at = 2 * starts[b]!, end = 2 * starts[b + 1]!; at < end; at += 2) {
      const h1 = gathered[at]!;
      const h2 = gathered[at + 1]!;
      for (let slot = (h1 >>> 8) & mask; ; slot = (slot + 1) & mask) {
        const other = slots[2 * slot + 1]!;
        if (other === 0) {
          slots[2 * slot] = h1;
          slots[2 * slot + 1] = h2;
          break;
        }
        if (other === h2 && slots[2 * slot] === h1) return true;
      }
    }
  }
  return false;
}

/**
 * How many bytes every name kept as bytes in the parts starts with (`CompactPart.namePrefix`), cut
 * back to whole characters.
 */
export function sharedNamePrefix(bytes: Uint8Array, parts: readonly Pick<CompactPart, 'namePrefix'>[]): number {
  let at = -1;
  let length = 0;
  for (const { namePrefix: p } of parts) {
    if (p.at < 0) continue;
    if (at < 0) {
      at = p.at;
      length = p.length;
      continue;
    }
    const most = Math.min(length, p.length);
    let j = 0;
    while (j < most && bytes[at + j] === bytes[p.at + j]) j++;
    length = j;
  }
  // Not into the middle of a letter written with several bytes.
  while (length > 0 && (bytes[at + length]! & 0xc0) === 0x80) length--;
  return length;
}

/** The parts of a file, read in order, as one table (its columns made by `columns`, for several parts). */
export function joinCompact(bytes: Uint8Array, plan: CompactPlan, parts: readonly CompactPart[], columns: ColumnAllocator = plainColumns): CompactTable | Fallback {
  let count = 0;
  let commas = 0;
  let pointsSeen = 0;
  let decimals = 0;
  for (const p of parts) {
    count += p.count;
    commas += p.decimalCommas;
    pointsSeen += p.decimalPoints;
    decimals = Math.max(decimals, p.decimals);
  }
  if (count === 0) return fallback('no unit rows');
  if (commas > 0 && pointsSeen > 0) return fallback('both decimal separators');
  if (parts.length === 1) {
    const [p] = parts as [CompactPart];
    return {
      file: plan.file,
      count,
      texts: new UnitTexts(bytes, p.spans.subarray(0, 4 * count), p.flags.subarray(0, count), p.strings, plan.hasCodes),
      points: p.points.subarray(0, count * plan.maxima.length),
      components: plan.maxima.length,
      totals: p.totals.subarray(0, count),
      decimals,
      namePrefix: sharedNamePrefix(bytes, parts),
    };
  }
  const components = plan.maxima.length;
  const points = parts[0]!.points instanceof Int32Array ? columns.int32(count * components) : columns.float64(count * components);
  const spans = columns.int32(4 * count);
  const totals = columns.float64(count);
  const flags = columns.uint8(count);
  const strings = new Map<number, string>();
  let at = 0;
  for (const p of parts) {
    flags.set(p.flags.subarray(0, p.count), at);
    points.set(p.points.subarray(0, p.count * components), at * components);
    totals.set(p.totals.subarray(0, p.count), at);
    spans.set(p.spans.subarray(0, 4 * p.count), 4 * at);
    for (const [key, value] of p.strings) strings.set(key + 2 * at, value);
    at += p.count;
  }
  return { file: plan.file, count, texts: new UnitTexts(bytes, spans, flags, strings, plan.hasCodes), points, components, totals, decimals, namePrefix: sharedNamePrefix(bytes, parts) };
}

/** Reads a file's bytes into columns on this thread, or says why the general path must read it. */
export function readCompact(bytes: Uint8Array, file: string, options: CompactReadOptions): { table: CompactTable; scheme: Scheme } | Fallback {
  const planned = planCompact(bytes, file, options);
  if ('fallback' in planned) return planned;
  const part = scanCompact(bytes, planned.plan, planned.plan.dataStart, bytes.length);
  if ('fallback' in part) return part;
  if (findDuplicate([part])) return fallback('a duplicate unit');
  const table = joinCompact(bytes, planned.plan, [part]);
  return 'fallback' in table ? table : { table, scheme: planned.scheme };
}
