/**
 * The ranking document streamed: each unit is printed straight into a byte buffer by `UnitPrinter`,
 * exactly as JSON.stringify prints `unitJson` (a property test holds the two equal), so output of
 * any size is never one string or object tree.
 */
import type { Lang } from './words.js';
import type { Comparison, UnitChange } from '../model/compare.js';
import type { Ranking } from '../model/ranking.js';
import { scaledMax } from '../model/ranking.js';
import { roundSafe, toJsonNumber } from '../model/decimal.js';
import { changeJson, rankingJson } from './json.js';

/** The whole ranking document as one string. */
export function renderJson(r: Ranking, comparison?: Comparison): string {
  const text = [...rankingJsonChunks(r, comparison)];
  const decoder = new TextDecoder();
  return text.map((piece) => (typeof piece === 'string' ? piece : decoder.decode(piece))).join('');
}

/**
 * The ranking document in pieces: the text before and after the units, and the units in buffers of
 * about 1 MiB. A buffer is reused once the next piece is asked for. Joined, the pieces are exactly
 * `JSON.stringify(rankingJson(r, comparison), null, 2)` and a newline.
 */
export function* rankingJsonChunks(r: Ranking, comparison?: Comparison, lang: Lang = 'en'): Generator<string | Uint8Array> {
  if (r.table.size === 0) {
    yield `${JSON.stringify(rankingJson(r, comparison, true, lang), null, 2)}\n`;
    return;
  }
  const text = JSON.stringify(rankingJson(r, comparison, false, lang), null, 2);
  const marker = '\n  "units": [],\n';
  const at = text.indexOf(marker);
  yield `${text.slice(0, at)}\n  "units": [\n`;
  const printer = new UnitPrinter(r, comparison);
  const out = printer.out;
  for (let k = 0; k < r.order.length; k++) {
    printer.unit(r.order[k]!);
    out.bytes(k === r.order.length - 1 ? NEWLINE : COMMA_NEWLINE);
    if (out.pos >= CHUNK) yield out.take();
  }
  out.ascii('  ],\n');
  yield out.take();
  yield `${text.slice(at + marker.length)}\n`;
}

const CHUNK = 1 << 20;

/** A growing byte buffer of UTF-8 text. */
class Utf8Buffer {
  buf = new Uint8Array(CHUNK + (1 << 16));
  pos = 0;
  private readonly encoder = new TextEncoder();

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

  /** A non-negative integer below 2^31 (a rank), digit by digit. */
  int(v: number): void {
    this.room(10);
    let digits = 1;
    for (let x = v; x >= 10; x = (x / 10) | 0) digits++;
    let at = (this.pos += digits);
    do {
      const next = (v / 10) | 0;
      this.buf[--at] = 48 + v - next * 10;
      v = next;
    } while (v > 0);
  }

  /** q / 10^places as JSON prints that number: no trailing zeros, "-" only when not zero. */
  fixed(q: number, places: number): void {
    this.ascii(fixedText(q, places));
  }
}

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** `String(q / 10^places)` for an integer |q| < 2^53 and places <= 15, from its digits (a test holds them equal). */
export function fixedText(q: number, places: number): string {
  if (places === 0 || q === 0) return String(q === 0 ? 0 : q);
  const negative = q < 0;
  const abs = negative ? -q : q;
  const unit = POW10[places]!;
  const int = Math.floor(abs / unit);
  let frac = abs - int * unit;
  if (frac === 0) return negative ? `-${int}` : String(int);
  let digits = places;
  while (frac % 10 === 0) {
    frac /= 10;
    digits--;
  }
  const fracText = String(frac);
  return `${negative ? '-' : ''}${int}.${'0'.repeat(digits - fracText.length)}${fracText}`;
}

/** value / 10^scale rounded to `places` decimals, as JSON prints it. */
function pointsText(value: number, scale: number, places: number): string {
  if (scale <= places) return fixedText(value, scale);
  const q = roundSafe(value, POW10[scale - places]!, 0);
  return q === undefined ? String(toJsonNumber({ units: BigInt(value), scale }, places)) : fixedText(q, places);
}

/** points / max x 100 (both integers at one scale) rounded to `places` decimals, as JSON prints it. */
function indexText(points: number, max: number, places: number): string {
  const q = points * 100 <= Number.MAX_SAFE_INTEGER ? roundSafe(points * 100, max, places) : undefined;
  return q === undefined ? String(toJsonNumber({ num: BigInt(points) * 100n, den: BigInt(max) }, places)) : fixedText(q, places);
}

const I4 = '\n      ';
const encoder = new TextEncoder();

/**
 * Texts made once per value and copied every time: `get(a, b)` is the text for an integer `a` and
 * the `b` it was last made with (a rank, a band: for most keys always the same one). Texts for `a`
 * up to 2^20 are kept, in an array indexed by `a`; others are made anew.
 */
class TextCache {
  private readonly texts: (Uint8Array | undefined)[] = [];
  private readonly made: number[] = [];
  constructor(private readonly make: (a: number, b: number) => string) {}

  get(a: number, b: number): Uint8Array {
    if (a < 1 << 20) {
      const text = this.texts[a];
      if (text !== undefined && this.made[a] === b) return text;
    }
    const text = encoder.encode(this.make(a, b));
    if (a < 1 << 20) {
      this.texts[a] = text;
      this.made[a] = b;
    }
    return text;
  }
}

/**
 * Prints units of one ranking as `JSON.stringify(unitJson(...), null, 2)` prints them inside the
 * document's `units` array. A unit's text is mostly made of parts that depend on few values: the
 * opening on its block and rank, the middle on its block, ranked flag, total and maximum (which
 * decide index and band), a component's entry on its points and rank. Those parts are made once
 * per distinct key and copied, so a unit is about a dozen copies and its name and code.
 */
class UnitPrinter {
  readonly out = new Utf8Buffer();
  private readonly r: Ranking;
  private readonly comparison?: Comparison;
  /** By block. */
  private readonly heads: TextCache[];
  /** By block and ranked flag, then by maximum. */
  private readonly middles: Map<number, TextCache>[][];
  /** By component. */
  private readonly entries: TextCache[];
  private readonly notApplicable: Uint8Array[];

  /** The nodes written, in the scheme's order: every node (a flat scheme's components). */
  private readonly components: readonly number[];

  /** Last year's bands as JSON at the depth of `previous.band`, by band index. */
  private readonly previousBands: readonly string[] = [];

  constructor(r: Ranking, comparison?: Comparison) {
    this.r = r;
    this.components = r.scheme.nodes.map((c) => c.index);
    if (comparison) {
      this.comparison = comparison;
      this.previousBands = comparison.previous.scheme.bands.map((b) => nested({ id: b.id, label: b.label }, 4));
    }
    const p = r.scheme.precision;
    const scale = r.table.scale;
    const components = r.scheme.nodes;
    const rank = (n: number) => (n > 0 ? String(n) : 'null');
    this.heads = r.blocks.map((b) => new TextCache((n) => `    {${I4}"rank": ${rank(n)},${I4}"of": ${b.ranked},${I4}"unit": `));
    const bandTexts = r.scheme.bands.map((b) => `{${I4}  "id": ${JSON.stringify(b.id)},${I4}  "label": ${JSON.stringify(b.label, null, 2).replace(/\n/g, `\n${'  '.repeat(4)}`)}${I4}}`);
    this.middles = r.blocks.map(() => [new Map(), new Map()]);
    this.entries = components.map((c, k) => {
      const max = scaledMax(c.max, scale);
      const id = JSON.stringify(c.id);
      return new TextCache(
        (value, n) =>
          `${k > 0 ? `${I4}  },` : ''}${I4}  ${id}: {${I4}    "applicable": true,${I4}    "points": ${pointsText(value, scale, p)},${I4}    "max": ${pointsText(max, scale, p)},${I4}    "index": ${indexText(value, max, p)},${I4}    "rank": ${rank(n)}`,
      );
    });
    // A node whose maximum is the unit's own (children that do not apply left out): written each time.
    this.entry = (k, value, max, n) =>
      `${k > 0 ? `${I4}  },` : ''}${I4}  ${JSON.stringify(components[k]!.id)}: {${I4}    "applicable": true,${I4}    "points": ${pointsText(value, scale, p)},${I4}    "max": ${pointsText(max, scale, p)},${I4}    "index": ${max > 0 ? indexText(value, max, p) : 'null'},${I4}    "rank": ${rank(n)}`;
    this.notApplicable = components.map((c, k) =>
      encoder.encode(`${k > 0 ? `${I4}  },` : ''}${I4}  ${JSON.stringify(c.id)}: {${I4}    "applicable": false,${I4}    "points": null,${I4}    "max": null,${I4}    "index": null,${I4}    "rank": null`),
    );
    // The middle's maker, for a block, a ranked flag and a maximum; its key is the total and the band.
    this.middle = (block, ranked, max) => {
      const name = r.blocks[block]!.name;
      return new TextCache((total, b) => {
        const band = b - 1;
        return `,${I4}"block": ${name === undefined ? 'null' : JSON.stringify(name)},${I4}"ranked": ${ranked === 1},${I4}"total": ${pointsText(total, scale, p)},${I4}"max": ${pointsText(max, scale, p)},${I4}"index": ${indexText(total, max, p)},${I4}"band": ${band < 0 ? 'null' : bandTexts[band]},${I4}"components": {`;
      });
    };
  }

  private readonly middle: (block: number, ranked: number, max: number) => TextCache;
  private readonly entry: (k: number, value: number, max: number, rank: number) => string;

  /**
   * The unit at table position `i`. (A ranking's table is in listing order, so units are written
   * front to back of every column.)
   */
  unit(i: number): void {
    const out = this.out;
    const r = this.r;
    const t = r.table;
    const block = r.blockOf[i]!;
    const ranked = t.ranked[i]!;
    out.bytes(this.heads[block]!.get(r.rank[i]!, 0));
    out.string(t.names[i]);
    out.bytes(CODE);
    out.string(t.codes[i]);
    const byMax = this.middles[block]![ranked]!;
    const max = r.max[i]!;
    let middle = byMax.get(max);
    if (!middle) byMax.set(max, (middle = this.middle(block, ranked, max)));
    out.bytes(middle.get(r.total[i]!, r.band[i]! + 1));
    const count = this.components.length;
    for (let c = 0; c < count; c++) {
      const node = this.components[c]!;
      const value = t.points[node]![i]!;
      const own = t.maxima[node];
      if (Number.isNaN(value)) out.bytes(this.notApplicable[c]!);
      else if (own) out.text(this.entry(c, value, own[i]!, r.nodeRank[node]![i]!));
      else out.bytes(this.entries[c]!.get(value, r.nodeRank[node]![i]!));
    }
    if (this.comparison) {
      out.bytes(count > 0 ? COMPONENTS_CLOSE : EMPTY_COMPONENTS_CLOSE);
      const p = this.comparison.plainPrevious(i);
      if (p >= 0) this.plainChange(i, p);
      else out.text(`${I4}${changeText(this.comparison.change(i), this.p)}\n    }`);
    } else out.bytes(count > 0 ? CLOSE_NO_CHANGE : EMPTY_CLOSE_NO_CHANGE);
  }

  /**
   * The previous values and change of the same unit, from both years' columns: what `changeText`
   * prints for it (a test holds the two equal), without making its objects (a million units).
   */
  private plainChange(i: number, p: number): void {
    const out = this.out;
    const c = this.comparison!;
    const prev = c.previous;
    const pt = prev.table;
    const places = this.p;
    out.ascii(PREVIOUS_UNIT);
    out.string(pt.names[p]);
    out.ascii(PREVIOUS_CODE);
    out.string(pt.codes[p]);
    out.ascii(PREVIOUS_BLOCK);
    out.string(pt.blocks[p]);
    const rank = prev.rank[p]!;
    const band = prev.band[p]!;
    out.ascii(
      `,${I8}"rank": ${rank > 0 ? rank : 'null'},${I8}"of": ${prev.blocks[prev.blockOf[p]!]!.ranked},${I8}"total": ${pointsText(prev.total[p]!, pt.scale, places)},${I8}"index": ${indexText(prev.total[p]!, prev.max[p]!, places)},${I8}"band": `,
    );
    out.text(band >= 0 ? this.previousBands[band]! : 'null');
    const rc = c.rankChange[i]!;
    const r = this.r;
    out.ascii(
      `${I4}},${I4}"change": {${I8}"status": "same",${I8}"rank": ${Number.isNaN(rc) ? 'null' : rc},${I8}"index": ${indexChangeText(r.total[i]!, r.max[i]!, prev.total[p]!, prev.max[p]!, places)},${I8}"note": null,${I8}"predecessors": [],${I8}"fields": null${I4}}\n    }`,
    );
  }

  private get p(): number {
    return this.r.scheme.precision;
  }
}

const I8 = '\n        ';
const PREVIOUS_UNIT = `${I4}"previous": {${I8}"unit": `;
const PREVIOUS_CODE = `,${I8}"code": `;
const PREVIOUS_BLOCK = `,${I8}"block": `;

/**
 * (tc / mc - tp / mp) x 100 rounded to `places`, as JSON prints it: the index change of a unit from
 * its integer totals and maxima (each year at its own scale: the ratios do not depend on it).
 */
export function indexChangeText(tc: number, mc: number, tp: number, mp: number, places: number): string {
  const a = tc * mp;
  const b = tp * mc;
  const den = mc * mp;
  const num = (a - b) * 100;
  if (Math.abs(a) <= Number.MAX_SAFE_INTEGER && Math.abs(b) <= Number.MAX_SAFE_INTEGER && den <= Number.MAX_SAFE_INTEGER && Math.abs(num) <= Number.MAX_SAFE_INTEGER) {
    const q = roundSafe(num, den, places);
    if (q !== undefined) return fixedText(q, places);
  }
  const [TC, MC, TP, MP] = [tc, mc, tp, mp].map((x) => BigInt(x)) as [bigint, bigint, bigint, bigint];
  return String(toJsonNumber({ num: (TC * MP - TP * MC) * 100n, den: MC * MP }, places));
}

const CODE = encoder.encode(`,${I4}"code": `);
const COMPONENTS_CLOSE = encoder.encode(`${I4}  }${I4}},`);
const EMPTY_COMPONENTS_CLOSE = encoder.encode('},');
const CLOSE_NO_CHANGE = encoder.encode(`${I4}  }${I4}},${I4}"previous": null,${I4}"change": null\n    }`);
const EMPTY_CLOSE_NO_CHANGE = encoder.encode(`},${I4}"previous": null,${I4}"change": null\n    }`);
const COMMA_NEWLINE = encoder.encode(',\n');
const NEWLINE = encoder.encode('\n');

/**
 * `"previous": ..., "change": ...` of a unit as `JSON.stringify` prints `changeJson` at depth 3,
 * written directly for the common change (no predecessors); other changes are printed by
 * JSON.stringify itself. (A property test holds the two equal.)
 */
export function changeText(c: UnitChange | undefined, places: number): string {
  const json = changeJson(c, places);
  if (!c || c.predecessors.length > 0) return `"previous": ${nested(json.previous, 3)},${I4}"change": ${nested(json.change, 3)}`;
  const I8 = '\n        ';
  const str = (x: string | null) => JSON.stringify(x);
  const num = (x: number | null) => (x === null ? 'null' : String(x));
  const v = json.previous;
  const previous = v
    ? `{${I8}"unit": ${str(v.unit)},${I8}"code": ${str(v.code)},${I8}"block": ${str(v.block)},${I8}"rank": ${num(v.rank)},${I8}"of": ${v.of},${I8}"total": ${num(v.total)},${I8}"index": ${num(v.index)},${I8}"band": ${v.band ? nested(v.band, 4) : 'null'}${I4}}`
    : 'null';
  const ch = json.change!;
  const f = ch.fields;
  const fields = f ? `{${I8}  "up": ${f.up},${I8}  "down": ${f.down},${I8}  "same": ${f.same}${I8}}` : 'null';
  return `"previous": ${previous},${I4}"change": {${I8}"status": ${str(ch.status)},${I8}"rank": ${num(ch.rank)},${I8}"index": ${num(ch.index)},${I8}"note": ${str(ch.note)},${I8}"predecessors": [],${I8}"fields": ${fields}${I4}}`;
}

/** A value as `JSON.stringify(value, null, 2)` prints it at nesting depth `depth` (2 spaces each). */
function nested(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);
}
