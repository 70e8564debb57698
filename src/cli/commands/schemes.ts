/** `par-score schemes [id]`: list the built-in schemes, or print one (as JSON to copy and edit). */
import type { Command } from 'commander';
import { format, normalize, sum } from '../../model/decimal.js';
import type { Scheme } from '../../model/scheme.js';
import { builtinSchemes } from '../../read/builtin.js';
import type { Lang } from '../../write/words.js';
import { register, resolveSchemeOption, type CommandSpec } from '../command.js';
import type { Context } from '../context.js';

const OPTIONS = [['format', { choices: ['table', 'json', 'md'] }], 'lang', ['color', { help: 'no colours' }]] as const;

const num = (d: Parameters<typeof format>[0], lang: Lang) => format(normalize(d), undefined, lang === 'vi' ? ',' : '.');

function describe(s: Scheme, lang: Lang, md: boolean): string {
  const total = num(sum(s.components.map((c) => c.max)), lang);
  const rows = s.components.map((c) => [c.id, c.label[lang], num(c.max, lang), c.part ?? '', c.aliases.join('; ')]);
  const head = lang === 'vi' ? ['id', 'Thành phần', 'Tối đa', 'Phần', 'Tên cột khác'] : ['id', 'Component', 'Max', 'Part', 'Other column names'];
  const bands = s.bands.map((b) => `${b.label[lang]} >= ${num(b.min, lang)}%`).join(', ');
  const lines: string[] = [];
  if (md) {
    lines.push(`## ${s.title[lang]} (\`${s.id}\`)`, '', `| ${head.join(' | ')} |`, '|:---|:---|---:|:---|:---|', ...rows.map((r) => `| ${r.join(' | ')} |`));
  } else {
    lines.push(`${s.id}: ${s.title[lang]}`, ...rows.map((r) => `  ${r[0]!.padEnd(16)} ${r[2]!.padStart(6)}  ${r[1]}${r[3] ? ` [${r[3]}]` : ''}`));
  }
  lines.push('', `${lang === 'vi' ? 'Tổng điểm tối đa' : 'Total maximum'}: ${total}`);
  if (bands) lines.push(`${lang === 'vi' ? 'Xếp loại' : 'Bands'}: ${bands}`);
  lines.push(`${lang === 'vi' ? 'Số chữ số thập phân' : 'Precision'}: ${s.precision}`);
  if (s.source) lines.push(`${lang === 'vi' ? 'Nguồn' : 'Source'}: ${s.source}`);
  return lines.join('\n') + '\n';
}

function list(schemes: readonly Scheme[], lang: Lang, md: boolean): string {
  const rows = schemes.map((s) => {
    const parts = s.components.map((c) => `${c.id} ${num(c.max, lang)}`).join(', ');
    return [s.id, s.level ?? '', parts, s.bands.length ? s.bands.map((b) => `${b.id}>=${num(b.min, lang)}`).join(' ') : '-', s.title[lang]];
  });
  const head = lang === 'vi' ? ['id', 'Cấp', 'Thành phần (tối đa)', 'Xếp loại', 'Tên'] : ['id', 'Level', 'Components (max)', 'Bands', 'Title'];
  if (md) return [`| ${head.join(' | ')} |`, '|:---|:---|:---|:---|:---|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n') + '\n';
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return [line(head), ...rows.map(line)].join('\n') + '\n' + '\nUse one with --scheme <id>; `par-score schemes <id> --format json > my-scheme.json` starts your own.\n';
}

const spec: CommandSpec<typeof OPTIONS> = {
  name: 'schemes',
  summary: 'list the built-in schemes, or show one',
  description: 'Lists the built-in schemes (methodologies), or shows one; --format json prints a scheme file to copy and edit.',
  args: [{ name: 'id', help: 'a built-in scheme id or a scheme JSON file', optional: true }],
  options: OPTIONS,
  examples: [],
  async run(job) {
    const o = job.o;
    const id = job.args[0] || undefined;
    if (id === undefined) {
      const all = builtinSchemes();
      return { output: o.format === 'json' ? `${JSON.stringify(all.map((s) => s.file), null, 2)}\n` : list(all, o.lang, o.format === 'md') };
    }
    const scheme = resolveSchemeOption(id);
    if (o.format === 'json') return { output: `${JSON.stringify(scheme.file, null, 2)}\n` };
    return { output: o.format === 'md' ? describe(scheme, o.lang, true) : (await job.colour()).reset(describe(scheme, o.lang, false)) };
  },
};

export function registerSchemes(program: Command, ctx: Context): void {
  register(program, ctx, spec);
}
