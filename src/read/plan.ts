/**
 * What each column of a file is, against a scheme: the unit's name, code, block, year, ranked flag;
 * the column of each scheme node, or the parts of a node under its group header (a part over its
 * fields in a two-row header) and its subtotal ("Cộng"); the figures the file states itself (a
 * total, a unit's maximum, an index, a rank), which are checked. Problems of the header are
 * reported here, once.
 */
import type { ProblemLog } from '../model/problem.js';
import type { Scheme, SchemeNode } from '../model/scheme.js';
import type { FigureKind } from '../model/table.js';
import { foldDiacritics } from '../model/text.js';
import type { HeaderColumn, LocatedHeader, MetaRole } from './header.js';
import { componentOf, componentsByKey, noteContradicts, within } from './select.js';
import { format, normalize } from '../model/decimal.js';

export type { FigureKind };
export const FIGURES: readonly FigureKind[] = ['total', 'max', 'index', 'rank'];

export interface NodeColumns {
  readonly node: SchemeNode;
  /** The column of the node's points: its own, or its group's subtotal ("Cộng"). */
  readonly col?: HeaderColumn;
  /** Columns under the node's group header that add up to it (the fields of a part). */
  readonly parts: readonly HeaderColumn[];
  /** The header says its values are percentages or ratios, not points: reported by the reader (which looks at the values), never read as points. */
  readonly percent?: boolean;
  /** Its columns cannot be read without a guess (reported here): not read. */
  readonly unread?: boolean;
}

export interface ColumnPlan {
  readonly unit: HeaderColumn;
  readonly meta: ReadonlyMap<MetaRole, HeaderColumn>;
  /** In header order. */
  readonly nodes: readonly NodeColumns[];
  readonly figures: readonly { readonly kind: FigureKind; readonly col: HeaderColumn }[];
  /** Columns without a header (their values are reported as ignored). */
  readonly unnamed: readonly number[];
  /** A row-number column (STT): where Excel sheets put "Tổng cộng" on a summary row. */
  readonly ordinal?: HeaderColumn;
}

/** Header keys of a subtotal column under a group: "Cộng", "Tổng", "Tổng cộng", ... */
const SUBTOTALS = new Set(['cong', 'tong', 'tongcong', 'tongso', 'congdiem', 'tongdiem', 'total', 'subtotal']);
/** Leaves under a component that are the unit's own assessment, not its points: "Tự đánh giá", "Tự chấm". */
const SELF = new Set(['tudanhgia', 'diemtudanhgia', 'tucham', 'tuchamdiem', 'diemtucham', 'donvitucham', 'donvitudanhgia', 'selfassessment', 'self']);
/** The leaf that is the points, next to a self-assessment: "Thẩm định", "Điểm thẩm định", "Kết quả thẩm định". */
const APPRAISED = new Set(['thamdinh', 'diemthamdinh', 'ketquathamdinh', 'hoidongthamdinh', 'sauthamdinh', 'diemsauthamdinh', 'appraised']);
const ORDINALS = new Set(['stt', 'tt', 'sott', 'sothutu', 'no', 'nr']);
const MULTI_ROLES: ReadonlySet<MetaRole> = new Set(['ignored']);

function quote(header: string): string {
  return `"${header}"`;
}

/** A header that says its values are percentages or ratios: "(%)", "Tỷ lệ", "%". */
export function isPercentHeader(col: { readonly header: string; readonly note?: string }): boolean {
  return col.note === '%' || /%/.test(col.header) || /\bty le\b/.test(foldDiacritics(col.header));
}

export function planColumns(h: LocatedHeader, scheme: Scheme, log: ProblemLog): ColumnPlan | undefined {
  const file = h.file;
  const at = (col: HeaderColumn) => ({ file, line: col.group && h.leafLine !== undefined ? h.leafLine : h.line, column: col.index + 1 });
  const byKey = componentsByKey(scheme);
  // Column roles: every role that matters may appear once.
  const seen = new Map<string, HeaderColumn>();
  const claim = (role: string, col: HeaderColumn, what: string): boolean => {
    const first = seen.get(role);
    if (first) {
      log.error('duplicate-column', `${what} appears twice: ${quote(first.header)} (column ${first.index + 1}) and ${quote(col.header)}`, {
        ...at(col),
        hint: role === 'meta:unit' ? 'name the unit column with --unit-column "<header>"' : 'remove or rename one of the columns',
      });
      return false;
    }
    seen.set(role, col);
    return true;
  };
  const meta = new Map<MetaRole, HeaderColumn>();
  const nodes = new Map<SchemeNode, { col?: HeaderColumn; appraised?: HeaderColumn; parts: HeaderColumn[] }>();
  const node = (n: SchemeNode) => {
    let entry = nodes.get(n);
    if (!entry) nodes.set(n, (entry = { parts: [] }));
    return entry;
  };
  let ordinal: HeaderColumn | undefined;
  for (const col of h.columns) {
    const group = col.group ? componentOf(byKey, col.group.key) : undefined;
    if (group) {
      // Under a node's group header: a node of that group (a field under its part), the group's
      // subtotal, its appraised points next to a self-assessment (which is not its points), or,
      // when the group has no children in the scheme, one of its parts (checked against the subtotal).
      const leaf = componentOf(byKey, col.key);
      const entry = node(group);
      if (SUBTOTALS.has(col.key)) {
        if (claim(`component:${group.id}`, col, `the column for "${group.id}"`)) entry.col = col;
      } else if (leaf && leaf !== group && within(scheme, leaf, group)) {
        if (claim(`component:${leaf.id}`, col, `the column for "${leaf.id}"`)) node(leaf).col = col;
      } else if (SELF.has(col.key)) continue;
      else if (APPRAISED.has(col.key) && !entry.appraised) entry.appraised = col;
      else if (group.children.length === 0) entry.parts.push(col);
      else log.warn('unknown-column', `column ${quote(col.header)} is not part of "${group.id}" in scheme ${scheme.id} and is ignored`, at(col));
      continue;
    }
    const own = componentOf(byKey, col.key);
    if (own) {
      if (claim(`component:${own.id}`, col, `the column for "${own.id}"`)) node(own).col = col;
    } else if (col.meta && !MULTI_ROLES.has(col.meta)) {
      if (claim(`meta:${col.meta}`, col, `a ${col.meta} column`)) meta.set(col.meta, col);
    } else if (col.meta === 'ignored' && ORDINALS.has(col.key)) {
      ordinal ??= col;
    } else if (!col.meta && col.header !== '') {
      log.warn('unknown-column', `column ${quote(col.header)} is not part of scheme ${scheme.id} and is ignored`, at(col));
    }
  }
  const unit = meta.get('unit');
  if (!unit) {
    log.error('missing-column', 'no unit column: expected a header such as "unit", "Đơn vị", "Tên đơn vị", "Địa phương", "Tỉnh", "Huyện" or "Xã"', {
      file,
      line: h.line,
      hint: 'name it with --unit-column "<header>"',
    });
    return undefined;
  }
  const planned: NodeColumns[] = [];
  for (const [n, entry] of nodes) {
    let { col, parts } = entry;
    // A group with only a self-assessment has no points column: reported as missing when the files are joined.
    if (!col && !entry.appraised && parts.length === 0) continue;
    let unread = false;
    if (!col && entry.appraised) {
      // "Tự đánh giá | Thẩm định": the appraised points; other columns of the group are not read.
      col = entry.appraised;
      for (const p of parts) log.warn('unknown-column', `column ${quote(p.header)} is not part of scheme ${scheme.id} and is ignored`, at(p));
      parts = [];
    } else if (entry.appraised) parts = [...parts, entry.appraised].sort((a, b) => a.index - b.index);
    else if (!col && parts.length === 1) [col, parts] = [parts[0], []];
    else if (!col) {
      unread = true;
      log.error(
        'group-without-subtotal',
        `"${parts[0]!.group!.header}" spans ${parts.length} columns (${parts.map((p) => quote(p.group ? p.header.slice(p.group.header.length + 3) : p.header)).join(', ')}) but has no subtotal: par-score does not add them up on a guess`,
        { ...at(parts[0]!), hint: `add a "Cộng" column to the group (the points of ${n.id}), or give ${n.id} in one column` },
      );
    }
    // A header that says percent, for a node the scheme measures in points (or on another scale).
    const percent = n.measure.kind !== 'percent' && n.measure.kind !== 'ratio' && [col, ...parts].some((c) => c !== undefined && isPercentHeader(c));
    // "Điểm thẩm định (61,5)" read with a scheme whose appraisal maximum is 72: the wrong scheme, or the wrong column.
    const ofGroup = col?.group !== undefined && componentOf(byKey, col.group.key) === n;
    const stated = col?.group && ofGroup && !noteContradicts(col, n) ? col.group : col;
    if (stated && !percent && noteContradicts(stated, n)) {
      log.error('scheme-maxima-differ', `"${stated.header}" states a maximum of ${stated.note}, but ${n.id} of scheme ${scheme.id} has ${format(normalize(n.max))}`, {
        ...at(col!),
        hint: 'use the scheme these maxima belong to (--scheme), or correct the header',
      });
    }
    planned.push({ node: n, ...(col ? { col } : {}), parts, ...(percent ? { percent } : {}), ...(unread ? { unread } : {}) });
  }
  planned.sort((a, b) => first(a) - first(b));
  const figures = FIGURES.flatMap((kind) => {
    const col = meta.get(kind);
    return col ? [{ kind, col }] : [];
  });
  const unnamed = h.columns.filter((c) => c.header === '').map((c) => c.index);
  return { unit, meta, nodes: planned, figures, unnamed, ...(ordinal ? { ordinal } : {}) };
}

function first(n: NodeColumns): number {
  return Math.min(n.col?.index ?? Infinity, ...n.parts.map((p) => p.index));
}
