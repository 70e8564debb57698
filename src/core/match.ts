/**
 * Matching the units of two years: by code, else by normalised name, else by the name without its
 * administrative prefix (Tỉnh, Thành phố, TP., Huyện, Thị xã, Quận, Xã, Phường, Thị trấn) when that
 * identifies exactly one unit on each side. A crosswalk (old -> new) handles renames and merges.
 */
import { nameKey, strippedNameKey } from './text.js';
import type { ProblemLog } from './problem.js';

export interface Identity {
  readonly name: string;
  readonly code?: string;
  readonly block?: string;
}

export interface CrosswalkEntry {
  /** Old unit: a code or a name. */
  readonly old: string;
  /** New unit: a code or a name. */
  readonly new: string;
  readonly file?: string;
  readonly line?: number;
}

export interface MatchResult<P, C> {
  /** For each current unit, the previous units it continues (0 = new, 1 = same or renamed, more = merged). */
  readonly predecessors: Map<C, P[]>;
  /** Previous units that continue into no current unit. */
  readonly dropped: P[];
}

export type Lookup<T> = { found: T } | { candidates: T[] } | undefined;

class UnitIndex<T extends Identity> {
  private readonly byCode = new Map<string, T[]>();
  private readonly byName = new Map<string, T[]>();
  private readonly byStripped = new Map<string, T[]>();

  constructor(readonly units: readonly T[]) {
    const push = (m: Map<string, T[]>, k: string, u: T) => m.set(k, [...(m.get(k) ?? []), u]);
    for (const u of units) {
      if (u.code !== undefined) push(this.byCode, u.code.toLowerCase(), u);
      push(this.byName, nameKey(u.name), u);
      push(this.byStripped, strippedNameKey(u.name), u);
    }
  }

  /** A code or a name; `block` breaks ties between equal names in different blocks. */
  lookup(query: { code?: string; name?: string }, block?: string): Lookup<T> {
    const pick = (list: T[] | undefined): Lookup<T> => {
      if (!list || list.length === 0) return undefined;
      if (list.length === 1) return { found: list[0]! };
      const sameBlock = list.filter((u) => u.block === block);
      return sameBlock.length === 1 ? { found: sameBlock[0]! } : { candidates: list };
    };
    if (query.code !== undefined) {
      const r = pick(this.byCode.get(query.code.toLowerCase()));
      if (r) return r;
    }
    if (query.name === undefined) return undefined;
    return pick(this.byName.get(nameKey(query.name))) ?? pick(this.byStripped.get(strippedNameKey(query.name)));
  }

  /** A crosswalk value may be a code or a name. */
  lookupText(text: string): Lookup<T> {
    return this.lookup({ code: text, name: text });
  }

  strippedIsUnique(u: Identity): boolean {
    return (this.byStripped.get(strippedNameKey(u.name)) ?? []).length <= 1;
  }
}

/** Finds one unit by code or name (normalised; a prefix-less name when unambiguous). */
export function lookupUnit<T extends Identity>(units: readonly T[], query: string): Lookup<T> {
  return new UnitIndex(units).lookupText(query);
}

const names = (units: readonly Identity[]) => units.map((u) => (u.code ? `${u.name} (${u.code})` : u.name)).join(', ');

export function matchUnits<P extends Identity, C extends Identity>(
  previous: readonly P[],
  current: readonly C[],
  crosswalk: readonly CrosswalkEntry[],
  log: ProblemLog,
  labels: { previous: string; current: string } = { previous: 'the previous year', current: 'this year' },
): MatchResult<P, C> {
  const prevIndex = new UnitIndex(previous);
  const curIndex = new UnitIndex(current);
  const target = new Map<P, C>();

  // 1. The crosswalk says where old units went.
  const mapped = new Set<P>();
  for (const e of crosswalk) {
    const where = { ...(e.file !== undefined ? { file: e.file } : {}), ...(e.line !== undefined ? { line: e.line } : {}) };
    const p = prevIndex.lookupText(e.old);
    const c = curIndex.lookupText(e.new);
    if (!p) log.error('crosswalk-unknown-unit', `crosswalk: "${e.old}" is not a unit of ${labels.previous}`, where);
    else if ('candidates' in p) log.error('ambiguous-match', `crosswalk: "${e.old}" matches several units of ${labels.previous}: ${names(p.candidates)}`, where);
    if (!c) log.error('crosswalk-unknown-unit', `crosswalk: "${e.new}" is not a unit of ${labels.current}`, where);
    else if ('candidates' in c) log.error('ambiguous-match', `crosswalk: "${e.new}" matches several units of ${labels.current}: ${names(c.candidates)}`, where);
    if (p && 'found' in p && c && 'found' in c) {
      if (mapped.has(p.found) && target.get(p.found) !== c.found) {
        log.error('crosswalk-conflict', `crosswalk: ${p.found.name} is mapped to two different units`, where);
      }
      target.set(p.found, c.found);
      mapped.add(p.found);
    }
  }

  // 2. Everything else by code or name.
  const reported = new Set<C>();
  for (const p of previous) {
    if (mapped.has(p)) continue;
    const c = curIndex.lookup({ ...(p.code !== undefined ? { code: p.code } : {}), name: p.name }, p.block);
    if (!c) continue;
    if ('candidates' in c) {
      log.error('ambiguous-match', `${p.name} of ${labels.previous} matches several units of ${labels.current}: ${names(c.candidates)}`, {
        hint: 'add codes to both files, or a --crosswalk line for it',
      });
      continue;
    }
    // A match through the prefix-less name must be unambiguous on the previous side too.
    const exact = nameKey(p.name) === nameKey(c.found.name) || (p.code !== undefined && p.code.toLowerCase() === c.found.code?.toLowerCase());
    if (!exact && !prevIndex.strippedIsUnique(p)) {
      if (reported.has(c.found)) continue;
      reported.add(c.found);
      const rivals = previous.filter((q) => strippedNameKey(q.name) === strippedNameKey(p.name));
      log.error('ambiguous-match', `${c.found.name} of ${labels.current} matches several units of ${labels.previous}: ${names(rivals)}`, {
        hint: 'add codes to both files, or a --crosswalk line for it',
      });
      continue;
    }
    target.set(p, c.found);
  }

  // 3. Group: several previous units into one current unit without a crosswalk is ambiguous, not a merge.
  const predecessors = new Map<C, P[]>(current.map((c) => [c, []]));
  for (const [p, c] of target) predecessors.get(c)!.push(p);
  for (const [c, ps] of predecessors) {
    if (ps.length > 1 && ps.some((p) => !mapped.has(p))) {
      log.error('ambiguous-match', `${c.name} of ${labels.current} matches several units of ${labels.previous}: ${names(ps)}`, {
        hint: 'if they were merged, say so with --crosswalk',
      });
    }
  }
  const dropped = previous.filter((p) => !target.has(p));
  return { predecessors, dropped };
}
