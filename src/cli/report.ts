/** The single place that turns problems and errors into stderr lines and an exit code, in the run's language. */
import { ParScoreError, formatLocation, type Problem } from '../model/problem.js';
import { localise } from '../write/messages.js';
import type { Lang } from '../write/words.js';

const LABELS = {
  en: { error: '', warning: 'warning: ', note: 'note: ', hint: 'hint', moreErrors: (n: number) => `... and ${n} more errors (--max-errors to see them)`, moreWarnings: (n: number) => `warning: ... and ${n} more warnings (--max-errors to see them)`, count: (n: number, what: 'error' | 'warning') => `${n} ${what}${n === 1 ? '' : 's'}`, nothing: 'nothing was written', internal: 'internal error', bug: 'this is a bug in par-score; please report it with the input that caused it' },
  vi: { error: '', warning: 'cảnh báo: ', note: 'ghi chú: ', hint: 'gợi ý', moreErrors: (n: number) => `... và ${n} lỗi khác (--max-errors để xem)`, moreWarnings: (n: number) => `cảnh báo: ... và ${n} cảnh báo khác (--max-errors để xem)`, count: (n: number, what: 'error' | 'warning') => `${n} ${what === 'error' ? 'lỗi' : 'cảnh báo'}`, nothing: 'không có gì được ghi', internal: 'lỗi nội bộ', bug: 'đây là lỗi của par-score; hãy báo lỗi kèm dữ liệu gây ra nó' },
} as const;

export function problemLine(problem: Problem, label = '', lang: Lang = 'en'): string {
  const p = localise(problem, lang);
  const where = formatLocation(p);
  const head = `par-score: ${label}${where ? `${where}: ` : ''}${p.message}`;
  return p.hint ? `${head}\n  ${LABELS[lang].hint}: ${p.hint}` : head;
}

export function warningLines(warnings: readonly Problem[], max: number, lang: Lang = 'en'): string[] {
  const l = LABELS[lang];
  const lines = warnings.slice(0, max).map((w) => problemLine(w, w.severity === 'note' ? l.note : l.warning, lang));
  if (warnings.length > max) lines.push(`par-score: ${l.moreWarnings(warnings.length - max)}`);
  return lines;
}

/** Prints an error to stderr; returns the exit code. Only user errors are expected; others are bugs. */
export function reportError(e: unknown, write: (s: string) => void, maxErrors: number, debug: boolean, lang: Lang = 'en'): number {
  const l = LABELS[lang];
  if (e instanceof ParScoreError) {
    const errors = e.problems.filter((p) => p.severity === 'error');
    const warnings = e.problems.filter((p) => p.severity === 'warning');
    // An empty error is a verdict already reported on stdout (validate): only the exit code remains.
    if (e.problems.length === 0) return e.exitCode;
    const lines = errors.slice(0, maxErrors).map((p) => problemLine(p, '', lang));
    if (errors.length > maxErrors) lines.push(`par-score: ${l.moreErrors(errors.length - maxErrors)}`);
    // The warnings too: one may explain an error (an unknown column next to a missing one).
    lines.push(...warningLines(warnings, maxErrors, lang));
    if (errors.length > 1 || warnings.length > 0) lines.push(`par-score: ${l.count(errors.length, 'error')}${warnings.length ? `, ${l.count(warnings.length, 'warning')}` : ''}; ${l.nothing}`);
    write(lines.join('\n') + '\n');
    return e.exitCode;
  }
  const err = e as Error;
  write(`par-score: ${l.internal}: ${err?.message ?? String(e)}\n  ${l.bug}${debug && err?.stack ? `\n${err.stack}` : ''}\n`);
  return 1;
}
