/**
 * The JSON contract (schemaVersion 1). Every key is always present (null when it does not apply), so
 * scripts never need to test for existence. Numbers are rounded to the scheme's precision and printed
 * from their decimal text: 82.84, never 82.84000000000001.
 *
 * The documents are defined as objects (`rankingJson`, `unitJson`, ...) printed by JSON.stringify
 * with two-space indentation. A ranking's units are streamed instead (`rankingJsonChunks`): each is
 * printed straight into a byte buffer by `UnitPrinter`, exactly as JSON.stringify prints `unitJson`
 * (a property test holds the two equal), so output of any size is never one string or object tree.
 */
import { percentToJsonNumber, roundSafe, toJsonNumber, toRatio, type Decimal, type Ratio } from '../model/decimal.js';
import type { Problem } from '../model/problem.js';
import type { BandCount, Ranking, UnitResult } from '../model/ranking.js';
import { reasonText, type Comparison, type PreviousValues, type UnitChange } from '../model/compare.js';
import type { Stats } from '../model/stats.js';
import type { Band, Scheme } from '../model/scheme.js';
import { scaledMax } from '../model/ranking.js';

export const SCHEMA_VERSION = 1;

type Num = number | null;

function n(value: Decimal | Ratio | undefined, places: number): Num {
  return value === undefined ? null : toJsonNumber(value, places);
}

function band(b: Band | undefined) {
  return b ? { id: b.id, label: b.label } : null;
}

function statsJson(s: Stats | undefined, places: number) {
  return {
    units: s?.count ?? 0,
    mean: n(s?.mean, places),
    median: n(s?.median, places),
    min: n(s?.min, places),
    max: n(s?.max, places),
  };
}

function bandsJson(counts: readonly BandCount[]) {
  return counts.map((c) => ({ id: c.band?.id ?? null, label: c.band?.label ?? null, count: c.count }));
}

export function problemJson(p: Problem) {
  return {
    severity: p.severity,
    code: p.code,
    message: p.message,
    file: p.file ?? null,
    line: p.line ?? null,
    column: p.column ?? null,
    hint: p.hint ?? null,
  };
}

export function previousJson(v: PreviousValues, places: number) {
  return {
    unit: v.name,
    code: v.code ?? null,
    block: v.block ?? null,
    rank: v.rank ?? null,
    of: v.of,
    total: n(v.total, places),
    index: n(v.index, places),
    band: band(v.band),
  };
}

export function changeJson(c: UnitChange | undefined, places: number) {
  if (!c) return { previous: null, change: null };
  return {
    previous: c.previous ? previousJson(c.previous, places) : null,
    change: {
      status: c.status,
      rank: c.rankChange ?? null,
      index: n(c.indexChange, places),
      note: c.note ?? null,
      predecessors: c.predecessors.map((x) => previousJson(x, places)),
    },
  };
}

export function comparisonJson(c: Comparison) {
  const p = c.current.scheme.precision;
  return {
    year: c.previous.year ?? null,
    files: c.previous.files,
    scheme: c.previous.scheme.id,
    comparable: c.comparable,
    reasons: c.reasons.map(reasonText),
    mergeRule: c.mergeRule ?? null,
    counts: c.counts,
    mean: { previous: n(c.previous.stats?.mean, p), current: n(c.current.stats?.mean, p), change: n(c.meanChange, p) },
  };
}

export function unitJson(r: Ranking, u: UnitResult, change?: UnitChange, compared = false) {
  const p = r.scheme.precision;
  return {
    rank: u.rank ?? null,
    of: u.rankedCount,
    unit: u.name,
    code: u.code ?? null,
    block: u.block ?? null,
    ranked: u.ranked,
    total: n(u.total, p),
    max: n(u.max, p),
    index: n(u.index, p),
    band: band(u.band),
    components: Object.fromEntries(
      u.components.map((c) => [
        c.id,
        {
          applicable: c.applicable,
          points: n(c.points, p),
          max: n(c.max, p),
          index: c.applicable ? percentToJsonNumber(c.points!, c.max!, p) : null,
          rank: c.rank ?? null,
        },
      ]),
    ),
    ...(compared ? changeJson(change, p) : { previous: null, change: null }),
  };
}

export function schemeJson(r: { readonly scheme: Scheme }) {
  const s = r.scheme;
  return {
    id: s.id,
    title: s.title,
    level: s.level ?? null,
    source: s.source ?? null,
    precision: s.precision,
    components: s.components.map((c) => ({ id: c.id, label: c.label, max: toJsonNumber(c.max, 6), part: c.part ?? null })),
    bands: s.bands.map((b) => ({ id: b.id, min: toJsonNumber(toRatio(b.min), 6), label: b.label })),
  };
}

/** The ranking document; without units when `withUnits` is false (the streamed writer adds them). */
export function rankingJson(r: Ranking, comparison?: Comparison, withUnits = true) {
  const p = r.scheme.precision;
  const units = withUnits ? r.units.map((u) => unitJson(r, u, comparison?.change(u.at), comparison !== undefined)) : [];
  return {
    schemaVersion: SCHEMA_VERSION,
    scheme: schemeJson(r),
    year: r.year ?? null,
    files: r.files,
    options: { ties: r.options.ties, rankPrecision: r.options.rankPrecision ?? null },
    units,
    summary: {
      ...statsJson(r.stats, p),
      ranked: r.blocks.reduce((sum, b) => sum + b.ranked, 0),
      bands: bandsJson(r.bands),
      blocks: r.blocks.filter((b) => b.name !== undefined).map((b) => ({ block: b.name!, ...statsJson(b.stats, p), ranked: b.ranked, bands: bandsJson(b.bands) })),
    },
    comparison: comparison ? comparisonJson(comparison) : null,
    dropped: comparison ? comparison.dropped.map((d) => previousJson(d, p)) : [],
    warnings: [...r.warnings, ...(comparison?.warnings.filter((w) => !r.warnings.includes(w)) ?? [])].map(problemJson),
  };
}

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
export function* rankingJsonChunks(r: Ranking, comparison?: Comparison): Generator<string | Uint8Array> {
  if (r.table.size === 0) {
    yield `${JSON.stringify(rankingJson(r, comparison), null, 2)}\n`;
    return;
  }
  const text = JSON.stringify(rankingJson(r, comparison, false), null, 2);
  const marker = '\n  "units": [],\n';
  const at = text.indexOf(marker);
  yield `${text.slice(0, at)}\n  "units": [\n`;
  const printer = new UnitPrinter(r, comparison);
  const out = printer.out;
  const last = r.order.length - 1;
  for (let k = 0; k <= last; k++) {
    printer.unit(r.order[k]!);
    out.ascii(k < last ? ',\n' : '\n');
    if (out.pos >= CHUNK) {
      yield out.take();
    }
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

/** How many distinct texts to keep per component (a component's points take few distinct values). */
const CACHE_LIMIT = 1 << 14;

/**
 * Prints units of one ranking as `JSON.stringify(unitJson(...), null, 2)` prints them inside the
 * document's `units` array. A unit is mostly text that depends on few values: a component's entry
 * (up to its rank) depends only on its points, and the total, maximum, index and band of a unit on
 * its total and maximum; those texts are made once per distinct value and copied.
 */
class UnitPrinter {
  readonly out = new Utf8Buffer();
  private readonly r: Ranking;
  private readonly comparison?: Comparison;
  private readonly p: number;
  /** By component: text of its entry by points, up to and including `"rank": `. */
  private readonly entries: Map<number, Uint8Array>[];
  private readonly notApplicable: Uint8Array[];
  private readonly componentMax: number[];
  private readonly totals = new Map<number, Map<number, Uint8Array>>();
  private readonly bandTexts: string[];
  /** By block: the text between the rank and the name, and between the code and the total. */
  private readonly ofText: Uint8Array[];
  private readonly blockText: Uint8Array[][];

  constructor(r: Ranking, comparison?: Comparison) {
    this.r = r;
    if (comparison) this.comparison = comparison;
    this.p = r.scheme.precision;
    const components = r.scheme.components;
    this.entries = components.map(() => new Map());
    this.componentMax = components.map((c) => scaledMax(c.max, r.table.scale));
    this.notApplicable = components.map((c, k) =>
      encoder.encode(
        `${k > 0 ? `${I4}  },` : ''}${I4}  ${JSON.stringify(c.id)}: {${I4}    "applicable": false,${I4}    "points": null,${I4}    "max": null,${I4}    "index": null,${I4}    "rank": null`,
      ),
    );
    this.bandTexts = r.scheme.bands.map((b) => `{${I4}  "id": ${JSON.stringify(b.id)},${I4}  "label": ${JSON.stringify(b.label, null, 2).replace(/\n/g, `\n${'  '.repeat(4)}`)}${I4}}`);
    this.ofText = r.blocks.map((b) => encoder.encode(`,${I4}"of": ${b.ranked},${I4}"unit": `));
    this.blockText = r.blocks.map((b) =>
      [0, 1].map((ranked) => encoder.encode(`,${I4}"block": ${b.name === undefined ? 'null' : JSON.stringify(b.name)},${I4}"ranked": ${ranked === 1},${I4}"total": `)),
    );
  }

  private entry(k: number, value: number): Uint8Array {
    const cache = this.entries[k]!;
    let text = cache.get(value);
    if (text) return text;
    const c = this.r.scheme.components[k]!;
    const scale = this.r.table.scale;
    const max = this.componentMax[k]!;
    text = encoder.encode(
      `${k > 0 ? `${I4}  },` : ''}${I4}  ${JSON.stringify(c.id)}: {${I4}    "applicable": true,${I4}    "points": ${pointsText(value, scale, this.p)},${I4}    "max": ${pointsText(max, scale, this.p)},${I4}    "index": ${indexText(value, max, this.p)},${I4}    "rank": `,
    );
    if (cache.size < CACHE_LIMIT) cache.set(value, text);
    return text;
  }

  private totalText(i: number): Uint8Array {
    const r = this.r;
    const total = r.total[i]!;
    const max = r.max[i]!;
    let byTotal = this.totals.get(max);
    if (!byTotal) this.totals.set(max, (byTotal = new Map()));
    let text = byTotal.get(total);
    if (text) return text;
    const scale = r.table.scale;
    const b = r.band[i]!;
    text = encoder.encode(
      `${pointsText(total, scale, this.p)},${I4}"max": ${pointsText(max, scale, this.p)},${I4}"index": ${indexText(total, max, this.p)},${I4}"band": ${b < 0 ? 'null' : this.bandTexts[b]},${I4}"components": {`,
    );
    if (byTotal.size < CACHE_LIMIT) byTotal.set(total, text);
    return text;
  }

  /** The unit at table position `i`. */
  unit(i: number): void {
    const r = this.r;
    const t = r.table;
    const out = this.out;
    const block = r.blockOf[i]!;
    out.ascii(`    {${I4}"rank": `);
    const rank = r.rank[i]!;
    if (rank > 0) out.int(rank);
    else out.ascii('null');
    out.bytes(this.ofText[block]!);
    out.string(t.names[i]);
    out.ascii(`,${I4}"code": `);
    out.string(t.codes[i]);
    out.bytes(this.blockText[block]![t.ranked[i]!]!);
    out.bytes(this.totalText(i));
    const components = r.scheme.components;
    for (let k = 0; k < components.length; k++) {
      const node = components[k]!.index;
      const value = t.points[node]![i]!;
      if (Number.isNaN(value)) {
        out.bytes(this.notApplicable[k]!);
        continue;
      }
      out.bytes(this.entry(k, value));
      const nodeRank = r.nodeRank[node]![i]!;
      if (nodeRank > 0) out.int(nodeRank);
      else out.ascii('null');
    }
    out.ascii(components.length > 0 ? `${I4}  }${I4}},` : '},');
    if (this.comparison) {
      const yoy = changeJson(this.comparison.change(i), this.p);
      out.text(`${I4}"previous": ${nested(yoy.previous, 3)},${I4}"change": ${nested(yoy.change, 3)}\n    }`);
    } else out.ascii(`${I4}"previous": null,${I4}"change": null\n    }`);
  }
}

/** A value as `JSON.stringify(value, null, 2)` prints it at nesting depth `depth` (2 spaces each). */
function nested(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);
}
