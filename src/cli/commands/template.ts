/** `par-score template --scheme <id|file>`: an empty input file whose header rank reads back as is. */
import { Option, type Command } from 'commander';
import * as z from 'zod/mini';
import { ParScoreError, usageError } from '../../core/problem.js';
import { cleanName } from '../../core/text.js';
import { readCsv } from '../../input/csv.js';
import { decode } from '../../input/decode.js';
import { locateHeader } from '../../input/header.js';
import { csvCell } from '../../render/csv.js';
import { LANGS, WORDS } from '../../render/labels.js';
import { componentTitle } from '../../render/view.js';
import type { Context } from '../context.js';
import { checkOutPath, readSources, writeAtomic } from '../io.js';
import { delimiterOption, parseOptions, optionalText, optionalFlag } from '../options.js';
import { resolveSchemeOption } from '../scheme-option.js';

const schema = z.object({
  scheme: z.string({ error: 'is required: a built-in scheme id or a scheme file' }).check(z.minLength(1, 'cannot be empty')),
  lang: z.enum(LANGS),
  units: optionalText,
  delimiter: z.optional(delimiterOption),
  bom: z.boolean(),
  out: optionalText,
  force: optionalFlag,
});

interface UnitLine {
  name: string;
  code?: string;
  block?: string;
}

function readUnitList(bytes: Uint8Array, file: string): UnitLine[] {
  const located = locateHeader(readCsv(decode(bytes, file), file));
  const col = (role: string) => located.columns.find((c) => c.meta === role);
  const unit = col('unit');
  if (!unit) {
    throw new ParScoreError([
      { severity: 'error', code: 'missing-column', message: 'the unit list needs a unit column ("unit", "Đơn vị", "Tên đơn vị", ...)', file, line: located.row.line },
    ]);
  }
  const code = col('code');
  const block = col('block');
  return located.csv.rows.slice(located.dataStart).flatMap((r) => {
    const name = cleanName(r.fields[unit.index] ?? '');
    if (!name) return [];
    const c = code ? cleanName(r.fields[code.index] ?? '') : '';
    const b = block ? cleanName(r.fields[block.index] ?? '') : '';
    return [{ name, ...(c ? { code: c } : {}), ...(b ? { block: b } : {}) }];
  });
}

export function registerTemplate(program: Command, ctx: Context): void {
  program
    .command('template')
    .summary('write an empty input file for a scheme, to fill in and rank')
    .description(
      'Writes a CSV whose header matches the scheme (labels with their maxima, e.g. "Điểm thẩm định (61,5)"),\n' +
        'with one empty row per unit from --units. Once filled in, `par-score rank` reads it without options\n' +
        '(for a built-in scheme; give --scheme for your own).',
    )
    .addOption(new Option('-s, --scheme <id|file>', 'built-in scheme id or scheme JSON file').makeOptionMandatory())
    .addOption(new Option('--lang <lang>', 'header language').choices(LANGS).default('en'))
    .addOption(new Option('--units <file>', 'CSV list of units (a unit column; optional code and block columns)'))
    .addOption(new Option('--delimiter <d>', 'delimiter: , ; or tab').default(','))
    .addOption(new Option('--no-bom', 'no UTF-8 byte-order mark (by default there is one, so Excel shows Vietnamese correctly)'))
    .addOption(new Option('-o, --out <file>', 'write to a file (atomically) instead of stdout'))
    .addOption(new Option('--force', 'allow --out to replace an existing file'))
    .addHelpText(
      'after',
      `
Examples:
  $ par-score template --scheme vn-province-2022 --lang vi --out mau-2024.csv
  $ par-score template --scheme quang-ngai-district-2023 --units huyen.csv --lang vi > nhap-lieu.csv`,
    )
    .action(async (raw: unknown) => {
      const o = parseOptions(schema, raw);
      const scheme = resolveSchemeOption(o.scheme);
      if (o.out) checkOutPath(o.out, o.units ? [o.units] : [], o.force ?? false);
      let units: UnitLine[] = [];
      if (o.units) {
        const [source] = await readSources([o.units]);
        units = readUnitList(source!.bytes, source!.name);
        if (units.length === 0) throw usageError('no-units', `${o.units} lists no units`);
      }
      const w = WORDS[o.lang];
      const sep = o.lang === 'vi' ? ',' : '.';
      const hasCode = units.some((u) => u.code !== undefined);
      const hasBlock = units.some((u) => u.block !== undefined);
      const head = [
        o.lang === 'vi' ? 'STT' : 'no',
        w.unit,
        ...(hasCode ? [w.code] : []),
        ...(hasBlock ? [w.block] : []),
        ...scheme.components.map((c) => componentTitle(c, o.lang, sep)),
      ];
      const d = o.delimiter ?? ',';
      const cell = (s: string) => (s.includes(d) && d !== ',' ? `"${s.replace(/"/g, '""')}"` : csvCell(s));
      const rows = units.map((u, i) => [String(i + 1), u.name, ...(hasCode ? [u.code ?? ''] : []), ...(hasBlock ? [u.block ?? ''] : []), ...scheme.components.map(() => '')]);
      const text = (o.bom ? '\uFEFF' : '') + [head, ...rows].map((r) => r.map(cell).join(d)).join('\r\n') + '\r\n';
      if (o.out) await writeAtomic(o.out, text);
      else await ctx.stdout(text);
    });
}
