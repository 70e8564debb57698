/**
 * Score cells as Vietnamese offices write them: `12,05`, `12.05`, ` 12,05 `, `44`, `46,8`;
 * `-`, `N/A`, `KAD` (không áp dụng) for "not applicable"; empty for missing. Never parseFloat:
 * `parseFloat("82,84")` is 82.
 */
import type { Decimal } from '../core/decimal.js';
import { foldDiacritics } from '../core/text.js';

export type Cell =
  | { readonly kind: 'empty' }
  | { readonly kind: 'na' }
  | { readonly kind: 'number'; readonly value: Decimal; readonly separator: ',' | '.' | null }
  | { readonly kind: 'invalid'; readonly code: string; readonly reason: string };

const NA_WORDS = new Set(['na', 'n/a', 'kad', 'k/a/d', 'khongapdung', 'notapplicable', 'n.a', 'n.a.']);
const TRIM = /^[\s\u00A0\u2007\u202F]+|[\s\u00A0\u2007\u202F]+$/g;
const NUMBER = /^(\d+)(?:([.,])(\d+))?$/;
const MAX_DIGITS = 30;

export function isNotApplicable(text: string): boolean {
  if (/^[-\u2010-\u2015\u2212]+$/.test(text)) return true;
  const folded = foldDiacritics(text).replace(/\s+/g, '');
  return NA_WORDS.has(folded) || NA_WORDS.has(folded.replace(/[^a-z/.]/g, ''));
}

export function parseCell(raw: string): Cell {
  const text = raw.replace(TRIM, '');
  if (text === '') return { kind: 'empty' };
  const m = NUMBER.exec(text);
  if (!m && isNotApplicable(text)) return { kind: 'na' };
  if (m) {
    const int = m[1]!;
    const separator = m[2];
    const frac = m[3] ?? '';
    if (int.length + frac.length > MAX_DIGITS) return invalid('not-a-number', `"${short(text)}" has more than ${MAX_DIGITS} digits`);
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
  if (/^\d+(?:[.,]\d+)?\s*%$/.test(text)) return invalid('not-a-number', `"${text}" is a percentage; this column holds points`);
  return invalid('not-a-number', `"${short(text)}" is not a number`);
}

function invalid(code: string, reason: string): Cell {
  return { kind: 'invalid', code, reason };
}

function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** Reads a yes/no cell (`ranked` column): có/không, x/blank, true/false, yes/no, 1/0. */
export function parseFlag(raw: string): boolean | undefined {
  const t = foldDiacritics(raw.replace(TRIM, '')).replace(/\s+/g, ' ');
  if (t === '' || ['true', 'yes', 'y', '1', 'x', 'co', 'co xep hang', 'xep hang'].includes(t)) return true;
  if (['false', 'no', 'n', '0', 'khong', 'khong xep hang', 'not ranked'].includes(t)) return false;
  return undefined;
}
