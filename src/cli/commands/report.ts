/** `par-score report <files...>`: the annual report as a self-contained HTML page or Markdown. */
import { Option, type Command } from 'commander';
import * as z from 'zod/mini';
import { rankSources } from '../../pipeline.js';
import { LANGS } from '../../render/labels.js';
import type { Context } from '../context.js';
import { checkOutPath, readSources } from '../io.js';
import { inputOptions, inputOptionsSchema, parseOptions, rankingOptions, rankingOptionsSchema, fileList, optionalText, optionalFlag, pipelineOptions, collect } from '../options.js';
import { resolveSchemeOption } from '../scheme-option.js';
import { compareWithPrevious, yoyOptionsSchema } from '../yoy.js';
import { VERSION } from '../version.js';
import { deliver } from './rank.js';

const schema = z.object({
  format: z.enum(['html', 'md']),
  lang: z.enum(LANGS),
  out: optionalText,
  force: optionalFlag,
  prev: fileList,
  prevScheme: yoyOptionsSchema.prevScheme,
  crosswalk: yoyOptionsSchema.crosswalk,
  mergeRule: yoyOptionsSchema.mergeRule,
  ...inputOptionsSchema,
  ...rankingOptionsSchema,
});

export function registerReport(program: Command, ctx: Context): void {
  const cmd = program
    .command('report')
    .summary('the annual report: one self-contained HTML page, or Markdown')
    .description(
      'Writes the report of one year: headline figures, the ranked table (with changes when --prev is given),\n' +
        'biggest risers and fallers, leaders of each component, a component heat map, a bar chart of the index with\n' +
        'the band thresholds and a slope chart of rank changes. HTML is a single file (inline CSS and SVG, no scripts,\n' +
        'nothing from the network), readable on a phone and printable on A4; the same input gives the same bytes.',
    )
    .argument('<files...>', 'CSV files of the year');
  for (const opt of [...inputOptions(), ...rankingOptions()]) cmd.addOption(opt);
  cmd.addOption(new Option('-f, --format <format>', 'report format').choices(['html', 'md']).default('html'));
  cmd.addOption(new Option('--lang <lang>', 'language of titles and labels').choices(LANGS).default('en'));
  cmd.addOption(new Option('-o, --out <file>', 'write to a file (atomically) instead of stdout'));
  cmd.addOption(new Option('--force', 'allow --out to replace an existing file (never an input file)'));
  cmd.addOption(new Option('--prev <file>', "last year's file(s): changes, movers and the slope chart").argParser(collect));
  cmd.addOption(new Option('--prev-scheme <id|file>', "the previous year's scheme, when it differs"));
  cmd.addOption(new Option('--crosswalk <file>', 'CSV of renamed and merged units (old,new)'));
  cmd.addOption(new Option('--merge-rule <rule>', 'combine merged units: mean, max or sum').choices(['mean', 'max', 'sum']));
  cmd.addHelpText(
    'after',
    `
Examples:
  $ par-score report 2024.csv --prev 2023.csv --lang vi --out bao-cao-2024.html
  $ par-score report 2024.csv --format md --out REPORT.md --force`,
  );
  cmd.action(async (files: string[], raw: unknown) => {
    const o = parseOptions(schema, raw);
    const scheme = o.scheme ? resolveSchemeOption(o.scheme) : undefined;
    if (o.out) checkOutPath(o.out, [...files, ...(o.prev ?? [])], o.force ?? false);
    const rankOptions = pipelineOptions(o, scheme);
    const ranking = rankSources(await readSources(files, o.maxInputSize), rankOptions);
    const comparison = o.prev ? await compareWithPrevious(ranking, o.prev, o, rankOptions) : undefined;
    const { reportModel } = await import('../../render/report/model.js');
    const model = reportModel(ranking, o.lang, comparison);
    const text =
      o.format === 'md'
        ? (await import('../../render/report/markdown.js')).renderReportMarkdown(model, VERSION)
        : (await import('../../render/report/html.js')).renderReportHtml(model, VERSION);
    await deliver(text, [...ranking.warnings, ...(comparison?.warnings.filter((w) => w.code !== 'not-comparable') ?? [])], o, ctx);
  });
}
