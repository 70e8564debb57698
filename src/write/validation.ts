/** The `validate` report: every problem with its place, and a verdict; as text or as JSON. */
import { formatLocation } from '../model/problem.js';
import type { Validation } from '../read/load.js';
import { problemJson, SCHEMA_VERSION } from './json.js';
import type { Paint } from './paint.js';

export interface Verdict {
  readonly errors: number;
  readonly warnings: number;
  readonly notes: number;
  readonly failed: boolean;
}

/** Errors fail; warnings fail too when `strict`; notes (what was done: rows skipped, totals within rounding) never do. */
export function verdict(v: Validation, strict: boolean): Verdict {
  const count = (s: string) => v.problems.filter((p) => p.severity === s).length;
  const errors = count('error');
  const warnings = count('warning');
  return { errors, warnings, notes: count('note'), failed: errors > 0 || (strict && warnings > 0) };
}

export function validationJson(v: Validation, strict: boolean) {
  const { errors, warnings, notes, failed } = verdict(v, strict);
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'validation',
    valid: !failed,
    strict,
    files: v.files,
    scheme: v.scheme?.id ?? null,
    units: v.units ?? null,
    counts: { errors, warnings, notes },
    problems: v.problems.map(problemJson),
  };
}

export function renderValidation(v: Validation, strict: boolean, c: Paint): string {
  const { errors, warnings, notes, failed } = verdict(v, strict);
  const lines = v.problems.map((p) => {
    const where = formatLocation(p);
    const sev = p.severity === 'error' ? c.red('error') : p.severity === 'warning' ? c.yellow('warning') : 'note';
    return `${where ? `${where}: ` : ''}${sev}: ${p.message} [${p.code}]${p.hint ? `\n  hint: ${p.hint}` : ''}`;
  });
  const files = `${v.files.length} file${v.files.length === 1 ? '' : 's'}`;
  const what = v.units !== undefined ? `${v.units} units in ${files}, scheme ${v.scheme!.id}` : files;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const noted = notes ? `, ${plural(notes, 'note')}` : '';
  const summary = failed
    ? c.red(`✗ ${plural(errors, 'error')}, ${plural(warnings, 'warning')}${noted} (${what})${errors === 0 ? ' - failing because of --strict' : ''}`)
    : c.green(`✓ ${warnings ? `${plural(warnings, 'warning')}, no errors` : 'no problems'}${noted} (${what})`);
  return [...lines, ...(lines.length ? [''] : []), summary].join('\n') + '\n';
}
