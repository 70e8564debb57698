/** `par-score template --scheme <id|file>`: an empty input file whose header rank reads back as is. */
import type { Command } from 'commander';
import { usageError } from '../../model/problem.js';
import { readUnitList } from '../../read/unit-list.js';
import { renderTemplate, templateRows, type TemplateUnit } from '../../write/template.js';
import { outputFormat } from '../options.js';
import { register, type CommandSpec } from '../command.js';
import type { Context } from '../context.js';

const OPTIONS = [['scheme', { required: true, help: 'built-in scheme id or scheme JSON file' }], ['lang', { help: 'header language' }], 'units', ['format', { choices: ['csv', 'xlsx'] }], 'outputDelimiter', 'withBom', 'out', ['force', { help: 'allow --out to replace an existing file' }]] as const;

const spec: CommandSpec<typeof OPTIONS> = {
  name: 'template',
  summary: 'write an empty input file for a scheme, to fill in and rank',
  description:
    'Writes a CSV, or a workbook (--format xlsx, or --out ending in .xlsx), whose header matches the scheme ' +
    '(labels with their maxima, e.g. "Điểm thẩm định (61,5)"), ' +
    'with one empty row per unit from --units. Once filled in, `par-score rank` reads it without options ' +
    '(for a built-in scheme; give --scheme for your own).',
  args: [],
  options: OPTIONS,
  examples: [
    'par-score template --scheme vn-province-2022 --lang vi --out mau-2024.csv',
    'par-score template --scheme quang-ngai-district-2023 --units huyen.csv --lang vi > nhap-lieu.csv',
    'par-score template --scheme vn-province-2022 --units tinh.csv --lang vi --out nhap-lieu-2024.xlsx',
  ],
  async run(job) {
    const o = job.o;
    const scheme = job.scheme!;
    let units: readonly TemplateUnit[] = [];
    if (o.units) {
      const [source] = await job.read([o.units], {});
      units = readUnitList(source!);
      if (units.length === 0) throw usageError('no-units', `${o.units} lists no units`);
    }
    if (outputFormat(o, job.given('format')) === 'xlsx') {
      const { head, rows, lead } = templateRows(scheme, units, o.lang);
      return { output: [(await import('../../write/xlsx.js')).templateWorkbook(head, rows, lead, o.lang === 'vi' ? 'Nhập liệu' : 'Input')] };
    }
    return { output: renderTemplate(scheme, units, { lang: o.lang, delimiter: o.outputDelimiter, bom: o.withBom }) };
  },
};

export function registerTemplate(program: Command, ctx: Context): void {
  register(program, ctx, spec);
}
