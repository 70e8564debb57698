/**
 * A file's units as they are read: typed columns that grow, and an index of their keys that finds a
 * duplicate without a string per unit.
 */
import { nameKey } from '../model/text.js';

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
  /** The hash of each unit's key (see `KeyIndex`). */
  hashes: Int32Array;
  readonly names: string[] = [];
  readonly codes: (string | undefined)[] = [];
  readonly blocks: (string | undefined)[] = [];
  readonly years: (string | undefined)[] = [];

  constructor(
    nodes: number,
    figures: number,
    private capacity: number,
  ) {
    this.points = Array.from({ length: nodes }, () => new Float64Array(capacity));
    this.figures = Array.from({ length: figures }, () => figureArrays(capacity));
    this.lines = new Int32Array(capacity);
    this.ranked = new Uint8Array(capacity);
    this.hashes = new Int32Array(capacity);
  }

  /** Room for the row at `size`. */
  room(): void {
    if (this.size < this.capacity) return;
    const n = (this.capacity *= 2);
    this.points = this.points.map((p) => grown(p, n));
    this.figures = this.figures.map((f) => ({ values: grown(f.values, n), decimals: grown(f.decimals, n), terms: grown(f.terms, n), partDecimals: grown(f.partDecimals, n) }));
    this.lines = grown(this.lines, n);
    this.ranked = grown(this.ranked, n);
    this.hashes = grown(this.hashes, n);
  }
}

/** A 32-bit hash (FNV-1a) of a unit's key, made without the key's string when it is plain ASCII. */
export function keyHash(name: string, code: string | undefined): number {
  const text = code ?? name;
  let h = code === undefined ? 0x811c9dc5 : 0x01000193;
  let ascii = true;
  for (let i = 0; i < text.length && ascii; i++) {
    let c = text.charCodeAt(i);
    if (c > 126 || (code === undefined && c === 45)) ascii = false;
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, 0x01000193);
  }
  if (ascii) return h | 0;
  // Other names and codes: the hash of the key itself.
  const key = unitKey(name, code);
  h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h | 0;
}

/**
 * The units read so far by key, to find a duplicate: an open-addressing table of row numbers by
 * the hash of their key (a map of a million key strings takes ten times the memory); rows with the
 * same hash have their keys compared.
 */
export class KeyIndex {
  private slots: Int32Array;
  private count = 0;

  /** `expected`: about how many units there will be. */
  constructor(
    private readonly columns: Columns,
    expected: number,
  ) {
    let size = 1 << 10;
    while (size < expected * 2) size *= 2;
    this.slots = new Int32Array(size);
  }

  /** The row with the same key as the unit about to be added, or -1. */
  find(hash: number, name: string, code: string | undefined): number {
    const mask = this.slots.length - 1;
    let key: string | undefined;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const row = this.slots[at]! - 1;
      if (row < 0) return -1;
      if (this.columns.hashes[row] !== hash) continue;
      key ??= unitKey(name, code);
      if (unitKey(this.columns.names[row]!, this.columns.codes[row]) === key) return row;
    }
  }

  add(hash: number, row: number): void {
    if (++this.count * 2 > this.slots.length) this.rehash();
    this.put(hash, row);
  }

  private put(hash: number, row: number): void {
    const mask = this.slots.length - 1;
    let at = hash & mask;
    while (this.slots[at] !== 0) at = (at + 1) & mask;
    this.slots[at] = row + 1;
  }

  private rehash(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    for (const slot of old) if (slot !== 0) this.put(this.columns.hashes[slot - 1]!, slot - 1);
  }
}

