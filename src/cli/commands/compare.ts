/** `par-score compare <previous> <current>`: the year-over-year comparison as its own view. */
import type { Command } from 'commander';
import { outputFormat } from '../options.js';
import { register, type CommandSpec } from '../command.js';
import type { Context } from '../context.js';
import type { Output } from '../io.js';
import { compareWithPrevious, INPUT, rankDropFailure, RANKING, rankFiles, YOY } from '../ranking.js';

const OPTIONS = [...INPUT, ['format', { choices: ['table', 'json', 'csv', 'md', 'xlsx'] }], 'lang', 'title', 'out', 'force', 'bom', 'excel', ...RANKING, ...YOY, 'top'] as const;

const spec: CommandSpec<typeof OPTIONS> = {
  name: 'compare',
  summary: 'compare two years: rank and index changes, risers and fallers',
  description:
    'Compares the ranking of <current> with <previous>: rank change (+7 = up seven places), index change in ' +
    'percentage points, units new, merged or no longer present, sorted by movement.',
  args: [
    { name: 'previous', help: "last year's file (CSV or workbook)", file: true },
    { name: 'current', help: "this year's file (CSV or workbook)", file: true },
  ],
  options: OPTIONS,
  examples: [
    'par-score compare 2022.csv 2023.csv',
    'par-score compare 2022.csv 2023.csv --top 5 --lang vi',
    'par-score compare 2024.csv 2025.csv --crosswalk sap-nhap-2025.csv --merge-rule mean --format json',
    'par-score compare 2022.csv 2023.csv --fail-on-rank-drop 5   # exit 1 if a unit falls more than 5 places',
  ],
  async run(job) {
    const o = job.o;
    const [previous, current] = job.args as [string, string];
    const ranking = await rankFiles(job, [current]);
    const comparison = await compareWithPrevious(job, ranking, [previous]);
    const r = await import('../../write/compare.js');
    const view = { lang: o.lang, ...(o.top !== undefined ? { top: o.top } : {}), ...(o.title !== undefined ? { title: o.title } : {}) };
    let output: Output;
    const format = outputFormat(o, job.given('format'));
    if (format === 'json') output = r.compareJsonChunks(comparison, view);
    else if (format === 'csv') output = r.renderCompareCsv(comparison, { ...view, style: (await import('../../write/csv.js')).csvStyle(o) });
    else if (format === 'md') output = r.renderCompareMarkdown(comparison, view);
    else if (format === 'xlsx') output = [(await import('../../write/xlsx.js')).rankingWorkbook(ranking, { lang: o.lang, comparison, ...(o.title !== undefined ? { title: o.title } : {}) })];
    else output = r.renderCompareTable(comparison, { ...view, colour: await job.colour() });
    const shown = format === 'table' || format === 'md' ? ['not-comparable'] : [];
    const warnings = [...comparison.previous.warnings, ...ranking.warnings, ...comparison.warnings.filter((w) => !shown.includes(w.code))];
    const failure = rankDropFailure(comparison, o.failOnRankDrop);
    return { output, warnings, ...(failure ? { failure } : {}) };
  },
};

export function registerCompare(program: Command, ctx: Context): void {
  register(program, ctx, spec);
}
