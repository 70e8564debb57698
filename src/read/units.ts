/**
 * One file's rows, read against the scheme into columns (read/join.ts joins the files of a year).
 * Every problem is logged with file, line and column; nothing is silently dropped. This loop runs
 * once per cell of the input, so it reads cells from the text by position (read/cell.ts) and makes a
 * string only for names, codes and blocks.
 */
import { format, normalize, pow10, type Decimal } from '../model/decimal.js';
import type { ProblemLog } from '../model/problem.js';
import type { Scheme, SchemeNode } from '../model/scheme.js';
import { cleanName, nameKey } from '../model/text.js';
import { CellReader, EMPTY, INVALID, NA, NUMBER_CELL, parseCell, parseFlag } from './cell.js';
import type { HeaderColumn, LocatedHeader, MetaRole } from './header.js';
import { matchComponents } from './select.js';

export interface ReadOptions {
  /** What an empty score cell means: an error (default) or 0 points. */
  readonly missing: 'error' | 'zero';
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
  readonly names: string[];
  readonly codes: (string | undefined)[];
  readonly blocks: (string | undefined)[];
  readonly years: (string | undefined)[];
  readonly ranked: number[];
  readonly lines: number[];
  /** 1-based field number of the unit column. */
  readonly unitColumn: number;
  /** Join and duplicate keys: the code when there is one, else the normalised name. */
  readonly keys: string[];
  /** Points of each node in `nodes` (same order), integers at `scale`; NaN = not applicable. */
  readonly points: number[][];
  scale: number;
  readonly declared?: { readonly values: number[]; readonly decimals: number[]; readonly partDecimals: number[]; readonly column: number };
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
  return { file, headerLine, broken: true, nodes: [], size: 0, names: [], codes: [], blocks: [], years: [], ranked: [], lines: [], unitColumn: 0, keys: [], points: [], scale: 0 };
}

/** Whether value / 10^scale exceeds the maximum, exactly. */
function aboveMax(value: number, scale: number, max: Decimal): boolean {
  const s = Math.max(scale, max.scale);
  const a = value * 10 ** (s - scale);
  const b = Number(max.units) * 10 ** (s - max.scale);
  if (a < Number.MAX_SAFE_INTEGER && b < Number.MAX_SAFE_INTEGER) return a > b;
  return BigInt(value) * pow10(s - scale) > max.units * pow10(s - max.scale);
}

export function readUnits(h: LocatedHeader, scheme: Scheme, options: ReadOptions, log: ProblemLog): FilePart {
  const file = h.file;
  const headerLine = h.line;
  const at = (col: HeaderColumn, line = headerLine) => ({ file, line, column: col.index + 1 });
  const components = matchComponents(scheme, h.columns);
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
  const scanner = h.scanner;
  const text = scanner.text;
  const reader = new CellReader();
  const k = nodeColumns.length;
  const cols = nodeColumns.map((c) => c.col.index);
  const points: number[][] = nodeColumns.map(() => []);
  // The decimal separator of every number cell (0 none, 1 comma, 2 point), by column (the total's
  // last) and row read, for the check that a file uses one convention; and how many of each were seen.
  const separators: Uint8Array[] = [...nodeColumns, ...(meta.has('total') ? [0] : [])].map(() => new Uint8Array(0));
  const separatorLines: number[] = [];
  let commas = 0;
  let stops = 0;
  let scale = 0;
  const names: string[] = [];
  const codes: (string | undefined)[] = [];
  const blocks: (string | undefined)[] = [];
  const years: (string | undefined)[] = [];
  const ranked: number[] = [];
  const lines: number[] = [];
  const keys: string[] = [];
  const totalCol = meta.get('total');
  const declared = totalCol ? { values: [] as number[], decimals: [] as number[], partDecimals: [] as number[], column: totalCol.index + 1 } : undefined;
  const firstByKey = new Map<string, number>();
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
    for (const column of points) for (let r = 0; r < column.length; r++) column[r]! *= f;
    if (declared) for (let r = 0; r < declared.values.length; r++) declared.values[r]! *= f;
    scale = s;
  };
  /** The number just read, at the file's scale (raising it when the cell has more decimals). */
  const scaled = (): number => {
    if (reader.scale > scale) rescale(reader.scale);
    return reader.scale === scale ? reader.value : reader.value * 10 ** (scale - reader.scale);
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
    const origin = at(unitCol, line);
    if (name === '') {
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

    const row = separatorLines.length;
    separatorLines.push(line);
    const noteSeparator = (c: number) => {
      if (separators[c]!.length <= row) separators[c] = grow(separators[c]!, row);
      separators[c]![row] = reader.separator;
      if (reader.separator === 1) commas++;
      else stops++;
    };
    // The most decimals of the row's scores (a declared total's message quotes their sum so).
    let rowDecimals = 0;
    for (let c = 0; c < k; c++) {
      const column = cols[c]!;
      const node = nodeColumns[c]!.node;
      let value = NaN;
      switch (reader.read(text, scanner.starts[column]!, scanner.ends[column]!)) {
        case NUMBER_CELL:
          if (reader.scale > MAX_SCALE) {
            log.error('not-a-number', `${quote(nodeColumns[c]!.col.header)}: "${scanner.field(column).trim()}" has more than ${MAX_SCALE} decimals`, at(nodeColumns[c]!.col, line));
            value = 0;
            break;
          }
          if (reader.separator !== 0) noteSeparator(c);
          if (aboveMax(reader.value, reader.scale, node.max)) {
            log.error('value-above-max', `${quote(nodeColumns[c]!.col.header)}: ${scanner.field(column).trim()} is above the maximum ${format(normalize(node.max))} for ${name}`, at(nodeColumns[c]!.col, line));
          }
          if (reader.scale > rowDecimals) rowDecimals = reader.scale;
          value = scaled();
          break;
        case NA:
          break;
        case EMPTY:
          if (options.missing === 'zero') {
            zeroFilled++;
            value = 0;
          } else {
            log.error('missing-value', `${quote(nodeColumns[c]!.col.header)} is empty for ${name}`, {
              ...at(nodeColumns[c]!.col, line),
              hint: 'write the points, "-" if the criterion does not apply to this unit, or pass --missing zero',
            });
            value = 0;
          }
          break;
        case INVALID:
          log.error(reader.code, `${quote(nodeColumns[c]!.col.header)}: ${reader.reason}`, at(nodeColumns[c]!.col, line));
          value = 0;
          break;
      }
      points[c]!.push(value);
    }

    if (declared) {
      let value = NaN;
      let decimals = 0;
      const kind = reader.read(text, scanner.starts[totalCol!.index]!, scanner.ends[totalCol!.index]!);
      if (kind === NUMBER_CELL && reader.scale > MAX_SCALE) {
        log.error('not-a-number', `${quote(totalCol!.header)}: "${scanner.field(totalCol!.index).trim()}" has more than ${MAX_SCALE} decimals`, at(totalCol!, line));
      } else if (kind === NUMBER_CELL) {
        if (reader.separator !== 0) noteSeparator(k);
        decimals = reader.scale;
        value = scaled();
      } else if (kind === INVALID) {
        log.error(reader.code, `${quote(totalCol!.header)}: ${reader.reason}`, at(totalCol!, line));
      }
      declared.values.push(value);
      declared.decimals.push(decimals);
      declared.partDecimals.push(rowDecimals);
    }

    const key = unitKey(name, code);
    const first = firstByKey.get(key);
    if (first !== undefined) {
      log.error('duplicate-unit', `${name} appears twice (first at line ${first})`, {
        ...origin,
        hint: code === undefined ? 'remove the duplicate row, or add a code column (Mã) to tell units apart' : 'remove the duplicate row',
      });
      for (const column of points) column.pop();
      if (declared) {
        declared.values.pop();
        declared.decimals.pop();
        declared.partDecimals.pop();
      }
      continue;
    }
    firstByKey.set(key, line);
    names.push(name);
    codes.push(code);
    blocks.push(textOf(blockCol));
    years.push(textOf(yearCol));
    ranked.push(isRanked);
    lines.push(line);
    keys.push(key);
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
    checkDecimalSeparators(commas >= stops ? 1 : 2, [...nodeColumns.map((c) => c.col), ...(totalCol ? [totalCol] : [])], separators, separatorLines, file, log);
  }
  if (zeroFilled > 0) log.warn('missing-as-zero', `${zeroFilled} empty score cell${zeroFilled > 1 ? 's' : ''} counted as 0 (--missing zero)`, { file });
  if (names.length === 0 && !log.hasErrors) log.error('no-units', 'the file has a header but no unit rows', { file, line: headerLine });
  return {
    file,
    headerLine,
    nodes: nodeColumns.map((c) => c.node.index),
    size: names.length,
    names,
    codes,
    blocks,
    years,
    ranked,
    lines,
    unitColumn: unitCol.index + 1,
    keys,
    points,
    scale,
    ...(declared ? { declared } : {}),
  };
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
  lines: readonly number[],
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
