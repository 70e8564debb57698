/** `par-score report <files...>`: the annual report as a self-contained HTML page or Markdown. */
import type { Command } from 'commander';
import { register, type CommandSpec } from '../command.js';
import type { Context } from '../context.js';
import { compareWithPrevious, INPUT, RANKING, rankFiles, warningsOf } from '../ranking.js';
import { VERSION } from '../version.js';

const OPTIONS = [...INPUT, ...RANKING, ['format', { choices: ['html', 'md'], help: 'report format' }], 'lang', 'title', 'out', 'force', 'prev', 'prevScheme', 'prevSheet', 'crosswalk', 'mergeRule'] as const;

const spec: CommandSpec<typeof OPTIONS> = {
  name: 'report',
  summary: 'the annual report: one self-contained HTML page, or Markdown',
  description:
    'Writes the report of one year: headline figures, the ranked table (with changes when --prev is given), ' +
    'biggest risers and fallers, leaders of each component, a component heat map, a bar chart of the index with ' +
    'the band thresholds and a slope chart of rank changes. HTML is a single file (inline CSS and SVG, no scripts, ' +
    'nothing from the network), readable on a phone and printable on A4; the same input gives the same bytes.',
  args: [{ name: 'files', help: 'files of the year (CSV or workbooks)', files: true }],
  options: OPTIONS,
  examples: ['par-score report 2024.csv --prev 2023.csv --lang vi --out bao-cao-2024.html', 'par-score report 2024.csv --format md --out REPORT.md --force'],
  async run(job) {
    const o = job.o;
    const ranking = await rankFiles(job, job.files);
    const comparison = o.prev ? await compareWithPrevious(job, ranking, o.prev) : undefined;
    const { reportModel } = await import('../../write/report/model.js');
    const model = reportModel(ranking, o.lang, comparison, o.title);
    const output =
      o.format === 'md'
        ? (await import('../../write/report/markdown.js')).renderReportMarkdown(model, VERSION)
        : (await import('../../write/report/html.js')).renderReportHtml(model, VERSION);
    return { output, warnings: warningsOf(ranking, comparison, ['not-comparable']) };
  },
};

export function registerReport(program: Command, ctx: Context): void {
  register(program, ctx, spec);
}
