/**
 * A unit's change in the JSON documents (`rank --prev`'s units, `compare`'s lists), printed straight
 * into a byte buffer exactly as JSON.stringify prints `changeJson` and `unitChangeJson` (tests hold
 * them equal): a plain change (the same unit, `Comparison.plainPrevious`) from the two years'
 * columns, without making its objects; others through `changeText`.
 */
import type { Comparison, UnitChange } from '../model/compare.js';
import type { ScoreTable } from '../model/table.js';
import { encoder, indexText, pointsText, TextCache, Utf8Buffer, type UnitLines } from './json-bytes.js';
import { changeJson } from './json.js';
import { identityLength } from './read-ahead.js';

/**
 * Writes a current unit's `"previous": ..., "change": ...` (on a line of its own, at the depth of a
 * unit of a list of the document) and closes the unit.
 */
export class ChangeWriter {
  /** Last year's bands as JSON at the depth of `previous.band`, by band index. */
  private readonly previousBands: readonly Uint8Array[];
  private readonly places: number;
  /** By block: its ranked units, of each year. */
  private readonly previousOf: readonly number[];
  private readonly previousStanding: Standing;

  constructor(
    private readonly out: Utf8Buffer,
    private readonly c: Comparison,
  ) {
    this.previousBands = c.previous.scheme.bands.map((b) => encoder.encode(nested({ id: b.id, label: b.label }, 4)));
    this.places = c.current.scheme.precision;
    this.previousOf = c.previous.blocks.map((b) => b.ranked);
    this.previousStanding = new Standing(PREVIOUS_KEYS, c.previous.table.scale, this.places);
  }

  /** The change of the current unit at table position `i`. */
  write(i: number): void {
    const p = this.c.plainPrevious(i);
    if (p >= 0) this.plain(i, p);
    else this.out.text(`${I4}${changeText(this.c.change(i), this.places)}\n    }`);
  }

  private plain(i: number, p: number): void {
    const { out, c, places } = this;
    const prev = c.previous;
    const cur = c.current;
    // The same strings as this year's (just printed): printed again from those.
    if (c.sameIdentity[i] === 1) identity(out, PREVIOUS_KEYS, cur.table, i);
    else identity(out, PREVIOUS_KEYS, prev.table, p);
    this.previousStanding.write(out, prev.rank[p]!, this.previousOf[prev.blockOf[p]!]!, prev.total[p]!, prev.max[p]!);
    out.bytes(PREVIOUS_BAND);
    const band = prev.band[p]!;
    out.bytes(band >= 0 ? this.previousBands[band]! : NULL);
    out.bytes(CHANGE_SAME);
    out.integer(c.rankChange[i]!);
    out.bytes(CHANGE_INDEX);
    out.indexChange(cur.total[i]!, cur.max[i]!, prev.total[p]!, prev.max[p]!, places);
    out.bytes(CHANGE_CLOSE);
  }
}

/**
 * Prints the current units of a comparison as `JSON.stringify` prints the compare document's
 * `unitChangeJson` inside its lists (`units`, `risers`, `fallers`).
 */
export class ChangedUnitPrinter implements UnitLines {
  readonly out = new Utf8Buffer();
  private readonly changes: ChangeWriter;
  private readonly standing: Standing;
  private readonly of: readonly number[];

  constructor(private readonly c: Comparison) {
    this.changes = new ChangeWriter(this.out, c);
    this.standing = new Standing(UNIT_KEYS, c.current.table.scale, c.current.scheme.precision);
    this.of = c.current.blocks.map((b) => b.ranked);
  }

  touch(i: number): number {
    return identityLength(this.c.current.table, i);
  }

  /** The current unit at table position `i`. */
  unit(i: number): void {
    const r = this.c.current;
    identity(this.out, UNIT_KEYS, r.table, i);
    this.standing.write(this.out, r.rank[i]!, this.of[r.blockOf[i]!]!, r.total[i]!, r.max[i]!);
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
  readonly totalText: string;
  readonly indexText: string;
}

function keysAt(indent: string, open: string): Keys {
  const text = (name: string) => `,${indent}"${name}": `;
  const key = (name: string) => encoder.encode(text(name));
  return { open: encoder.encode(`${open}${indent}"unit": `), code: key('code'), block: key('block'), rank: key('rank'), of: key('of'), total: key('total'), index: key('index'), totalText: text('total'), indexText: text('index') };
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

/**
 * `"rank"`, `"of"`, `"total"` and `"index"` of units at one depth: a rank (0 = none), the ranked
 * units of its block, and integer total and maximum at the table's scale. The total and index are
 * one text made once per total (and the maximum it was made with) and copied.
 */
class Standing {
  private readonly totals: TextCache;

  constructor(
    private readonly keys: Keys,
    private readonly scale: number,
    private readonly places: number,
  ) {
    this.totals = new TextCache((total, max) => `${keys.totalText}${pointsText(total, scale, places)}${keys.indexText}${indexText(total, max, places)}`);
  }

  write(out: Utf8Buffer, rank: number, of: number, total: number, max: number): void {
    const keys = this.keys;
    out.bytes(keys.rank);
    out.rank(rank);
    out.bytes(keys.of);
    out.int(of);
    if (total >= 0 && total < TextCache.KEPT) return out.bytes(this.totals.get(total, max));
    out.bytes(keys.total);
    out.points(total, this.scale, this.places);
    out.bytes(keys.index);
    out.index(total, max, this.places);
  }
}

const I4 = '\n      ';
const I8 = '\n        ';
export const UNIT_KEYS = keysAt(I4, '    {');
const PREVIOUS_KEYS = keysAt(I8, `${I4}"previous": {`);
const PREVIOUS_BAND = encoder.encode(`,${I8}"band": `);
const CHANGE_SAME = encoder.encode(`${I4}},${I4}"change": {${I8}"status": "same",${I8}"rank": `);
const CHANGE_INDEX = encoder.encode(`,${I8}"index": `);
const CHANGE_CLOSE = encoder.encode(`,${I8}"note": null,${I8}"predecessors": [],${I8}"fields": null${I4}}\n    }`);
const COMMA = encoder.encode(',');
const NULL = encoder.encode('null');

/**
 * `"previous": ..., "change": ...` of a unit as `JSON.stringify` prints `changeJson` at depth 3,
 * written directly for the common change (no predecessors); other changes are printed by
 * JSON.stringify itself. (A property test holds the two equal.)
 */
export function changeText(c: UnitChange | undefined, places: number): string {
  const json = changeJson(c, places);
  if (!c || c.predecessors.length > 0) return `"previous": ${nested(json.previous, 3)},${I4}"change": ${nested(json.change, 3)}`;
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
