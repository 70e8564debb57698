/**
 * The order of units with equal values: by name without diacritics, then the exact name, then the
 * code, independent of the input's row order.
 */
import { foldDiacritics } from './text.js';

/**
 * The key that orders units with equal values: the name without diacritics (so "Đức" sorts with "Duc"),
 * then the exact name, then the code. Comparing it is a plain string comparison.
 */
export function sortKey(name: string, code: string | undefined): string {
  return `${foldDiacritics(name)}\u0001${name}\u0001${code ?? ''}`;
}

/** Listing order among equal values (see `sortKey`). Independent of input order. */
export function byNameThenCode(a: { sortKey: string }, b: { sortKey: string }): number {
  return a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0;
}

/**
 * The order of `sortKey` for the units of a table, compared without making the keys: a plain
 * ASCII name is its own folded form but for case, so it is compared letter by letter in lower
 * case; other names are folded once. Each unit also gets a number made of the three characters of
 * its key that follow the prefix all keys share (made in one pass): most comparisons
 * are decided by it without reading a name again. Equal to comparing the keys as strings (a property
 * test holds them equal), because names and codes hold no character below U+0020 (`cleanName`):
 * the separator U+0001 sorts before anything they can hold.
 */
export function tieOrder(names: readonly string[], codes: readonly (string | undefined)[], readOrder?: ArrayLike<number>): (a: number, b: number) => number {
  const n = names.length;
  /** The unit met `k`-th: the leads are made going through the names in the order they were made (and lie in memory) when it is known. */
  const at = readOrder ? (k: number) => readOrder[k]! : (k: number) => k;
  const lower = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);
  // The folded name of a name that is not plain ASCII (a plain one's is itself in lower case).
  const folded = new Array<string | undefined>(n);
  for (let k = 0; k < n; k++) {
    const i = at(k);
    const name = names[i]!;
    for (let c = 0; c < name.length; c++) {
      if (name.charCodeAt(c) > 126) {
        folded[i] = foldDiacritics(name);
        break;
      }
    }
  }
  const foldLength = (i: number) => (folded[i] ?? names[i]!).length;
  const foldChar = (i: number, p: number) => {
    const f = folded[i];
    return f !== undefined ? f.charCodeAt(p) : lower(names[i]!.charCodeAt(p));
  };
  /** Character `p` of the unit's `sortKey` (0 past its end). */
  const keyChar = (i: number, p: number): number => {
    const f = foldLength(i);
    if (p < f) return foldChar(i, p);
    if (p === f) return 1;
    const name = names[i]!;
    if (p <= f + name.length) return name.charCodeAt(p - f - 1);
    if (p === f + name.length + 1) return 1;
    const code = codes[i] ?? '';
    const q = p - f - name.length - 2;
    return q < code.length ? code.charCodeAt(q) : 0;
  };
  const first = n > 0 ? at(0) : 0;
  let common = n > 0 ? foldLength(first) : 0;
  for (let k = 1; k < n && common > 0; k++) {
    const i = at(k);
    let c = 0;
    while (c < common && c < foldLength(i) && foldChar(i, c) === foldChar(first, c)) c++;
    common = c;
  }
  const prefix = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = at(k);
    prefix[i] = keyChar(i, common) * 2 ** 32 + keyChar(i, common + 1) * 2 ** 16 + keyChar(i, common + 2);
  }

  const full = (a: number, b: number): number => {
    const na = names[a]!;
    const nb = names[b]!;
    const fa = folded[a];
    const fb = folded[b];
    const x = fa ?? na;
    const y = fb ?? nb;
    const m = Math.min(x.length, y.length);
    for (let k = 0; k < m; k++) {
      const ca = fa === undefined ? lower(x.charCodeAt(k)) : x.charCodeAt(k);
      const cb = fb === undefined ? lower(y.charCodeAt(k)) : y.charCodeAt(k);
      if (ca !== cb) return ca - cb;
    }
    if (x.length !== y.length) return x.length - y.length;
    if (na !== nb) return na < nb ? -1 : 1;
    const ca = codes[a] ?? '';
    const cb = codes[b] ?? '';
    return ca < cb ? -1 : ca > cb ? 1 : 0;
  };
  return (a, b) => prefix[a]! - prefix[b]! || full(a, b);
}
