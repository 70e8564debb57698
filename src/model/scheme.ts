/**
 * A scheme (methodology, bộ chỉ số): the nodes units are scored on, their maxima, the bands and the
 * precision results are shown with. Pure data; the scheme file format and its validation are in
 * read/scheme-file.ts, which turns a validated file into a `Scheme` with `resolveScheme`.
 *
 * A scheme is a tree: parts (appraisal, survey, impact) made of fields, criteria and sub-criteria,
 * each with a maximum; an inner node's maximum is the sum of its children's. A flat scheme (a list of
 * components) is a tree whose nodes are all top-level leaves. Nodes are kept in one list in
 * pre-order, so that every per-node column of a table (points, ranks) is indexed the same way.
 */
import { fromNumber, toRatio, type Decimal, type Ratio } from './decimal.js';

export interface Label {
  readonly vi: string;
  readonly en: string;
}

/** How a node's cells are written: points (default), or a measure turned into points exactly. */
export type Measure =
  | { readonly kind: 'points' }
  /** 0-100: points = value / 100 x max. */
  | { readonly kind: 'percent' }
  /** 0-1: points = value x max. */
  | { readonly kind: 'ratio' }
  /** 0-`of` (a 0-10 average): points = value / of x max. `of` divides a power of ten, so points stay exact decimals. */
  | { readonly kind: 'scale'; readonly of: Decimal };

/**
 * What a node adds: points within the maximum (a part, field or criterion), or, at the top, bonus
 * points added and penalty points taken off after the maximum (`max` is then their cap).
 */
export type NodeRole = 'score' | 'bonus' | 'penalty';

export interface SchemeNode {
  /** Position in `Scheme.nodes`; per-node columns use it. */
  readonly index: number;
  readonly id: string;
  readonly label: Label;
  readonly aliases: readonly string[];
  /** The node's maximum points: a leaf's own, an inner node's the sum of its children's. A bonus's or penalty's cap. */
  readonly max: Decimal;
  /** A label of the part the node belongs to (appraisal, survey), as scheme files say. */
  readonly part?: string;
  /** Applies to every unit: "not applicable" in its cell is an error. */
  readonly always: boolean;
  /** Index of the parent node, -1 for a top-level node. */
  readonly parent: number;
  readonly children: readonly number[];
  /** 0 for a top-level node. */
  readonly depth: number;
  /** The ids from the top-level node down to this one. */
  readonly path: readonly string[];
  readonly measure: Measure;
  readonly role: NodeRole;
  /** A penalty written as a negative number in the files (-2) instead of a positive one (2). */
  readonly negative?: boolean;
}

/** The top-level nodes that score within the maximum (parts, or the components of a flat scheme). */
export type Component = SchemeNode;

export interface Band {
  readonly id: string;
  /** Lower bound of the index (%), inclusive. */
  readonly min: Decimal;
  readonly label: Label;
}

/** A node of a scheme file: a leaf with its maximum, or an inner node with children (its maximum their sum). */
export interface NodeSpec {
  readonly id: string;
  readonly label?: { readonly vi?: string | undefined; readonly en?: string | undefined } | undefined;
  readonly aliases?: readonly string[] | undefined;
  readonly max?: number | undefined;
  readonly part?: string | undefined;
  readonly always?: boolean | undefined;
  readonly measure?: 'points' | 'percent' | 'ratio' | { readonly scale: number } | undefined;
  readonly kind?: 'bonus' | 'penalty' | undefined;
  readonly written?: 'positive' | 'negative' | undefined;
  readonly children?: readonly NodeSpec[] | undefined;
}

/** A scheme file as validated (read/scheme-file.ts): the plain JSON shape. */
export interface SchemeSpec {
  readonly $schema?: string | undefined;
  readonly id: string;
  readonly title?: { readonly vi?: string | undefined; readonly en?: string | undefined } | undefined;
  readonly level?: string | undefined;
  readonly source?: string | { readonly vi?: string | undefined; readonly en?: string | undefined } | undefined;
  readonly precision?: number | undefined;
  readonly components: readonly NodeSpec[];
  /** Whether bonus points may take a total above the maximum (default: no, the total is capped). */
  readonly overMax?: 'cap' | 'allow' | undefined;
  readonly dash?: 'na' | 'zero' | undefined;
  readonly bands?: readonly { readonly id?: string | undefined; readonly min: number; readonly label: { readonly vi?: string | undefined; readonly en?: string | undefined } }[] | undefined;
}

export interface Scheme {
  readonly id: string;
  readonly title: Label;
  readonly level?: string;
  /** Where the methodology comes from, in both languages (a single text serves both). */
  readonly source?: Label;
  /** Decimals shown and written (default 2). */
  readonly precision: number;
  /** What a lone dash in a score cell means, when the scheme says (else it is an error: ambiguous). */
  readonly dash?: 'na' | 'zero';
  /** Every node, in pre-order. */
  readonly nodes: readonly SchemeNode[];
  /** The top-level scoring nodes, in order (parts; the components of a flat scheme). */
  readonly components: readonly Component[];
  /** The top-level bonus and penalty nodes, in order. */
  readonly adjustments: readonly SchemeNode[];
  /** The deepest node's depth (0: a flat scheme). */
  readonly depth: number;
  /** Whether bonus points may take a total above the maximum. */
  readonly overMax: 'cap' | 'allow';
  /** Highest threshold first. */
  readonly bands: readonly Band[];
  /** The sum of the top-level maxima: the maximum of a unit to which every node applies. */
  readonly max: Decimal;
  /** The band thresholds as fractions and doubles, highest first (for `bandFor`). */
  readonly thresholds: readonly { readonly band: Band; readonly min: Ratio; readonly f: number }[];
  /** The validated file, for printing and copying. */
  readonly file: SchemeSpec;
}

function fillLabel(l: { vi?: string | undefined; en?: string | undefined } | undefined, fallback: string): Label {
  return { vi: l?.vi ?? l?.en ?? fallback, en: l?.en ?? l?.vi ?? fallback };
}

function addDecimals(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: a.units * 10n ** BigInt(scale - a.scale) + b.units * 10n ** BigInt(scale - b.scale), scale };
}

function measureOf(m: NodeSpec['measure']): Measure {
  if (m === undefined || m === 'points') return { kind: 'points' };
  if (m === 'percent' || m === 'ratio') return { kind: m };
  return { kind: 'scale', of: fromNumber(m.scale) };
}

/** The nodes of a scheme file in pre-order; an inner node's maximum is the sum of its children's. */
function flatten(specs: readonly NodeSpec[]): SchemeNode[] {
  const nodes: SchemeNode[] = [];
  const visit = (spec: NodeSpec, parent: number, path: readonly string[]): SchemeNode => {
    const index = nodes.length;
    const here = [...path, spec.id];
    // A placeholder keeps pre-order; the node is made once its children are.
    nodes.push(undefined as unknown as SchemeNode);
    const children = (spec.children ?? []).map((c) => visit(c, index, here));
    const max = children.length > 0 ? children.filter((c) => c.role === 'score').reduce<Decimal>((acc, c) => addDecimals(acc, c.max), { units: 0n, scale: 0 }) : fromNumber(spec.max ?? 0);
    const node: SchemeNode = {
      index,
      id: spec.id,
      label: fillLabel(spec.label, spec.id),
      aliases: spec.aliases ?? [],
      max,
      ...(spec.part ? { part: spec.part } : {}),
      always: spec.always === true,
      parent,
      children: children.map((c) => c.index),
      depth: path.length,
      path: here,
      measure: measureOf(spec.measure),
      role: spec.kind ?? 'score',
      ...(spec.kind === 'penalty' && spec.written === 'negative' ? { negative: true } : {}),
    };
    nodes[index] = node;
    return node;
  };
  for (const spec of specs) visit(spec, -1, []);
  return nodes;
}

export function resolveScheme(file: SchemeSpec): Scheme {
  const nodes = flatten(file.components);
  const bands = [...(file.bands ?? [])]
    .sort((a, b) => b.min - a.min)
    .map((b, i) => ({ id: b.id ?? b.label.en ?? b.label.vi ?? `band-${i + 1}`, min: fromNumber(b.min), label: fillLabel(b.label, String(b.min)) }));
  const top = nodes.filter((n) => n.parent < 0);
  const components = top.filter((n) => n.role === 'score');
  const max = components.reduce<Decimal>((acc, n) => addDecimals(acc, n.max), { units: 0n, scale: 0 });
  return {
    id: file.id,
    title: fillLabel(file.title, file.id),
    ...(file.level ? { level: file.level } : {}),
    ...(file.source ? { source: typeof file.source === 'string' ? { vi: file.source, en: file.source } : fillLabel(file.source, '') } : {}),
    precision: file.precision ?? 2,
    ...(file.dash ? { dash: file.dash } : {}),
    nodes,
    components,
    adjustments: top.filter((n) => n.role !== 'score'),
    depth: Math.max(0, ...nodes.map((n) => n.depth)),
    overMax: file.overMax ?? 'cap',
    bands,
    max,
    thresholds: bands.map((band) => {
      const min = toRatio(band.min);
      return { band, min, f: Number(min.num) / Number(min.den) };
    }),
    file,
  };
}
