/**
 * Several years side by side: each unit's rank and index per year. Units are followed from year to
 * year with the same matching as the year-over-year comparison (code, name, prefix-less name).
 */
import { compareRatios } from './decimal.js';
import { matchUnits } from './match.js';
import { ProblemLog, usageError } from './problem.js';
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
export function buildTrend(input: readonly { year: string; ranking: Ranking }[], log = new ProblemLog()): Trend {
  const sorted = [...input].sort((a, b) => collate(a.year, b.year));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.year === sorted[i - 1]!.year) throw usageError('duplicate-year', `two inputs are for the year ${sorted[i]!.year}`, 'give each file its own year (--year)');
  }
  const n = sorted.length;
  const tracks: { series: (UnitResult | undefined)[] }[] = [];
  // The track of each unit (table position) of the year before.
  let trackOf: ({ series: (UnitResult | undefined)[] } | undefined)[] = [];
  sorted.forEach(({ year, ranking }, k) => {
    const next = new Array<{ series: (UnitResult | undefined)[] } | undefined>(ranking.table.size);
    const predecessors = k === 0 ? undefined : matchUnits(sorted[k - 1]!.ranking, ranking, [], log, { previous: sorted[k - 1]!.year, current: year }).predecessors;
    for (const i of ranking.order) {
      const ps = predecessors?.[i] ?? [];
      let track = ps.length === 1 ? trackOf[ps[0]!] : undefined;
      if (!track) {
        track = { series: new Array<UnitResult | undefined>(n).fill(undefined) };
        tracks.push(track);
      }
      track.series[k] = ranking.unit(i);
      next[i] = track;
    }
    trackOf = next;
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
