/**
 * Positions by the 32-bit hash of a key: an open-addressing table (linear probing) whose slots hold
 * a position and its hash side by side in one typed array, so a probe reads one place of memory.
 * A map of a million key strings takes about ten times the memory and a string made for every
 * key; here the caller hashes without making one and tells positions of equal hash apart itself.
 * Positions of one hash are found in the order they were added.
 */
export class HashIndex {
  /** Slot k: position + 1 at 2k (0 = empty), its hash at 2k + 1. */
  private slots: Int32Array;
  private count = 0;

  /** `expected`: about how many positions there will be (the table grows past it). */
  constructor(expected: number) {
    let size = 1 << 4;
    while (size < expected * 2) size *= 2;
    this.slots = new Int32Array(2 * size);
  }

  add(hash: number, position: number): void {
    if (++this.count * 4 > this.slots.length) this.grow();
    this.put(hash, position);
  }

  /** The first position added with `hash` for which `same` says yes, or -1. */
  find(hash: number, same: (position: number) => boolean): number {
    const slots = this.slots;
    const mask = slots.length / 2 - 1;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const slot = slots[2 * at]!;
      if (slot === 0) return -1;
      if (slots[2 * at + 1] === hash && same(slot - 1)) return slot - 1;
    }
  }

  /** The one position added with `hash` for which `same` says yes: -1 for none, -2 for several. */
  only(hash: number, same: (position: number) => boolean): number {
    const slots = this.slots;
    const mask = slots.length / 2 - 1;
    let found = -1;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const slot = slots[2 * at]!;
      if (slot === 0) return found;
      if (slots[2 * at + 1] === hash && same(slot - 1)) {
        if (found >= 0) return -2;
        found = slot - 1;
      }
    }
  }

  /** Every position added with `hash` for which `same` says yes, in the order they were added. */
  all(hash: number, same: (position: number) => boolean): number[] {
    const out: number[] = [];
    const slots = this.slots;
    const mask = slots.length / 2 - 1;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const slot = slots[2 * at]!;
      if (slot === 0) return out;
      if (slots[2 * at + 1] === hash && same(slot - 1)) out.push(slot - 1);
    }
  }

  private put(hash: number, position: number): void {
    const slots = this.slots;
    const mask = slots.length / 2 - 1;
    let at = hash & mask;
    while (slots[2 * at] !== 0) at = (at + 1) & mask;
    slots[2 * at] = position + 1;
    slots[2 * at + 1] = hash;
  }

  /**
   * Twice the room. The positions of one hash lie in one run of full slots, in the order they were
   * added: runs are read whole (from an empty slot on, round the end) and put back in that order.
   */
  private grow(): void {
    const old = this.slots;
    const n = old.length / 2;
    let start = 0;
    while (old[2 * start] !== 0) start++;
    this.slots = new Int32Array(4 * n);
    for (let k = 1; k <= n; k++) {
      const at = (start + k) % n;
      if (old[2 * at] !== 0) this.put(old[2 * at + 1]!, old[2 * at]! - 1);
    }
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
