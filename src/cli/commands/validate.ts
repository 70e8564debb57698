/** `par-score validate <files...>`: checks only, for people before publishing and for CI gates. */
import type { Command } from 'commander';
import { formatLocation, ParScoreError } from '../../model/problem.js';
import { validateSources } from '../../read/load.js';
import { problemJson, SCHEMA_VERSION } from '../../write/json.js';
import { register, type CommandSpec } from '../command.js';
import type { Context } from '../context.js';
import { pipelineOptions } from '../ranking.js';

// validate prints every problem (its report is the output): no --max-errors, no --quiet.
const OPTIONS = ['scheme', 'delimiter', 'unitColumn', 'missing', 'maxInputSize', 'color', ['format', { choices: ['table', 'json'], help: 'report format' }], 'strict', 'out', 'force'] as const;

const spec: CommandSpec<typeof OPTIONS> = {
  name: 'validate',
  summary: 'check files without ranking: every problem, with file, line and column',
  description:
    'Checks the files as rank does (all of them, past unreadable ones) and adds warnings for likely mistakes:\n' +
    'a declared total that disagrees, a unit at 0 or at the maximum in every component, one name with two codes.\n' +
    'The report is the output (stdout). Exit 1 when there are errors, 0 when only warnings (--strict: 1).',
  args: [{ name: 'files', help: 'CSV files of one year, or - for standard input', files: true }],
  options: OPTIONS,
  examples: ['par-score validate 2023.csv', 'par-score validate tham-dinh.csv dieu-tra.csv --strict --format json > problems.json'],
  async run(job) {
    const o = job.o;
    // Validation does not rank for output; the tie rule does not change what is checked.
    const v = validateSources(await job.read(job.files), pipelineOptions(o, job.scheme));
    const errors = v.problems.filter((p) => p.severity === 'error').length;
    const warnings = v.problems.length - errors;
    const failed = errors > 0 || (o.strict === true && warnings > 0);
    let output: string;
    if (o.format === 'json') {
      output = `${JSON.stringify(
        {
          schemaVersion: SCHEMA_VERSION,
          kind: 'validation',
          valid: !failed,
          strict: o.strict === true,
          files: v.files,
          scheme: v.scheme?.id ?? null,
          units: v.units ?? null,
          counts: { errors, warnings },
          problems: v.problems.map(problemJson),
        },
        null,
        2,
      )}\n`;
    } else {
      const c = await job.colour();
      const lines = v.problems.map((p) => {
        const where = formatLocation(p);
        const sev = p.severity === 'error' ? c.red('error') : c.yellow('warning');
        return `${where ? `${where}: ` : ''}${sev}: ${p.message} [${p.code}]${p.hint ? `\n  hint: ${p.hint}` : ''}`;
      });
      const files = `${v.files.length} file${v.files.length === 1 ? '' : 's'}`;
      const what = v.units !== undefined ? `${v.units} units in ${files}, scheme ${v.scheme!.id}` : files;
      const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
      const summary = failed
        ? c.red(`✗ ${plural(errors, 'error')}, ${plural(warnings, 'warning')} (${what})${errors === 0 ? ' - failing because of --strict' : ''}`)
        : c.green(`✓ ${warnings ? `${plural(warnings, 'warning')}, no errors` : 'no problems'} (${what})`);
      output = [...lines, ...(lines.length ? [''] : []), summary].join('\n') + '\n';
    }
    return { output, ...(failed ? { failure: new ParScoreError([], 1) } : {}) };
  },
};

export function registerValidate(program: Command, ctx: Context): void {
  register(program, ctx, spec);
}
