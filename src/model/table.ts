/**
 * One year of scores, columnar: what the reader makes from the files and every command ranks,
 * compares and explains. A unit is a position (0 .. size-1, in the order of the first file); its
 * texts are entries of string columns and its points are entries of one typed array per scheme node.
 *
 * Points are exact: a column holds integers, and a node's points are that integer / 10^scale (the
 * table's scale is the most decimals any cell has). Sums of such integers stay exact as long as they
 * stay below 2^53, which the reader makes sure of. `NaN` is "not applicable to this unit".
 */
import type { Scheme } from './scheme.js';

export interface CellRef {
  readonly file: string;
  readonly line: number;
  /** 1-based field number. */
  readonly column: number;
}

/** A figure a file states for each unit: a total, the unit's own maximum, its index, its rank. */
export type FigureKind = 'total' | 'max' | 'index' | 'rank';

/** A column of figures a file states itself, checked against the computed ones (model/figures.ts). */
export interface DeclaredColumn {
  readonly kind: FigureKind;
  /** Its header, as messages name it. */
  readonly header: string;
  /** A total's: the nodes whose sum it states (those of the file it is in). */
  readonly nodes: readonly number[];
  /** Totals and maxima: integers at the table's scale; an index or a rank: the integer of its digits (value / 10^decimals). NaN where the cell holds no number. */
  readonly values: Float64Array;
  /** The decimals each value is written with. */
  readonly decimals: Uint8Array;
  /** A total's: how many cells of its file add up to it, and their most decimals (the rounding a check allows). */
  readonly terms: Uint16Array;
  readonly partDecimals: Uint8Array;
  readonly file: string;
  /** 1-based field number of the column. */
  readonly column: number;
  /** The line of each unit's row in that file. */
  readonly lines: Int32Array;
}

export interface ScoreTable {
  readonly scheme: Scheme;
  readonly size: number;
  /** Points = column value / 10^scale. */
  readonly scale: number;
  readonly names: readonly string[];
  readonly codes: readonly (string | undefined)[];
  /**
   * True when no two units have codes equal but for case: the reader says so for the tables it
   * makes (it refuses a file with a code twice), a year joined from several files only when every
   * code is the first file's. Not assumed when absent.
   */
  readonly distinctCodes?: boolean;
  readonly blocks: readonly (string | undefined)[];
  /** 1 = ranked, 0 = assessed but not ranked. */
  readonly ranked: Uint8Array;
  /** By scheme node (`SchemeNode.index`): the points of every unit, NaN where the node does not apply. */
  readonly points: readonly Float64Array[];
  /**
   * By node: the unit's own maximum of the node, at `scale`, where it can differ from the node's
   * (an inner node whose children are given: those not applicable to the unit are left out);
   * undefined where it is the node's maximum for every unit to which the node applies.
   */
  readonly maxima: readonly (Float64Array | undefined)[];
  /** By node: 1 when a file gives its points (else they are the sum of its children's, or 0 for a bonus or penalty). */
  readonly given: Uint8Array;
  /** By node: the most decimals its cells are written with (the rounding a check of a sum allows). */
  readonly decimals: Uint8Array;
  readonly declared: readonly DeclaredColumn[];
  /** Where each unit's row is (its first file): index into `files`, line and field number. */
  readonly originFile: Uint16Array;
  readonly originLine: Int32Array;
  readonly originColumn: Int32Array;
  readonly files: readonly string[];
  readonly year?: string;
}

export function originOf(t: ScoreTable, i: number): CellRef {
  return { file: t.files[t.originFile[i]!]!, line: t.originLine[i]!, column: t.originColumn[i]! };
}

/** The largest integer a sum of points may reach and stay exact in a double. */
export const EXACT_LIMIT = Number.MAX_SAFE_INTEGER;
