/** An empty input file for a scheme: its header, with the maxima, and a row per unit to fill in. */
import type { Scheme, SchemeNode } from '../model/scheme.js';
import type { Delimiter } from '../read/csv.js';
import { csvCell } from './csv.js';
import { componentTitle } from './view.js';
import { words, type Lang } from './words.js';

export interface TemplateUnit {
  readonly name: string;
  readonly code?: string;
  readonly block?: string;
}

/**
 * The header of the scheme's input file: a flat scheme's components in one row; a tree's leaves
 * under a group row of their parts (as the province's own sheet, merged cells exported), which
 * `rank` reads back.
 */
export function templateRows(scheme: Scheme, units: readonly TemplateUnit[], lang: Lang): { head: string[][]; rows: string[][]; lead: number } {
  const o = { lang };
  const w = words(o.lang);
  const hasCode = units.some((u) => u.code !== undefined);
  const hasBlock = units.some((u) => u.block !== undefined);
  const title = (n: SchemeNode) => componentTitle(n, o.lang, w.decimal);
  const lead = [w.number, w.unit, ...(hasCode ? [w.code] : []), ...(hasBlock ? [w.block] : [])];
  const top = scheme.nodes.filter((n) => n.parent < 0);
  const leavesOf = (n: SchemeNode): SchemeNode[] => (n.children.length === 0 ? [n] : n.children.flatMap((c) => leavesOf(scheme.nodes[c]!)));
  const grouped = top.some((n) => n.children.length > 0);
  const head: string[][] = grouped
    ? [
        [...lead, ...top.flatMap((n) => (n.children.length === 0 ? [title(n)] : leavesOf(n).map((_, k) => (k === 0 ? title(n) : ''))))],
        [...lead.map(() => ''), ...top.flatMap((n) => (n.children.length === 0 ? [''] : leavesOf(n).map(title)))],
      ]
    : [[...lead, ...top.map(title)]];
  const width = head[0]!.length - lead.length;
  const rows = units.map((u, i) => [String(i + 1), u.name, ...(hasCode ? [u.code ?? ''] : []), ...(hasBlock ? [u.block ?? ''] : []), ...Array.from({ length: width }, () => '')]);
  return { head, rows, lead: lead.length };
}

export function renderTemplate(scheme: Scheme, units: readonly TemplateUnit[], o: { lang: Lang; delimiter: Delimiter; bom: boolean }): string {
  const { head, rows } = templateRows(scheme, units, o.lang);
  return (o.bom ? '\uFEFF' : '') + [...head, ...rows].map((r) => r.map((c) => csvCell(c)).join(o.delimiter)).join('\r\n') + '\r\n';
}
