/**
 * A file's units as they are read: typed columns that grow, and the hash of a unit's key, with
 * which model/hash-index.ts finds a duplicate without a string per unit.
 */
import { foldedHash } from '../model/hash-index.js';
import { nameKey, nameKeyHash } from '../model/text.js';

export function unitKey(name: string, code: string | undefined): string {
  return code !== undefined ? `code:${code.toLowerCase()}` : `name:${nameKey(name)}`;
}

/** A figure the file states for each unit (a total, a maximum, an index, a rank), as read. */
export interface FigureArrays {
  /** Totals and maxima: integers at the file's scale; an index or a rank: the integer of its digits. NaN: no number. */
  values: Float64Array;
  /** The decimals each value is written with. */
  decimals: Uint8Array;
  /** A total's: how many cells of the row add up to it, and their most decimals (the rounding a check allows). */
  terms: Uint16Array;
  partDecimals: Uint8Array;
}

function figureArrays(n: number): FigureArrays {
  return { values: new Float64Array(n), decimals: new Uint8Array(n), terms: new Uint16Array(n), partDecimals: new Uint8Array(n) };
}

function grown<A extends Float64Array | Int32Array | Uint8Array | Uint16Array>(a: A, capacity: number): A {
  const b = new (a.constructor as new (n: number) => A)(capacity);
  b.set(a);
  return b;
}

/**
 * A file's columns as its rows are read: typed arrays that double when full. A row is written at
 * `size` and counted only once it is accepted (a duplicate is written over by the next row).
 */
export class Columns {
  size = 0;
  points: Float64Array[];
  figures: FigureArrays[];
  lines: Int32Array;
  ranked: Uint8Array;
  // Made at their expected length and written by position: grown by push, a million-row file's
  // arrays would leave about 50 MB of outgrown copies to the next full garbage collection.
  readonly names: string[];
  readonly codes: (string | undefined)[];
  readonly blocks: (string | undefined)[];
  readonly years: (string | undefined)[];

  constructor(
    nodes: number,
    figures: number,
    private capacity: number,
  ) {
    this.points = Array.from({ length: nodes }, () => new Float64Array(capacity));
    this.figures = Array.from({ length: figures }, () => figureArrays(capacity));
    this.lines = new Int32Array(capacity);
    this.ranked = new Uint8Array(capacity);
    this.names = new Array<string>(capacity);
    this.codes = new Array<string | undefined>(capacity);
    this.blocks = new Array<string | undefined>(capacity);
    this.years = new Array<string | undefined>(capacity);
  }

  /** Puts the row at `size` in the text columns and counts it. */
  accept(name: string, code: string | undefined, block: string | undefined, year: string | undefined): void {
    const row = this.size++;
    this.names[row] = name;
    this.codes[row] = code;
    this.blocks[row] = block;
    this.years[row] = year;
  }

  /** The text columns cut to the rows accepted. */
  finish(): void {
    for (const a of [this.names, this.codes, this.blocks, this.years]) a.length = this.size;
  }

  /** Room for the row at `size`. */
  room(): void {
    if (this.size < this.capacity) return;
    const n = (this.capacity *= 2);
    this.points = this.points.map((p) => grown(p, n));
    this.figures = this.figures.map((f) => ({ values: grown(f.values, n), decimals: grown(f.decimals, n), terms: grown(f.terms, n), partDecimals: grown(f.partDecimals, n) }));
    this.lines = grown(this.lines, n);
    this.ranked = grown(this.ranked, n);
  }
}

/** A 32-bit hash of a unit's key (`textHash(unitKey(...))` but for its prefix), made without the key's string when it is plain ASCII. */
export function keyHash(name: string, code: string | undefined): number {
  return code === undefined ? nameKeyHash(name) : foldedHash(code);
}
