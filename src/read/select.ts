/**
 * Choosing a scheme from the columns of the input when `--scheme` is not given.
 *
 * A scheme fits when every one of its components is a column of the input (in any of the files).
 * Among fitting schemes: one whose column notes state another maximum ("Điểm thẩm định (72)" for a
 * scheme whose appraisal maximum is 68.5) is dropped; then the scheme that uses the most columns
 * wins. Anything still tied is ambiguous and the user must pass `--scheme`.
 */
import { compare, format, normalize, parseDecimal } from '../model/decimal.js';
import { headerKey, nearest } from '../model/text.js';
import { usageError } from '../model/problem.js';
import type { HeaderColumn } from './header.js';
import type { Component, Scheme } from '../model/scheme.js';
import { covered as isCovered } from '../model/tree.js';

export function componentKeys(c: Component): string[] {
  return [c.id, c.label.vi, c.label.en, ...c.aliases, ...(c.depth > 0 ? [c.path.join(' / ')] : [])].map(headerKey);
}

/** A scheme's nodes (parts, fields, criteria, bonus, penalty) by header key: id, labels, aliases, path. */
export function componentsByKey(scheme: Scheme): Map<string, Component> {
  const byKey = new Map<string, Component>();
  for (const c of scheme.nodes) for (const k of componentKeys(c)) if (!byKey.has(k)) byKey.set(k, c);
  return byKey;
}

/** The node a header key names: "Điểm điều tra XHH" is "Điều tra XHH" ("điểm" = points). */
export function componentOf(byKey: ReadonlyMap<string, Component>, key: string): Component | undefined {
  return byKey.get(key) ?? (key.startsWith('diem') ? byKey.get(key.slice(4)) : undefined);
}

/** Maps header columns to the nodes they give (first column wins; duplicates are reported elsewhere). */
export function matchComponents(scheme: Scheme, columns: readonly HeaderColumn[]): Map<HeaderColumn, Component> {
  const byKey = componentsByKey(scheme);
  const out = new Map<HeaderColumn, Component>();
  for (const col of columns) {
    const c = nodeOfColumn(scheme, byKey, col);
    if (c) out.set(col, c);
  }
  return out;
}

/** Whether `node` is `ancestor` or below it. */
export function within(scheme: Scheme, node: Component, ancestor: Component): boolean {
  for (let n: Component | undefined = node; n; n = n.parent >= 0 ? scheme.nodes[n.parent] : undefined) if (n === ancestor) return true;
  return false;
}

/** The node a column gives: its own header's, or under a group header, a node of that group (or the group itself). */
function nodeOfColumn(scheme: Scheme, byKey: ReadonlyMap<string, Component>, col: HeaderColumn): Component | undefined {
  if (!col.group) return componentOf(byKey, col.key);
  const group = componentOf(byKey, col.group.key);
  if (!group) return componentOf(byKey, col.key);
  const leaf = componentOf(byKey, col.key);
  return leaf && leaf !== group && within(scheme, leaf, group) ? leaf : group;
}

/** The components of a scheme the columns give, directly, through their children, or as a group over parts (a two-row header). */
export function coveredComponents(scheme: Scheme, columns: readonly HeaderColumn[]): { used: number; covered: Set<string>; notes: [HeaderColumn | HeaderColumn['group'], Component][] } {
  const byKey = componentsByKey(scheme);
  const given = new Uint8Array(scheme.nodes.length);
  const notes: [HeaderColumn | HeaderColumn['group'], Component][] = [];
  let used = 0;
  for (const col of columns) {
    const c = nodeOfColumn(scheme, byKey, col);
    if (!c) continue;
    used++;
    if (!given[c.index]) notes.push([col.group && componentOf(byKey, col.group.key) === c ? col.group : col, c]);
    given[c.index] = 1;
  }
  const covered = new Set(scheme.components.filter((c) => isCovered(scheme, given, c)).map((c) => c.id));
  return { used, covered, notes };
}

/** A number in a header note ("61,5", "tối đa 72") that contradicts the component's maximum. */
export function noteContradicts(col: { readonly note?: string } | undefined, c: Component): boolean {
  if (!col) return false;
  const m = col.note ? /(\d+(?:[.,]\d+)?)/.exec(col.note) : null;
  if (!m) return false;
  const stated = parseDecimal(m[1]!.replace(',', '.'));
  return stated !== undefined && compare(stated, c.max) !== 0;
}

export function selectScheme(candidates: readonly Scheme[], columns: readonly HeaderColumn[]): Scheme {
  const judged = candidates.map((scheme) => {
    const { used, covered, notes } = coveredComponents(scheme, columns);
    const contradicted = notes.filter(([col, c]) => noteContradicts(col, c));
    return { scheme, used, covered, complete: covered.size === scheme.components.length, contradicted };
  });
  const fits = judged.filter((f) => f.complete);
  const agreeing = fits.filter((f) => f.contradicted.length === 0);
  const most = Math.max(0, ...agreeing.map((f) => f.used));
  const best = agreeing.filter((f) => f.used === most);
  if (best.length === 1) return best[0]!.scheme;
  const list = (schemes: readonly Scheme[]) => schemes.map((s) => `${s.id} (${s.components.map((c) => c.id).join(', ')})`).join('; ');
  if (best.length > 1) {
    throw usageError(
      'scheme-ambiguous',
      `several schemes match the columns of the input: ${list(best.map((b) => b.scheme))}`,
      `pass --scheme ${best[0]!.scheme.id} (or another), or write the maximum in the header, e.g. "${best[0]!.scheme.components[0]!.label.vi} (${format(normalize(best[0]!.scheme.components[0]!.max), undefined, ',')})"`,
    );
  }
  if (fits.length > 0) {
    // The columns are a scheme's, but their headers state other maxima: never ranked on the wrong ones.
    const f = fits[0]!;
    const stated = f.contradicted.map(([col, c]) => `"${col!.header}" (the scheme's maximum is ${format(normalize(c.max))})`).join(', ');
    throw usageError(
      'scheme-maxima-differ',
      `the columns are those of scheme ${f.scheme.id}, but their headers state other maxima: ${stated}`,
      'give the scheme with these maxima: --scheme my-scheme.json (`par-score schemes <id> --format json` starts one)',
    );
  }
  // The nearest: the most components found, then the fewest missing.
  const missingOf = (j: (typeof judged)[number]) => j.scheme.components.length - j.covered.size;
  const nearestScheme = [...judged].sort((a, b) => b.covered.size - a.covered.size || missingOf(a) - missingOf(b) || b.used - a.used)[0];
  let detail = '';
  if (nearestScheme && nearestScheme.covered.size > 0) {
    const s = nearestScheme.scheme;
    const missing = s.components.filter((c) => !nearestScheme.covered.has(c.id));
    const unknown = columns.filter((col) => !col.meta && col.header !== '' && !coveredComponents(s, [col]).used);
    const guess = (c: Component) => {
      const hit = nearest(c.id, unknown, (col) => [col.key, col.group?.key ?? '']) ?? nearest(headerKey(c.label.vi), unknown, (col) => [col.key, col.group?.key ?? '']);
      return hit ? ` (is it "${hit.header}"?)` : '';
    };
    detail =
      `; the nearest is ${s.id}, which also needs ${missing.map((c) => `"${c.label.vi}" (${c.id}, maximum ${format(normalize(c.max))})${guess(c)}`).join(', ')}` +
      (unknown.length ? `; columns not understood: ${unknown.map((c) => `"${c.header}"`).join(', ')}` : '');
  } else detail = `; built-in schemes and their components: ${list(candidates)}`;
  throw usageError(
    'scheme-not-found',
    `no built-in scheme matches the columns of the input${detail}`,
    'pass --scheme <id|file.json>, or rename the columns; `par-score schemes` lists the schemes',
  );
}
