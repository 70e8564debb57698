/** `par-score compare <previous> <current>`: the year-over-year comparison as its own view. */
import { Option, type Command } from 'commander';
import * as z from 'zod/mini';
import { rankSources } from '../../pipeline.js';
import { colourFor, type Context } from '../context.js';
import { checkOutPath, readSources } from '../io.js';
import { FORMATS, inputOptions, inputOptionsSchema, outputOptions, outputOptionsSchema, parseOptions, rankingOptions, rankingOptionsSchema, wholeNumber, pipelineOptions } from '../options.js';
import { resolveSchemeOption } from '../scheme-option.js';
import { compareWithPrevious, rankDropFailure, yoyOptions, yoyOptionsSchema } from '../yoy.js';
import { deliver } from './rank.js';

const schema = z.object({
  format: z.enum(FORMATS),
  top: z.optional(wholeNumber(1, 1_000_000)),
  ...inputOptionsSchema,
  ...outputOptionsSchema,
  ...rankingOptionsSchema,
  ...yoyOptionsSchema,
});

export function registerCompare(program: Command, ctx: Context): void {
  const cmd = program
    .command('compare')
    .summary('compare two years: rank and index changes, risers and fallers')
    .description(
      'Compares the ranking of <current> with <previous>: rank change (+7 = up seven places), index change in\n' +
        'percentage points, units new, merged or no longer present, sorted by movement.',
    )
    .argument('<previous>', "last year's CSV file")
    .argument('<current>', "this year's CSV file");
  for (const opt of [...inputOptions(), ...outputOptions(), ...rankingOptions(), ...yoyOptions()]) cmd.addOption(opt);
  cmd.addOption(new Option('--top <n>', 'show only the n biggest risers and the n biggest fallers'));
  cmd.addHelpText(
    'after',
    `
Examples:
  $ par-score compare 2022.csv 2023.csv
  $ par-score compare 2022.csv 2023.csv --top 5 --lang vi
  $ par-score compare 2024.csv 2025.csv --crosswalk sap-nhap-2025.csv --merge-rule mean --format json
  $ par-score compare 2022.csv 2023.csv --fail-on-rank-drop 5   # exit 1 if a unit falls more than 5 places`,
  );
  cmd.action(async (previous: string, current: string, raw: unknown) => {
    const o = parseOptions(schema, raw);
    const scheme = o.scheme ? resolveSchemeOption(o.scheme) : undefined;
    if (o.out) checkOutPath(o.out, [previous, current], o.force ?? false);
    const rankOptions = pipelineOptions(o, scheme);
    const ranking = rankSources(await readSources([current], o.maxInputSize), rankOptions);
    const comparison = await compareWithPrevious(ranking, [previous], o, rankOptions);
    const r = await import('../../render/compare.js');
    const view = { lang: o.lang, ...(o.top !== undefined ? { top: o.top } : {}) };
    let text: string;
    if (o.format === 'json') text = `${JSON.stringify(r.compareJson(comparison, view), null, 2)}\n`;
    else if (o.format === 'csv') text = r.renderCompareCsv(comparison, { ...view, bom: o.bom ?? false });
    else if (o.format === 'md') text = r.renderCompareMarkdown(comparison, view);
    else text = r.renderCompareTable(comparison, { ...view, colour: await colourFor(ctx, o.out ? false : o.color) });
    const shown = o.format === 'table' || o.format === 'md' ? ['not-comparable'] : [];
    const warnings = [...comparison.previous.warnings, ...ranking.warnings, ...comparison.warnings.filter((w) => !shown.includes(w.code))];
    await deliver(text, warnings, o, ctx);
    const failure = rankDropFailure(comparison, o.failOnRankDrop);
    if (failure) throw failure;
  });
}
