/** `par-score validate <files...>`: checks only, for people before publishing and for CI gates. */
import type { Command } from 'commander';
import { ParScoreError } from '../../model/problem.js';
import { validateSources } from '../../read/load.js';
import { renderValidation, validationJson, verdict } from '../../write/validation.js';
import { register, type CommandSpec } from '../command.js';
import type { Context } from '../context.js';
import { pipelineOptions } from '../ranking.js';

// validate prints every problem (its report is the output): no --max-errors, no --quiet.
const OPTIONS = ['scheme', 'delimiter', 'unitColumn', 'missing', 'dash', 'totals', 'maxInputSize', 'color', ['format', { choices: ['table', 'json'], help: 'report format' }], 'strict', 'out', 'force'] as const;

const spec: CommandSpec<typeof OPTIONS> = {
  name: 'validate',
  summary: 'check files without ranking: every problem, with file, line and column',
  description:
    'Checks the files as rank does (all of them, past unreadable ones: the file\'s own totals, subtotals, means,\n' +
    'maxima and indices too) and adds warnings for likely mistakes: a unit at 0 or at the maximum in every\n' +
    'component, one name with two codes. The report is the output (stdout), also when no scheme fits.\n' +
    'Exit 1 when there are errors, 0 when only warnings or notes (--strict: 1 on warnings), 2 when no scheme fits.',
  args: [{ name: 'files', help: 'CSV files of one year, or - for standard input', files: true }],
  options: OPTIONS,
  examples: ['par-score validate 2023.csv', 'par-score validate tham-dinh.csv dieu-tra.csv --strict --format json > problems.json'],
  async run(job) {
    const o = job.o;
    // Validation does not rank for output; the tie rule does not change what is checked.
    const v = validateSources(await job.read(job.files), pipelineOptions(o, job.scheme));
    const strict = o.strict === true;
    const { failed } = verdict(v, strict);
    const output = o.format === 'json' ? `${JSON.stringify(validationJson(v, strict), null, 2)}\n` : renderValidation(v, strict, await job.colour());
    return { output, ...(failed ? { failure: new ParScoreError([], v.exitCode ?? 1) } : {}) };
  },
};

export function registerValidate(program: Command, ctx: Context): void {
  register(program, ctx, spec);
}
