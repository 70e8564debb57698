/**
 * CSV output that opens cleanly in Excel: optional BOM, RFC 4180 quoting, and text cells that start
 * with = + - @ (or tab / carriage return) prefixed with ' so a spreadsheet never runs them as formulas.
 * Numbers keep a decimal point so the file reads back unambiguously.
 */
import type { Ranking } from '../model/ranking.js';
import type { Comparison } from '../model/compare.js';
import type { Lang } from './words.js';
import { columns } from './view.js';

const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** Neutralises a text cell against formula injection; numbers are left alone. */
export function neutralise(cell: string): string {
  return FORMULA_START.test(cell) && !NUMBER.test(cell) && cell !== '-' ? `'${cell}` : cell;
}

/**
 * One CSV cell, for every CSV par-score writes: neutralised, and quoted when it holds a quote, a line
 * break or any delimiter a reader may detect (`,` `;` tab), so the file reads back as it was written.
 */
export function csvCell(cell: string): string {
  const safe = neutralise(cell);
  return /[",;\t\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(cells: readonly string[]): string {
  return cells.map(csvCell).join(',');
}

/** The ranking as CSV, in pieces of about 64 KiB: output of any size is never one string. */
export function* renderCsvChunks(r: Ranking, options: { lang: Lang; bom: boolean; comparison?: Comparison; depth?: number }): Generator<string> {
  const cols = columns(r, { lang: options.lang, separator: '.', machine: true, ...(options.comparison ? { comparison: options.comparison } : {}), ...(options.depth !== undefined ? { depth: options.depth } : {}) });
  let piece = (options.bom ? '\uFEFF' : '') + csvLine(cols.map((c) => c.title)) + '\r\n';
  for (const i of r.order) {
    const u = r.unit(i);
    // A number cell needs no quotes and is never taken for a formula.
    piece += cols.map((c) => (c.numeric ? c.cell(u) : csvCell(c.cell(u)))).join(',') + '\r\n';
    if (piece.length > 1 << 16) {
      yield piece;
      piece = '';
    }
  }
  yield piece;
}

export function renderCsv(r: Ranking, options: { lang: Lang; bom: boolean; comparison?: Comparison; depth?: number }): string {
  return [...renderCsvChunks(r, options)].join('');
}
