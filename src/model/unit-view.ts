/** One unit's results as a view of a ranking's columns (model/ranking.ts makes them). */
import { percent, type Decimal, type Ratio } from './decimal.js';
import type { Band, SchemeNode } from './scheme.js';
import { originOf, type CellRef, type ScoreTable } from './table.js';
import { sortKey } from './tie-order.js';
import type { ComponentResult, UnitResult } from './ranking.js';

/** What a unit's view reads: the ranking's columns. */
export interface ViewColumns {
  readonly t: ScoreTable;
  readonly total: Float64Array;
  readonly max: Float64Array;
  readonly rank: Int32Array;
  readonly band: Int16Array;
  readonly blockOf: Int32Array;
  /** By node, the units' ranks (made when first asked for). */
  nodeRanks(): readonly Int32Array[];
  readonly rankedIn: readonly number[];
  readonly maxQ: readonly number[];
  index(i: number): Ratio;
  rankValue(i: number): Ratio;
}

/**
 * One unit's results, read from the ranking's columns when asked for: a view holds only its
 * position, so a view of every unit of a large ranking costs little, and what a renderer computes
 * from it (points as decimals, a component's index) is garbage as soon as it is printed.
 */
export class UnitView implements UnitResult {
  constructor(
    private readonly c: ViewColumns,
    readonly at: number,
  ) {}

  private dec(q: number): Decimal {
    return { units: BigInt(q), scale: this.c.t.scale };
  }

  get name(): string {
    return this.c.t.names[this.at]!;
  }

  get code(): string | undefined {
    return this.c.t.codes[this.at];
  }

  get block(): string | undefined {
    return this.c.t.blocks[this.at];
  }

  get ranked(): boolean {
    return this.c.t.ranked[this.at] === 1;
  }

  get total(): Decimal {
    return this.dec(this.c.total[this.at]!);
  }

  get max(): Decimal {
    return this.dec(this.c.max[this.at]!);
  }

  get index(): Ratio {
    return this.c.index(this.at);
  }

  get rankValue(): Ratio {
    return this.c.rankValue(this.at);
  }

  get band(): Band | undefined {
    const b = this.c.band[this.at]!;
    return b >= 0 ? this.c.t.scheme.bands[b] : undefined;
  }

  get rank(): number | undefined {
    const r = this.c.rank[this.at]!;
    return r > 0 ? r : undefined;
  }

  get rankedCount(): number {
    return this.c.rankedIn[this.c.blockOf[this.at]!]!;
  }

  get components(): readonly ComponentResult[] {
    return this.c.t.scheme.components.map((node) => this.result(node));
  }

  /** Every node of the scheme, in pre-order (parts, fields, criteria; then bonus and penalty). */
  get nodes(): readonly ComponentResult[] {
    return this.c.t.scheme.nodes.map((node) => this.result(node));
  }

  node(index: number): ComponentResult {
    return this.result(this.c.t.scheme.nodes[index]!);
  }

  private result(node: SchemeNode): ComponentResult {
    const { t, maxQ } = this.c;
    const nodeRank = this.c.nodeRanks();
    const i = this.at;
    const p = t.points[node.index]![i]!;
    if (Number.isNaN(p)) return { id: node.id, applicable: false };
    const nr = nodeRank[node.index]![i]!;
    const points = this.dec(p);
    const max = this.dec(t.maxima[node.index]?.[i] ?? maxQ[node.index]!);
    return { id: node.id, applicable: true, points, max, ...(max.units > 0n ? { index: percent(points, max) } : {}), ...(nr > 0 ? { rank: nr } : {}) };
  }

  get origin(): CellRef {
    return originOf(this.c.t, this.at);
  }

  get sortKey(): string {
    return sortKey(this.name, this.code);
  }
}
