/** The ranks of every unit on each scheme node, within its block. */
import { roundRatio } from './decimal.js';
import { orderUnits, ranksOfOrder, valueRanks, type TieRule } from './rank.js';
import type { ScoreTable } from './table.js';
import { tieOrder } from './tie-order.js';

/**
 * By scheme node, each unit's rank among the ranked units of its block where the node applies (0
 * for none), on the table in listing order: a block's units are one run of positions, its ranked
 * units first. Every unit of a block shares the node's maximum, so ranking by index is ranking by
 * points.
 */
export function nodeRanks(t: ScoreTable, blocks: readonly { readonly size: number; readonly ranked: number }[], options: { readonly ties: TieRule; readonly rankPrecision?: number }, maxQ: readonly number[]): Int32Array[] {
  const { ties, rankPrecision: places } = options;
  const tie = ties === 'ordinal' ? tieOrder(t.names, t.codes) : undefined;
  const ranks = t.scheme.nodes.map(() => new Int32Array(t.size));
  const applicable = new Int32Array(t.size);
  let start = 0;
  for (const block of blocks) {
    for (const node of t.scheme.nodes) {
      const points = t.points[node.index]!;
      let n = 0;
      for (let i = start; i < start + block.ranked; i++) if (!Number.isNaN(points[i]!)) applicable[n++] = i;
      const units = applicable.subarray(0, n);
      const keys = places === undefined ? points : nodeRoundedKeys(points, units, maxQ[node.index]!, places, t.size);
      const out = ranks[node.index]!;
      if (ties === 'ordinal') {
        const sortedNode = orderUnits(units, { keys }, tie!);
        const nodeRanks = ranksOfOrder(sortedNode, { keys }, 'ordinal');
        for (let k = 0; k < sortedNode.length; k++) out[sortedNode[k]!] = nodeRanks[k]!;
      } else valueRanks(units, keys, ties, out);
    }
    start += block.size;
  }
  return ranks;
}

/** A node's points as its index rounded to `places` decimals (integers at 10^places), for the listed units. */
function nodeRoundedKeys(points: Float64Array, units: Int32Array, maxQ: number, places: number, size: number): Float64Array {
  const keys = new Float64Array(size);
  const cache = new Map<number, number>();
  for (const i of units) {
    const p = points[i]!;
    let k = cache.get(p);
    if (k === undefined) cache.set(p, (k = Number(roundRatio({ num: BigInt(p) * 100n, den: BigInt(maxQ) }, places).units)));
    keys[i] = k;
  }
  return keys;
}
