/**
 * Choosing a scheme from the columns of the input when `--scheme` is not given.
 *
 * A scheme fits when every one of its components is a column of the input (in any of the files).
 * Among fitting schemes: one whose column notes state another maximum ("Điểm thẩm định (72)" for a
 * scheme whose appraisal maximum is 68.5) is dropped; then the scheme that uses the most columns
 * wins. Anything still tied is ambiguous and the user must pass `--scheme`.
 */
import { compare, format, normalize, parseDecimal } from '../model/decimal.js';
import { headerKey } from '../model/text.js';
import { usageError } from '../model/problem.js';
import type { HeaderColumn } from './header.js';
import type { Component, Scheme } from '../model/scheme.js';

export function componentKeys(c: Component): string[] {
  return [c.id, c.label.vi, c.label.en, ...c.aliases].map(headerKey);
}

/** Maps header columns to component ids (first column wins; duplicates are reported elsewhere). */
export function matchComponents(scheme: Scheme, columns: readonly HeaderColumn[]): Map<HeaderColumn, Component> {
  const byKey = new Map<string, Component>();
  for (const c of scheme.components) for (const k of componentKeys(c)) byKey.set(k, c);
  const out = new Map<HeaderColumn, Component>();
  for (const col of columns) {
    const c = byKey.get(col.key);
    if (c) out.set(col, c);
  }
  return out;
}

/** A number in a header note ("61,5", "tối đa 72") that contradicts the component's maximum. */
function noteContradicts(col: HeaderColumn, c: Component): boolean {
  const m = col.note ? /(\d+(?:[.,]\d+)?)/.exec(col.note) : null;
  if (!m) return false;
  const stated = parseDecimal(m[1]!.replace(',', '.'));
  return stated !== undefined && compare(stated, c.max) !== 0;
}

export function selectScheme(candidates: readonly Scheme[], columns: readonly HeaderColumn[]): Scheme {
  const fits = candidates
    .map((scheme) => {
      const matched = matchComponents(scheme, columns);
      const covered = new Set([...matched.values()].map((c) => c.id));
      const contradicted = [...matched].some(([col, c]) => noteContradicts(col, c));
      return { scheme, used: matched.size, complete: covered.size === scheme.components.length, contradicted };
    })
    .filter((f) => f.complete);
  const agreeing = fits.filter((f) => !f.contradicted);
  const pool = agreeing.length ? agreeing : fits;
  const most = Math.max(0, ...pool.map((f) => f.used));
  const best = pool.filter((f) => f.used === most);
  if (best.length === 1) return best[0]!.scheme;
  const list = (schemes: readonly Scheme[]) => schemes.map((s) => `${s.id} (${s.components.map((c) => c.id).join(', ')})`).join('; ');
  if (best.length === 0) {
    throw usageError(
      'scheme-not-found',
      `no built-in scheme matches the columns of the input; built-in schemes and their components: ${list(candidates)}`,
      'pass --scheme <id|file.json>, or rename the columns; `par-score schemes` lists the schemes',
    );
  }
  throw usageError(
    'scheme-ambiguous',
    `several schemes match the columns of the input: ${list(best.map((b) => b.scheme))}`,
    `pass --scheme ${best[0]!.scheme.id} (or another), or write the maximum in the header, e.g. "${best[0]!.scheme.components[0]!.label.vi} (${format(normalize(best[0]!.scheme.components[0]!.max), undefined, ',')})"`,
  );
}
