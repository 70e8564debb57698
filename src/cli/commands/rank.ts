/** `par-score rank <files...>`: the ranked table of one year. */
import { Option, type Command } from 'commander';
import { z } from 'zod';
import { rankSources } from '../../pipeline.js';
import { builtinSchemes } from '../../scheme/builtin.js';
import type { Ranking } from '../../core/ranking.js';
import { colourFor, type Context } from '../context.js';
import { checkOutPath, readSources, writeAtomic } from '../io.js';
import { FORMATS, inputOptions, inputOptionsSchema, outputOptions, outputOptionsSchema, parseOptions, rankingOptions, rankingOptionsSchema, type Format } from '../options.js';
import { warningLines } from '../report.js';
import { resolveSchemeOption } from '../scheme-option.js';

const schema = z.object({
  format: z.enum(FORMATS),
  components: z.enum(['auto', 'show', 'hide']),
  ...inputOptionsSchema,
  ...outputOptionsSchema,
  ...rankingOptionsSchema,
});
export type RankCliOptions = z.infer<typeof schema>;

export async function renderRanking(r: Ranking, format: Format, o: RankCliOptions, ctx: Context): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('../../render/json.js')).renderJson(r);
    case 'csv':
      return (await import('../../render/csv.js')).renderCsv(r, { lang: o.lang, bom: o.bom ?? false });
    case 'md':
      return (await import('../../render/markdown.js')).renderMarkdown(r, { lang: o.lang });
    case 'table':
      return (await import('../../render/table.js')).renderTable(r, {
        lang: o.lang,
        colour: colourFor(ctx, o.out ? false : o.color),
        components: o.components,
        ...(ctx.columns !== undefined && !o.out ? { width: ctx.columns } : {}),
      });
  }
}

/** Writes the rendered output to --out or stdout, and warnings to stderr. */
export async function deliver(text: string, warnings: Ranking['warnings'], o: RankCliOptions, ctx: Context): Promise<void> {
  if (o.out) writeAtomic(o.out, text);
  else await ctx.stdout(text);
  if (!o.quiet && warnings.length) ctx.stderr(warningLines(warnings, o.maxErrors).join('\n') + '\n');
}

export function registerRank(program: Command, ctx: Context): void {
  const cmd = program
    .command('rank')
    .summary('score and rank units from CSV files')
    .description(
      'Scores and ranks the units in one or more CSV files of the same year (files are joined on the unit).\n' +
        'Totals, index (%), bands and ranks are exact; ranks are within each block.',
    )
    .argument('<files...>', 'CSV files, or - for standard input');
  for (const opt of [...inputOptions(), ...outputOptions(), ...rankingOptions()]) cmd.addOption(opt);
  cmd.addOption(
    new Option('--components <when>', 'component columns in the table: show, hide, or auto (hidden when a terminal is too narrow)')
      .choices(['auto', 'show', 'hide'])
      .default('auto'),
  );
  cmd.addHelpText(
    'after',
    `
Examples:
  $ par-score rank 2023.csv
  $ par-score rank appraisal.csv survey.csv --scheme quang-ngai-district-2023 --lang vi
  $ par-score rank 2023.csv --format json | jq '.units[0]'
  $ par-score rank 2023.csv --format csv --bom --out ket-qua-2023.csv`,
  );
  cmd.action(async (files: string[], raw: unknown) => {
    const o = parseOptions(schema, raw);
    const scheme = o.scheme ? resolveSchemeOption(o.scheme) : undefined;
    if (o.out) checkOutPath(o.out, files, o.force ?? false);
    const sources = await readSources(files);
    const ranking = rankSources(sources, {
      ...(scheme ? { scheme } : { candidates: builtinSchemes() }),
      ...(o.delimiter ? { delimiter: o.delimiter } : {}),
      ...(o.unitColumn ? { unitColumn: o.unitColumn } : {}),
      missing: o.missing,
      ties: o.ties,
      ...(o.rankPrecision !== undefined ? { rankPrecision: o.rankPrecision } : {}),
    });
    await deliver(await renderRanking(ranking, o.format, o, ctx), ranking.warnings, o, ctx);
  });
}
