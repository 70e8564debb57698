/**
 * One file's rows, read against the scheme into columns (read/join.ts joins the files of a year).
 * Every problem is logged with file, line and column; nothing is silently dropped: rows that are not
 * units (summaries, notes, a row of column numbers) are skipped with one warning that lists them,
 * and the figures they and the file state (sums, means, totals, subtotals) are checked. This loop
 * runs once per row of the input; it reads cells from the text by position (read/row-cells.ts,
 * read/cell.ts) and makes a string only for names, codes and blocks.
 */
import type { ProblemLog } from '../model/problem.js';
import type { Scheme } from '../model/scheme.js';
import { cleanName, nameKey, suspiciousName } from '../model/text.js';
import { INVALID, NUMBER_CELL, parseFlag } from './cell.js';
import { quote, RowCells } from './row-cells.js';
import { isNote, isNumberingRow, reportSkipped, summaryOf, checkSummaries, type SkippedRow, type SummaryRow } from './footer.js';
import type { HeaderColumn, LocatedHeader } from './header.js';
import { converter, maxAtScales, MAX_SCALE, measureTop } from './measure.js';
import { planColumns, type FigureKind, type NodeColumns } from './plan.js';
import { checkDecimalSeparators, PercentColumn, SeparatorLog } from './unit-checks.js';
import { Columns, keyHash, unitKey, type FigureArrays } from './unit-index.js';
import { HashIndex } from '../model/hash-index.js';

export { unitKey } from './unit-index.js';

export interface ReadOptions {
  /** What an empty score cell means: an error (default) or 0 points. */
  readonly missing: 'error' | 'zero';
  /** What a lone dash means: not applicable, or 0 (Excel's Accounting format); unset: what the scheme says, else an error. */
  readonly dash?: 'na' | 'zero' | undefined;
}

/** A figure a file states for each unit (see `FigureArrays`), checked against the computed one. */
export interface FileFigure extends Readonly<FigureArrays> {
  readonly kind: FigureKind;
  readonly header: string;
  /** 1-based field number. */
  readonly column: number;
}

/** One file's units, columnar, in file order. */
export interface FilePart {
  readonly file: string;
  readonly headerLine: number;
  /** The header could not be used (reported once); other checks of this file are skipped. */
  readonly broken?: boolean;
  /** The scheme nodes that have a column (or columns of their parts) in this file. */
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
  /** The most decimals of each node's cells (same order as `nodes`). */
  readonly decimals: Uint8Array;
  readonly figures: readonly FileFigure[];
}

/** No real name, code or score is this long; a longer cell is a damaged or hostile file. */
export const MAX_CELL_LENGTH = 1000;
export { MAX_SCALE } from './measure.js';

function brokenPart(file: string, headerLine: number): FilePart {
  return { file, headerLine, broken: true, nodes: [], size: 0, names: [], codes: [], blocks: [], years: [], ranked: new Uint8Array(0), lines: new Int32Array(0), unitColumn: 0, points: [], scale: 0, decimals: new Uint8Array(0), figures: [] };
}

/** The most rows the rest of the text can hold: one a line. */
function lineBound(text: string, from: number): number {
  let n = 1;
  for (let i = text.indexOf('\n', from); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export function readUnits(h: LocatedHeader, scheme: Scheme, options: ReadOptions, log: ProblemLog): FilePart {
  const file = h.file;
  const headerLine = h.line;
  const at = (col: HeaderColumn, line = headerLine) => ({ file, line, column: col.index + 1 });
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
  const plan = planColumns(h, scheme, log);
  if (!plan) return brokenPart(file, headerLine);

  const width = h.columns.length;
  const dash = options.dash ?? scheme.dash;
  const scanner = h.scanner;
  const nodes: readonly NodeColumns[] = plan.nodes;
  // Every node of the plan has a points column; one that cannot be read (reported) holds 0.
  const read = nodes;
  const unread = RowCells.unread;
  const k = read.length;
  const expected = Math.min(lineBound(scanner.text, h.dataStart.pos), 1 << 24);
  const columns = new Columns(k, plan.figures.length, expected);
  // The units read so far by the hash of their key, to find a duplicate; equal hashes compare keys.
  const index = new HashIndex(expected);
  // What a cell may hold at most: the node's points, or its measure's top (100 %, 1, a scale's 10).
  const maxima = read.map((n) => maxAtScales(measureTop(n.node) ?? n.node.max));
  const converters = read.map((n) => converter(n.node));
  const totalAt = plan.figures.findIndex((f) => f.kind === 'total');
  const scaledFigure = plan.figures.map((f) => f.kind === 'total' || f.kind === 'max');
  // The columns whose numbers are checked for one decimal separator: the scores, then the figures.
  const numeric = [...read.flatMap((n) => (unread(n) ? [] : [...(n.col ? [n.col] : []), ...n.parts])), ...plan.figures.map((f) => f.col)];
  const separators = new SeparatorLog();
  const percents = nodes.filter((n) => n.percent).map((n) => new PercentColumn(n.col ?? n.parts[0]!, n.node));
  /** By field: the position of its column in `numeric`. */
  const numericAt = new Int32Array(width + 1);
  numeric.forEach((c, i) => (numericAt[c.index] = i));
  const scores = new RowCells({ file, scheme, scanner, log, columns, nodes: read, scaledFigures: scaledFigure, maxima, converters, missing: options.missing, dash, separators, numericAt });
  const reader = scores.reader;
  /** The most decimals of each read node's cells, for the checks of summary rows. */
  const nodeDecimals = new Uint8Array(k);
  /** Columns without a header that hold a value: the first line where one does. */
  const unnamedWithData = new Map<number, number>();
  const { unit: unitCol, ordinal } = plan;
  const codeCol = plan.meta.get('code');
  const blockCol = plan.meta.get('block');
  const yearCol = plan.meta.get('year');
  const rankedCol = plan.meta.get('ranked');
  const skipped: SkippedRow[] = [];
  const summaries: SummaryRow[] = [];
  /** The first unit of the rows a summary row sums (the units after the previous summary). */
  let segment = 0;
  /** The line of the first note under the table: rows below it are notes too. */
  let notesFrom = 0;
  // Counts of the fields of every unit row: all rows disagreeing with the header the same way means
  // the header is broken, not the rows (decided at the end; the rows' own problems are then dropped).
  let rows = 0;
  let sameCount = -1;
  const before = log.problems.length;

  const textOf = (col: HeaderColumn | undefined) => {
    if (!col || col.index >= scanner.count) return undefined;
    const v = cleanName(scanner.field(col.index));
    return v === '' ? undefined : v;
  };
  // Blocks spelled two ways ("Khối Sở", "khối sở", NFD) are one block: the first spelling is its name.
  // A block's text repeats on every row of it: each text is keyed once (a key costs some
  // microseconds for a Vietnamese name; a commune file repeats each of its blocks on hundreds of rows).
  const blockSpellings = new Map<string, string>();
  const blockOfText = new Map<string, string>();
  const blockName = (text: string | undefined) => {
    if (text === undefined) return undefined;
    const known = blockOfText.get(text);
    if (known !== undefined) return known;
    const key = nameKey(text);
    const first = blockSpellings.get(key) ?? text;
    blockSpellings.set(key, first);
    blockOfText.set(text, first);
    return first;
  };
  const cell = (col: HeaderColumn): number => scores.cell(col);
  /** Whether any score or figure cell of the row holds a number. */
  const holdsNumbers = () => numeric.some((c) => cell(c) === NUMBER_CELL);
  const firstText = () => {
    for (let c = 0; c < scanner.count; c++) {
      const v = scanner.field(c).trim();
      if (v !== '') return v;
    }
    return '';
  };

  /** A figure cell of the current row (a total, maximum, index or rank); NaN when it holds no number. */
  const figure = (f: number, line: number) => {
    const { kind, col } = plan.figures[f]!;
    const out = columns.figures[f]!;
    const row = columns.size;
    out.values[row] = NaN;
    out.decimals[row] = 0;
    let got = cell(col);
    if (got === INVALID && (kind === 'index' || kind === 'rank')) got = reader.readText(scanner.field(col.index).replace(/\s*%\s*$|\s*\/\s*\d+\s*$/, ''));
    if (got === NUMBER_CELL && reader.scale <= MAX_SCALE) {
      if (reader.separator !== 0) separators.note(numericAt[col.index]!, reader.separator, line);
      out.decimals[row] = reader.scale;
      out.values[row] = scaledFigure[f] ? scores.scaled() : reader.value;
    } else if (got === INVALID && kind !== 'rank') {
      log.error(reader.code, `${quote(col.header)}: ${reader.reason}`, at(col, line));
    }
  };

  while (scanner.next()) {
    const line = scanner.line;
    const count = scanner.count;
    const name = count > unitCol.index ? cleanName(scanner.field(unitCol.index)) : '';
    // Rows that are not units: a summary (in the unit or STT column, or the first text of a row whose
    // name is empty: a merged cell), the notes and signatures under the table, column numbers.
    const summary = summaryOf(name) ?? (ordinal ? summaryOf(textOf(ordinal) ?? '') : undefined) ?? (name === '' ? summaryOf(cleanName(firstText())) : undefined);
    if (summary && notesFrom === 0) {
      const cells = read.flatMap((n, c) => {
        // Points columns only: a measure (a %) is not the points it becomes, and AVERAGE skips an empty bonus cell we count as 0.
        if (!n.col || unread(n) || n.node.measure.kind !== 'points' || n.node.role !== 'score') return [];
        if (cell(n.col) !== NUMBER_CELL || reader.scale > MAX_SCALE) return [];
        return [{ node: c, header: n.col.header, column: n.col.index + 1, value: reader.value / 10 ** reader.scale, decimals: reader.scale }];
      });
      if (totalAt >= 0 && cell(plan.figures[totalAt]!.col) === NUMBER_CELL && reader.scale <= MAX_SCALE) {
        const col = plan.figures[totalAt]!.col;
        cells.push({ node: -1, header: col.header, column: col.index + 1, value: reader.value / 10 ** reader.scale, decimals: reader.scale });
      }
      summaries.push({ line, label: summary.label, mean: summary.mean, from: segment, to: columns.size, cells });
      skipped.push({ line, why: 'summary', label: summary.label });
      segment = columns.size;
      continue;
    }
    // A note has no points: only a row without a number where the first score is looked at (a unit row has one).
    if (notesFrom !== 0 || (columns.size > 0 && (numeric.length === 0 || cell(numeric[0]!) !== NUMBER_CELL) && isNote(firstText()))) {
      if (notesFrom === 0) notesFrom = line;
      if (holdsNumbers()) {
        log.error('row-below-notes', `this row holds scores but is below the notes that start on line ${notesFrom}: a unit would be left out`, {
          file,
          line,
          hint: 'move the notes (Ghi chú, Nguồn, Người lập biểu, ...) below the last unit',
        });
      } else skipped.push({ line, why: 'note' });
      continue;
    }
    if (columns.size === 0 && rows === 0 && isNumberingRow(scanner.fields(), unitCol.index)) {
      skipped.push({ line, why: 'numbering' });
      continue;
    }

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
    for (const c of plan.unnamed) if (!unnamedWithData.has(c) && c < count && scanner.field(c).trim() !== '') unnamedWithData.set(c, line);

    if (name === '') {
      log.error('missing-unit-name', 'the unit name is empty', at(unitCol, line));
      continue;
    }
    const suspicious = suspiciousName(name);
    if (suspicious) {
      log.error('look-alike-name', `the unit name "${name}" cannot be read as written: ${suspicious}`, { ...at(unitCol, line), hint: 'retype the name (it may come from a copied web page or another keyboard layout)' });
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
    scores.terms = 0;
    let decimals = 0;
    for (let c = 0; c < k; c++) {
      scores.decimals = 0;
      columns.points[c]![row] = scores.node(c, name, line);
      if (scores.decimals > nodeDecimals[c]!) nodeDecimals[c] = scores.decimals;
      if (scores.decimals > decimals) decimals = scores.decimals;
    }
    for (let f = 0; f < plan.figures.length; f++) figure(f, line);
    for (const p of percents) if (p.col.index < count) p.note(scanner.field(p.col.index));
    if (totalAt >= 0) {
      columns.figures[totalAt]!.terms[row] = scores.terms;
      columns.figures[totalAt]!.partDecimals[row] = decimals;
    }

    const hash = keyHash(name, code);
    let key: string | undefined;
    const first = index.find(hash, (r) => unitKey(columns.names[r]!, columns.codes[r]) === (key ??= unitKey(name, code)));
    if (first >= 0) {
      log.error('duplicate-unit', `${name} appears twice (first at line ${columns.lines[first]})`, {
        ...at(unitCol, line),
        hint: code === undefined ? 'remove the duplicate row, or add a code column (Mã) to tell units apart' : 'remove the duplicate row',
      });
      continue;
    }
    columns.lines[row] = line;
    columns.ranked[row] = isRanked;
    columns.accept(name, code, blockName(textOf(blockCol)), textOf(yearCol));
    index.add(hash, row);
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

  for (const [c, first] of [...unnamedWithData].sort((a, b) => a[0] - b[0])) {
    // In a comma-separated file an unquoted decimal comma ("12,05") moves a value into such a column.
    if (scanner.delimiter === ',') {
      log.error('unnamed-column', `column ${c + 1} has a value but no header: in a comma-separated file an unquoted decimal comma ("12,05") shifts a value into it`, {
        file,
        line: first,
        column: c + 1,
        hint: 'quote numbers with a decimal comma ("12,05"), or save the file with ";" as delimiter; or give the column a header',
      });
    } else log.warn('unnamed-column', `column ${c + 1} has values but no header and is ignored`, { file, line: headerLine, column: c + 1 });
  }
  checkDecimalSeparators(numeric, separators, file, log);
  for (const p of percents) p.report(file, p.col.group && h.leafLine !== undefined ? h.leafLine : headerLine, log);
  const { zeroFilled, scale } = scores;
  if (zeroFilled > 0) log.warn('missing-as-zero', `${zeroFilled} empty score cell${zeroFilled > 1 ? 's' : ''} counted as 0 (--missing zero)`, { file });
  const size = columns.size;
  columns.finish();
  checkSummaries(summaries, { file, scale, points: columns.points, decimals: nodeDecimals, total: totalAt >= 0 ? columns.figures[totalAt]!.values : undefined, size }, log);
  reportSkipped(skipped, file, log);
  if (size === 0 && !log.hasErrors) log.error('no-units', 'the file has a header but no unit rows', { file, line: headerLine });
  return {
    file,
    headerLine,
    nodes: read.map((n) => n.node.index),
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
    decimals: nodeDecimals,
    figures: plan.figures.map(({ kind, col }, f) => {
      const a = columns.figures[f]!;
      return { kind, header: col.header, column: col.index + 1, values: a.values.subarray(0, size), decimals: a.decimals.subarray(0, size), terms: a.terms.subarray(0, size), partDecimals: a.partDecimals.subarray(0, size) };
    }),
  };
}
