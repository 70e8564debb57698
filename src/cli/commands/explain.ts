/** `par-score explain "<unit>" <files...>`: where one unit lost points and what it takes to climb. */
import type { Command } from 'commander';
import { explainUnit } from '../../model/explain.js';
import { register, type CommandSpec } from '../command.js';
import type { Context } from '../context.js';
import { compareWithPrevious, INPUT, RANKING, rankFiles, warningsOf } from '../ranking.js';

const OPTIONS = [...INPUT, ['format', { choices: ['table', 'json', 'md'] }], 'lang', 'out', 'force', ...RANKING, 'prev', 'prevScheme', 'prevSheet', 'crosswalk'] as const;

const spec: CommandSpec<typeof OPTIONS> = {
  name: 'explain',
  summary: 'where one unit lost points, and what it takes to climb',
  description:
    "Explains one unit's result: each component's points, maximum, % of maximum, points lost and rank, " +
    'most points lost first; the unit against the median and the leader; and the points needed to pass ' +
    'the unit ahead, to enter the top 3, to be first and to reach the next band.',
  args: [
    { name: 'unit', help: 'the unit: its name (case, accents and prefixes such as "Huyện" are forgiven) or its code' },
    { name: 'files', help: 'files of the year, CSV or workbooks (joined like rank)', files: true },
  ],
  options: OPTIONS,
  examples: [
    'par-score explain "Bình Sơn" fixtures/quang-ngai-districts-2023.csv',
    'par-score explain "huyen binh son" 2023.csv --prev 2022.csv --lang vi',
    'par-score explain 22 provinces-2024.csv --format json',
  ],
  async run(job) {
    const o = job.o;
    const ranking = await rankFiles(job, job.files);
    const comparison = o.prev ? await compareWithPrevious(job, ranking, o.prev) : undefined;
    const explanation = explainUnit(ranking, job.args[0]!, comparison);
    const r = await import('../../write/explain.js');
    let output: string;
    if (o.format === 'json') output = `${JSON.stringify(r.explainJson(explanation, o.lang), null, 2)}\n`;
    else if (o.format === 'md') output = r.renderExplainMarkdown(explanation, { lang: o.lang });
    else output = r.renderExplainTable(explanation, { lang: o.lang, colour: await job.colour() });
    return { output, warnings: warningsOf(ranking, comparison, ['not-comparable']) };
  },
};

export function registerExplain(program: Command, ctx: Context): void {
  register(program, ctx, spec);
}
