/** A table and its columns put in listing order (the value at i goes to place[i]). */
import type { ScoreTable } from './table.js';

/** A column put in the order `place` gives (the value at i goes to place[i]); one loop per kind of array. */
export function scatterFloat(from: Float64Array, place: Int32Array): Float64Array {
  const to = new Float64Array(from.length);
  for (let i = 0; i < from.length; i++) to[place[i]!] = from[i]!;
  return to;
}

export function scatterInt(from: Int32Array, place: Int32Array): Int32Array {
  const to = new Int32Array(from.length);
  for (let i = 0; i < from.length; i++) to[place[i]!] = from[i]!;
  return to;
}

export function scatterInt16(from: Int16Array, place: Int32Array): Int16Array {
  const to = new Int16Array(from.length);
  for (let i = 0; i < from.length; i++) to[place[i]!] = from[i]!;
  return to;
}

export function scatterBytes(from: Uint8Array, place: Int32Array): Uint8Array {
  const to = new Uint8Array(from.length);
  for (let i = 0; i < from.length; i++) to[place[i]!] = from[i]!;
  return to;
}

export function scatterArray<T>(from: readonly T[], place: Int32Array): T[] {
  const to = new Array<T>(from.length);
  for (let i = 0; i < from.length; i++) to[place[i]!] = from[i]!;
  return to;
}

/** A text column, which is empty for every unit of a file without that column (blocks, codes): then kept as it is. */
function scatterTexts(from: readonly (string | undefined)[], place: Int32Array): readonly (string | undefined)[] {
  for (let i = 0; i < from.length; i++) if (from[i] !== undefined) return scatterArray(from, place);
  return from;
}

/**
 * The table with its units in the order `place` gives. The table given is taken: each of its
 * columns is replaced by its copy in that order as soon as the copy is made, so that a large table
 * is never held twice (a million units' columns are some 90 MB); the table must not be used after.
 */
export function sortTable(t: ScoreTable, place: Int32Array): ScoreTable {
  const points = t.points as Float64Array[];
  for (let k = 0; k < points.length; k++) points[k] = scatterFloat(points[k]!, place);
  const maxima = t.maxima as (Float64Array | undefined)[];
  for (let k = 0; k < maxima.length; k++) maxima[k] = maxima[k] && scatterFloat(maxima[k]!, place);
  return {
    ...t,
    names: scatterArray(t.names, place),
    codes: scatterTexts(t.codes, place),
    blocks: scatterTexts(t.blocks, place),
    ranked: scatterBytes(t.ranked, place),
    points,
    maxima,
    declared: t.declared.map((d) => ({
      ...d,
      values: scatterFloat(d.values, place),
      decimals: scatterBytes(d.decimals, place),
      partDecimals: scatterBytes(d.partDecimals, place),
      terms: Uint16Array.from(scatterInt(Int32Array.from(d.terms), place)),
      lines: scatterInt(d.lines, place),
    })),
    originFile: Uint16Array.from(scatterInt(Int32Array.from(t.originFile), place)),
    originLine: scatterInt(t.originLine, place),
    originColumn: scatterInt(t.originColumn, place),
  };
}
