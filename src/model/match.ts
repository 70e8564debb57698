/**
 * Matching the units of two years: by code, else by normalised name, else by the name without its
 * administrative prefix (Tỉnh, Thành phố, TP., Huyện, Thị xã, Quận, Xã, Phường, Thị trấn) when that
 * identifies exactly one unit on each side. A crosswalk (old -> new) handles renames and merges.
 * Units are positions in their tables; the indexes are made when first needed (a million units
 * matched by code never compute a name key).
 */
import { foldedHash, HashIndex, sameFolded } from './hash-index.js';
import { placesOf } from './rank.js';
import { nameKey, strippedNameKey } from './text.js';
import type { ProblemLog } from './problem.js';

/** The identity columns of a table of units. */
export interface Identities {
  readonly names: readonly string[];
  readonly codes: readonly (string | undefined)[];
  /** No two units have codes equal but for case (`ScoreTable.distinctCodes`). */
  readonly distinctCodes?: boolean;
  readonly blocks: readonly (string | undefined)[];
}

/** Units in the order they are listed (a ranking): candidates and messages follow that order. */
export interface Listed {
  readonly table: Identities;
  readonly order: ArrayLike<number>;
  /** The same units in the order their names and codes were made (`Ranking.readOrder`), if known. */
  readonly readOrder?: ArrayLike<number>;
}

export interface CrosswalkEntry {
  /** Old unit: a code or a name. */
  readonly old: string;
  /** New unit: a code or a name. */
  readonly new: string;
  readonly file?: string;
  readonly line?: number;
}

export interface MatchResult {
  /** For each current unit, the first previous unit it continues (the same unit, or renamed), -1 for none. */
  readonly first: Int32Array;
  /** The current units that continue several previous units (merged), with those units. */
  readonly merged: ReadonlyMap<number, readonly number[]>;
  /** The previous units the current unit at `i` continues (none = new, one = same or renamed, more = merged). */
  predecessors(i: number): readonly number[];
  /** Previous units that continue into no current unit. */
  readonly dropped: readonly number[];
}

export type Lookup = { found: number } | { candidates: number[] } | undefined;

function group(order: ArrayLike<number>, key: (i: number) => string | undefined): Map<string, number[]> {
  const m = new Map<string, number[]>();
  for (let n = 0; n < order.length; n++) {
    const i = order[n]!;
    const k = key(i);
    if (k === undefined) continue;
    const list = m.get(k);
    if (list) list.push(i);
    else m.set(k, [i]);
  }
  return m;
}

/** Units by code, regardless of case. */
class CodeIndex {
  private readonly index: HashIndex;
  private readonly codes: readonly (string | undefined)[];
  private place?: Int32Array;

  /** Made going through the units in the order their codes were made (see `Listed.readOrder`). */
  constructor(private readonly listed: Listed) {
    const order = listed.readOrder ?? listed.order;
    const codes = (this.codes = listed.table.codes);
    this.index = new HashIndex(order.length);
    for (let n = 0; n < order.length; n++) {
      const code = codes[order[n]!];
      if (code !== undefined) this.index.add(foldedHash(code), order[n]!);
    }
  }

  /** The units with this code, in listing order. */
  get(code: string): number[] {
    const units = this.index.all(foldedHash(code), (u) => sameFolded(this.codes[u]!, code));
    if (units.length > 1 && this.listed.readOrder) {
      // Found in the order they were added: put in listing order.
      const place = (this.place ??= placesOf(this.listed.order, this.codes.length));
      units.sort((a, b) => place[a]! - place[b]!);
    }
    return units;
  }

  /** The one unit with this code: -1 for none, -2 for several (`get` lists them). */
  only(code: string): number {
    return this.index.only(foldedHash(code), (u) => sameFolded(this.codes[u]!, code));
  }
}

export class UnitIndex {
  private codes?: CodeIndex;
  private names?: Map<string, number[]>;
  private stripped?: Map<string, number[]>;

  private readonly units: Identities;

  constructor(private readonly listed: Listed) {
    this.units = listed.table;
  }

  private byCode(): CodeIndex {
    return (this.codes ??= new CodeIndex(this.listed));
  }

  private byName(): Map<string, number[]> {
    return (this.names ??= group(this.listed.order, (i) => nameKey(this.units.names[i]!)));
  }

  private byStripped(): Map<string, number[]> {
    return (this.stripped ??= group(this.listed.order, (i) => strippedNameKey(this.units.names[i]!)));
  }

  /** The one unit with this code, regardless of case: -1 for none, -2 for several. */
  onlyByCode(code: string): number {
    return this.byCode().only(code);
  }

  /** A code or a name; `block` breaks ties between equal names in different blocks. */
  lookup(query: { code?: string | undefined; name?: string | undefined }, block?: string): Lookup {
    const pick = (list: number[] | undefined): Lookup => {
      if (!list || list.length === 0) return undefined;
      if (list.length === 1) return { found: list[0]! };
      const sameBlock = list.filter((u) => this.units.blocks[u] === block);
      return sameBlock.length === 1 ? { found: sameBlock[0]! } : { candidates: list };
    };
    if (query.code !== undefined) {
      // Most codes name one unit: found without listing.
      const one = this.byCode().only(query.code);
      if (one >= 0) return { found: one };
      const r = one === -2 ? pick(this.byCode().get(query.code)) : undefined;
      if (r) return r;
    }
    if (query.name === undefined) return undefined;
    return pick(this.byName().get(nameKey(query.name))) ?? pick(this.byStripped().get(strippedNameKey(query.name)));
  }

  /** A crosswalk value may be a code or a name. */
  lookupText(text: string): Lookup {
    return this.lookup({ code: text, name: text });
  }

  /** The units whose prefix-less name is that of `name`. */
  sameStripped(name: string): readonly number[] {
    return this.byStripped().get(strippedNameKey(name)) ?? [];
  }
}

/** Finds one unit by code or name (normalised; a prefix-less name when unambiguous). */
export function lookupUnit(units: Listed, query: string): Lookup {
  return new UnitIndex(units).lookupText(query);
}

const NONE: readonly number[] = Object.freeze([]);

/** A unit's predecessors, from the first of each and the lists of merged units (made apart from `matchUnits`, whose working arrays it would otherwise keep). */
function predecessorsOf(first: Int32Array, merged: ReadonlyMap<number, readonly number[]>): (c: number) => readonly number[] {
  return (c) => merged.get(c) ?? (first[c]! < 0 ? NONE : [first[c]!]);
}

function names(t: Identities, units: readonly number[]): string {
  return units.map((u) => (t.codes[u] ? `${t.names[u]} (${t.codes[u]})` : t.names[u]!)).join(', ');
}

export function matchUnits(
  previousListed: Listed,
  currentListed: Listed,
  crosswalk: readonly CrosswalkEntry[],
  log: ProblemLog,
  labels: { previous: string; current: string } = { previous: 'the previous year', current: 'this year' },
): MatchResult {
  const previous = previousListed.table;
  const current = currentListed.table;
  const prevIndex = new UnitIndex(previousListed);
  const curIndex = new UnitIndex(currentListed);
  const prevSize = previous.names.length;
  const target = new Int32Array(prevSize).fill(-1);
  // Previous units in the order they were first matched: predecessors are listed in that order.
  const matchOrder: number[] = [];
  const setTarget = (p: number, c: number) => {
    if (target[p]! < 0) matchOrder.push(p);
    target[p] = c;
  };

  // 1. The crosswalk says where old units went.
  const mapped = new Uint8Array(prevSize);
  for (const e of crosswalk) {
    const where = { ...(e.file !== undefined ? { file: e.file } : {}), ...(e.line !== undefined ? { line: e.line } : {}) };
    const p = prevIndex.lookupText(e.old);
    const c = curIndex.lookupText(e.new);
    if (!p) log.error('crosswalk-unknown-unit', `crosswalk: "${e.old}" is not a unit of ${labels.previous}`, where);
    else if ('candidates' in p) log.error('ambiguous-match', `crosswalk: "${e.old}" matches several units of ${labels.previous}: ${names(previous, p.candidates)}`, where);
    if (!c) log.error('crosswalk-unknown-unit', `crosswalk: "${e.new}" is not a unit of ${labels.current}`, where);
    else if ('candidates' in c) log.error('ambiguous-match', `crosswalk: "${e.new}" matches several units of ${labels.current}: ${names(current, c.candidates)}`, where);
    if (p && 'found' in p && c && 'found' in c) {
      if (mapped[p.found] && target[p.found] !== c.found) {
        log.error('crosswalk-conflict', `crosswalk: ${previous.names[p.found]} is mapped to two different units`, where);
      }
      setTarget(p.found, c.found);
      mapped[p.found] = 1;
    }
  }

  // 2. Everything else by code or name. Units whose code names one unit of this year are found
  // first, going through last year's units in the order their codes were made (and lie in memory;
  // this year's too, where both years list their units alike): -1 where not found so. Where this
  // year's codes are distinct, the unit read at the same place this year is the one with the code
  // whenever its code is the same: found without the hash table (whose probes, a million in 16 MB,
  // wait for memory: about 0.45 s).
  const byCode = new Int32Array(prevSize).fill(-1);
  const readOrder = previousListed.readOrder ?? previousListed.order;
  const curRead = current.distinctCodes === true && previousListed.readOrder ? currentListed.readOrder : undefined;
  for (let n = 0; n < readOrder.length; n++) {
    const p = readOrder[n]!;
    const code = previous.codes[p];
    if (code === undefined || mapped[p]) continue;
    if (curRead && n < curRead.length) {
      const c = curRead[n]!;
      const there = current.codes[c];
      if (there !== undefined && sameFolded(there, code)) {
        byCode[p] = c;
        continue;
      }
    }
    byCode[p] = curIndex.onlyByCode(code);
  }
  const reported = new Set<number>();
  for (let n = 0; n < previousListed.order.length; n++) {
    const p = previousListed.order[n]!;
    if (mapped[p]) continue;
    // Found by a code that names one unit of this year: the same code, so an exact match (its
    // strings are not read again here, in an order they were not made in).
    if (byCode[p]! >= 0) {
      setTarget(p, byCode[p]!);
      continue;
    }
    const code = previous.codes[p];
    const name = previous.names[p]!;
    const c: Lookup = curIndex.lookup({ code, name }, previous.blocks[p]);
    if (!c) continue;
    if ('candidates' in c) {
      log.error('ambiguous-match', `${name} of ${labels.previous} matches several units of ${labels.current}: ${names(current, c.candidates)}`, {
        hint: 'add codes to both files, or a --crosswalk line for it',
      });
      continue;
    }
    // A match through the prefix-less name must be unambiguous on the previous side too.
    const foundCode = current.codes[c.found];
    const exact = (code !== undefined && foundCode !== undefined && sameFolded(code, foundCode)) || nameKey(name) === nameKey(current.names[c.found]!);
    if (!exact && prevIndex.sameStripped(name).length > 1) {
      if (reported.has(c.found)) continue;
      reported.add(c.found);
      log.error('ambiguous-match', `${current.names[c.found]} of ${labels.current} matches several units of ${labels.previous}: ${names(previous, prevIndex.sameStripped(name))}`, {
        hint: 'add codes to both files, or a --crosswalk line for it',
      });
      continue;
    }
    setTarget(p, c.found);
  }

  // 3. Group: several previous units into one current unit without a crosswalk is ambiguous, not a merge.
  const first = new Int32Array(current.names.length).fill(-1);
  const merged = new Map<number, number[]>();
  for (const p of matchOrder) {
    const c = target[p]!;
    if (first[c]! < 0) first[c] = p;
    else {
      const list = merged.get(c);
      if (list) list.push(p);
      else merged.set(c, [first[c]!, p]);
    }
  }
  for (let n = 0; n < currentListed.order.length; n++) {
    const c = currentListed.order[n]!;
    const ps = merged.get(c);
    if (ps && ps.some((p) => !mapped[p])) {
      log.error('ambiguous-match', `${current.names[c]} of ${labels.current} matches several units of ${labels.previous}: ${names(previous, ps)}`, {
        hint: 'if they were merged, say so with --crosswalk',
      });
    }
  }
  const dropped: number[] = [];
  for (let n = 0; n < previousListed.order.length; n++) if (target[previousListed.order[n]!]! < 0) dropped.push(previousListed.order[n]!);
  return { first, merged, predecessors: predecessorsOf(first, merged), dropped };
}
