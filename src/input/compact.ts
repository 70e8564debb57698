/**
 * The compact lane's reader: a clean, quote-free file read straight into columns (points as integers
 * scaled by 10^6 in typed arrays, names and codes as strings), with no object per row or cell. It
 * accepts only what the general reader (`readCsv` + `readUnits`) accepts without any problem or
 * warning and gives up, with the reason, on anything else; the caller then runs the general path,
 * which reports the problem exactly as usual. A differential test pins both to the same results.
 */
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

export interface CompactTable {
  readonly file: string;
  readonly count: number;
  readonly names: TextColumn;
  /** Undefined when the file has no code column. */
  readonly codes?: TextColumn;
  /** By component position in the scheme: points x 10^6, by unit (32-bit when every maximum allows). */
  readonly points: readonly (Float64Array | Int32Array)[];
  /** The most decimals written in any score cell. */
  readonly decimals: number;
}

export interface CompactReadOptions {
  readonly scheme?: Scheme;
  readonly candidates: readonly Scheme[];
  readonly delimiter?: Delimiter;
  readonly unitColumn?: string;
}

export type CompactRead = { readonly table: CompactTable; readonly scheme: Scheme } | { readonly fallback: string };

// Column roles in the scan; component positions are >= 0.
const IGNORED = -1;
const UNIT = -2;
const CODE = -3;
const TOTAL = -4;
/** A column without a header: allowed only while it stays empty (else the general path warns). */
const BLANK = -5;
const SUPPORTED_META: ReadonlySet<MetaRole> = new Set(['unit', 'code', 'total', 'ignored']);

const fallback = (why: string): CompactRead => ({ fallback: why });

/** Whether `cleanName` would leave text[s, e) as it is: printable ASCII with single inner spaces. */
function isClean(text: string, s: number, e: number): boolean {
  if (e > s && (text.charCodeAt(s) === 32 || text.charCodeAt(e - 1) === 32)) return false;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 || c > 126 || (c === 32 && text.charCodeAt(i + 1) === 32)) return false;
  }
  return true;
}

/**
 * Names or codes, by unit, as `cleanName` makes them; an empty cell is undefined. Kept as offsets into
 * the file's text (a million names would otherwise be a million strings held to the end); a cell that
 * cleaning changes is kept as its cleaned string.
 */
export class TextColumn {
  /** By unit: where its cell starts and ends in `text`; equal when the cell is empty or was cleaned. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  private readonly cleaned = new Map<number, string>();

  constructor(
    /** The file's text; a cell kept as offsets is printable ASCII with single inner spaces. */
    readonly text: string,
    capacity: number,
  ) {
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }

  /** Stores text[s, e) for `unit`; false when the cell is empty (after cleaning). */
  set(unit: number, s: number, e: number): boolean {
    if (this.cleaned.size > 0) this.cleaned.delete(unit); // left by a row that was then skipped
    if (isClean(this.text, s, e)) {
      this.starts[unit] = s;
      this.ends[unit] = e;
      return e > s;
    }
    this.starts[unit] = 0;
    this.ends[unit] = 0;
    const value = cleanName(this.text.slice(s, e));
    if (value !== '') this.cleaned.set(unit, value);
    return value !== '';
  }

  /** Whether the unit's cell is kept as offsets into `text` (printable ASCII, unchanged by cleaning). */
  isSpan(unit: number): boolean {
    return this.ends[unit]! > this.starts[unit]!;
  }

  get(unit: number): string | undefined {
    const s = this.starts[unit]!;
    const e = this.ends[unit]!;
    return e > s ? this.text.slice(s, e) : this.cleaned.get(unit);
  }
}

/**
 * Tells whether a unit's key (`unitKey`: code, else normalised name) was seen before, without keeping
 * a million key strings: open addressing over 32-bit hashes of the keys, and on equal hashes the
 * earlier unit's key is made again and compared, so the answer is exact.
 */
class UniqueKeys {
  /** By slot: unit + 1 (0 when free), then the key's hash. */
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(
    capacity: number,
    private readonly keyOf: (unit: number) => string,
  ) {
    let size = 16;
    while (size < 2 * capacity) size *= 2;
    this.slots = new Int32Array(2 * size);
    this.mask = size - 1;
  }

  /** Adds the key of `unit`; false when an equal key is already there. */
  add(key: string, unit: number): boolean {
    let h = FNV_OFFSET;
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), FNV_PRIME);
    return this.addHashed(h, unit, key);
  }

  /**
   * Adds the key `code:` + lower-case text[s, e) of `unit`, for printable ASCII text, hashed as `add`
   * hashes that string, without making it (it is made only to compare keys with equal hashes).
   */
  addCode(text: string, s: number, e: number, unit: number): boolean {
    let h = CODE_PREFIX_HASH;
    for (let i = s; i < e; i++) {
      const c = text.charCodeAt(i);
      h = Math.imul(h ^ (c >= 65 && c <= 90 ? c + 32 : c), FNV_PRIME);
    }
    return this.addHashed(h, unit);
  }

  private addHashed(h: number, unit: number, key?: string): boolean {
    const slots = this.slots;
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const other = slots[2 * slot]!;
      if (other === 0) {
        slots[2 * slot] = unit + 1;
        slots[2 * slot + 1] = h;
        return true;
      }
      if (slots[2 * slot + 1] === h && this.keyOf(other - 1) === (key ?? this.keyOf(unit))) return false;
    }
  }
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const CODE_PREFIX_HASH = [...'code:'].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), FNV_PRIME), FNV_OFFSET);

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

function occurrences(text: string, what: string): number {
  let n = 0;
  for (let i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length)) n++;
  return n;
}

/** Every line ends with CRLF: as many \r as \r\n, and as many \n. */
function oneLineEnding(text: string): boolean {
  const crlf = occurrences(text, '\r\n');
  return crlf === occurrences(text, '\r') && crlf === occurrences(text, '\n');
}

/** Reads a file's text into columns, or says why the general path must read it. */
export function readCompact(text: string, file: string, options: CompactReadOptions): CompactRead {
  if (/^sep=/i.test(text)) return fallback('a sep= line');
  if (text.includes('"')) return fallback('quoted fields');
  const firstNl = text.indexOf('\n');
  const crlf = firstNl > 0 && text.charCodeAt(firstNl - 1) === 13;
  if (crlf ? !oneLineEnding(text) : text.includes('\r')) return fallback('mixed line endings');
  const delimiter = options.delimiter ?? sniffDelimiter(text);

  const lines = firstRows(text, delimiter, crlf, HEADER_WINDOW);
  if (lines.length === 0) return fallback('no rows');
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
  const width = header.columns.length;
  const roles = new Int32Array(width);
  const claimed = new Set<string>();
  let decimalsNeeded = 0;
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
  const maxima = scheme.components.map((c) => {
    decimalsNeeded = Math.max(decimalsNeeded, c.max.scale);
    return toScaled(c.max);
  });
  if (decimalsNeeded > COMPACT_SCALE || maxima.reduce((a, b) => a + b, 0) > Number.MAX_SAFE_INTEGER / 100) return fallback('maxima too fine or too large');
  if (scheme.components.some((c) => !claimed.has(`component:${c.id}`))) return fallback('a component has no column');

  const headerLine = lines[header.dataStart - 1];
  let pos = headerLine ? headerLine.next : text.length;
  const lineCount = occurrences(text, '\n') + 1;
  const names = new TextColumn(text, lineCount);
  const codes = claimed.has('meta:code') ? new TextColumn(text, lineCount) : undefined;
  // Every unit is a line: the line count bounds the rows, so the columns are allocated once.
  const capacity = lineCount;
  // Half the memory when every value fits in 32 bits (maxima up to 2147 points).
  const narrow = maxima.every((m) => m <= 2 ** 31 - 1);
  const column = (size: number) => (narrow ? new Int32Array(size) : new Float64Array(size));
  const points = scheme.components.map(() => column(capacity));
  const seen = { comma: 0, point: 0, decimals: 0 };
  const keyOf = (code: string | undefined, name: string) => (code !== undefined ? `code:${code.toLowerCase()}` : `name:${nameKey(name)}`);
  const keys = new UniqueKeys(lineCount, (unit) => keyOf(codes?.get(unit), names.get(unit)!));
  const componentCount = scheme.components.length;
  const row = new Float64Array(componentCount);
  let count = 0;

  const delimiterCode = delimiter.charCodeAt(0);
  const numeric = (field: number) => field < width && (roles[field]! >= 0 || roles[field] === TOTAL);
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    let end = nl < 0 ? text.length : nl;
    const next = nl < 0 ? text.length : nl + 1;
    if (crlf && nl >= 0) end = nl - 1;
    let coded = false;
    let declared = NaN;
    let field = 0;
    let ok = true;
    // One pass over the line; a score cell is read as it goes: `parseCell`'s plain number only
    // (digits, at most one separator followed by digits), anything else is NaN.
    let inNumber = numeric(0);
    let value = 0;
    let digits = 0;
    let decimals = -1;
    let separator = 0;
    let bad = false;
    for (let i = pos, s = pos; ; i++) {
      const c = i < end ? text.charCodeAt(i) : delimiterCode;
      if (c !== delimiterCode) {
        if (!inNumber) continue;
        if (c >= 48 && c <= 57) {
          value = value * 10 + (c - 48);
          if (decimals < 0) digits++;
          else decimals++;
        } else if ((c === 44 || c === 46) && decimals < 0 && digits > 0) {
          decimals = 0;
          separator = c;
        } else bad = true;
        continue;
      }
      if (field >= width || i - s > MAX_CELL_LENGTH) {
        ok = false;
        break;
      }
      const role = roles[field]!;
      if (inNumber) {
        const places = decimals < 0 ? 0 : decimals;
        const v = bad || digits === 0 || decimals === 0 || places > COMPACT_SCALE || digits + places > 15 ? NaN : value * UNIT_OF_DECIMALS[places]!;
        if (v === v && decimals > 0) {
          if (separator === 44) seen.comma++;
          else seen.point++;
          if (decimals > seen.decimals) seen.decimals = decimals;
        }
        if (role >= 0) {
          // NaN and values above the maximum fail here.
          if (!(v <= maxima[role]!)) ok = false;
          else row[role] = v;
        } else if (i > s) {
          if (v !== v) ok = false;
          else declared = v;
        }
      } else if (role === UNIT) {
        if (!names.set(count, s, i)) ok = false;
      } else if (role === CODE) {
        coded = codes!.set(count, s, i);
      } else if (role === BLANK) {
        if (i > s && text.slice(s, i).trim() !== '') ok = false;
      }
      field++;
      if (i >= end || !ok) break;
      s = i + 1;
      inNumber = numeric(field);
      value = 0;
      digits = 0;
      decimals = -1;
      bad = false;
    }
    if (!ok || field !== width) {
      // Blank rows (Excel's ";;;;") are skipped, as the general reader skips them.
      if (text.slice(pos, end).split(delimiter).every((f) => f.trim() === '')) {
        pos = next;
        continue;
      }
      return fallback(`line content the general reader must judge, at offset ${pos}`);
    }
    if (!Number.isNaN(declared)) {
      let sum = 0;
      for (let k = 0; k < componentCount; k++) sum += row[k]!;
      // The general path warns beyond 0.01 points.
      if (Math.abs(declared - sum) > SCALE / 100) return fallback('a declared total differs from the sum');
    }
    const unique = !coded
      ? keys.add(keyOf(undefined, names.get(count)!), count)
      : codes!.isSpan(count)
        ? keys.addCode(text, codes!.starts[count]!, codes!.ends[count]!, count)
        : keys.add(keyOf(codes!.get(count), ''), count);
    if (!unique) return fallback('a duplicate unit');
    for (let k = 0; k < componentCount; k++) points[k]![count] = row[k]!;
    count++;
    pos = next;
  }
  if (count === 0) return fallback('no unit rows');
  if (seen.comma > 0 && seen.point > 0) return fallback('both decimal separators');
  return {
    scheme,
    table: {
      file,
      count,
      names,
      ...(codes ? { codes } : {}),
      points: points.map((p) => p.subarray(0, count)),
      decimals: seen.decimals,
    },
  };
}
