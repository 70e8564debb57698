/** `par-score explain "<unit>" <files...>`: where one unit lost points and what it takes to climb. */
import { Option, type Command } from 'commander';
import * as z from 'zod/mini';
import { explainUnit } from '../../core/explain.js';
import { rankSources } from '../../pipeline.js';
import { colourFor, type Context } from '../context.js';
import { checkOutPath, readSources } from '../io.js';
import { inputOptions, inputOptionsSchema, outputOptions, outputOptionsSchema, parseOptions, rankingOptions, rankingOptionsSchema, fileList, pipelineOptions, collect } from '../options.js';
import { resolveSchemeOption } from '../scheme-option.js';
import { compareWithPrevious, yoyOptionsSchema } from '../yoy.js';
import { deliver } from './rank.js';

const FORMATS = ['table', 'json', 'md'] as const;
const schema = z.object({
  format: z.enum(FORMATS),
  prev: fileList,
  ...inputOptionsSchema,
  ...outputOptionsSchema,
  ...rankingOptionsSchema,
  prevScheme: yoyOptionsSchema.prevScheme,
  crosswalk: yoyOptionsSchema.crosswalk,
});

export function registerExplain(program: Command, ctx: Context): void {
  const cmd = program
    .command('explain')
    .summary('where one unit lost points, and what it takes to climb')
    .description(
      "Explains one unit's result: each component's points, maximum, % of maximum, points lost and rank,\n" +
        'most points lost first; the unit against the median and the leader; and the points needed to pass\n' +
        'the unit ahead, to enter the top 3, to be first and to reach the next band.',
    )
    .argument('<unit>', 'the unit: its name (case, accents and prefixes such as "Huyện" are forgiven) or its code')
    .argument('<files...>', 'CSV files of the year (joined like rank)');
  for (const opt of [...inputOptions(), ...outputOptions(FORMATS), ...rankingOptions()]) if (opt.long !== '--bom') cmd.addOption(opt);
  cmd.addOption(new Option('--prev <file>', "last year's file(s): adds each component's change").argParser(collect));
  cmd.addOption(new Option('--prev-scheme <id|file>', "the previous year's scheme, when it differs"));
  cmd.addOption(new Option('--crosswalk <file>', 'CSV of renamed and merged units (old,new)'));
  cmd.addHelpText(
    'after',
    `
Examples:
  $ par-score explain "Bình Sơn" fixtures/quang-ngai-districts-2023.csv
  $ par-score explain "huyen binh son" 2023.csv --prev 2022.csv --lang vi
  $ par-score explain 22 provinces-2024.csv --format json`,
  );
  cmd.action(async (query: string, files: string[], raw: unknown) => {
    const o = parseOptions(schema, raw);
    const scheme = o.scheme ? resolveSchemeOption(o.scheme) : undefined;
    if (o.out) checkOutPath(o.out, files, o.force ?? false);
    const rankOptions = pipelineOptions(o, scheme);
    const ranking = rankSources(await readSources(files, o.maxInputSize), rankOptions);
    const comparison = o.prev ? await compareWithPrevious(ranking, o.prev, o, rankOptions) : undefined;
    const explanation = explainUnit(ranking, query, comparison);
    const r = await import('../../render/explain.js');
    let text: string;
    if (o.format === 'json') text = `${JSON.stringify(r.explainJson(explanation), null, 2)}\n`;
    else if (o.format === 'md') text = r.renderExplainMarkdown(explanation, { lang: o.lang });
    else text = r.renderExplainTable(explanation, { lang: o.lang, colour: await colourFor(ctx, o.out ? false : o.color) });
    await deliver(text, [...ranking.warnings, ...(comparison?.warnings.filter((w) => w.code !== 'not-comparable') ?? [])], o, ctx);
  });
}
