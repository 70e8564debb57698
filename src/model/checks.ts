/**
 * Checks beyond validity, for `validate`: things that are allowed but usually mistakes. Read from the
 * ranking's columns: a unit at 0 or at the maximum in every component, one name with two codes.
 */
import type { ProblemLog } from './problem.js';
import { scaledMax, type Ranking } from './ranking.js';
import { originOf } from './table.js';
import { HashIndex } from './hash-index.js';
import { nameKey, nameKeyHash } from './text.js';

export function plausibilityChecks(r: Ranking, log: ProblemLog): void {
  const t = r.table;
  const nodes = r.scheme.components.map((c) => ({ points: t.points[c.index]!, max: scaledMax(c.max, t.scale) }));
  for (const i of r.order) {
    let applicable = 0;
    let zero = 0;
    let full = 0;
    for (const n of nodes) {
      const p = n.points[i]!;
      if (Number.isNaN(p)) continue;
      applicable++;
      if (p === 0) zero++;
      if (p === n.max) full++;
    }
    if (applicable > 1 && zero === applicable) log.warn('all-zero', `${t.names[i]} has 0 points in every component: not scored yet?`, originOf(t, i));
    if (applicable > 1 && full === applicable) log.warn('all-max', `${t.names[i]} has the maximum in every component: copied from the maxima?`, originOf(t, i));
  }
  // Names that appear more than once (codes tell them apart): first the units of each name key, found
  // by its hash (a map of a million keys took some 60 MB of the largest files' validation).
  const repeated = new Map<number, number[]>();
  if (t.codes.some((c) => c !== undefined)) {
    const firsts = new HashIndex(t.size);
    for (const i of r.order) {
      const name = t.names[i]!;
      const hash = nameKeyHash(name);
      const at = firsts.find(hash, (j) => t.names[j] === name || nameKey(t.names[j]!) === nameKey(name));
      if (at < 0) firsts.add(hash, i);
      else {
        const list = repeated.get(at);
        if (list) list.push(i);
        else repeated.set(at, [i]);
      }
    }
  }
  for (const [at, rest] of repeated) {
    const codes = new Set([at, ...rest].map((i) => t.codes[i]));
    if (codes.size < 2) continue;
    for (const i of rest) {
      log.warn(
        'same-name-different-code',
        `${t.names[i]} appears with code ${t.codes[i] ?? '(none)'} here and ${t.codes[at] ?? '(none)'} at line ${t.originLine[at]}: two units or a wrong code?`,
        originOf(t, i),
      );
    }
  }
}
