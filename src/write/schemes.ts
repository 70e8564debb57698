/** The `schemes` views: the built-in schemes in a list, and one scheme's components, bands and source. */
import { format, normalize, sum, type Decimal } from '../model/decimal.js';
import type { Scheme } from '../model/scheme.js';
import { words, type Lang } from './words.js';

const num = (d: Decimal, lang: Lang) => format(normalize(d), undefined, words(lang).decimal);

/** One scheme, as text (`md`: as Markdown). */
export function describeScheme(s: Scheme, lang: Lang, md: boolean): string {
  const w = words(lang).schemes;
  const total = num(sum(s.components.map((c) => c.max)), lang);
  const rows = s.components.map((c) => [c.id, c.label[lang], num(c.max, lang), c.part ?? '', c.aliases.join('; ')]);
  const bands = s.bands.map((b) => `${b.label[lang]} >= ${num(b.min, lang)}%`).join(', ');
  const lines: string[] = [];
  if (md) {
    lines.push(`## ${s.title[lang]} (\`${s.id}\`)`, '', `| ${w.head.join(' | ')} |`, '|:---|:---|---:|:---|:---|', ...rows.map((r) => `| ${r.join(' | ')} |`));
  } else {
    lines.push(`${s.id}: ${s.title[lang]}`, ...rows.map((r) => `  ${r[0]!.padEnd(16)} ${r[2]!.padStart(6)}  ${r[1]}${r[3] ? ` [${r[3]}]` : ''}`));
  }
  lines.push('', `${w.total}: ${total}`);
  if (bands) lines.push(`${w.bands}: ${bands}`);
  lines.push(`${w.precision}: ${s.precision}`);
  if (s.source) lines.push(`${w.source}: ${s.source}`);
  return lines.join('\n') + '\n';
}

/** The list of schemes, as text (`md`: as Markdown). */
export function listSchemes(schemes: readonly Scheme[], lang: Lang, md: boolean): string {
  const w = words(lang).schemes;
  const rows = schemes.map((s) => {
    const parts = s.components.map((c) => `${c.id} ${num(c.max, lang)}`).join(', ');
    return [s.id, s.level ?? '', parts, s.bands.length ? s.bands.map((b) => `${b.id}>=${num(b.min, lang)}`).join(' ') : '-', s.title[lang]];
  });
  const head = w.listHead;
  if (md) return [`| ${head.join(' | ')} |`, '|:---|:---|:---|:---|:---|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n') + '\n';
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: readonly string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return [line(head), ...rows.map(line)].join('\n') + '\n' + `\n${w.use}\n`;
}
