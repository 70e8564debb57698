/**
 * Cell values against a node: its maximum at every number of decimals a cell may have, and a
 * measure (percent, ratio, a 0-10 scale) turned into points exactly.
 */
import { format, type Decimal } from '../model/decimal.js';
import type { SchemeNode } from '../model/scheme.js';
import type { CellReader } from './cell.js';

/** The most decimals a score may have: points stay exact integers far below 2^53 at that scale. */
export const MAX_SCALE = 12;

/**
 * A maximum as a double at each number of decimals a cell may have: an integer cell value (at
 * `scale` decimals) is above the maximum exactly when it is above `atScale[scale]`. (When the
 * maximum at that scale is not an integer its double is off by far less than the distance to the
 * nearest integer; when it is an integer below 2^53 the double is exact.)
 */
export function maxAtScales(max: Decimal): Float64Array {
  const units = Number(max.units);
  return Float64Array.from({ length: MAX_SCALE + 1 }, (_, s) => (s >= max.scale ? units * 10 ** (s - max.scale) : units / 10 ** (max.scale - s)));
}

/** The top of a node's measure (100 for percent, 1 for a ratio, 10 for a 0-10 scale); undefined for points. */
export function measureTop(node: SchemeNode): Decimal | undefined {
  const m = node.measure;
  return m.kind === 'percent' ? { units: 100n, scale: 0 } : m.kind === 'ratio' ? { units: 1n, scale: 0 } : m.kind === 'scale' ? m.of : undefined;
}

/** Turns the number in a reader into points, exactly; false when the points would not fit a double exactly. */
export type Converter = (r: CellReader) => boolean;

/**
 * value / top x max as an integer at a scale: with top = T / 10^t (T = 2^a 5^b, the scheme checks
 * it), 10^k / T = q is whole for some k, and points = value x M x q x 10^t / 10^(s + m + k).
 */
export function converter(node: SchemeNode): Converter | undefined {
  const top = measureTop(node);
  if (!top) return undefined;
  let k = 0;
  while ((10n ** BigInt(k)) % top.units !== 0n) k++;
  const factor = Number(node.max.units * (10n ** BigInt(k) / top.units) * 10n ** BigInt(top.scale));
  const extra = node.max.scale + k;
  return (r) => {
    const points = r.value * factor;
    if (!Number.isSafeInteger(points) || r.scale + extra > MAX_SCALE) return false;
    r.value = points;
    r.scale += extra;
    return true;
  };
}

/** `5 / 10^2` written with its decimals: "0.05". */
export function shownAt(value: number, scale: number, decimals = scale): string {
  return format({ units: BigInt(Math.round(value)), scale }, decimals);
}
