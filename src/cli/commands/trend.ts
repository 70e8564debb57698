/** `par-score trend <files...>`: rank and index of every unit across years. */
import type { Command } from 'commander';
import { Option } from 'commander';
import * as z from 'zod/mini';
import { usageError } from '../../core/problem.js';
import { buildTrend } from '../../core/trend.js';
import { rankSources, yearFromName } from '../../pipeline.js';
import { colourFor, type Context } from '../context.js';
import { checkOutPath, readSources } from '../io.js';
import { FORMATS, inputOptions, inputOptionsSchema, outputOptions, outputOptionsSchema, parseOptions, rankingOptions, rankingOptionsSchema, pipelineOptions } from '../options.js';
import { resolveSchemeOption } from '../scheme-option.js';
import { deliver } from './rank.js';

const schema = z.object({
  format: z.enum(FORMATS),
  year: z.optional(
    z.pipe(
      z.string().check(z.regex(/^\s*\d{4}\s*(,\s*\d{4}\s*)*$/, 'expected years separated by commas, e.g. 2021,2022,2023')),
      z.transform((s: string) => s.split(',').map((y) => y.trim())),
    ),
  ),
  ...inputOptionsSchema,
  ...outputOptionsSchema,
  ...rankingOptionsSchema,
});

export function registerTrend(program: Command, ctx: Context): void {
  const cmd = program
    .command('trend')
    .summary("every unit's rank and index across several years")
    .description(
      'Ranks each file (one year each) and follows every unit across the years (by code, else by name).\n' +
        'Years come from --year, else a year column, else the file name (ket-qua-2023.csv).',
    )
    .argument('<files...>', 'one CSV file per year');
  for (const opt of [...inputOptions(), ...outputOptions(), ...rankingOptions()]) cmd.addOption(opt);
  cmd.addOption(new Option('--year <years>', 'the files\' years, in the order of the files: 2021,2022,2023'));
  cmd.addHelpText(
    'after',
    `
Examples:
  $ par-score trend 2021.csv 2022.csv 2023.csv
  $ par-score trend a.csv b.csv c.csv --year 2021,2022,2023 --format json`,
  );
  cmd.action(async (files: string[], raw: unknown) => {
    const o = parseOptions(schema, raw);
    if (o.year && o.year.length !== files.length) throw usageError('bad-option', `--year gives ${o.year.length} years for ${files.length} files`);
    const scheme = o.scheme ? resolveSchemeOption(o.scheme) : undefined;
    if (o.out) checkOutPath(o.out, files, o.force ?? false);
    const inputs = [];
    for (const [i, file] of files.entries()) {
      const ranking = rankSources(await readSources([file], o.maxInputSize), {
        ...pipelineOptions(o, scheme),
        ...(o.year ? { year: o.year[i]! } : {}),
      });
      const year = ranking.year ?? yearFromName(file);
      if (year === undefined) throw usageError('no-year', `cannot tell the year of ${file}: no year column and no year in the file name`, 'pass --year 2021,2022,...');
      inputs.push({ year, ranking });
    }
    const trend = buildTrend(inputs);
    const r = await import('../../render/trend.js');
    let text: string;
    if (o.format === 'json') text = `${JSON.stringify(r.trendJson(trend), null, 2)}\n`;
    else if (o.format === 'csv') text = r.renderTrendCsv(trend, { bom: o.bom ?? false });
    else if (o.format === 'md') text = r.renderTrendMarkdown(trend, { lang: o.lang });
    else text = r.renderTrendTable(trend, { lang: o.lang, colour: await colourFor(ctx, o.out ? false : o.color) });
    await deliver(text, trend.rankings.flatMap((x) => x.warnings), o, ctx);
  });
}
