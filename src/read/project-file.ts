/**
 * The project file, `par-score.json` in the working folder: the choices an office repeats every
 * year (the scheme, the language, the unit column, the crosswalk, the output), so that
 * `par-score rank 2025.xlsx` does this year what it did last year. Options on the command line
 * win. Keys are the options' names (`unitColumn` for --unit-column); an unknown key or a wrong
 * value is an error at its line, as in a scheme file.
 */
import * as z from 'zod/mini';
import { ParScoreError, type Problem } from '../model/problem.js';
import { parseJsonText, position } from './json-locate.js';

export const PROJECT_FILE = 'par-score.json';

const whole = (min: number, max: number) => z.number().check(z.int(`expected a whole number from ${min} to ${max}`), z.gte(min, `expected a whole number from ${min} to ${max}`), z.lte(max, `expected a whole number from ${min} to ${max}`));

/** Made when a project file is read (not at every start). */
const makeProjectSchema = () => {
  const text = z.string().check(z.minLength(1, 'cannot be empty'));
  return z.strictObject({
  scheme: z.optional(text),
  prevScheme: z.optional(text),
  lang: z.optional(z.enum(['en', 'vi', 'vn'])),
  sheet: z.optional(z.union([text, z.number()])),
  prevSheet: z.optional(z.union([text, z.number()])),
  unitColumn: z.optional(text),
  delimiter: z.optional(z.enum([',', ';', 'tab', 'comma', 'semicolon'])),
  missing: z.optional(z.enum(['error', 'zero'])),
  dash: z.optional(z.enum(['na', 'zero'])),
  ties: z.optional(z.enum(['competition', 'dense', 'ordinal'])),
  rankPrecision: z.optional(whole(0, 10)),
  totals: z.optional(z.enum(['computed', 'declared'])),
  crosswalk: z.optional(text),
  mergeRule: z.optional(z.enum(['mean', 'max', 'sum'])),
  format: z.optional(z.enum(['table', 'json', 'csv', 'md', 'html', 'xlsx'])),
  title: z.optional(text),
  excel: z.optional(z.boolean()),
  bom: z.optional(z.boolean()),
  depth: z.optional(whole(0, 9)),
  components: z.optional(z.enum(['auto', 'show', 'hide'])),
  });
};

export type Project = z.infer<ReturnType<typeof makeProjectSchema>>;

/** The project file's text -> its settings, or a ParScoreError (exit 1, `project-invalid`) at the line of each problem. */
export function parseProject(source: string, file: string): Project {
  const json = parseJsonText(source, file, 'project-invalid');
  const PROJECT = makeProjectSchema();
  const result = PROJECT.safeParse(json);
  if (result.success) return result.data;
  const problems: Problem[] = result.error.issues.map((issue) => {
    const key = issue.code === 'unrecognized_keys' ? String(issue.keys[0]) : String(issue.path[0] ?? '');
    const at = key ? source.indexOf(`"${key}"`) : -1;
    const what =
      issue.code === 'unrecognized_keys'
        ? `${issue.keys.map((k) => `"${String(k)}"`).join(', ')} ${issue.keys.length === 1 ? 'is not a setting' : 'are not settings'} of par-score (the settings are the options' names: ${Object.keys(PROJECT.shape).join(', ')})`
        : `${key}: ${issue.message}`;
    return { severity: 'error', code: 'project-invalid', message: what, file, ...(at >= 0 ? position(source, at) : {}) };
  });
  throw new ParScoreError(problems, 1);
}
