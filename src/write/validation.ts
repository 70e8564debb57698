/** The `validate` report: every problem with its place, and a verdict; as text or as JSON. */
import { formatLocation } from '../model/problem.js';
import type { Validation } from '../read/load.js';
import { problemJson, SCHEMA_VERSION } from './json.js';
import type { Paint } from './paint.js';

export interface Verdict {
  readonly errors: number;
  readonly warnings: number;
  readonly failed: boolean;
}

/** Errors fail; warnings fail too when `strict`. */
export function verdict(v: Validation, strict: boolean): Verdict {
  const errors = v.problems.filter((p) => p.severity === 'error').length;
  const warnings = v.problems.length - errors;
  return { errors, warnings, failed: errors > 0 || (strict && warnings > 0) };
}

export function validationJson(v: Validation, strict: boolean) {
  const { errors, warnings, failed } = verdict(v, strict);
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'validation',
    valid: !failed,
    strict,
    files: v.files,
    scheme: v.scheme?.id ?? null,
    units: v.units ?? null,
    counts: { errors, warnings },
    problems: v.problems.map(problemJson),
  };
}

export function renderValidation(v: Validation, strict: boolean, c: Paint): string {
  const { errors, warnings, failed } = verdict(v, strict);
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
  return [...lines, ...(lines.length ? [''] : []), summary].join('\n') + '\n';
}
