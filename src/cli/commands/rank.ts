/** `par-score rank <files...>`: the ranked table of one year. */
import { Option, type Command } from 'commander';
import { usageError } from '../../core/problem.js';
import * as z from 'zod/mini';
import { decodeSource, rankSources, rankSourcesCompact, type RankSourcesOptions, type Source } from '../../pipeline.js';
import type { Ranking } from '../../core/ranking.js';
import { colourFor, type Context } from '../context.js';
import { checkOutPath, COMPACT_MEMORY_PER_INPUT_BYTE, ensureFitsHeap, readSources, writeAtomic, writeOutput, type Output } from '../io.js';
import { FORMATS, inputOptions, inputOptionsSchema, outputOptions, outputOptionsSchema, parseOptions, rankingOptions, rankingOptionsSchema, type Format, fileList, pipelineOptions, collect } from '../options.js';
import { warningLines } from '../report.js';
import { resolveSchemeOption } from '../scheme-option.js';
import type { Comparison } from '../../core/compare.js';
import { compareWithPrevious, rankDropFailure, yoyOptions, yoyOptionsSchema } from '../yoy.js';

const schema = z.object({
  format: z.enum(FORMATS),
  components: z.enum(['auto', 'show', 'hide']),
  prev: fileList,
  ...yoyOptionsSchema,
  ...inputOptionsSchema,
  ...outputOptionsSchema,
  ...rankingOptionsSchema,
});
export type RankCliOptions = z.infer<typeof schema>;

export async function renderRanking(r: Ranking, format: Format, o: RankCliOptions, ctx: Context, comparison?: Comparison): Promise<Output> {
  const cmp = comparison ? { comparison } : {};
  switch (format) {
    case 'json':
      return (await import('../../render/json.js')).renderJsonChunks(r, comparison);
    case 'csv':
      return (await import('../../render/csv.js')).renderCsv(r, { lang: o.lang, bom: o.bom ?? false, ...cmp });
    case 'md':
      return (await import('../../render/markdown.js')).renderMarkdown(r, { lang: o.lang, ...cmp });
    case 'table':
      return (await import('../../render/table.js')).renderTable(r, {
        lang: o.lang,
        colour: await colourFor(ctx, o.out ? false : o.color),
        components: o.components,
        ...cmp,
        ...(ctx.columns !== undefined && !o.out ? { width: ctx.columns } : {}),
      });
  }
}

/** Writes the rendered output to --out or stdout, and warnings to stderr. */
export async function deliver(
  text: Output,
  warnings: Ranking['warnings'],
  o: { out?: string | undefined; quiet?: boolean | undefined; maxErrors: number },
  ctx: Context,
): Promise<void> {
  if (o.out) await writeAtomic(o.out, text);
  else await writeOutput((piece) => ctx.stdout(piece), text);
  if (!o.quiet && warnings.length) ctx.stderr(warningLines(warnings, o.maxErrors).join('\n') + '\n');
}

/** Inputs from this size go through the compact lane (when it applies); smaller ones gain nothing from it. */
const COMPACT_LANE_FROM = 256 * 1024;

/** PAR_SCORE_LANE=general|compact forces a lane (for tests and for comparing both on real files). */
function compactLaneFits(sources: readonly Source[], ctx: Context): boolean {
  if (ctx.env.PAR_SCORE_LANE === 'compact') return true;
  return sources.reduce((size, s) => size + s.bytes.length, 0) >= COMPACT_LANE_FROM;
}

/**
 * The compact lane, with a second thread for a large file: writes the JSON and returns nothing, or
 * returns why the general path must rank the input.
 */
async function compactLane(sources: readonly Source[], rankOptions: RankSourcesOptions, o: RankCliOptions, ctx: Context): Promise<string | undefined> {
  if (sources.length === 1) {
    const { laneThreads, rankInParallel } = await import('../lane/parallel.js');
    if (laneThreads(sources[0]!.bytes.length, ctx.env) > 1) {
      // PAR_SCORE_LANE_WORKER names another worker script (tests use one that starts late).
      const parallel = await rankInParallel(sources[0]!, rankOptions, ctx.env.PAR_SCORE_LANE_WORKER);
      if ('output' in parallel) return void (await deliver(parallel.output, [], o, ctx));
      // The data needs the general path; a failed thread leaves the single-threaded lane to try.
      if (!parallel.threadFailed) return parallel.fallback;
      if (ctx.env.PAR_SCORE_DEBUG !== undefined) ctx.stderr(`par-score: one thread: ${parallel.fallback}\n`);
    }
  }
  const compact = rankSourcesCompact(sources, rankOptions);
  if ('fallback' in compact) return compact.fallback;
  await deliver((await import('../../render/json.js')).renderCompactJsonChunks(compact.ranking), [], o, ctx);
  return undefined;
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
  cmd.addOption(new Option('--prev <file>', "last year's file(s), to add previous rank and changes (repeat for several files)").argParser(collect));
  for (const opt of yoyOptions()) cmd.addOption(opt);
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
  $ par-score rank 2023.csv --format csv --bom --out ket-qua-2023.csv
  $ par-score rank 2023.csv --prev 2022.csv --lang vi
  $ par-score rank 2025.csv --prev 2024.csv --crosswalk sap-nhap.csv --merge-rule mean`,
  );
  cmd.action(async (files: string[], raw: unknown) => {
    const o = parseOptions(schema, raw);
    const scheme = o.scheme ? resolveSchemeOption(o.scheme) : undefined;
    if (o.out) checkOutPath(o.out, files, o.force ?? false);
    if (!o.prev && (o.crosswalk || o.mergeRule || o.failOnRankDrop !== undefined || o.prevScheme)) {
      throw usageError('bad-option', '--crosswalk, --merge-rule, --prev-scheme and --fail-on-rank-drop need --prev <file>');
    }
    // JSON of one year may go through the compact lane, which needs far less memory than the general path.
    const laneMayApply = o.format === 'json' && !o.prev && ctx.env.PAR_SCORE_LANE !== 'general';
    // (Read into shared memory, which the lane's second thread reads too.)
    let sources = laneMayApply ? await readSources(files, o.maxInputSize, COMPACT_MEMORY_PER_INPUT_BYTE, true) : await readSources(files, o.maxInputSize);
    const rankOptions = pipelineOptions(o, scheme);
    if (laneMayApply && compactLaneFits(sources, ctx)) {
      const fallback = await compactLane(sources, rankOptions, o, ctx);
      if (fallback === undefined) return;
      if (ctx.env.PAR_SCORE_DEBUG !== undefined) ctx.stderr(`par-score: general path: ${fallback}\n`);
      // Decoded here, so that the general path holds the text and lets the bytes go.
      sources = sources.map(decodeSource);
    }
    if (laneMayApply) await ensureFitsHeap(sources, o.maxInputSize);
    const ranking = rankSources(sources, rankOptions);
    const comparison = o.prev ? await compareWithPrevious(ranking, o.prev, o, rankOptions) : undefined;
    // Tables and Markdown show the "not comparable" note themselves; repeat it on stderr only for machine formats.
    const shown = o.format === 'table' || o.format === 'md' ? new Set(['not-comparable']) : new Set<string>();
    const warnings = [...ranking.warnings, ...(comparison?.warnings ?? []).filter((w) => !shown.has(w.code))];
    await deliver(await renderRanking(ranking, o.format, o, ctx, comparison), warnings, o, ctx);
    const failure = comparison && rankDropFailure(comparison, o.failOnRankDrop);
    if (failure) throw failure;
  });
}
