/** The `schemes` views: the built-in schemes in a list, and one scheme's components, bands and source. */
import { format, normalize, sum, type Decimal } from '../model/decimal.js';
import type { Scheme, SchemeNode } from '../model/scheme.js';
import { words, type Lang } from './words.js';

const num = (d: Decimal, lang: Lang) => format(normalize(d), undefined, words(lang).decimal);

/** One scheme, as text (`md`: as Markdown). */
export function describeScheme(s: Scheme, lang: Lang, md: boolean): string {
  const w = words(lang).schemes;
  const total = num(sum(s.components.map((c) => c.max)), lang);
  // Every node, indented by its depth; a bonus or penalty and a measure said after the label.
  const extra = (c: SchemeNode) =>
    [c.role !== 'score' ? w.role[c.role] : '', c.measure.kind === 'percent' ? '%' : c.measure.kind === 'ratio' ? '0-1' : c.measure.kind === 'scale' ? `0-${num(c.measure.of, lang)}` : '']
      .filter(Boolean)
      .map((x) => ` (${x})`)
      .join('');
  const rows = s.nodes.map((c) => [md ? `${'&nbsp;&nbsp;'.repeat(c.depth)}${c.id}` : `${'  '.repeat(c.depth)}${c.id}`, c.label[lang] + extra(c), num(c.max, lang), c.part ?? '', c.aliases.join('; ')]);
  const bands = s.bands.map((b) => `${b.label[lang]} >= ${num(b.min, lang)}%`).join(', ');
  const lines: string[] = [];
  if (md) {
    lines.push(`## ${s.title[lang]} (\`${s.id}\`)`, '', `| ${w.head.join(' | ')} |`, '|:---|:---|---:|:---|:---|', ...rows.map((r) => `| ${r.join(' | ')} |`));
  } else {
    const width = Math.max(16, ...rows.map((r) => r[0]!.length));
    lines.push(`${s.id}: ${s.title[lang]}`, ...rows.map((r) => `  ${r[0]!.padEnd(width)} ${r[2]!.padStart(6)}  ${r[1]}${r[3] ? ` [${r[3]}]` : ''}`));
  }
  lines.push('', `${w.total}: ${total}`);
  if (bands) lines.push(`${w.bands}: ${bands}`);
  lines.push(`${w.precision}: ${s.precision}`);
  if (s.source) lines.push(`${w.source}: ${s.source[lang]}`);
  return lines.join('\n') + '\n';
}

/** The list of schemes, as text (`md`: as Markdown). */
export function listSchemes(schemes: readonly Scheme[], lang: Lang, md: boolean): string {
  const w = words(lang).schemes;
  const rows = schemes.map((s) => {
    const kids = (c: SchemeNode): string => (c.children.length ? ` (${c.children.map((k) => node(s.nodes[k]!)).join(', ')})` : '');
    const node = (c: SchemeNode): string => `${c.id} ${num(c.max, lang)}${kids(c)}`;
    const parts = s.components.map(node).join(', ');
    return [s.id, s.level ? w.level(s.level) : '', parts, s.bands.length ? s.bands.map((b) => `${b.id}>=${num(b.min, lang)}`).join(' ') : '-', s.title[lang]];
  });
  const head = w.listHead;
  if (md) return [`| ${head.join(' | ')} |`, '|:---|:---|:---|:---|:---|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n') + '\n';
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: readonly string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return [line(head), ...rows.map(line)].join('\n') + '\n' + `\n${w.use}\n`;
}
