/** `par-score validate <files...>`: checks only, for people before publishing and for CI gates. */
import type { Command } from 'commander';
import { ParScoreError, usageError, type Problem } from '../../model/problem.js';
import { loadForValidation, validateYear, type RankSourcesOptions, type Source, type YearToValidate } from '../../read/load.js';
import { renderValidation, validationJson, verdict } from '../../write/validation.js';
import { register, STDIN, type CommandSpec, type Job } from '../command.js';
import type { Context } from '../context.js';
import { pipelineOptions } from '../ranking.js';

// validate prints every problem (its report is the output): no --max-errors, no --quiet.
const OPTIONS = ['scheme', 'delimiter', 'sheet', 'unitColumn', 'missing', 'dash', 'totals', 'maxInputSize', 'color', ['format', { choices: ['table', 'json'], help: 'report format' }], 'strict', 'lang', 'out', 'force'] as const;

const spec: CommandSpec<typeof OPTIONS> = {
  name: 'validate',
  summary: 'check files without ranking: every problem, with file, line and column',
  description:
    'Checks the files as rank does (all of them, past unreadable ones: the file\'s own totals, subtotals, means, ' +
    'maxima and indices too) and adds warnings for likely mistakes: a unit at 0 or at the maximum in every ' +
    'component, one name with two codes. The report is the output (stdout), also when no scheme fits.\n' +
    'Exit 1 when there are errors, 0 when only warnings or notes (--strict: 1 on warnings), 2 when no scheme fits.',
  args: [{ name: 'files', help: 'files of one year (CSV or workbooks), or - for standard input', files: true }],
  options: OPTIONS,
  examples: ['par-score validate 2023.csv', 'par-score validate tham-dinh.csv dieu-tra.csv --strict --format json > problems.json'],
  async run(job) {
    const o = job.o;
    // Validation does not rank for output; the tie rule does not change what is checked.
    const options = pipelineOptions(o, job.scheme);
    const { loaded, unopened } = await loadFiles(job, options);
    const checked = loaded === undefined ? { files: [], problems: [] } : validateYear(loaded, options);
    const v = { ...checked, files: job.files.map((f) => (f === STDIN ? '<stdin>' : f)), problems: [...unopened, ...checked.problems], ...(unopened.length ? { exitCode: 2 as const } : {}) };
    const strict = o.strict === true;
    const { failed } = verdict(v, strict);
    const output = o.format === 'json' ? `${JSON.stringify(validationJson(v, strict, o.lang), null, 2)}\n` : renderValidation(v, strict, await job.colour(), o.lang);
    return { output, ...(failed ? { failure: new ParScoreError([], v.exitCode ?? 1) } : {}) };
  },
};

/**
 * Reads every file that can be opened (one that cannot is reported with the others' problems). Its
 * own function, so that the files' bytes are let go before the year is ranked and checked, as
 * `rank` does (a million units: some 60 MB less).
 */
async function loadFiles(job: Job<unknown>, options: RankSourcesOptions): Promise<{ loaded?: YearToValidate; unopened: Problem[] }> {
  const sources: Source[] = [];
  const unopened: Problem[] = [];
  if (job.files.filter((f) => f === STDIN).length > 1) throw usageError('stdin-twice', 'standard input (-) can be read only once');
  for (const path of job.files) {
    try {
      sources.push(...(await job.read([path])));
    } catch (e) {
      if (!(e instanceof ParScoreError) || e.problems[0]?.code !== 'cannot-open') throw e;
      unopened.push(...e.problems.map((p) => ({ ...p, file: p.file ?? path })));
    }
  }
  return { ...(sources.length > 0 ? { loaded: loadForValidation(sources, options) } : {}), unopened };
}

export function registerValidate(program: Command, ctx: Context): void {
  register(program, ctx, spec);
}
