/** GitHub-flavoured Markdown: a heading, one table per block, the summary and notes. */
import type { Ranking } from '../model/ranking.js';
import type { Lang } from './words.js';
import type { Comparison } from '../model/compare.js';
import { columns, comparisonNotes, humanView, summaryLines, title } from './view.js';
import { words } from './words.js';

export function mdCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function mdTable(headers: readonly string[], rows: readonly (readonly string[])[], numeric: readonly boolean[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(mdCell).join(' | ')} |`;
  return [line(headers), `|${numeric.map((n) => (n ? '---:' : ':---')).join('|')}|`, ...rows.map(line)].join('\n');
}

export function renderMarkdown(r: Ranking, options: { lang: Lang; comparison?: Comparison }): string {
  const o = humanView(options.lang, options.comparison);
  const w = words(options.lang);
  const cols = columns(r, o);
  const out: string[] = [`## ${mdCell(title(r, options.lang))}`, ''];
  for (const b of r.blocks) {
    if (b.name !== undefined) out.push(`### ${mdCell(b.name)}`, '');
    out.push(
      mdTable(
        cols.map((c) => c.title),
        b.units.map((u) => cols.map((c) => c.cell(u))),
        cols.map((c) => c.numeric),
      ),
      '',
    );
  }
  for (const s of summaryLines(r, o)) out.push(`- ${mdCell(s)}`);
  if (options.comparison) for (const s of comparisonNotes(options.comparison, o)) out.push(`- ${mdCell(s)}`);
  const notes: string[] = [];
  if (r.units.some((u) => !u.ranked)) notes.push(`"-" ${w.rank}: ${w.notRankedNote}.`);
  if (r.units.some((u) => u.components.some((c) => !c.applicable))) notes.push(`${w.notApplicableNote}.`);
  if (notes.length) out.push('', ...notes.map((n) => `_${mdCell(n)}_`));
  out.push('', `_${mdCell(`${w.scheme}: ${r.scheme.id}${r.scheme.source ? ` (${r.scheme.source})` : ''}`)}_`);
  return out.join('\n') + '\n';
}
