/**
 * A scheme (methodology, bộ chỉ số): the nodes units are scored on, their maxima, the bands and the
 * precision results are shown with. Pure data; the scheme file format and its validation are in
 * read/scheme-file.ts, which turns a validated file into a `Scheme` with `resolveScheme`.
 *
 * Nodes are kept in one list in pre-order, so that every per-node column of a table (points, ranks)
 * is indexed the same way. A flat scheme (a list of components) is a tree of depth 1: every node a
 * top-level leaf.
 */
import { fromNumber, toRatio, type Decimal, type Ratio } from './decimal.js';

export interface Label {
  readonly vi: string;
  readonly en: string;
}

export interface SchemeNode {
  /** Position in `Scheme.nodes`; per-node columns use it. */
  readonly index: number;
  readonly id: string;
  readonly label: Label;
  readonly aliases: readonly string[];
  readonly max: Decimal;
  /** A label of the part the node belongs to (appraisal, survey), as scheme files say. */
  readonly part?: string;
  /** Applies to every unit: "not applicable" in its cell is an error. */
  readonly always: boolean;
  /** Index of the parent node, -1 for a top-level node. */
  readonly parent: number;
  readonly children: readonly number[];
}

/** The components of the scheme files of today: the top-level nodes. */
export type Component = SchemeNode;

export interface Band {
  readonly id: string;
  /** Lower bound of the index (%), inclusive. */
  readonly min: Decimal;
  readonly label: Label;
}

/** A scheme file as validated (read/scheme-file.ts): the plain JSON shape. */
export interface SchemeSpec {
  readonly $schema?: string | undefined;
  readonly id: string;
  readonly title?: { readonly vi?: string | undefined; readonly en?: string | undefined } | undefined;
  readonly level?: string | undefined;
  readonly source?: string | undefined;
  readonly precision?: number | undefined;
  readonly components: readonly {
    readonly id: string;
    readonly label?: { readonly vi?: string | undefined; readonly en?: string | undefined } | undefined;
    readonly aliases?: readonly string[] | undefined;
    readonly max: number;
    readonly part?: string | undefined;
    readonly always?: boolean | undefined;
  }[];
  readonly dash?: 'na' | 'zero' | undefined;
  readonly bands?: readonly { readonly id?: string | undefined; readonly min: number; readonly label: { readonly vi?: string | undefined; readonly en?: string | undefined } }[] | undefined;
}

export interface Scheme {
  readonly id: string;
  readonly title: Label;
  readonly level?: string;
  readonly source?: string;
  /** Decimals shown and written (default 2). */
  readonly precision: number;
  /** What a lone dash in a score cell means, when the scheme says (else it is an error: ambiguous). */
  readonly dash?: 'na' | 'zero';
  /** Every node, in pre-order. */
  readonly nodes: readonly SchemeNode[];
  /** The top-level nodes, in order. */
  readonly components: readonly Component[];
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

export function resolveScheme(file: SchemeSpec): Scheme {
  const nodes: SchemeNode[] = file.components.map((c, index) => ({
    index,
    id: c.id,
    label: fillLabel(c.label, c.id),
    aliases: c.aliases ?? [],
    max: fromNumber(c.max),
    ...(c.part ? { part: c.part } : {}),
    always: c.always === true,
    parent: -1,
    children: [],
  }));
  const bands = [...(file.bands ?? [])]
    .sort((a, b) => b.min - a.min)
    .map((b, i) => ({ id: b.id ?? b.label.en ?? b.label.vi ?? `band-${i + 1}`, min: fromNumber(b.min), label: fillLabel(b.label, String(b.min)) }));
  let max: Decimal = { units: 0n, scale: 0 };
  for (const n of nodes) {
    const scale = Math.max(max.scale, n.max.scale);
    max = { units: max.units * 10n ** BigInt(scale - max.scale) + n.max.units * 10n ** BigInt(scale - n.max.scale), scale };
  }
  return {
    id: file.id,
    title: fillLabel(file.title, file.id),
    ...(file.level ? { level: file.level } : {}),
    ...(file.source ? { source: file.source } : {}),
    precision: file.precision ?? 2,
    ...(file.dash ? { dash: file.dash } : {}),
    nodes,
    components: nodes.filter((n) => n.parent < 0),
    bands,
    max,
    thresholds: bands.map((band) => {
      const min = toRatio(band.min);
      return { band, min, f: Number(min.num) / Number(min.den) };
    }),
    file,
  };
}
