/**
 * The ranking document streamed: each unit is printed straight into a byte buffer by `UnitPrinter`,
 * exactly as JSON.stringify prints `unitJson` (a property test holds the two equal), so output of
 * any size is never one string or object tree.
 */
import type { Lang } from './words.js';
import type { Comparison } from '../model/compare.js';
import type { Ranking } from '../model/ranking.js';
import { scaledMax } from '../model/ranking.js';
import { encoder, indexText, pointsText, TextCache, Utf8Buffer, withLists, type UnitLines } from './json-bytes.js';
import { ChangeWriter, UNIT_KEYS } from './json-change.js';
import { rankingJson } from './json.js';
import { identityLength } from './read-ahead.js';

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
  const printer = new UnitPrinter(r, comparison);
  yield* withLists(text, printer, [['units', r.order]]);
}

const I4 = '\n      ';

/**
 * Prints units of one ranking as `JSON.stringify(unitJson(...), null, 2)` prints them inside the
 * document's `units` array. A unit's text is mostly made of parts that depend on few values: the
 * opening on its block and rank, the middle on its block, ranked flag, total and maximum (which
 * decide index and band), a component's entry on its points and rank. Those parts are made once
 * per distinct key and copied, so a unit is about a dozen copies and its name and code.
 */
class UnitPrinter implements UnitLines {
  readonly out = new Utf8Buffer();
  private readonly r: Ranking;
  private readonly changes?: ChangeWriter;
  /** By block: what follows the rank in a unit's opening. */
  private readonly heads: Uint8Array[];
  /** By block and ranked flag, then by maximum. */
  private readonly middles: Map<number, TextCache>[][];
  /** By component. */
  private readonly entries: TextCache[];
  private readonly notApplicable: Uint8Array[];

  /** The nodes written, in the scheme's order: every node (a flat scheme's components). */
  private readonly components: readonly number[];
  /** By node written: its points, its maxima where units have their own, and (once asked for) its ranks. */
  private readonly points: readonly Float64Array[];
  private readonly maxima: readonly (Float64Array | undefined)[];
  private ranks?: readonly Int32Array[];

  constructor(r: Ranking, comparison?: Comparison) {
    this.r = r;
    this.components = r.scheme.nodes.map((c) => c.index);
    this.points = this.components.map((node) => r.table.points[node]!);
    this.maxima = this.components.map((node) => r.table.maxima[node]);
    if (comparison) this.changes = new ChangeWriter(this.out, comparison);
    const p = r.scheme.precision;
    const scale = r.table.scale;
    const components = r.scheme.nodes;
    const rank = (n: number) => (n > 0 ? String(n) : 'null');
    this.heads = r.blocks.map((b) => encoder.encode(`,${I4}"of": ${b.ranked},${I4}"unit": `));
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

  touch(i: number): number {
    return identityLength(this.r.table, i);
  }

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
    // (Ranks are mostly distinct: printed, not made once and copied.)
    out.bytes(HEAD);
    out.rank(r.rank[i]!);
    out.bytes(this.heads[block]!);
    out.string(t.names[i]);
    out.bytes(UNIT_KEYS.code);
    out.string(t.codes[i]);
    const byMax = this.middles[block]![ranked]!;
    const max = r.max[i]!;
    let middle = byMax.get(max);
    if (!middle) byMax.set(max, (middle = this.middle(block, ranked, max)));
    out.bytes(middle.get(r.total[i]!, r.band[i]! + 1));
    const { points, maxima } = this;
    const ranks = (this.ranks ??= this.components.map((node) => r.nodeRank[node]!));
    const count = points.length;
    for (let c = 0; c < count; c++) {
      const value = points[c]![i]!;
      const own = maxima[c];
      if (Number.isNaN(value)) out.bytes(this.notApplicable[c]!);
      else if (own) out.text(this.entry(c, value, own[i]!, ranks[c]![i]!));
      else out.bytes(this.entries[c]!.get(value, ranks[c]![i]!));
    }
    if (this.changes) {
      out.bytes(count > 0 ? COMPONENTS_CLOSE : EMPTY_COMPONENTS_CLOSE);
      this.changes.write(i);
    } else out.bytes(count > 0 ? CLOSE_NO_CHANGE : EMPTY_CLOSE_NO_CHANGE);
  }
}

const HEAD = encoder.encode(`    {${I4}"rank": `);
const COMPONENTS_CLOSE = encoder.encode(`${I4}  }${I4}},`);
const EMPTY_COMPONENTS_CLOSE = encoder.encode('},');
const CLOSE_NO_CHANGE = encoder.encode(`${I4}  }${I4}},${I4}"previous": null,${I4}"change": null\n    }`);
const EMPTY_CLOSE_NO_CHANGE = encoder.encode(`},${I4}"previous": null,${I4}"change": null\n    }`);
