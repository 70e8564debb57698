/**
 * The ranking document streamed: each unit is printed straight into a byte buffer by `UnitPrinter`,
 * exactly as JSON.stringify prints `unitJson` (a property test holds the two equal), so output of
 * any size is never one string or object tree.
 */
import type { Lang } from './words.js';
import type { Comparison, UnitChange } from '../model/compare.js';
import type { Ranking } from '../model/ranking.js';
import type { ScoreTable } from '../model/table.js';
import { scaledMax } from '../model/ranking.js';
import { CHUNK, encoder, indexText, pointsText, TextCache, Utf8Buffer } from './json-bytes.js';
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

const I4 = '\n      ';

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
  private readonly changes?: ChangeWriter;
  /** By block. */
  private readonly heads: TextCache[];
  /** By block and ranked flag, then by maximum. */
  private readonly middles: Map<number, TextCache>[][];
  /** By component. */
  private readonly entries: TextCache[];
  private readonly notApplicable: Uint8Array[];

  /** The nodes written, in the scheme's order: every node (a flat scheme's components). */
  private readonly components: readonly number[];

  constructor(r: Ranking, comparison?: Comparison) {
    this.r = r;
    this.components = r.scheme.nodes.map((c) => c.index);
    if (comparison) this.changes = new ChangeWriter(this.out, comparison);
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
    out.bytes(UNIT_KEYS.code);
    out.string(t.codes[i]);
    const byMax = this.middles[block]![ranked]!;
    const max = r.max[i]!;
    let middle = byMax.get(max);
    if (!middle) byMax.set(max, (middle = this.middle(block, ranked, max)));
    out.bytes(middle.get(r.total[i]!, r.band[i]! + 1));
    const count = this.components.length;
    const nodeRank = r.nodeRank;
    for (let c = 0; c < count; c++) {
      const node = this.components[c]!;
      const value = t.points[node]![i]!;
      const own = t.maxima[node];
      if (Number.isNaN(value)) out.bytes(this.notApplicable[c]!);
      else if (own) out.text(this.entry(c, value, own[i]!, nodeRank[node]![i]!));
      else out.bytes(this.entries[c]!.get(value, nodeRank[node]![i]!));
    }
    if (this.changes) {
      out.bytes(count > 0 ? COMPONENTS_CLOSE : EMPTY_COMPONENTS_CLOSE);
      this.changes.write(i);
    } else out.bytes(count > 0 ? CLOSE_NO_CHANGE : EMPTY_CLOSE_NO_CHANGE);
  }
}

/**
 * Writes a current unit's `"previous": ..., "change": ...` (on a line of its own, at the depth of a
 * unit of a list of the document) and closes the unit: from both years' columns for a plain change
 * (the same unit, `Comparison.plainPrevious`), without making its objects; others by `changeText`.
 * (Tests hold the two equal.)
 */
class ChangeWriter {
  /** Last year's bands as JSON at the depth of `previous.band`, by band index. */
  private readonly previousBands: readonly string[];
  private readonly places: number;

  constructor(
    private readonly out: Utf8Buffer,
    private readonly c: Comparison,
  ) {
    this.previousBands = c.previous.scheme.bands.map((b) => nested({ id: b.id, label: b.label }, 4));
    this.places = c.current.scheme.precision;
  }

  write(i: number): void {
    const p = this.c.plainPrevious(i);
    if (p >= 0) this.plain(i, p);
    else this.out.text(`${I4}${changeText(this.c.change(i), this.places)}\n    }`);
  }

  private plain(i: number, p: number): void {
    const out = this.out;
    const c = this.c;
    const prev = c.previous;
    const pt = prev.table;
    const places = this.places;
    // The same strings as this year's (just printed): printed again from those.
    if (c.sameIdentity[i] === 1) identity(out, PREVIOUS_KEYS, c.current.table, i);
    else identity(out, PREVIOUS_KEYS, pt, p);
    standing(out, PREVIOUS_KEYS, prev, p, places);
    out.bytes(PREVIOUS_BAND);
    const band = prev.band[p]!;
    out.text(band >= 0 ? this.previousBands[band]! : 'null');
    out.bytes(CHANGE_SAME);
    out.integer(c.rankChange[i]!);
    out.bytes(CHANGE_INDEX);
    const r = c.current;
    out.indexChange(r.total[i]!, r.max[i]!, prev.total[p]!, prev.max[p]!, places);
    out.bytes(CHANGE_CLOSE);
  }
}

const rankOrNull = (out: Utf8Buffer, rank: number) => (rank > 0 ? out.int(rank) : out.ascii('null'));

/**
 * Prints the current units of a comparison as `JSON.stringify` prints the compare document's
 * `unitChangeJson` inside its lists (`units`, `risers`, `fallers`).
 */
export class ChangedUnitPrinter {
  readonly out = new Utf8Buffer();
  private readonly changes: ChangeWriter;
  private readonly places: number;

  constructor(private readonly c: Comparison) {
    this.changes = new ChangeWriter(this.out, c);
    this.places = c.current.scheme.precision;
  }

  /** The current unit at table position `i`. */
  unit(i: number): void {
    const r = this.c.current;
    identity(this.out, UNIT_KEYS, r.table, i);
    standing(this.out, UNIT_KEYS, r, i, this.places);
    this.out.bytes(COMMA);
    this.changes.write(i);
  }
}

/** How a unit's keys are written at one depth of the document: with the unit's opening, then each after a comma. */
interface Keys {
  readonly open: Uint8Array;
  readonly code: Uint8Array;
  readonly block: Uint8Array;
  readonly rank: Uint8Array;
  readonly of: Uint8Array;
  readonly total: Uint8Array;
  readonly index: Uint8Array;
}

function keysAt(indent: string, open: string): Keys {
  const key = (name: string) => encoder.encode(`,${indent}"${name}": `);
  return { open: encoder.encode(`${open}${indent}"unit": `), code: key('code'), block: key('block'), rank: key('rank'), of: key('of'), total: key('total'), index: key('index') };
}

/** `"unit"`, `"code"` and `"block"` of the unit at `at` of `t`. */
function identity(out: Utf8Buffer, keys: Keys, t: ScoreTable, at: number): void {
  out.bytes(keys.open);
  out.string(t.names[at]);
  out.bytes(keys.code);
  out.string(t.codes[at]);
  out.bytes(keys.block);
  out.string(t.blocks[at]);
}

/** `"rank"`, `"of"`, `"total"` and `"index"` of the unit at `at` of `r`. */
function standing(out: Utf8Buffer, keys: Keys, r: Ranking, at: number, places: number): void {
  out.bytes(keys.rank);
  rankOrNull(out, r.rank[at]!);
  out.bytes(keys.of);
  out.int(r.blocks[r.blockOf[at]!]!.ranked);
  out.bytes(keys.total);
  out.points(r.total[at]!, r.table.scale, places);
  out.bytes(keys.index);
  out.index(r.total[at]!, r.max[at]!, places);
}

const I8 = '\n        ';
const PREVIOUS_KEYS = keysAt(I8, `${I4}"previous": {`);
const UNIT_KEYS = keysAt(I4, '    {');
const PREVIOUS_BAND = encoder.encode(`,${I8}"band": `);
const CHANGE_SAME = encoder.encode(`${I4}},${I4}"change": {${I8}"status": "same",${I8}"rank": `);
const CHANGE_INDEX = encoder.encode(`,${I8}"index": `);
const CHANGE_CLOSE = encoder.encode(`,${I8}"note": null,${I8}"predecessors": [],${I8}"fields": null${I4}}\n    }`);
const COMMA = encoder.encode(',');
const COMPONENTS_CLOSE = encoder.encode(`${I4}  }${I4}},`);
const EMPTY_COMPONENTS_CLOSE = encoder.encode('},');
const CLOSE_NO_CHANGE = encoder.encode(`${I4}  }${I4}},${I4}"previous": null,${I4}"change": null\n    }`);
const EMPTY_CLOSE_NO_CHANGE = encoder.encode(`},${I4}"previous": null,${I4}"change": null\n    }`);
export const COMMA_NEWLINE = encoder.encode(',\n');
export const NEWLINE = encoder.encode('\n');

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
