/** The `validate` report: every problem with its place, and a verdict; as text or as JSON. */
import { formatLocation } from '../model/problem.js';
import type { Validation } from '../read/load.js';
import { problemJson, SCHEMA_VERSION } from './json.js';
import type { Paint } from './paint.js';
import { localise } from './messages.js';
import type { Lang } from './words.js';

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

/** The JSON report: codes and positions are the same in every language; messages and hints are in `lang`. */
export function validationJson(v: Validation, strict: boolean, lang: Lang = 'en') {
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
    problems: v.problems.map((p) => problemJson(p, lang)),
  };
}

const TEXT = {
  en: {
    error: 'error',
    warning: 'warning',
    note: 'note',
    hint: 'hint',
    count: (n: number, w: 'error' | 'warning' | 'note' | 'file') => `${n} ${w}${n === 1 ? '' : 's'}`,
    units: (n: number, files: string, scheme: string) => `${n} units in ${files}, scheme ${scheme}`,
    strict: ' - failing because of --strict',
    noErrors: 'no errors',
    none: 'no problems',
  },
  vi: {
    error: 'lỗi',
    warning: 'cảnh báo',
    note: 'ghi chú',
    hint: 'gợi ý',
    count: (n: number, w: 'error' | 'warning' | 'note' | 'file') => `${n} ${{ error: 'lỗi', warning: 'cảnh báo', note: 'ghi chú', file: 'tệp' }[w]}`,
    units: (n: number, files: string, scheme: string) => `${n} đơn vị trong ${files}, bộ chỉ số ${scheme}`,
    strict: ' - không đạt vì --strict',
    noErrors: 'không có lỗi',
    none: 'không có vấn đề nào',
  },
} as const;

export function renderValidation(v: Validation, strict: boolean, c: Paint, lang: Lang = 'en'): string {
  const t = TEXT[lang];
  const { errors, warnings, notes, failed } = verdict(v, strict);
  const lines = v.problems.map((problem) => {
    const p = localise(problem, lang);
    const where = formatLocation(p);
    const sev = p.severity === 'error' ? c.red(t.error) : p.severity === 'warning' ? c.yellow(t.warning) : t.note;
    return `${where ? `${where}: ` : ''}${sev}: ${p.message} [${p.code}]${p.hint ? `\n  ${t.hint}: ${p.hint}` : ''}`;
  });
  const files = t.count(v.files.length, 'file');
  const what = v.units !== undefined ? t.units(v.units, files, v.scheme!.id) : files;
  const noted = notes ? `, ${t.count(notes, 'note')}` : '';
  const summary = failed
    ? c.red(`✗ ${t.count(errors, 'error')}, ${t.count(warnings, 'warning')}${noted} (${what})${errors === 0 ? t.strict : ''}`)
    : c.green(`✓ ${warnings ? `${t.count(warnings, 'warning')}, ${t.noErrors}` : t.none}${noted} (${what})`);
  return [...lines, ...(lines.length ? [''] : []), summary].join('\n') + '\n';
}
