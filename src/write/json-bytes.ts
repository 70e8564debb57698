/**
 * JSON written as bytes: a growing UTF-8 buffer, numbers printed from their integers exactly as
 * JSON.stringify prints them, and texts made once per value. The streamed writers (json-stream.ts,
 * the comparison's units) are made of these.
 */
import { roundSafe, toJsonNumber } from '../model/decimal.js';
import { readAhead } from './read-ahead.js';

export const encoder = new TextEncoder();

export const CHUNK = 1 << 20;

/** A growing byte buffer of UTF-8 text. */
export class Utf8Buffer {
  buf: Uint8Array;
  pos = 0;
  private readonly encoder = new TextEncoder();

  constructor(size = CHUNK + (1 << 16)) {
    this.buf = new Uint8Array(size);
  }

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n));
    bigger.set(this.buf.subarray(0, this.pos));
    this.buf = bigger;
  }

  /** The bytes so far; the buffer is reused from the next write on. */
  take(): Uint8Array {
    const piece = this.buf.subarray(0, this.pos);
    this.pos = 0;
    return piece;
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  /** Text known to be ASCII (keys, numbers, punctuation). */
  ascii(s: string): void {
    this.room(s.length);
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < s.length; i++) buf[pos++] = s.charCodeAt(i);
    this.pos = pos;
  }

  /** Any text, as UTF-8. */
  text(s: string): void {
    this.room(s.length * 3);
    this.pos += this.encoder.encodeInto(s, this.buf.subarray(this.pos)).written;
  }

  /** A JSON string, or null. */
  string(s: string | undefined): void {
    if (s === undefined) return this.ascii('null');
    let plain = true;
    let ascii = true;
    for (let i = 0; i < s.length && plain; i++) {
      const c = s.charCodeAt(i);
      if (c < 32 || c === 34 || c === 92 || (c >= 0xd800 && c <= 0xdfff)) plain = false;
      else if (c > 126) ascii = false;
    }
    if (!plain) return this.text(JSON.stringify(s));
    this.room(s.length * 3 + 2);
    this.buf[this.pos++] = 34;
    if (ascii) this.ascii(s);
    else this.text(s);
    this.buf[this.pos++] = 34;
  }

  /** A non-negative integer below 2^53, digit by digit. */
  int(v: number): void {
    this.room(16);
    let digits = 1;
    for (let x = v; x >= 10; x = Math.floor(x / 10)) digits++;
    let at = (this.pos += digits);
    do {
      const next = Math.floor(v / 10);
      this.buf[--at] = 48 + v - next * 10;
      v = next;
    } while (v > 0);
  }

  /** A rank, or null for none (0: a unit not ranked). */
  rank(n: number): void {
    if (n > 0) this.int(n);
    else this.ascii('null');
  }

  /** An integer |v| < 2^53 (a rank change), or null for NaN. */
  integer(v: number): void {
    if (Number.isNaN(v)) return this.ascii('null');
    if (v < 0) {
      this.room(1);
      this.buf[this.pos++] = 45;
    }
    this.int(Math.abs(v));
  }

  /**
   * `String(q / 10^places)` for an integer |q| < 2^53 and places <= 15, from its digits: how JSON
   * prints the number (no trailing zeros, "-" only when not zero).
   */
  fixed(q: number, places: number): void {
    if (places === 0 || q === 0) return this.integer(q === 0 ? 0 : q);
    const unit = POW10[places]!;
    const abs = Math.abs(q);
    const int = Math.floor(abs / unit);
    let frac = abs - int * unit;
    if (q < 0) this.ascii('-');
    this.int(int);
    if (frac === 0) return;
    let digits = places;
    while (frac % 10 === 0) {
      frac /= 10;
      digits--;
    }
    this.room(digits + 1);
    const buf = this.buf;
    buf[this.pos++] = 46;
    // The fraction's digits, with its leading zeros.
    for (let at = this.pos + digits - 1; at >= this.pos; at--) {
      const next = Math.floor(frac / 10);
      buf[at] = 48 + frac - next * 10;
      frac = next;
    }
    this.pos += digits;
  }

  /** value / 10^scale rounded to `places` decimals, as JSON prints it. */
  points(value: number, scale: number, places: number): void {
    if (scale <= places) return this.fixed(value, scale);
    const q = roundSafe(value, POW10[scale - places]!, 0);
    if (q === undefined) this.ascii(String(toJsonNumber({ units: BigInt(value), scale }, places)));
    else this.fixed(q, places);
  }

  /** points / max x 100 (both integers at one scale) rounded to `places` decimals, as JSON prints it. */
  index(points: number, max: number, places: number): void {
    const q = points * 100 <= Number.MAX_SAFE_INTEGER ? roundSafe(points * 100, max, places) : undefined;
    if (q === undefined) this.ascii(String(toJsonNumber({ num: BigInt(points) * 100n, den: BigInt(max) }, places)));
    else this.fixed(q, places);
  }

  /**
   * (tc / mc - tp / mp) x 100 rounded to `places`, as JSON prints it: the index change of a unit
   * from its integer totals and maxima (each year at its own scale: the ratios do not depend on it).
   */
  indexChange(tc: number, mc: number, tp: number, mp: number, places: number): void {
    const a = tc * mp;
    const b = tp * mc;
    const den = mc * mp;
    const num = (a - b) * 100;
    if (Math.abs(a) <= Number.MAX_SAFE_INTEGER && Math.abs(b) <= Number.MAX_SAFE_INTEGER && den <= Number.MAX_SAFE_INTEGER && Math.abs(num) <= Number.MAX_SAFE_INTEGER) {
      const q = roundSafe(num, den, places);
      if (q !== undefined) return this.fixed(q, places);
    }
    const [TC, MC, TP, MP] = [tc, mc, tp, mp].map((x) => BigInt(x)) as [bigint, bigint, bigint, bigint];
    this.ascii(String(toJsonNumber({ num: (TC * MP - TP * MC) * 100n, den: MC * MP }, places)));
  }

  /** What was written since `from`, as a string (ASCII). */
  asciiSince(from: number): string {
    let s = '';
    for (let k = from; k < this.pos; k++) s += String.fromCharCode(this.buf[k]!);
    return s;
  }
}

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** Texts of numbers, for texts made once (`TextCache`): written by `Utf8Buffer` and read back. */
const scratch = new Utf8Buffer(64);
const asText = (write: () => void): string => {
  scratch.pos = 0;
  write();
  return scratch.asciiSince(0);
};

/** `String(q / 10^places)` (see `Utf8Buffer.fixed`). */
export const fixedText = (q: number, places: number): string => asText(() => scratch.fixed(q, places));
export const pointsText = (value: number, scale: number, places: number): string => asText(() => scratch.points(value, scale, places));
export const indexText = (points: number, max: number, places: number): string => asText(() => scratch.index(points, max, places));

/**
 * Texts made once per value and copied every time: `get(a, b)` is the text for an integer `a` and
 * the `b` it was last made with (a rank, a band: for most keys always the same one). Texts for `a`
 * up to 2^20 are kept, in an array indexed by `a`; others are made anew.
 */
export class TextCache {
  /** Keys below this are kept. */
  static readonly KEPT = 1 << 20;
  private readonly texts: (Uint8Array | undefined)[] = [];
  private readonly made: number[] = [];
  constructor(private readonly make: (a: number, b: number) => string) {}

  get(a: number, b: number): Uint8Array {
    if (a < TextCache.KEPT) {
      const text = this.texts[a];
      if (text !== undefined && this.made[a] === b) return text;
    }
    const text = encoder.encode(this.make(a, b));
    if (a < TextCache.KEPT) {
      this.texts[a] = text;
      this.made[a] = b;
    }
    return text;
  }
}

export const COMMA_NEWLINE = encoder.encode(',\n');
export const NEWLINE = encoder.encode('\n');

/**
 * Prints units into `out`: `unit(i)` the unit at table position `i`, at the depth of a list's items
 * and without its comma. `touch(i)` reads the strings `unit(i)` will print (names and codes, made
 * as the file was read and printed in another order) and returns any number made of them: units
 * are read ahead (write/read-ahead.ts) before they are printed.
 */
export interface UnitLines {
  readonly out: Utf8Buffer;
  unit(i: number): void;
  touch(i: number): number;
}

/**
 * A document printed by `JSON.stringify(doc, null, 2)` with its top-level lists `key` left empty,
 * in pieces with each list filled by the units at `positions`, the buffer given out every CHUNK
 * bytes and reused once the next piece is asked for.
 */
export function* withLists(text: string, lines: UnitLines, lists: readonly (readonly [key: string, positions: ArrayLike<number>])[]): Generator<string | Uint8Array> {
  const out = lines.out;
  let rest = text;
  for (const [key, positions] of lists) {
    const count = positions.length;
    // (Each list starts a line of its own: the marker is found after a line break.)
    const marker = `  "${key}": [],\n`;
    const at = rest.indexOf(`\n${marker}`) + 1;
    if (count === 0) {
      out.text(rest.slice(0, at + marker.length));
    } else {
      out.text(`${rest.slice(0, at)}  "${key}": [\n`);
      const touch = (j: number) => lines.touch(positions[j]!);
      for (let k = 0; k < count; k++) {
        readAhead(k, count, touch);
        lines.unit(positions[k]!);
        out.bytes(k < count - 1 ? COMMA_NEWLINE : NEWLINE);
        if (out.pos >= CHUNK) yield out.take();
      }
      out.ascii('  ],\n');
    }
    rest = rest.slice(at + marker.length);
  }
  yield out.take();
  yield `${rest}\n`;
}
