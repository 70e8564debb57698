/** Bands: the band of an index, of each unit (with a warning at a threshold), and how many units each band has. */
import { compareRatios, formatRatio, roundRatio, toRatio, type Ratio } from './decimal.js';
import type { ProblemLog } from './problem.js';
import type { Band, Scheme } from './scheme.js';
import { originOf, type ScoreTable } from './table.js';

export interface BandCount {
  readonly band?: Band;
  readonly count: number;
}

export function bandFor(scheme: Scheme, value: Ratio): Band | undefined {
  return scheme.thresholds.find((b) => compareRatios(value, b.min) >= 0)?.band;
}

/**
 * The band of each unit, on its ranking value, with a warning where the displayed (rounded) index
 * is in another band. The value as a double decides unless it is within rounding of a threshold,
 * where the exact fraction does.
 */
export function bandFinder(scheme: Scheme, places: number | undefined, log: ProblemLog): (t: ScoreTable, i: number, v: number, exact: () => Ratio) => number {
  if (scheme.bands.length === 0) return () => -1;
  const halfStep = 0.5 * 10 ** -scheme.precision;
  return (t, i, v, exact) => {
    let near = false;
    let b = -1;
    for (let k = 0; k < scheme.thresholds.length; k++) {
      const th = scheme.thresholds[k]!;
      const gap = v - th.f;
      const eps = 1e-9 * Math.abs(th.f) + 1e-12;
      // Within rounding of the threshold (generously): the displayed value may be in another band.
      if (Math.abs(gap) <= halfStep * 1.01 + 1e-9 * Math.abs(th.f)) near = true;
      if (b < 0 && (gap > eps || (gap >= -eps && compareRatios(exact(), th.min) >= 0))) b = k;
    }
    if (places === undefined && near) {
      const value = exact();
      const shown = bandFor(scheme, toRatio(roundRatio(value, scheme.precision)));
      const inBand = scheme.bands[b];
      if (shown !== inBand) {
        log.warn(
          'band-at-threshold',
          `${t.names[i]}: the index ${formatRatio(value, scheme.precision)} is shown rounded, but the exact value ${formatRatio(value, scheme.precision + 4)} is in ${inBand?.label.en ?? 'no band'}, not ${shown?.label.en ?? 'no band'}`,
          { ...originOf(t, i), hint: `pass --rank-precision ${scheme.precision} to rank and band on the rounded value` },
        );
      }
    }
    return b;
  };
}

export function countBands(scheme: Scheme, band: Int16Array, members: ArrayLike<number>): BandCount[] {
  const counts = new Array<number>(scheme.bands.length + 1).fill(0);
  for (let k = 0; k < members.length; k++) counts[band[members[k]!]! + 1]!++;
  const out: BandCount[] = scheme.bands.map((b, i) => ({ band: b, count: counts[i + 1]! }));
  return scheme.bands.length > 0 && counts[0]! > 0 ? [...out, { count: counts[0]! }] : out;
}
