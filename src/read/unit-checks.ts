/**
 * Checks of a file's cells taken as a whole, after its rows are read: one decimal separator in the
 * whole file; a column whose header says it holds percentages or ratios, never read as points.
 */
import { format, normalize } from '../model/decimal.js';
import type { ProblemLog } from '../model/problem.js';
import type { SchemeNode } from '../model/scheme.js';
import type { HeaderColumn } from './header.js';

/** How many cells of each separator are kept to report (a file that mixes them is reported cell by cell up to this). */
const KEPT = 200;

/** The decimal separators of a file's number cells (1 a comma, 2 a point), in the order they are read. */
export class SeparatorLog {
  readonly counts = [0, 0, 0];
  /** Per separator: (column position, line) pairs of the first `KEPT` cells. */
  readonly cells: [number[], number[], number[]] = [[], [], []];

  note(column: number, separator: number, line: number): void {
    this.counts[separator]!++;
    const kept = this.cells[separator]!;
    if (kept.length < 2 * KEPT) kept.push(column, line);
  }
}

/** One file, one decimal convention: a file that mixes `82,84` and `31.50` is ambiguous. */
export function checkDecimalSeparators(columns: readonly HeaderColumn[], s: SeparatorLog, file: string, log: ProblemLog): void {
  const [, commas, stops] = s.counts as [number, number, number];
  if (commas === 0 || stops === 0) return;
  const name = (sep: number) => (sep === 1 ? 'a decimal comma' : 'a decimal point');
  const major = commas >= stops ? 1 : 2;
  const minor = major === 1 ? 2 : 1;
  const example = { column: columns[s.cells[major]![0]!]!.index + 1, line: s.cells[major]![1]! };
  const wrong = s.cells[minor]!;
  for (let i = 0; i < wrong.length; i += 2) {
    const col = columns[wrong[i]!]!;
    log.error('mixed-decimal-separator', `"${col.header}" uses ${name(minor)}, but this file writes decimals with ${name(major)} (e.g. line ${example.line}, column ${example.column})`, {
      file,
      line: wrong[i + 1]!,
      column: col.index + 1,
      hint: 'use one decimal separator in the whole file',
    });
  }
  const more = s.counts[minor]! - wrong.length / 2;
  if (more > 0) {
    log.error('mixed-decimal-separator', `and ${more.toLocaleString('en-US')} more cells with ${name(minor)}`, { file, hint: 'use one decimal separator in the whole file' });
  }
}

/** What the cells of a column whose header says percent hold: the largest value and an example. */
export class PercentColumn {
  count = 0;
  largest = -Infinity;
  example = '';

  constructor(
    readonly col: HeaderColumn,
    readonly node: SchemeNode,
  ) {}

  /** A cell's text: a number (with or without "%"), or anything else (not looked at). */
  note(raw: string): void {
    const m = /^\s*(\d+(?:[.,]\d+)?)\s*%?\s*$/.exec(raw);
    if (!m) return;
    const value = Number(m[1]!.replace(',', '.'));
    this.count++;
    if (value > this.largest) this.largest = value;
    if (this.example === '') this.example = m[1]!;
  }

  report(file: string, line: number, log: ProblemLog): void {
    const n = this.node;
    const holds =
      this.count === 0 ? 'percentages (its header says so)' : this.largest <= 1 ? `ratios (every value is at most 1, e.g. ${this.example})` : `percentages (e.g. ${this.example})`;
    log.error('percent-column', `"${this.col.header}" holds ${holds}, not points: read as points, ${n.id} (maximum ${format(normalize(n.max))}) would be wrong`, {
      file,
      line,
      column: this.col.index + 1,
      hint: `give ${n.id} in points, or use a scheme that says how ${n.id} is measured`,
    });
  }
}
