/**
 * CSV output that opens cleanly in Excel: optional BOM, RFC 4180 quoting, and text cells that start
 * with = + - @ (or tab / carriage return) prefixed with ' so a spreadsheet never runs them as formulas.
 * Numbers keep a decimal point so the file reads back unambiguously.
 */
import type { Ranking } from '../model/ranking.js';
import type { Comparison } from '../model/compare.js';
import type { Lang } from './words.js';
import { readingAhead } from './read-ahead.js';
import { columns } from './view.js';

const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+([.,]\d+)?$/;
const COMMA_NUMBER = /^-?\d+(,\d+)?$/;

/**
 * How a CSV is written: `,` and decimal points (the default, for scripts and any spreadsheet in an
 * English locale), or, with `--excel`, `;`, decimal commas and a byte-order mark, which is what Excel
 * and LibreOffice in a Vietnamese locale open as columns of numbers. par-score reads both back.
 */
export interface CsvStyle {
  readonly delimiter: ',' | ';';
  readonly separator: '.' | ',';
  readonly bom: boolean;
}

export function csvStyle(o: { readonly bom?: boolean | undefined; readonly excel?: boolean | undefined }): CsvStyle {
  return o.excel ? { delimiter: ';', separator: ',', bom: true } : { delimiter: ',', separator: '.', bom: o.bom ?? false };
}

/** Neutralises a text cell against formula injection; numbers are left alone. */
export function neutralise(cell: string): string {
  return FORMULA_START.test(cell) && !NUMBER.test(cell) && cell !== '-' ? `'${cell}` : cell;
}

/**
 * One CSV cell, for every CSV par-score writes: neutralised, and quoted when it holds a quote, a line
 * break or any delimiter a reader may detect (`,` `;` tab), so the file reads back as it was written.
 */
export function csvCell(cell: string, delimiter: ',' | ';' | '\t' = ','): string {
  const safe = neutralise(cell);
  // A decimal-comma number between semicolons is a number to a spreadsheet, not text.
  if (delimiter === ';' && COMMA_NUMBER.test(safe)) return safe;
  return /[",;\t\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(cells: readonly string[], delimiter: ',' | ';' = ','): string {
  return cells.map((c) => csvCell(c, delimiter)).join(delimiter);
}

/** The ranking as CSV, in pieces of about 64 KiB: output of any size is never one string. */
export function* renderCsvChunks(r: Ranking, options: { lang: Lang; style: CsvStyle; comparison?: Comparison; depth?: number }): Generator<string> {
  const { delimiter: d, separator, bom } = options.style;
  const cols = columns(r, { lang: options.lang, separator, machine: true, ...(options.comparison ? { comparison: options.comparison } : {}), ...(options.depth !== undefined ? { depth: options.depth } : {}) });
  let piece = (bom ? '\uFEFF' : '') + csvLine(cols.map((c) => c.title), d) + '\r\n';
  const at = readingAhead(r.table, r.order);
  for (let k = 0; k < r.order.length; k++) {
    const u = r.unit(at(k));
    // A number cell needs no quotes and is never taken for a formula.
    piece += cols.map((c) => (c.numeric ? c.cell(u) : csvCell(c.cell(u), d))).join(d) + '\r\n';
    if (piece.length > 1 << 16) {
      yield piece;
      piece = '';
    }
  }
  yield piece;
}

export function renderCsv(r: Ranking, options: { lang: Lang; style: CsvStyle; comparison?: Comparison; depth?: number }): string {
  return [...renderCsvChunks(r, options)].join('');
}
