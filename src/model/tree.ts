/**
 * The tree of a scheme over a table: the points of the nodes no file gives are the sums of their
 * children's; a node given both ways must agree with its children within rounding; a unit's maximum
 * of an inner node leaves out the children that do not apply to it. Pure.
 */
import { format } from './decimal.js';
import type { ProblemLog } from './problem.js';
import type { Scheme, SchemeNode } from './scheme.js';
import type { ScoreTable } from './table.js';

/** Whether every scoring child of a node is given or made of given children, so the node can be summed. */
export function covered(scheme: Scheme, given: ArrayLike<number>, node: SchemeNode): boolean {
  if (given[node.index]) return true;
  const kids = node.children.map((c) => scheme.nodes[c]!).filter((c) => c.role === 'score');
  return kids.length > 0 && kids.every((c) => covered(scheme, given, c));
}

/** Whether a file gives the node or one of its descendants. */
function anyGiven(scheme: Scheme, given: ArrayLike<number>, node: SchemeNode): boolean {
  return given[node.index] === 1 || node.children.some((c) => anyGiven(scheme, given, scheme.nodes[c]!));
}

/** The scoring nodes whose points no file gives and no children make: what is missing (the deepest that can be named). */
export function missingNodes(scheme: Scheme, given: ArrayLike<number>): SchemeNode[] {
  const out: SchemeNode[] = [];
  const visit = (n: SchemeNode) => {
    if (covered(scheme, given, n)) return;
    // Some of its children are given: the others are missing; none: the node itself.
    if (anyGiven(scheme, given, n)) n.children.map((c) => scheme.nodes[c]!).filter((c) => c.role === 'score').forEach(visit);
    else out.push(n);
  };
  scheme.components.forEach(visit);
  return out;
}

/**
 * Fills in the points of inner nodes from their children, bottom-up, and the units' maxima of those
 * nodes; checks the nodes given both ways. `t.points` of every node no file gives start as NaN.
 */
export function completeTree(t: ScoreTable, log: ProblemLog): ScoreTable {
  const { scheme, size, scale } = t;
  if (scheme.depth === 0) return t;
  const points = [...t.points];
  const maxima = [...t.maxima];
  // Children before parents: the nodes in reverse pre-order.
  for (let k = scheme.nodes.length - 1; k >= 0; k--) {
    const node = scheme.nodes[k]!;
    const kids = node.children.map((c) => scheme.nodes[c]!).filter((c) => c.role === 'score');
    if (kids.length === 0 || !kids.every((c) => covered(scheme, t.given, c))) continue;
    const sum = new Float64Array(size);
    const max = new Float64Array(size);
    const own = t.given[node.index] ? points[node.index]! : undefined;
    // Half a unit of the last decimal of every child and of the node's own cell.
    const tolerance = (kids.reduce((acc, c) => acc + 10 ** (scale - t.decimals[c.index]!), 0) + (own ? 10 ** (scale - t.decimals[node.index]!) : 0)) / 2;
    for (let i = 0; i < size; i++) {
      let s = 0;
      let m = 0;
      let applicable = 0;
      for (const c of kids) {
        const p = points[c.index]![i]!;
        if (Number.isNaN(p)) continue;
        s += p;
        m += maxima[c.index]?.[i] ?? Number(c.max.units) * 10 ** (scale - c.max.scale);
        applicable++;
      }
      sum[i] = applicable === 0 ? NaN : s;
      max[i] = m;
      if (own) {
        const given = own[i]!;
        const differs = Number.isNaN(given) !== Number.isNaN(sum[i]!) || Math.abs(given - s) > tolerance * (1 + 1e-9);
        if (differs) {
          const shown = (v: number) => (Number.isNaN(v) ? 'not applicable' : format({ units: BigInt(Math.round(v)), scale }));
          log.error('subtotal-mismatch', `${t.names[i]}: "${node.label.vi}" is ${shown(given)}, but its ${kids.length} children add up to ${shown(sum[i]!)}`, {
            file: t.files[t.originFile[i]!]!,
            line: t.originLine[i]!,
            hint: `a column may be misread or shifted: ${node.id} is the sum of ${kids.map((c) => c.id).join(', ')}`,
          });
        }
      }
    }
    if (!own) points[node.index] = sum;
    maxima[node.index] = max;
  }
  return { ...t, points, maxima };
}

/**
 * The deepest nodes the data gives, in the scheme's order: a node whose scoring children are all
 * given (or made of given children) is replaced by them. What `explain` lists: the fields and
 * criteria where a unit lost points, not only its parts. Bonus and penalty nodes are left out.
 */
export function deepestNodes(scheme: Scheme, given: ArrayLike<number>): SchemeNode[] {
  const out: SchemeNode[] = [];
  const visit = (n: SchemeNode) => {
    const kids = n.children.map((c) => scheme.nodes[c]!).filter((c) => c.role === 'score');
    if (kids.length > 0 && kids.every((c) => covered(scheme, given, c))) kids.forEach(visit);
    else out.push(n);
  };
  scheme.components.forEach(visit);
  return out;
}
