/**
 * Exact decimal arithmetic for scores.
 *
 * Points are finite decimals (`63.26`), so they are held as a scaled integer: value = units / 10^scale.
 * Sums and differences of points stay exact decimals. An index (points / maximum x 100) is in general
 * not a finite decimal (62.62 / 66.27...), so it is held as an exact fraction (`Ratio`) and only
 * rounded when displayed or when a rule says to rank on the rounded value.
 *
 * Rounding is half away from zero (Excel's ROUND, and what officials do by hand): 82.845 -> 82.85,
 * -0.125 -> -0.13.
 */

export interface Decimal {
  /** value = units / 10^scale */
  readonly units: bigint;
  readonly scale: number;
}

/** An exact fraction num / den with den > 0 (not necessarily reduced). */
export interface Ratio {
  readonly num: bigint;
  readonly den: bigint;
}

const POW10: bigint[] = [1n];
export function pow10(n: number): bigint {
  for (let i = POW10.length; i <= n; i++) POW10.push(POW10[i - 1]! * 10n);
  return POW10[n]!;
}

export const ZERO: Decimal = { units: 0n, scale: 0 };

function rescale(d: Decimal, scale: number): bigint {
  return d.scale === scale ? d.units : d.units * pow10(scale - d.scale);
}

export function add(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) + rescale(b, scale), scale };
}

export function sub(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) - rescale(b, scale), scale };
}

export function sum(values: Iterable<Decimal>): Decimal {
  let acc = ZERO;
  for (const v of values) acc = add(acc, v);
  return acc;
}

export function compare(a: Decimal, b: Decimal): number {
  const scale = Math.max(a.scale, b.scale);
  const x = rescale(a, scale);
  const y = rescale(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Parses a plain decimal literal: optional '-', digits, optional '.digits', optional exponent. */
export function parseDecimal(text: string): Decimal | undefined {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m) return undefined;
  const [, sign, int, frac = '', exp] = m;
  let units = BigInt(int! + frac) * (sign ? -1n : 1n);
  let scale = frac.length;
  if (exp !== undefined) {
    const e = Number(exp);
    if (!Number.isSafeInteger(e) || Math.abs(e) > 400) return undefined;
    if (e >= scale) {
      units *= pow10(e - scale);
      scale = 0;
    } else {
      scale -= e;
    }
  }
  return { units, scale };
}

/** A finite JS number (as written in JSON) as the decimal it denotes when printed shortest. */
export function fromNumber(n: number): Decimal {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  const d = parseDecimal(String(n));
  if (!d) throw new RangeError(`cannot represent ${n} as a decimal`);
  return d;
}

export function toRatio(d: Decimal): Ratio {
  return { num: d.units, den: pow10(d.scale) };
}

/** a / b for decimals, b != 0. */
export function divide(a: Decimal, b: Decimal): Ratio {
  const scale = Math.max(a.scale, b.scale);
  let num = rescale(a, scale);
  let den = rescale(b, scale);
  if (den === 0n) throw new RangeError('division by zero');
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  return { num, den };
}

/** points / max x 100, exactly. */
export function percent(points: Decimal, max: Decimal): Ratio {
  const r = divide(points, max);
  return { num: r.num * 100n, den: r.den };
}

export function compareRatios(a: Ratio, b: Ratio): number {
  if (a.den === b.den) return a.num < b.num ? -1 : a.num > b.num ? 1 : 0;
  const x = a.num * b.den;
  const y = b.num * a.den;
  return x < y ? -1 : x > y ? 1 : 0;
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export function reduce(r: Ratio): Ratio {
  const g = gcd(r.num, r.den);
  return g > 1n ? { num: r.num / g, den: r.den / g } : r;
}

export function addRatios(a: Ratio, b: Ratio): Ratio {
  if (a.den === b.den) return { num: a.num + b.num, den: a.den };
  return reduce({ num: a.num * b.den + b.num * a.den, den: a.den * b.den });
}

export function subRatios(a: Ratio, b: Ratio): Ratio {
  return addRatios(a, { num: -b.num, den: b.den });
}

export function scaleRatio(r: Ratio, numerator: bigint, denominator: bigint): Ratio {
  let num = r.num * numerator;
  let den = r.den * denominator;
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  return reduce({ num, den });
}

const SAFE = Number.MAX_SAFE_INTEGER;
const POW10_NUMBER = Array.from({ length: 23 }, (_, i) => 10 ** i); // exact up to 10^22

/**
 * Rounds num / den (safe integers, den > 0) to `places` decimals, half away from zero, returning the
 * scaled units; exact because every intermediate value is an integer below 2^53 and the quotient of
 * the floating-point division is corrected with the exact remainder. Undefined when too large.
 */
export function roundSafe(num: number, den: number, places: number): number | undefined {
  if (places > 15) return undefined;
  const scaled = Math.abs(num) * POW10_NUMBER[places]!;
  if (scaled > SAFE) return undefined;
  let q = Math.floor(scaled / den);
  let rem = scaled - q * den;
  while (rem < 0) {
    q--;
    rem += den;
  }
  while (rem >= den) {
    q++;
    rem -= den;
  }
  if (rem * 2 >= den) q++;
  return num < 0 ? -q : q;
}

/** Fast path of `roundRatio`; undefined when the numbers are too large for it. */
function roundRatioSafe(r: Ratio, places: number): Decimal | undefined {
  if (r.den > 9007199254740991n || r.num > 9007199254740991n || r.num < -9007199254740991n) return undefined;
  const q = roundSafe(Number(r.num), Number(r.den), places);
  return q === undefined ? undefined : { units: BigInt(q), scale: places };
}

/** Rounds an exact fraction to `places` decimals, half away from zero. */
export function roundRatio(r: Ratio, places: number): Decimal {
  const fast = roundRatioSafe(r, places);
  if (fast) return fast;
  return roundRatioExact(r, places);
}

/** The BigInt definition of `roundRatio`, for any size (and to check the fast path against). */
export function roundRatioExact(r: Ratio, places: number): Decimal {
  const scaled = r.num * pow10(places);
  const negative = scaled < 0n;
  const abs = negative ? -scaled : scaled;
  let q = abs / r.den;
  const rem = abs % r.den;
  if (rem * 2n >= r.den) q += 1n;
  return { units: negative ? -q : q, scale: places };
}

/** Rounds up (towards +infinity) to `places` decimals: a "points needed" figure must never understate. */
export function ceilRatio(r: Ratio, places: number): Decimal {
  const scaled = r.num * pow10(places);
  let q = scaled / r.den;
  if (scaled > 0n && q * r.den !== scaled) q += 1n;
  return { units: q, scale: places };
}

export function roundDecimal(d: Decimal, places: number): Decimal {
  if (d.scale <= places) return { units: rescale(d, places), scale: places };
  return roundRatio(toRatio(d), places);
}

/**
 * Formats with exactly `places` decimals (rounding half away from zero) or, without `places`,
 * with the decimal's own scale. `separator` is '.' or ',' (Vietnamese decimal comma).
 */
export function format(d: Decimal, places?: number, separator = '.'): string {
  const r = places === undefined ? d : roundDecimal(d, places);
  const negative = r.units < 0n;
  const digits = (negative ? -r.units : r.units).toString().padStart(r.scale + 1, '0');
  const int = digits.slice(0, digits.length - r.scale);
  const frac = digits.slice(digits.length - r.scale);
  // Rounding can turn -0.001 into -0.00: print it as 0.00.
  const sign = negative && /[1-9]/.test(digits) ? '-' : '';
  return sign + int + (r.scale > 0 ? separator + frac : '');
}

export function formatRatio(r: Ratio, places: number, separator = '.'): string {
  return format(roundRatio(r, places), places, separator);
}

/**
 * The JSON number for a value rounded to `places`: 82.84, never 82.84000000000001. An integer below
 * 2^53 divided by an exact power of ten is correctly rounded, so it is the same double as parsing the
 * decimal text; larger values go through the text.
 */
export function toJsonNumber(r: Ratio | Decimal, places: number): number {
  // A fraction of safe integers: round in numbers, no BigInt at all.
  if ('num' in r && r.den <= 9007199254740991n && r.num <= 9007199254740991n && r.num >= -9007199254740991n) {
    const q = roundSafe(Number(r.num), Number(r.den), places);
    if (q !== undefined) {
      const v = q / POW10_NUMBER[places]!;
      return v === 0 ? 0 : v;
    }
  }
  // A decimal that needs no rounding: units / 10^scale is already the right double.
  if (!('num' in r) && r.scale <= places && r.scale <= 22 && r.units <= 9007199254740991n && r.units >= -9007199254740991n) {
    const v = Number(r.units) / POW10_NUMBER[r.scale]!;
    return v === 0 ? 0 : v;
  }
  const d = 'num' in r ? roundRatio(r, places) : roundDecimal(r, places);
  if (d.scale <= 22 && d.units <= 9007199254740991n && d.units >= -9007199254740991n) {
    const v = Number(d.units) / POW10_NUMBER[d.scale]!;
    return v === 0 ? 0 : v;
  }
  return Number(format(d));
}

/** Drops trailing zero decimals: 61.50 -> 61.5 (for labels such as "Điểm thẩm định (61,5)"). */
export function normalize(d: Decimal): Decimal {
  let { units, scale } = d;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale--;
  }
  return { units, scale };
}

/** toJsonNumber(percent(points, max), places), in safe-integer arithmetic when the numbers allow it. */
export function percentToJsonNumber(points: Decimal, max: Decimal, places: number): number {
  if (points.scale <= 15 && max.scale <= 15 && places <= 15) {
    const a = Number(points.units);
    const b = Number(max.units);
    // points / max x 100 = a x 10^max.scale x 100 / (b x 10^points.scale)
    const num = a * POW10_NUMBER[max.scale]! * 100;
    const den = b * POW10_NUMBER[points.scale]!;
    if (Number.isSafeInteger(a) && Number.isSafeInteger(b) && Number.isSafeInteger(num) && Number.isSafeInteger(den) && den > 0) {
      const q = roundSafe(num, den, places);
      if (q !== undefined) {
        const v = q / POW10_NUMBER[places]!;
        return v === 0 ? 0 : v;
      }
    }
  }
  return toJsonNumber(percent(points, max), places);
}


/** An integer |q| < 2^53 as a decimal with `places` decimals: q / 10^places. */
function fixedDigits(q: number, places: number, separator: string): string {
  const negative = q < 0;
  const digits = String(negative ? -q : q).padStart(places + 1, '0');
  const text = places > 0 ? `${digits.slice(0, digits.length - places)}${separator}${digits.slice(digits.length - places)}` : digits;
  return negative ? `-${text}` : text;
}

/**
 * `format({ units: q, scale }, places, separator)` for an integer q below 2^53, in numbers rather
 * than BigInt (the cells of a large table; a property test holds the two equal).
 */
export function formatScaled(q: number, scale: number, places: number, separator = '.'): string {
  if (scale <= places) {
    const units = q * POW10_NUMBER[places - scale]!;
    return Math.abs(units) <= SAFE ? fixedDigits(units, places, separator) : format({ units: BigInt(q), scale }, places, separator);
  }
  const r = roundSafe(q, POW10_NUMBER[scale - places]!, 0);
  if (r === undefined) return format({ units: BigInt(q), scale }, places, separator);
  return r === 0 ? fixedDigits(0, places, separator) : fixedDigits(r, places, separator);
}

/** `formatRatio(percent(points, max), places, separator)` for integers at one scale, in numbers where they allow. */
export function formatPercent(points: number, max: number, places: number, separator = '.'): string {
  const r = Math.abs(points * 100) <= SAFE ? roundSafe(points * 100, max, places) : undefined;
  if (r === undefined) return formatRatio({ num: BigInt(points) * 100n, den: BigInt(max) }, places, separator);
  return fixedDigits(r === 0 ? 0 : r, places, separator);
}
