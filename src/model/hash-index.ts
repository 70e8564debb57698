/**
 * Positions by the 32-bit hash of a key: an open-addressing table (linear probing) of positions
 * and their hashes, in two typed arrays. A map of a million key strings takes about ten times the
 * memory and a string made for every key; here the caller hashes without making one and tells
 * positions of equal hash apart itself. Positions of one hash are found in the order they were
 * added.
 */
export class HashIndex {
  /** Position + 1; 0 = empty. */
  private slots: Int32Array;
  private hashes: Int32Array;
  private count = 0;

  /** `expected`: about how many positions there will be (the table grows past it). */
  constructor(expected: number) {
    let size = 1 << 4;
    while (size < expected * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.hashes = new Int32Array(size);
  }

  add(hash: number, position: number): void {
    if (++this.count * 2 > this.slots.length) this.grow();
    this.put(hash, position);
  }

  /** The first position added with `hash` for which `same` says yes, or -1. */
  find(hash: number, same: (position: number) => boolean): number {
    const mask = this.slots.length - 1;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const slot = this.slots[at]!;
      if (slot === 0) return -1;
      if (this.hashes[at] === hash && same(slot - 1)) return slot - 1;
    }
  }

  /** Every position added with `hash` for which `same` says yes, in the order they were added. */
  all(hash: number, same: (position: number) => boolean): number[] {
    const out: number[] = [];
    const mask = this.slots.length - 1;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const slot = this.slots[at]!;
      if (slot === 0) return out;
      if (this.hashes[at] === hash && same(slot - 1)) out.push(slot - 1);
    }
  }

  private put(hash: number, position: number): void {
    const mask = this.slots.length - 1;
    let at = hash & mask;
    while (this.slots[at] !== 0) at = (at + 1) & mask;
    this.slots[at] = position + 1;
    this.hashes[at] = hash;
  }

  /**
   * Twice the room. The positions of one hash lie in one run of full slots, in the order they were
   * added: runs are read whole (from an empty slot on, round the end) and put back in that order.
   */
  private grow(): void {
    const positions: number[] = [];
    const hashes: number[] = [];
    const n = this.slots.length;
    let start = 0;
    while (this.slots[start] !== 0) start++;
    for (let k = 1; k <= n; k++) {
      const at = (start + k) % n;
      if (this.slots[at] === 0) continue;
      positions.push(this.slots[at]! - 1);
      hashes.push(this.hashes[at]!);
    }
    this.slots = new Int32Array(n * 2);
    this.hashes = new Int32Array(n * 2);
    for (let k = 0; k < positions.length; k++) this.put(hashes[k]!, positions[k]!);
  }
}

/** FNV-1a of a text's characters. */
export function textHash(text: string, h = 0x811c9dc5): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** The hash of `text.toLowerCase()`, without making it when the text is ASCII. */
export function foldedHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c > 127) return textHash(text.toLowerCase());
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h | 0;
}

/** `a.toLowerCase() === b.toLowerCase()`, without making them when both are ASCII. */
export function sameFolded(a: string, b: string): boolean {
  if (a === b) return true;
  let ascii = a.length === b.length;
  for (let i = 0; i < a.length && ascii; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x > 127 || y > 127) ascii = false;
    else {
      if (x >= 65 && x <= 90) x += 32;
      if (y >= 65 && y <= 90) y += 32;
      if (x !== y) return false;
    }
  }
  return ascii || a.toLowerCase() === b.toLowerCase();
}
