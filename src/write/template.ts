/** An empty input file for a scheme: its header, with the maxima, and a row per unit to fill in. */
import type { Scheme } from '../model/scheme.js';
import type { Delimiter } from '../read/csv.js';
import { csvCell } from './csv.js';
import { componentTitle } from './view.js';
import { words, type Lang } from './words.js';

export interface TemplateUnit {
  readonly name: string;
  readonly code?: string;
  readonly block?: string;
}

export function renderTemplate(scheme: Scheme, units: readonly TemplateUnit[], o: { lang: Lang; delimiter: Delimiter; bom: boolean }): string {
  const w = words(o.lang);
  const hasCode = units.some((u) => u.code !== undefined);
  const hasBlock = units.some((u) => u.block !== undefined);
  const head = [w.number, w.unit, ...(hasCode ? [w.code] : []), ...(hasBlock ? [w.block] : []), ...scheme.components.map((c) => componentTitle(c, o.lang, w.decimal))];
  const d = o.delimiter;
  const cell = (s: string) => (s.includes(d) && d !== ',' ? `"${s.replace(/"/g, '""')}"` : csvCell(s));
  const rows = units.map((u, i) => [String(i + 1), u.name, ...(hasCode ? [u.code ?? ''] : []), ...(hasBlock ? [u.block ?? ''] : []), ...scheme.components.map(() => '')]);
  return (o.bom ? '\uFEFF' : '') + [head, ...rows].map((r) => r.map(cell).join(d)).join('\r\n') + '\r\n';
}
