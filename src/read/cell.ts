/**
 * Score cells as Vietnamese offices write them: `12,05`, `12.05`, ` 12,05 `, `44`, `46,8`;
 * `-`, `N/A`, `KAD` (không áp dụng) for "not applicable"; empty for missing. Never parseFloat:
 * `parseFloat("82,84")` is 82.
 */
import type { Decimal } from '../model/decimal.js';
import { foldDiacritics } from '../model/text.js';

export type Cell =
  | { readonly kind: 'empty' }
  | { readonly kind: 'na' }
  /** A lone dash: 0 in Excel's Accounting format, "not applicable" in some offices' writing. */
  | { readonly kind: 'dash' }
  | { readonly kind: 'number'; readonly value: Decimal; readonly separator: ',' | '.' | null }
  | { readonly kind: 'invalid'; readonly code: string; readonly reason: string };

const NA_WORDS = new Set(['na', 'n/a', 'kad', 'k/a/d', 'khongapdung', 'notapplicable', 'n.a', 'n.a.']);
const TRIM = /^[\s\u00A0\u2007\u202F]+|[\s\u00A0\u2007\u202F]+$/g;
const NUMBER = /^(\d+)(?:([.,])(\d+))?$/;
/** Points are held exactly in a double: at most 15 significant digits. */
export const MAX_DIGITS = 15;

/** Words that mean "not applicable" (không áp dụng). A dash is not one of them: see `Cell`. */
export function isNotApplicable(text: string): boolean {
  // "5 N/A", "KAD 20": a number and a word together are not "not applicable" (they are refused).
  if (/\d/.test(text)) return false;
  const folded = foldDiacritics(text).replace(/\s+/g, '');
  return NA_WORDS.has(folded) || NA_WORDS.has(folded.replace(/[^a-z/.]/g, ''));
}

const DASH = /^[-\u2010-\u2015\u2212]+$/;
/** Excel's and LibreOffice's error values: a formula that failed. */
const FORMULA_ERROR = /^(#N\/A|#VALUE!|#REF!|#DIV\/0!|#NAME\?|#NUM!|#NULL!|#SPILL!|#CALC!|#GETTING_DATA|Err:\d{3}|#NV|#WERT!|#BEZUG!)$/i;

export function parseCell(raw: string): Cell {
  const text = raw.replace(TRIM, '');
  if (text === '') return { kind: 'empty' };
  if (FORMULA_ERROR.test(text)) return invalid('formula-error', `${text} is a spreadsheet error value: the formula that should give this cell failed`);
  if (DASH.test(text)) return { kind: 'dash' };
  const m = NUMBER.exec(text);
  if (!m && isNotApplicable(text)) return { kind: 'na' };
  if (m) {
    const int = m[1]!;
    const separator = m[2];
    const frac = m[3] ?? '';
    if ((int + frac).replace(/^0+/, '').length > MAX_DIGITS) {
      return invalid('not-a-number', `"${short(text)}" has more than ${MAX_DIGITS} significant digits; round it to the decimals the scheme uses`);
    }
    return {
      kind: 'number',
      value: { units: BigInt(int + frac), scale: frac.length },
      separator: (separator as ',' | '.' | undefined) ?? null,
    };
  }
  if (/^-\s*\d+(?:[.,]\d+)?$/.test(text)) return invalid('negative-value', `${text} is negative; points cannot be below 0`);
  if (/^\d{1,3}([.,])\d{3}(?:\1\d{3})*(?!\1)[.,]\d+$/.test(text))
    return invalid('not-a-number', `"${text}" uses a thousands separator; write points without one (e.g. 1234,5)`);
  if (/^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)[eE][+-]?\d+$/.test(text))
    return invalid('not-a-number', `"${short(text)}" is in exponent notation; write the value as a plain decimal`);
  if (/^[.,]\d+$/.test(text)) return invalid('not-a-number', `"${text}" has no digit before the decimal separator; write 0${text}`);
  if (/^\d+[.,]$/.test(text)) return invalid('not-a-number', `"${text}" ends with a decimal separator`);
  if (/^\+\d/.test(text)) return invalid('not-a-number', `"${short(text)}" has a + sign; write the number alone`);
  if (/^\d+(?:[.,]\d+)?\s*%$/.test(text)) return invalid('percent-column', `"${text}" is a percentage, not points: read as points, the score would be wrong`);
  return invalid('not-a-number', `"${short(text)}" is not a number`);
}

function invalid(code: string, reason: string): Cell {
  return { kind: 'invalid', code, reason };
}

function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

export const EMPTY = 0;
export const NA = 1;
export const NUMBER_CELL = 2;
export const INVALID = 3;
export const DASH_CELL = 4;

/**
 * Reads score cells straight from the text of a file, without a string per cell. The common cell,
 * `82,84` or `44` (digits, at most one separator and digits, at most 15 digits in all, nothing
 * around them), is read in one loop; anything else is read by `parseCell` (a property test holds
 * the two equal). After `read`, the number is `value` / 10^`scale`.
 */
export class CellReader {
  value = 0;
  scale = 0;
  /** 0 none, 1 a decimal comma, 2 a decimal point. */
  separator = 0;
  /** For an invalid cell. */
  code = '';
  reason = '';

  read(text: string, start: number, end: number): number {
    let value = 0;
    let digits = 0;
    let scale = -1;
    let separator = 0;
    let i = start;
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        value = value * 10 + (c - 48);
        digits++;
        if (scale >= 0) scale++;
      } else if ((c === 44 || c === 46) && scale < 0 && digits > 0) {
        scale = 0;
        separator = c === 44 ? 1 : 2;
      } else break;
    }
    if (i === end && digits > 0 && digits <= MAX_DIGITS && scale !== 0) {
      this.value = value;
      this.scale = scale < 0 ? 0 : scale;
      this.separator = separator;
      return NUMBER_CELL;
    }
    return this.readText(text.slice(start, end));
  }

  /** A cell given as a string. */
  readText(raw: string): number {
    const cell = parseCell(raw);
    switch (cell.kind) {
      case 'empty':
        return EMPTY;
      case 'na':
        return NA;
      case 'dash':
        return DASH_CELL;
      case 'invalid':
        this.code = cell.code;
        this.reason = cell.reason;
        return INVALID;
      case 'number':
        this.value = Number(cell.value.units);
        this.scale = cell.value.scale;
        this.separator = cell.separator === ',' ? 1 : cell.separator === '.' ? 2 : 0;
        return NUMBER_CELL;
    }
  }
}

/** Reads a yes/no cell (`ranked` column): có/không, x/blank, true/false, yes/no, 1/0. */
export function parseFlag(raw: string): boolean | undefined {
  const t = foldDiacritics(raw.replace(TRIM, '')).replace(/\s+/g, ' ');
  if (t === '' || ['true', 'yes', 'y', '1', 'x', 'co', 'co xep hang', 'xep hang'].includes(t)) return true;
  if (['false', 'no', 'n', '0', 'khong', 'khong xep hang', 'not ranked'].includes(t)) return false;
  return undefined;
}
