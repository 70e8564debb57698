/** `par-score rank <files...>`: the ranked table of one year. */
import { usageError } from '../../model/problem.js';
import type { Comparison } from '../../model/compare.js';
import type { Ranking } from '../../model/ranking.js';
import { register, type CommandSpec } from '../command.js';
import { outputFormat } from '../options.js';
import type { Context } from '../context.js';
import type { Output } from '../io.js';
import type { Command } from 'commander';
import { compareWithPrevious, INPUT, rankDropFailure, RANKING, rankFiles, warningsOf, YOY } from '../ranking.js';
import type { Paint } from '../../write/paint.js';
import type { Lang } from '../../write/words.js';

const OPTIONS = [...INPUT, ['format', { choices: ['table', 'json', 'csv', 'md', 'xlsx'] }], 'lang', 'title', 'out', 'force', 'bom', 'excel', ...RANKING, 'prev', ...YOY, 'components', 'depth'] as const;

export interface RenderOptions {
  readonly lang: Lang;
  readonly bom?: boolean | undefined;
  readonly excel?: boolean | undefined;
  readonly components: 'auto' | 'show' | 'hide';
  readonly colour: Paint;
  readonly width?: number;
  /** How deep into the scheme's tree the node columns go. */
  readonly depth?: number | undefined;
  readonly title?: string | undefined;
}

export async function renderRanking(r: Ranking, format: string, o: RenderOptions, comparison?: Comparison): Promise<Output> {
  const cmp = { ...(comparison ? { comparison } : {}), ...(o.depth !== undefined ? { depth: o.depth } : {}), ...(o.title !== undefined ? { title: o.title } : {}) };
  switch (format) {
    case 'json':
      return (await import('../../write/json-stream.js')).rankingJsonChunks(r, comparison, o.lang);
    case 'csv': {
      const csv = await import('../../write/csv.js');
      return csv.renderCsvChunks(r, { lang: o.lang, style: csv.csvStyle(o), ...cmp });
    }
    case 'md':
      return (await import('../../write/markdown.js')).renderMarkdownChunks(r, { lang: o.lang, ...cmp });
    case 'xlsx':
      return [(await import('../../write/xlsx.js')).rankingWorkbook(r, { lang: o.lang, ...cmp })];
    default:
      return (await import('../../write/table.js')).renderTableChunks(r, {
        lang: o.lang,
        colour: o.colour,
        components: o.components,
        ...cmp,
        ...(o.width !== undefined ? { width: o.width } : {}),
      });
  }
}

const spec: CommandSpec<typeof OPTIONS> = {
  name: 'rank',
  summary: 'score and rank units from CSV files or workbooks',
  description:
    'Scores and ranks the units in one or more files (CSV or workbooks) of the same year (files are joined on the unit).\n' +
    'Totals, index (%), bands and ranks are exact; ranks are within each block.',
  args: [{ name: 'files', help: 'CSV files or workbooks (.xlsx, .xls, .ods), or - for standard input', files: true }],
  options: OPTIONS,
  examples: [
    'par-score rank 2023.csv',
    'par-score rank appraisal.csv survey.csv --scheme quang-ngai-district-2023 --lang vi',
    "par-score rank 2023.csv --format json | jq '.units[0]'",
    'par-score rank 2023.csv --format csv --bom --out ket-qua-2023.csv',
    'par-score rank 2023.xlsx --sheet "KQ CCHC" --lang vi --out ket-qua-2023.xlsx',
    'par-score rank 2023.csv --excel --lang vi --out ket-qua-2023.csv',
    'par-score rank 2023.csv --prev 2022.csv --lang vi',
    'par-score rank 2025.csv --prev 2024.csv --crosswalk sap-nhap.csv --merge-rule mean',
  ],
  async run(job) {
    const o = job.o;
    if (!o.prev && (o.crosswalk || o.mergeRule || o.failOnRankDrop !== undefined || o.prevScheme)) {
      throw usageError('bad-option', '--crosswalk, --merge-rule, --prev-scheme and --fail-on-rank-drop need --prev <file>');
    }
    const ranking = await rankFiles(job, job.files);
    const comparison = o.prev ? await compareWithPrevious(job, ranking, o.prev) : undefined;
    const width = job.ctx.columns !== undefined && !o.out ? { width: job.ctx.columns } : {};
    const output = await renderRanking(ranking, outputFormat(o, job.given('format')), { lang: o.lang, bom: o.bom, excel: o.excel, components: o.components, colour: await job.colour(), depth: o.depth, title: o.title, ...width }, comparison);
    // Tables and Markdown show the "not comparable" note themselves; repeat it on stderr only for machine formats.
    const shown = outputFormat(o, job.given('format')) === 'table' || o.format === 'md' ? ['not-comparable'] : [];
    const failure = comparison && rankDropFailure(comparison, o.failOnRankDrop);
    return { output, warnings: warningsOf(ranking, comparison, shown), ...(failure ? { failure } : {}) };
  },
};

export function registerRank(program: Command, ctx: Context): void {
  register(program, ctx, spec);
}
