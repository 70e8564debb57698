/**
 * Rows of a results sheet that are not units: summary rows ("Tổng cộng", "Trung bình" in the unit or
 * STT column) and notes and signatures under the table ("Ghi chú", "Nguồn", "Người lập biểu",
 * "KT. GIÁM ĐỐC", "Quảng Ngãi, ngày ... tháng ... năm ..."). They are skipped, never ranked; a
 * summary row's figures are checked against the units above it.
 */
import type { ProblemLog } from '../model/problem.js';
import { foldDiacritics, nameKey } from '../model/text.js';

/** A summary row: a sum ("Tổng cộng") or a mean ("Trung bình"), and its label. */
export interface Summary {
  readonly mean: boolean;
  readonly label: string;
}

// Name keys (tones kept: "Cộng" is a summary, "Công an tỉnh" a unit).
const SUMS = ['tổng cộng', 'tổng', 'cộng', 'tổng số', 'total', 'sum', 'grand total'].map(nameKey);
const MEANS = ['trung bình', 'bình quân', 'trung bình chung', 'điểm trung bình', 'average', 'mean'].map(nameKey);
// Summary rows of a block ("Cộng khối sở", "Trung bình khối huyện"); not "Tổng ..." ("Tổng cục Thuế" is a unit).
const PREFIXES = ['tổng cộng', 'cộng', 'trung bình', 'bình quân'].map((w) => `${nameKey(w)} `);

const NOTE = /^(\(\*+\)|\*|ghi chu|nguon|nguoi lap|nguoi ky|nguoi kiem tra|kt\b|kt\.|tm\b|tm\.|q\. ?giam doc|giam doc|pho giam doc|chu tich|pho chu tich|noi nhan|luu\b|xac nhan|ky ten|\(da ky\)|\(ky|chu thich|luu y)/;
const DATE = /ngay\s*[\d.\u2026_]*\s*thang\s*[\d.\u2026_]*\s*nam/;

/** The first words of summary labels, folded: a name that starts otherwise is not one (most names, at the cost of a short fold). */
const FIRST_WORDS = new Set(['tong', 'cong', 'trung', 'binh', 'diem', 'total', 'sum', 'grand', 'average', 'mean']);
/** Their first letters: a text that starts with any other ASCII character is not one, without a fold. */
const FIRST_LETTERS = new Set([...FIRST_WORDS].map((w) => w.charCodeAt(0)));

/** A summary row's kind from the text in its unit (or STT) column. */
export function summaryOf(text: string): Summary | undefined {
  if (text === '' || text.length > 60) return undefined;
  const c = text.charCodeAt(0);
  if (c < 128 && !FIRST_LETTERS.has(c >= 65 && c <= 90 ? c + 32 : c)) return undefined;
  const space = text.indexOf(' ');
  if (!FIRST_WORDS.has(foldDiacritics(space < 0 ? text : text.slice(0, space)).replace(/[:.]+$/, ''))) return undefined;
  const key = nameKey(text.replace(/[:.]+$/, ''));
  if (SUMS.includes(key)) return { mean: false, label: text };
  if (MEANS.includes(key)) return { mean: true, label: text };
  const prefix = PREFIXES.find((p) => key.startsWith(p));
  if (prefix) return { mean: prefix.startsWith(nameKey('trung bình')) || prefix.startsWith(nameKey('bình quân')), label: text };
  return undefined;
}

/** Whether the first text of a row is a note, a signature line or a place and date. */
export function isNote(text: string): boolean {
  const folded = foldDiacritics(text).trim();
  return NOTE.test(folded) || DATE.test(folded);
}

/** A field of a row of column numbers under the header: "1", "(2)", "A", "4=2+3", "(5)=(3)+(4)". */
const NUMBERING = /^\(?(\d{1,2}|[A-Za-z])\)?(?:\s*=\s*[\d()+\-*/x ]+)?$/;

/**
 * Whether a row (the first under the header) numbers the columns, as Vietnamese tables do: every
 * field empty or a column number; three numbers or more, counting up by one; the unit column's a
 * number of the count, or letters A, B, ... in order (a unit named "B" with points 1, 2, 3 is not one).
 */
export function isNumberingRow(fields: readonly string[], unitColumn: number): boolean {
  const numbers: number[] = [];
  const letters: string[] = [];
  let unitIsNumber = false;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!.trim();
    if (f === '') continue;
    const m = NUMBERING.exec(f);
    if (!m) return false;
    if (/\d/.test(m[1]!)) {
      numbers.push(Number(m[1]));
      if (i === unitColumn) unitIsNumber = true;
    } else letters.push(m[1]!.toUpperCase());
  }
  if (numbers.length < 3 || numbers.some((n, i) => i > 0 && n !== numbers[i - 1]! + 1)) return false;
  const lettered = letters.length >= 2 && letters.every((l, i) => l.charCodeAt(0) === 65 + i);
  return (unitIsNumber && letters.length === 0) || lettered;
}

export interface SkippedRow {
  readonly line: number;
  readonly why: 'summary' | 'note' | 'numbering';
  readonly label?: string;
}

/** One warning for a file's skipped rows: which, and why. */
export function reportSkipped(rows: readonly SkippedRow[], file: string, log: ProblemLog): void {
  if (rows.length === 0) return;
  const parts: string[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1]!.why === rows[i]!.why && rows[i]!.why !== 'summary' && rows[j + 1]!.line === rows[j]!.line + 1) j++;
    const r = rows[i]!;
    const where = j > i ? `lines ${r.line}-${rows[j]!.line}` : `line ${r.line}`;
    const why = r.why === 'summary' ? `"${r.label}", a summary row` : r.why === 'note' ? 'notes under the table' : 'column numbers';
    parts.push(`${where} (${why})`);
    i = j + 1;
  }
  const n = rows.length;
  log.note('rows-skipped', `${n > 1 ? `${n} rows are not units and were` : '1 row is not a unit and was'} skipped: ${parts.join(', ')}`, { file, line: rows[0]!.line });
}

/** A summary row as read: the numbers it gives for the scores (`node` -1: the declared total). */
export interface SummaryRow {
  readonly line: number;
  readonly label: string;
  readonly mean: boolean;
  /** The units it may sum: those of its segment (from .. to), or all above it (0 .. to). */
  readonly from: number;
  readonly to: number;
  readonly cells: readonly { readonly node: number; readonly header: string; readonly column: number; readonly value: number; readonly decimals: number }[];
}

export interface SummedColumns {
  readonly file: string;
  readonly scale: number;
  readonly size: number;
  readonly points: readonly Float64Array[];
  /** The most decimals of each node's cells. */
  readonly decimals: Uint8Array;
  readonly total?: Float64Array | undefined;
}

/**
 * A summary row's sums or means must be those of the units above it (its segment, or all of them),
 * give or take the rounding of the cells (½ of the last decimal of each cell added, and of the
 * summary's own): else a unit row is missing or misread, or the row sums something else.
 */
export function checkSummaries(rows: readonly SummaryRow[], c: SummedColumns, log: ProblemLog): void {
  const unit = 10 ** c.scale;
  for (const s of rows) {
    for (const cell of s.cells) {
      const values = cell.node < 0 ? c.total : c.points[cell.node];
      if (!values) continue;
      const decimals = cell.node < 0 ? Math.max(...c.decimals, 0) : c.decimals[cell.node]!;
      const ranges = s.from > 0 ? [s.from, 0] : [0];
      let shown = '';
      let agrees = false;
      for (const from of ranges) {
        let sum = 0;
        let n = 0;
        for (let r = from; r < Math.min(s.to, c.size); r++) {
          const v = values[r]!;
          if (!Number.isNaN(v)) {
            sum += v;
            n++;
          }
        }
        if (n === 0) {
          agrees = true;
          break;
        }
        const actual = (s.mean ? sum / n : sum) / unit;
        const tolerance = ((s.mean ? 1 : n) * 10 ** -decimals + 10 ** -cell.decimals) / 2;
        if (Math.abs(actual - cell.value) <= tolerance * (1 + 1e-9)) {
          agrees = true;
          break;
        }
        if (shown === '') shown = `the ${s.mean ? 'mean' : 'sum'} of the ${n} unit${n > 1 ? 's' : ''} above it is ${formatNumber(actual, Math.max(decimals, cell.decimals))}`;
      }
      if (!agrees) {
        log.error('summary-mismatch', `the "${s.label}" row gives ${formatNumber(cell.value, cell.decimals)} for "${cell.header}", but ${shown}`, {
          file: c.file,
          line: s.line,
          column: cell.column,
          hint: 'a unit row may be missing or misread, or the row sums other rows; correct it, or delete the summary row',
        });
      }
    }
  }
}

/** A double as a decimal with these decimals. */
function formatNumber(value: number, decimals: number): string {
  return value.toFixed(Math.min(decimals, 12));
}
