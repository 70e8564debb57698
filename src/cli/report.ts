/** The single place that turns problems and errors into stderr lines and an exit code. */
import { ParScoreError, formatLocation, type Problem } from '../model/problem.js';

export function problemLine(p: Problem, label = ''): string {
  const where = formatLocation(p);
  const head = `par-score: ${label}${where ? `${where}: ` : ''}${p.message}`;
  return p.hint ? `${head}\n  hint: ${p.hint}` : head;
}

export function warningLines(warnings: readonly Problem[], max: number): string[] {
  const lines = warnings.slice(0, max).map((w) => problemLine(w, `${w.severity}: `));
  if (warnings.length > max) lines.push(`par-score: warning: ... and ${warnings.length - max} more warnings (--max-errors to see them)`);
  return lines;
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/** Prints an error to stderr; returns the exit code. Only user errors are expected; others are bugs. */
export function reportError(e: unknown, write: (s: string) => void, maxErrors: number, debug: boolean): number {
  if (e instanceof ParScoreError) {
    const errors = e.problems.filter((p) => p.severity === 'error');
    const warnings = e.problems.filter((p) => p.severity === 'warning');
    // An empty error is a verdict already reported on stdout (validate): only the exit code remains.
    if (e.problems.length === 0) return e.exitCode;
    const lines = errors.slice(0, maxErrors).map((p) => problemLine(p));
    if (errors.length > maxErrors) lines.push(`par-score: ... and ${errors.length - maxErrors} more errors (--max-errors to see them)`);
    // The warnings too: one may explain an error (an unknown column next to a missing one).
    lines.push(...warningLines(warnings, maxErrors));
    if (errors.length > 1 || warnings.length > 0) lines.push(`par-score: ${count(errors.length, 'error')}${warnings.length ? `, ${count(warnings.length, 'warning')}` : ''}; nothing was written`);
    write(lines.join('\n') + '\n');
    return e.exitCode;
  }
  const err = e as Error;
  write(`par-score: internal error: ${err?.message ?? String(e)}\n  this is a bug in par-score; please report it with the input that caused it${debug && err?.stack ? `\n${err.stack}` : ''}\n`);
  return 1;
}
