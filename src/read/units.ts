/**
 * One file's rows, read against the scheme into columns (read/join.ts joins the files of a year).
 * Every problem is logged with file, line and column; nothing is silently dropped. This loop runs
 * once per cell of the input, so it reads cells from the text by position (read/cell.ts) and makes a
 * string only for names, codes and blocks.
 */
import { format, normalize, type Decimal } from '../model/decimal.js';
import type { ProblemLog } from '../model/problem.js';
import type { Scheme, SchemeNode } from '../model/scheme.js';
import { cleanName, nameKey } from '../model/text.js';
import { CellReader, DASH_CELL, EMPTY, INVALID, NA, NUMBER_CELL, parseCell, parseFlag } from './cell.js';
import type { HeaderColumn, LocatedHeader, MetaRole } from './header.js';
import { matchComponents } from './select.js';

export interface ReadOptions {
  /** What an empty score cell means: an error (default) or 0 points. */
  readonly missing: 'error' | 'zero';
  /** What a lone dash means: not applicable, or 0 (Excel's Accounting format); unset: what the scheme says, else an error. */
  readonly dash?: 'na' | 'zero' | undefined;
}

/** One file's units, columnar, in file order. */
export interface FilePart {
  readonly file: string;
  readonly headerLine: number;
  /** The header could not be used (reported once); other checks of this file are skipped. */
  readonly broken?: boolean;
  /** The scheme nodes that have a column in this file. */
  readonly nodes: readonly number[];
  readonly size: number;
  readonly names: readonly string[];
  readonly codes: readonly (string | undefined)[];
  readonly blocks: readonly (string | undefined)[];
  readonly years: readonly (string | undefined)[];
  readonly ranked: Uint8Array;
  readonly lines: Int32Array;
  /** 1-based field number of the unit column. */
  readonly unitColumn: number;
  /** Points of each node in `nodes` (same order), integers at `scale`; NaN = not applicable. */
  readonly points: readonly Float64Array[];
  readonly scale: number;
  readonly declared?: { readonly values: Float64Array; readonly decimals: Uint8Array; readonly partDecimals: Uint8Array; readonly column: number };
}

/** No real name, code or score is this long; a longer cell is a damaged or hostile file. */
export const MAX_CELL_LENGTH = 1000;
/** The most decimals a score may have: points stay exact integers far below 2^53 at that scale. */
export const MAX_SCALE = 12;

const MULTI_ROLES: ReadonlySet<MetaRole> = new Set(['ignored']);

export function unitKey(name: string, code: string | undefined): string {
  return code !== undefined ? `code:${code.toLowerCase()}` : `name:${nameKey(name)}`;
}

function quote(header: string): string {
  return `"${header}"`;
}

function brokenPart(file: string, headerLine: number): FilePart {
  return { file, headerLine, broken: true, nodes: [], size: 0, names: [], codes: [], blocks: [], years: [], ranked: new Uint8Array(0), lines: new Int32Array(0), unitColumn: 0, points: [], scale: 0 };
}

/**
 * A file's columns as its rows are read: typed arrays that double when full. A row is written at
 * `size` and counted only once it is accepted (a duplicate is written over by the next row).
 */
class Columns {
  size = 0;
  points: Float64Array[];
  lines: Int32Array;
  ranked: Uint8Array;
  /** The hash of each unit's key (see `KeyIndex`). */
  hashes: Int32Array;
  total?: { values: Float64Array; decimals: Uint8Array; partDecimals: Uint8Array };
  readonly names: string[] = [];
  readonly codes: (string | undefined)[] = [];
  readonly blocks: (string | undefined)[] = [];
  readonly years: (string | undefined)[] = [];

  constructor(
    components: number,
    private capacity: number,
    withTotal: boolean,
  ) {
    this.points = Array.from({ length: components }, () => new Float64Array(capacity));
    this.lines = new Int32Array(capacity);
    this.ranked = new Uint8Array(capacity);
    this.hashes = new Int32Array(capacity);
    if (withTotal) this.total = { values: new Float64Array(capacity), decimals: new Uint8Array(capacity), partDecimals: new Uint8Array(capacity) };
  }

  /** Room for the row at `size`. */
  room(): void {
    if (this.size < this.capacity) return;
    this.capacity *= 2;
    const grow = <A extends Float64Array | Int32Array | Uint8Array>(a: A, make: (n: number) => A): A => {
      const b = make(this.capacity);
      b.set(a);
      return b;
    };
    this.points = this.points.map((p) => grow(p, (n) => new Float64Array(n)));
    this.lines = grow(this.lines, (n) => new Int32Array(n));
    this.ranked = grow(this.ranked, (n) => new Uint8Array(n));
    this.hashes = grow(this.hashes, (n) => new Int32Array(n));
    if (this.total) {
      const t = this.total;
      this.total = { values: grow(t.values, (n) => new Float64Array(n)), decimals: grow(t.decimals, (n) => new Uint8Array(n)), partDecimals: grow(t.partDecimals, (n) => new Uint8Array(n)) };
    }
  }
}

/** A 32-bit hash (FNV-1a) of a unit's key, made without the key's string when it is plain ASCII. */
function keyHash(name: string, code: string | undefined): number {
  const text = code ?? name;
  let h = code === undefined ? 0x811c9dc5 : 0x01000193;
  let ascii = true;
  for (let i = 0; i < text.length && ascii; i++) {
    let c = text.charCodeAt(i);
    if (c > 126 || (code === undefined && c === 45)) ascii = false;
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, 0x01000193);
  }
  if (ascii) return h | 0;
  // Other names and codes: the hash of the key itself.
  const key = unitKey(name, code);
  h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h | 0;
}

/**
 * The units read so far by key, to find a duplicate: an open-addressing table of row numbers by
 * the hash of their key (a map of a million key strings takes ten times the memory); rows with the
 * same hash have their keys compared.
 */
class KeyIndex {
  private slots: Int32Array;
  private count = 0;

  /** `expected`: about how many units there will be. */
  constructor(
    private readonly columns: Columns,
    expected: number,
  ) {
    let size = 1 << 10;
    while (size < expected * 2) size *= 2;
    this.slots = new Int32Array(size);
  }

  /** The row with the same key as the unit about to be added, or -1. */
  find(hash: number, name: string, code: string | undefined): number {
    const mask = this.slots.length - 1;
    let key: string | undefined;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const row = this.slots[at]! - 1;
      if (row < 0) return -1;
      if (this.columns.hashes[row] !== hash) continue;
      key ??= unitKey(name, code);
      if (unitKey(this.columns.names[row]!, this.columns.codes[row]) === key) return row;
    }
  }

  add(hash: number, row: number): void {
    if (++this.count * 2 > this.slots.length) this.rehash();
    this.put(hash, row);
  }

  private put(hash: number, row: number): void {
    const mask = this.slots.length - 1;
    let at = hash & mask;
    while (this.slots[at] !== 0) at = (at + 1) & mask;
    this.slots[at] = row + 1;
  }

  private rehash(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    for (const slot of old) if (slot !== 0) this.put(this.columns.hashes[slot - 1]!, slot - 1);
  }
}

/** The most rows the rest of the text can hold: one a line. */
function lineBound(text: string, from: number): number {
  let n = 1;
  for (let i = text.indexOf('\n', from); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * A maximum as a double at each number of decimals a cell may have: an integer cell value (at
 * `scale` decimals) is above the maximum exactly when it is above `atScale[scale]`. (When the
 * maximum at that scale is not an integer its double is off by far less than the distance to the
 * nearest integer; when it is an integer below 2^53 the double is exact.)
 */
function maxAtScales(max: Decimal): Float64Array {
  const units = Number(max.units);
  return Float64Array.from({ length: MAX_SCALE + 1 }, (_, s) => (s >= max.scale ? units * 10 ** (s - max.scale) : units / 10 ** (max.scale - s)));
}

export function readUnits(h: LocatedHeader, scheme: Scheme, options: ReadOptions, log: ProblemLog): FilePart {
  const file = h.file;
  const headerLine = h.line;
  const at = (col: HeaderColumn, line = headerLine) => ({ file, line, column: col.index + 1 });
  const components = matchComponents(scheme, h.columns);
  for (const line of h.dataAbove) {
    log.error('data-above-header', `this row is above the header (line ${headerLine}) but holds numbers: a unit would be left out`, {
      file,
      line,
      hint: 'the header must be the first row of the table (title rows above it are fine)',
    });
  }
  const longHeader = h.columns.find((c) => c.header.length > MAX_CELL_LENGTH);
  if (longHeader) {
    log.error('cell-too-long', `this header is ${longHeader.header.length.toLocaleString('en-US')} characters long; the limit is ${MAX_CELL_LENGTH.toLocaleString('en-US')}`, at(longHeader));
    return brokenPart(file, headerLine);
  }

  // Column roles: every role that matters may appear once.
  const seen = new Map<string, HeaderColumn>();
  const claim = (role: string, col: HeaderColumn, what: string): boolean => {
    const first = seen.get(role);
    if (first) {
      log.error('duplicate-column', `${what} appears twice: ${quote(first.header)} (column ${first.index + 1}) and ${quote(col.header)}`, {
        ...at(col),
        hint: role === 'meta:unit' ? 'name the unit column with --unit-column "<header>"' : 'remove or rename one of the columns',
      });
      return false;
    }
    seen.set(role, col);
    return true;
  };
  const meta = new Map<MetaRole, HeaderColumn>();
  const nodeColumns: { col: HeaderColumn; node: SchemeNode }[] = [];
  for (const col of h.columns) {
    const node = components.get(col);
    if (node) {
      if (claim(`component:${node.id}`, col, `the column for "${node.id}"`)) nodeColumns.push({ col, node });
    } else if (col.meta && !MULTI_ROLES.has(col.meta)) {
      if (claim(`meta:${col.meta}`, col, `a ${col.meta} column`)) meta.set(col.meta, col);
    } else if (!col.meta && col.header !== '') {
      log.warn('unknown-column', `column ${quote(col.header)} is not part of scheme ${scheme.id} and is ignored`, at(col));
    }
  }
  const unitCol = meta.get('unit');
  if (!unitCol) {
    log.error('missing-column', 'no unit column: expected a header such as "unit", "Đơn vị", "Tên đơn vị", "Địa phương", "Tỉnh", "Huyện" or "Xã"', {
      file,
      line: headerLine,
      hint: 'name it with --unit-column "<header>"',
    });
    return brokenPart(file, headerLine);
  }

  const width = h.columns.length;
  const dash = options.dash ?? scheme.dash;
  const scanner = h.scanner;
  const text = scanner.text;
  const reader = new CellReader();
  const k = nodeColumns.length;
  const cols = nodeColumns.map((c) => c.col.index);
  const totalCol = meta.get('total');
  const expected = Math.min(lineBound(text, h.dataStart.pos), 1 << 24);
  const columns = new Columns(k, expected, totalCol !== undefined);
  const index = new KeyIndex(columns, expected);
  const maxima = nodeColumns.map((c) => maxAtScales(c.node.max));
  // The decimal separator of every number cell (0 none, 1 comma, 2 point), by column (the total's
  // last) and row read, for the check that a file uses one convention; and how many of each were seen.
  const separators: Uint8Array[] = [...nodeColumns, ...(totalCol ? [0] : [])].map(() => new Uint8Array(0));
  let separatorLines: Int32Array = new Int32Array(0);
  let rowsRead = 0;
  let commas = 0;
  let stops = 0;
  let scale = 0;
  let zeroFilled = 0;
  const unnamedWithData = new Set<number>();
  const unnamed = h.columns.filter((c) => c.header === '').map((c) => c.index);
  const codeCol = meta.get('code');
  const blockCol = meta.get('block');
  const yearCol = meta.get('year');
  const rankedCol = meta.get('ranked');
  // Counts of the fields of every row: all rows disagreeing with the header the same way means the
  // header is broken, not the rows (decided at the end; the rows' own problems are then dropped).
  let rows = 0;
  let sameCount = -1;
  const before = log.problems.length;

  /** Brings the file's values to at least `s` decimals. */
  const rescale = (s: number) => {
    const f = 10 ** (s - scale);
    for (const column of columns.points) for (let r = 0; r <= columns.size; r++) column[r]! *= f;
    if (columns.total) for (let r = 0; r <= columns.size; r++) columns.total.values[r]! *= f;
    scale = s;
  };
  /** The number just read, at the file's scale (raising it when the cell has more decimals). */
  const scaled = (): number => {
    if (reader.scale > scale) rescale(reader.scale);
    return reader.scale === scale ? reader.value : reader.value * 10 ** (scale - reader.scale);
  };
  /** The separator of the number just read, cell `c` of row `read` (the `read`-th row that got this far). */
  const noteSeparator = (c: number, read: number, line: number) => {
    if (separators[c]!.length <= read) separators[c] = grow(separators[c]!, read);
    separators[c]![read] = reader.separator;
    if (separatorLines.length <= read) separatorLines = growLines(separatorLines, read);
    separatorLines[read] = line;
    if (reader.separator === 1) commas++;
    else stops++;
  };
  const textOf = (col: HeaderColumn | undefined) => {
    if (!col || col.index >= scanner.count) return undefined;
    const v = cleanName(scanner.field(col.index));
    return v === '' ? undefined : v;
  };

  while (scanner.next()) {
    const line = scanner.line;
    const count = scanner.count;
    rows++;
    sameCount = rows === 1 ? count : sameCount === count ? count : -2;
    if (count !== width) {
      let extra = false;
      for (let c = width; c < count && !extra; c++) extra = scanner.field(c).trim() !== '';
      if (count < width || extra) {
        const hint =
          count > width && scanner.delimiter === ','
            ? 'in a comma-separated file, numbers with a decimal comma must be quoted ("12,05"); or save the file with ";" as delimiter'
            : 'every row needs as many fields as the header';
        log.error('ragged-row', `this row has ${count} fields but the header (line ${headerLine}) has ${width}`, { file, line, column: Math.min(count, width) + 1, hint });
        continue;
      }
    }
    let long = -1;
    for (let c = 0; c < count && long < 0; c++) if (scanner.ends[c]! - scanner.starts[c]! > MAX_CELL_LENGTH && scanner.field(c).length > MAX_CELL_LENGTH) long = c;
    if (long >= 0) {
      log.error('cell-too-long', `this cell is ${scanner.field(long).length.toLocaleString('en-US')} characters long; the limit is ${MAX_CELL_LENGTH.toLocaleString('en-US')}`, { file, line, column: long + 1 });
      continue;
    }
    for (let u = 0; u < unnamed.length; u++) {
      const c = unnamed[u]!;
      if (!unnamedWithData.has(c) && scanner.field(c).trim() !== '') unnamedWithData.add(c);
    }

    const name = cleanName(scanner.field(unitCol.index));
    if (name === '') {
      const origin = at(unitCol, line);
      // Excel's merged header cells export as a second header row: text where numbers should be.
      const looksLikeHeader = rows === 1 && nodeColumns.some(({ col }) => parseCell(scanner.field(col.index)).kind === 'invalid');
      log.error('missing-unit-name', looksLikeHeader ? 'the unit name is empty, and this row looks like a second header row' : 'the unit name is empty', {
        ...origin,
        ...(looksLikeHeader ? { hint: 'merged header cells in Excel export as two header rows: keep one header row, one name per column' } : {}),
      });
      continue;
    }
    const code = textOf(codeCol);
    let isRanked = 1;
    if (rankedCol) {
      const flag = parseFlag(scanner.field(rankedCol.index));
      if (flag === undefined) {
        log.error('bad-flag', `${quote(rankedCol.header)} must be yes/no (có/không, x/empty, true/false), not "${scanner.field(rankedCol.index)}"`, at(rankedCol, line));
      } else isRanked = flag ? 1 : 0;
    }

    // The row's cells go to position `size`, counted below once the unit is known not to be a duplicate.
    columns.room();
    const row = columns.size;
    const read = rowsRead++;
    // The most decimals of the row's scores (a declared total's message quotes their sum so).
    let rowDecimals = 0;
    for (let c = 0; c < k; c++) {
      const column = cols[c]!;
      let value = NaN;
      switch (reader.read(text, scanner.starts[column]!, scanner.ends[column]!)) {
        case NUMBER_CELL:
          if (reader.scale > MAX_SCALE) {
            log.error('not-a-number', `${quote(nodeColumns[c]!.col.header)}: "${scanner.field(column).trim()}" has more than ${MAX_SCALE} decimals`, at(nodeColumns[c]!.col, line));
            value = 0;
            break;
          }
          if (reader.separator !== 0) noteSeparator(c, read, line);
          if (reader.value > maxima[c]![reader.scale]!) {
            log.error('value-above-max', `${quote(nodeColumns[c]!.col.header)}: ${scanner.field(column).trim()} is above the maximum ${format(normalize(nodeColumns[c]!.node.max))} for ${name}`, at(nodeColumns[c]!.col, line));
          }
          if (reader.scale > rowDecimals) rowDecimals = reader.scale;
          value = scaled();
          break;
        case DASH_CELL:
          if (dash === 'zero') {
            value = 0;
            break;
          }
          if (dash !== 'na') {
            log.error('ambiguous-dash', `${quote(nodeColumns[c]!.col.header)}: "-" for ${name} could be 0 (Excel's Accounting format shows zero as "-") or "not applicable"`, {
              ...at(nodeColumns[c]!.col, line),
              hint: 'say which with --dash zero or --dash na (or "dash" in the scheme file); write KAD for "not applicable"',
            });
            value = 0;
            break;
          }
        // falls through: a dash that means "not applicable"
        case NA:
          if (nodeColumns[c]!.node.always) {
            log.error('not-applicable-here', `${quote(nodeColumns[c]!.col.header)}: ${name} is marked not applicable, but this component applies to every unit`, at(nodeColumns[c]!.col, line));
            value = 0;
          }
          break;
        case EMPTY:
          if (options.missing === 'zero') {
            zeroFilled++;
            value = 0;
          } else {
            log.error('missing-value', `${quote(nodeColumns[c]!.col.header)} is empty for ${name}`, {
              ...at(nodeColumns[c]!.col, line),
              hint: 'write the points, KAD if the criterion does not apply to this unit, or pass --missing zero',
            });
            value = 0;
          }
          break;
        case INVALID:
          log.error(reader.code, `${quote(nodeColumns[c]!.col.header)}: ${reader.reason}`, at(nodeColumns[c]!.col, line));
          value = 0;
          break;
      }
      columns.points[c]![row] = value;
    }

    if (columns.total) {
      let value = NaN;
      let decimals = 0;
      const kind = reader.read(text, scanner.starts[totalCol!.index]!, scanner.ends[totalCol!.index]!);
      if (kind === NUMBER_CELL && reader.scale > MAX_SCALE) {
        log.error('not-a-number', `${quote(totalCol!.header)}: "${scanner.field(totalCol!.index).trim()}" has more than ${MAX_SCALE} decimals`, at(totalCol!, line));
      } else if (kind === NUMBER_CELL) {
        if (reader.separator !== 0) noteSeparator(k, read, line);
        decimals = reader.scale;
        value = scaled();
      } else if (kind === INVALID) {
        log.error(reader.code, `${quote(totalCol!.header)}: ${reader.reason}`, at(totalCol!, line));
      }
      columns.total.values[row] = value;
      columns.total.decimals[row] = decimals;
      columns.total.partDecimals[row] = rowDecimals;
    }

    const hash = keyHash(name, code);
    const first = index.find(hash, name, code);
    if (first >= 0) {
      log.error('duplicate-unit', `${name} appears twice (first at line ${columns.lines[first]})`, {
        ...at(unitCol, line),
        hint: code === undefined ? 'remove the duplicate row, or add a code column (Mã) to tell units apart' : 'remove the duplicate row',
      });
      continue;
    }
    columns.hashes[row] = hash;
    columns.lines[row] = line;
    columns.ranked[row] = isRanked;
    columns.names.push(name);
    columns.codes.push(code);
    columns.blocks.push(textOf(blockCol));
    columns.years.push(textOf(yearCol));
    index.add(hash, row);
    columns.size++;
  }

  if (rows > 1 && sameCount >= 0 && sameCount !== width) {
    log.problems.length = before;
    const n = sameCount;
    log.error('ragged-row', `the header has ${width} fields but every row has ${n}`, {
      file,
      line: headerLine,
      hint:
        n < width
          ? `a header that contains the delimiter ("${scanner.delimiter === '\t' ? 'tab' : scanner.delimiter}") must be quoted, e.g. "Tỉnh, thành phố"`
          : 'a column header is missing',
    });
    return brokenPart(file, headerLine);
  }

  for (const index of [...unnamedWithData].sort((a, b) => a - b)) {
    log.warn('unnamed-column', `column ${index + 1} has values but no header and is ignored`, { file, line: headerLine, column: index + 1 });
  }
  if (commas > 0 && stops > 0) {
    checkDecimalSeparators(commas >= stops ? 1 : 2, [...nodeColumns.map((c) => c.col), ...(totalCol ? [totalCol] : [])], separators, separatorLines.subarray(0, rowsRead), file, log);
  }
  if (zeroFilled > 0) log.warn('missing-as-zero', `${zeroFilled} empty score cell${zeroFilled > 1 ? 's' : ''} counted as 0 (--missing zero)`, { file });
  const size = columns.size;
  if (size === 0 && !log.hasErrors) log.error('no-units', 'the file has a header but no unit rows', { file, line: headerLine });
  const total = columns.total;
  return {
    file,
    headerLine,
    nodes: nodeColumns.map((c) => c.node.index),
    size,
    names: columns.names,
    codes: columns.codes,
    blocks: columns.blocks,
    years: columns.years,
    ranked: columns.ranked.subarray(0, size),
    lines: columns.lines.subarray(0, size),
    unitColumn: unitCol.index + 1,
    points: columns.points.map((p) => p.subarray(0, size)),
    scale,
    ...(total
      ? { declared: { values: total.values.subarray(0, size), decimals: total.decimals.subarray(0, size), partDecimals: total.partDecimals.subarray(0, size), column: totalCol!.index + 1 } }
      : {}),
  };
}

function growLines(a: Int32Array, atLeast: number): Int32Array {
  const b = new Int32Array(Math.max(64, atLeast * 2));
  b.set(a);
  return b;
}

function grow(a: Uint8Array, atLeast: number): Uint8Array {
  const b = new Uint8Array(Math.max(64, atLeast * 2));
  b.set(a);
  return b;
}

/** One file, one decimal convention: a file that mixes `82,84` and `31.50` is ambiguous. */
function checkDecimalSeparators(
  major: 1 | 2,
  columns: readonly HeaderColumn[],
  separators: readonly Uint8Array[],
  lines: Int32Array,
  file: string,
  log: ProblemLog,
): void {
  const name = (sep: number) => (sep === 1 ? 'a decimal comma' : 'a decimal point');
  const minor = major === 1 ? 2 : 1;
  // The first cell written the majority's way, in the order cells are read (row by row; the score
  // columns, then the total).
  let example: { line: number; column: number } | undefined;
  for (let r = 0; r < lines.length && !example; r++) {
    for (let c = 0; c < columns.length && !example; c++) if (separators[c]![r] === major) example = { line: lines[r]!, column: columns[c]!.index + 1 };
  }
  for (let r = 0; r < lines.length; r++) {
    for (let c = 0; c < columns.length; c++) {
      if (separators[c]![r] !== minor) continue;
      log.error(
        'mixed-decimal-separator',
        `${quote(columns[c]!.header)} uses ${name(minor)}, but this file writes decimals with ${name(major)} (e.g. line ${example!.line}, column ${example!.column})`,
        { file, line: lines[r]!, column: columns[c]!.index + 1, hint: 'use one decimal separator in the whole file' },
      );
    }
  }
}
