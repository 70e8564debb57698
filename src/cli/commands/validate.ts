/** `par-score validate <files...>`: checks only, for people before publishing and for CI gates. */
import { Option, type Command } from 'commander';
import * as z from 'zod/mini';
import { formatLocation } from '../../core/problem.js';
import { validateSources } from '../../pipeline.js';
import { problemJson, SCHEMA_VERSION } from '../../render/json.js';
import { colourFor, type Context } from '../context.js';
import { checkOutPath, readSources, writeAtomic } from '../io.js';
import { inputOptions, inputOptionsSchema, parseOptions, optionalText, optionalFlag, pipelineOptions } from '../options.js';
import { resolveSchemeOption } from '../scheme-option.js';
import { ParScoreError } from '../../core/problem.js';

const schema = z.object({
  format: z.enum(['table', 'json']),
  strict: optionalFlag,
  out: optionalText,
  force: optionalFlag,
  ...inputOptionsSchema,
});

export function registerValidate(program: Command, ctx: Context): void {
  const cmd = program
    .command('validate')
    .summary('check files without ranking: every problem, with file, line and column')
    .description(
      'Checks the files as rank does (all of them, past unreadable ones) and adds warnings for likely mistakes:\n' +
        'a declared total that disagrees, a unit at 0 or at the maximum in every component, one name with two codes.\n' +
        'The report is the output (stdout). Exit 1 when there are errors, 0 when only warnings (--strict: 1).',
    )
    .argument('<files...>', 'CSV files of one year, or - for standard input');
  for (const opt of inputOptions()) if (opt.long !== '--max-errors' && opt.long !== '--quiet') cmd.addOption(opt);
  cmd.addOption(new Option('-f, --format <format>', 'report format').choices(['table', 'json']).default('table'));
  cmd.addOption(new Option('--strict', 'warnings fail too (exit 1)'));
  cmd.addOption(new Option('-o, --out <file>', 'write the report to a file (atomically)'));
  cmd.addOption(new Option('--force', 'allow --out to replace an existing file'));
  cmd.addHelpText(
    'after',
    `
Examples:
  $ par-score validate 2023.csv
  $ par-score validate tham-dinh.csv dieu-tra.csv --strict --format json > problems.json`,
  );
  cmd.action(async (files: string[], raw: unknown) => {
    // validate prints every problem (its report is the output), so --max-errors does not apply.
    const o = parseOptions(schema, { maxErrors: '20', ...(raw as object) });
    const scheme = o.scheme ? resolveSchemeOption(o.scheme) : undefined;
    if (o.out) checkOutPath(o.out, files, o.force ?? false);
    // Validation does not rank for output; the tie rule does not change what is checked.
    const v = validateSources(await readSources(files, o.maxInputSize), pipelineOptions({ ...o, ties: 'competition' }, scheme));
    const errors = v.problems.filter((p) => p.severity === 'error').length;
    const warnings = v.problems.length - errors;
    const failed = errors > 0 || (o.strict === true && warnings > 0);
    let text: string;
    if (o.format === 'json') {
      text = `${JSON.stringify(
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
      const c = await colourFor(ctx, o.out ? false : o.color);
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
      text = [...lines, ...(lines.length ? [''] : []), summary].join('\n') + '\n';
    }
    if (o.out) await writeAtomic(o.out, text);
    else await ctx.stdout(text);
    if (failed) throw new ParScoreError([], 1);
  });
}
