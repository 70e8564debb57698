/**
 * Several years side by side: each unit's rank and index per year. Units are followed from year to
 * year with the same matching as the year-over-year comparison (code, name, prefix-less name), and
 * the crosswalk: a line applies between two consecutive years when its old unit is there the year
 * before and gone (or the same as the new unit) the year after, and its new unit is there the year
 * after. A merged unit continues the history of the predecessor of its own name or code.
 */
import { compareRatios } from './decimal.js';
import { matchUnits, UnitIndex, type CrosswalkEntry } from './match.js';
import { ProblemLog, usageError } from './problem.js';
import { strippedNameKey } from './text.js';
import { byNameThenCode, type Ranking, type UnitResult } from './ranking.js';

export interface Track {
  /** The unit's latest name. */
  readonly name: string;
  readonly code?: string;
  readonly block?: string;
  /** One entry per year, in year order; undefined when the unit is absent that year. */
  readonly series: (UnitResult | undefined)[];
}

export interface Trend {
  readonly years: readonly string[];
  readonly rankings: readonly Ranking[];
  readonly tracks: readonly Track[];
}

/**
 * `localeCompare`, called only when it can differ from comparing the code units: its first call
 * loads the collation data (about 10 ms of a short run).
 */
function collate(a: string, b: string): number {
  if (a === b) return 0;
  if (/^\d+$/.test(a) && /^\d+$/.test(b) && a.length === b.length) return a < b ? -1 : 1;
  return a.localeCompare(b);
}

/** `rankings` with their years; sorted by year here. */
/** The crosswalk lines that apply between two consecutive years (see above); marks them in `used`. */
function crosswalkBetween(previous: Ranking, current: Ranking, crosswalk: readonly CrosswalkEntry[], used: Uint8Array): CrosswalkEntry[] {
  if (crosswalk.length === 0) return [];
  const before = new UnitIndex(previous);
  const after = new UnitIndex(current);
  return crosswalk.filter((e, k) => {
    const old = before.lookupText(e.old);
    const neu = after.lookupText(e.new);
    if (!old || !('found' in old) || !neu || !('found' in neu)) return false;
    const still = after.lookupText(e.old);
    const applies = !still || ('found' in still && still.found === neu.found);
    if (applies) used[k] = 1;
    return applies;
  });
}

export function buildTrend(input: readonly { year: string; ranking: Ranking }[], log = new ProblemLog(), crosswalk: readonly CrosswalkEntry[] = []): Trend {
  const sorted = [...input].sort((a, b) => collate(a.year, b.year));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.year === sorted[i - 1]!.year) throw usageError('duplicate-year', `two inputs are for the year ${sorted[i]!.year}`, 'give each file its own year (--year)');
  }
  const n = sorted.length;
  const used = new Uint8Array(crosswalk.length);
  const tracks: { series: (UnitResult | undefined)[] }[] = [];
  // The track of each unit (table position) of the year before.
  let trackOf: ({ series: (UnitResult | undefined)[] } | undefined)[] = [];
  sorted.forEach(({ year, ranking }, k) => {
    const next = new Array<{ series: (UnitResult | undefined)[] } | undefined>(ranking.table.size);
    const before = k === 0 ? undefined : sorted[k - 1]!.ranking;
    const matched = before ? matchUnits(before, ranking, crosswalkBetween(before, ranking, crosswalk, used), log, { previous: sorted[k - 1]!.year, current: year }) : undefined;
    for (const i of ranking.order) {
      const ps = matched?.predecessors(i) ?? [];
      // A merged unit continues the predecessor that has its name or code (Hải Phòng of Hải Dương + Hải Phòng).
      const own = ps.length > 1 ? ps.find((p) => strippedNameKey(before!.table.names[p]!) === strippedNameKey(ranking.table.names[i]!) || (ranking.table.codes[i] !== undefined && before!.table.codes[p] === ranking.table.codes[i])) : ps[0];
      let track = own !== undefined ? trackOf[own] : undefined;
      if (!track) {
        track = { series: new Array<UnitResult | undefined>(n).fill(undefined) };
        tracks.push(track);
      }
      track.series[k] = ranking.unit(i);
      next[i] = track;
    }
    trackOf = next;
  });
  crosswalk.forEach((e, k) => {
    if (used[k]) return;
    const where = { ...(e.file !== undefined ? { file: e.file } : {}), ...(e.line !== undefined ? { line: e.line } : {}) };
    log.error('crosswalk-unknown-unit', `crosswalk: "${e.old}" -> "${e.new}" joins no two consecutive years (the old unit in one year, gone the next, where the new unit is)`, where);
  });
  log.throwIfErrors();
  const latest = (t: { series: (UnitResult | undefined)[] }) => [...t.series].reverse().find((u) => u !== undefined)!;
  const lastIndex = (t: { series: (UnitResult | undefined)[] }) => t.series.findLastIndex((u) => u !== undefined);
  const ordered = tracks.sort((a, b) => {
    const la = latest(a);
    const lb = latest(b);
    return (
      lastIndex(b) - lastIndex(a) ||
      collate(la.block ?? '', lb.block ?? '') ||
      (la.rank ?? Infinity) - (lb.rank ?? Infinity) ||
      compareRatios(lb.index, la.index) ||
      byNameThenCode(la, lb)
    );
  });
  return {
    years: sorted.map((s) => s.year),
    rankings: sorted.map((s) => s.ranking),
    tracks: ordered.map((t) => {
      const l = latest(t);
      return { name: l.name, ...(l.code !== undefined ? { code: l.code } : {}), ...(l.block !== undefined ? { block: l.block } : {}), series: t.series };
    }),
  };
}
