/** The report as Markdown, for repositories and wikis: the same tables as the HTML report. */
import { format, formatRatio, normalize } from '../../model/decimal.js';
import type { UnitChange } from '../../model/compare.js';
import { mdCell, mdTable } from '../markdown.js';
import { columns, comparisonNotes, humanView, rankChangeText, signed, summaryLines } from '../view.js';
import { words } from '../words.js';
import { fieldNodes, type ReportModel } from './model.js';

function movers(m: ReportModel, list: readonly UnitChange[], heading: string): string[] {
  const w = words(m.lang);
  const sep = words(m.lang).decimal;
  const p = m.ranking.scheme.precision;
  const rows = list.map((c) => [c.unit.name, String(c.previous?.rank ?? '-'), String(c.unit.rank ?? '-'), rankChangeText(c, m.lang), c.indexChange ? signed(formatRatio(c.indexChange, p, sep)) : '']);
  return [`### ${mdCell(heading)}`, '', rows.length ? mdTable([w.unit, w.previousRank(m.comparison!.previous.year ?? ''), w.rank, w.change, w.indexChange], rows, [false, true, true, false, true]) : `_${m.text.none}_`, ''];
}

export function renderReportMarkdown(m: ReportModel, version: string): string {
  const r = m.ranking;
  const sep = words(m.lang).decimal;
  const o = humanView(m.lang, m.comparison);
  const out: string[] = [`# ${mdCell(m.title)}`, '', `_${mdCell(m.subtitle)}_`, '', `## ${m.text.headline}`, ''];
  for (const f of m.figures) out.push(`- **${mdCell(f.label)}**: ${mdCell(f.value)}${f.note ? ` (${mdCell(f.note)})` : ''}`);
  out.push('', `## ${m.text.ranking}`, '');
  const cols = columns(r, o);
  for (const b of r.blocks) {
    if (b.name !== undefined) out.push(`### ${mdCell(b.name)}`, '');
    out.push(mdTable(cols.map((c) => c.title), b.units.map((u) => cols.map((c) => c.cell(u))), cols.map((c) => c.numeric)), '');
  }
  for (const line of [...summaryLines(r, o), ...(m.comparison ? comparisonNotes(m.comparison, o) : [])]) out.push(`- ${mdCell(line)}`);
  out.push('');
  if (m.comparison) {
    const w = words(m.lang);
    out.push(`## ${m.text.movers}`, '', ...movers(m, m.risers, w.risers), ...movers(m, m.fallers, w.fallers));
  }
  out.push(`## ${m.text.leaders}`, '');
  const blocks = r.blocks.some((b) => b.name !== undefined);
  const w = words(m.lang);
  out.push(
    mdTable(
      [m.text.component, m.text.leader, ...(blocks ? [w.block] : []), m.text.points, '%'],
      m.leaders.map((l, k) => [
        k > 0 && m.leaders[k - 1]!.component === l.component ? '' : `${l.component.label[m.lang]} (${format(normalize(l.component.max), undefined, sep)})`,
        l.unit?.name ?? m.text.none,
        ...(blocks ? [l.unit?.block ?? ''] : []),
        l.points,
        l.pct,
      ]),
      [false, false, ...(blocks ? [false] : []), true, true],
    ),
    '',
    `## ${m.text.heat}`,
    '',
    `_${mdCell(m.text.heatNote)}_`,
    '',
  );
  const fields = fieldNodes(r.scheme);
  for (const b of r.blocks) {
    if (b.name !== undefined) out.push(`### ${mdCell(b.name)}`, '');
    out.push(
      mdTable(
        [words(m.lang).unit, ...fields.map((c) => c.label[m.lang])],
        b.units.map((u) => [u.name, ...fields.map((f) => u.node(f.index)).map((c) => (c.applicable && c.index ? formatRatio(c.index, 1, sep) : '–'))]),
        [false, ...fields.map(() => true)],
      ),
      '',
    );
  }
  out.push(`_${mdCell(`${words(m.lang).scheme}: ${r.scheme.title[m.lang]} (${r.scheme.id}). ${m.text.generated} ${version}`)}_`, '');
  return out.join('\n');
}
