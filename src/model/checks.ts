/**
 * Checks beyond validity, for `validate`: things that are allowed but usually mistakes.
 */
import { compare } from './decimal.js';
import type { ProblemLog } from './problem.js';
import type { Ranking, UnitResult } from './ranking.js';
import { nameKey } from './text.js';

export function plausibilityChecks(r: Ranking, log: ProblemLog): void {
  for (const u of r.units) {
    const applicable = u.components.filter((c) => c.applicable);
    if (applicable.length > 1 && applicable.every((c) => c.points!.units === 0n)) {
      log.warn('all-zero', `${u.name} has 0 points in every component: not scored yet?`, u.origin);
    }
    if (applicable.length > 1 && applicable.every((c) => compare(c.points!, c.max!) === 0)) {
      log.warn('all-max', `${u.name} has the maximum in every component: copied from the maxima?`, u.origin);
    }
  }
  const byName = new Map<string, UnitResult[]>();
  for (const u of r.units) {
    const k = nameKey(u.name);
    const list = byName.get(k);
    if (list) list.push(u);
    else byName.set(k, [u]);
  }
  for (const same of byName.values()) {
    const codes = new Set(same.map((u) => u.code));
    if (same.length > 1 && codes.size > 1) {
      const [first, ...rest] = same;
      for (const u of rest) {
        log.warn('same-name-different-code', `${u.name} appears with code ${u.code ?? '(none)'} here and ${first!.code ?? '(none)'} at line ${first!.origin.line}: two units or a wrong code?`, u.origin);
      }
    }
  }
}
