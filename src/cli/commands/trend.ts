/** `par-score trend <files...>`: rank and index of every unit across years. */
import type { Command } from 'commander';
import { ProblemLog, usageError } from '../../model/problem.js';
import { readCrosswalk } from '../../read/crosswalk.js';
import { buildTrend } from '../../model/trend.js';
import { yearFromName } from '../../read/load.js';
import { outputFormat } from '../options.js';
import { register, type CommandSpec } from '../command.js';
import type { Context } from '../context.js';
import { INPUT, RANKING, rankFiles } from '../ranking.js';

const OPTIONS = [...INPUT, ['format', { choices: ['table', 'json', 'csv', 'md'] }], 'lang', 'out', 'force', 'bom', 'excel', ...RANKING, 'year', 'crosswalk'] as const;

const spec: CommandSpec<typeof OPTIONS> = {
  name: 'trend',
  summary: "every unit's rank and index across several years",
  description:
    'Ranks each file (one year each) and follows every unit across the years (by code, else by name).\n' +
    'Years come from --year, else a year column, else the file name (ket-qua-2023.csv).',
  args: [{ name: 'files', help: 'one file per year (CSV or workbook)', files: true }],
  options: OPTIONS,
  examples: ['par-score trend 2021.csv 2022.csv 2023.csv', 'par-score trend a.csv b.csv c.csv --year 2021,2022,2023 --format json', 'par-score trend 2023.csv 2024.csv 2025.csv --crosswalk sap-nhap-2025.csv'],
  async run(job) {
    const o = job.o;
    const files = job.files;
    if (o.year && o.year.length !== files.length) throw usageError('bad-option', `--year gives ${o.year.length} years for ${files.length} files`);
    const inputs = [];
    for (const [i, file] of files.entries()) {
      const ranking = await rankFiles(job, [file], o.year ? { year: o.year[i]! } : {});
      const year = ranking.year ?? yearFromName(file);
      if (year === undefined) throw usageError('no-year', `cannot tell the year of ${file}: no year column and no year in the file name`, 'pass --year 2021,2022,...');
      inputs.push({ year, ranking });
    }
    let crosswalk;
    if (o.crosswalk) {
      const [source] = await job.read([o.crosswalk], {});
      crosswalk = readCrosswalk(source!);
    }
    const trend = buildTrend(inputs, new ProblemLog(), crosswalk);
    const r = await import('../../write/trend.js');
    let output: string;
    const format = outputFormat(o, job.given('format'));
    if (format === 'json') output = `${JSON.stringify(r.trendJson(trend, o.lang), null, 2)}\n`;
    else if (format === 'csv') output = r.renderTrendCsv(trend, { style: (await import('../../write/csv.js')).csvStyle(o), lang: o.lang });
    else if (format === 'md') output = r.renderTrendMarkdown(trend, { lang: o.lang });
    else output = r.renderTrendTable(trend, { lang: o.lang, colour: await job.colour() });
    return { output, warnings: trend.rankings.flatMap((x) => x.warnings) };
  },
};

export function registerTrend(program: Command, ctx: Context): void {
  register(program, ctx, spec);
}
