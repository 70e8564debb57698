/**
 * Every option of every command, declared once: its flags, help text, default and validation (zod).
 * A command picks the options it takes by name (the few that vary, the choices of --format, say so
 * where they are picked); the commander options, their help and the validated, typed values all come
 * from here.
 */
import { Option } from 'commander';
import * as z from 'zod/mini';
import { usageError } from '../model/problem.js';
import { TIE_RULES } from '../model/rank.js';
import { MERGE_RULES } from '../model/compare.js';
import type { Delimiter } from '../read/csv.js';
import type { Lang } from '../write/words.js';
import { OPTIONS_VI, OVERRIDES_VI } from './help-vi.js';
import { parseSize } from './io.js';

const DELIMITERS: Readonly<Record<string, Delimiter>> = { ',': ',', comma: ',', ';': ';', semicolon: ';', tab: '\t', '\t': '\t', '\\t': '\t' };

const text = z.string().check(z.minLength(1, 'cannot be empty'));
const flag = z.optional(z.boolean());

function wholeNumber(min: number, max: number) {
  const message = `expected a whole number from ${min} to ${max}`;
  return z.coerce.number({ error: message }).check(z.int(message), z.gte(min, message), z.lte(max, message));
}

const delimiter = z.pipe(
  z.string().check(z.refine((d) => Object.hasOwn(DELIMITERS, d), 'expected , ; or tab')),
  z.transform((d: string) => DELIMITERS[d]!),
);

interface Spec {
  readonly flags: string;
  readonly help: string;
  readonly value: z.ZodMiniType;
  readonly choices?: readonly string[];
  readonly default?: string;
  /** Repeatable: `--prev a.csv --prev b.csv` gives a list. */
  readonly repeat?: boolean;
}

const spec = <V extends z.ZodMiniType>(s: Omit<Spec, 'value'> & { value: V }) => s;
const choice = <const C extends readonly [string, ...string[]]>(flags: string, help: string, choices: C, fallback: C[number]) =>
  spec({ flags, help, choices, value: z.enum(choices), default: fallback });
const optionalChoice = <const C extends readonly [string, ...string[]]>(flags: string, help: string, choices: C) => spec({ flags, help, choices, value: z.optional(z.enum(choices)) });

const FORMATS = ['table', 'json', 'csv', 'md', 'html', 'xlsx'] as const;
export type Format = (typeof FORMATS)[number];

export const OPTIONS = {
  scheme: spec({ flags: '-s, --scheme <id|file>', help: 'built-in scheme id or scheme JSON file (default: chosen from the columns)', value: z.optional(text) }),
  delimiter: spec({ flags: '--delimiter <d>', help: 'input delimiter: , ; or tab (default: detected)', value: z.optional(delimiter) }),
  sheet: spec({ flags: '--sheet <name|n>', help: 'the sheet of a workbook (.xlsx, .xls, .ods) to read: its name or number (default: the first)', value: z.optional(text) }),
  prevSheet: spec({ flags: '--prev-sheet <name|n>', help: "the sheet of last year's workbook (default: the first)", value: z.optional(text) }),
  unitColumn: spec({ flags: '--unit-column <header>', help: 'the header of the unit-name column, if not a usual one', value: z.optional(text) }),
  missing: choice('--missing <rule>', 'an empty score cell is an error, or counts as 0', ['error', 'zero'], 'error'),
  dash: optionalChoice('--dash <meaning>', 'a lone "-" in a score cell: na (not applicable) or zero (Excel\'s Accounting format); default: what the scheme says, else an error', ['na', 'zero']),
  maxErrors: spec({ flags: '--max-errors <n>', help: 'how many problems to print at most', default: '20', value: wholeNumber(1, 100000) }),
  maxInputSize: spec({
    flags: '--max-input-size <size>',
    help: 'refuse more input than this in all (e.g. 64MiB; default: what fits in memory)',
    value: z.optional(
      z.pipe(
        z.string().check(z.refine((v) => (parseSize(v) ?? 0) >= 1, 'expected a size such as 64MiB, 1GiB or 1000000')),
        z.transform((v: string) => parseSize(v)!),
      ),
    ),
  }),
  quiet: spec({ flags: '-q, --quiet', help: 'do not print warnings on stderr', value: flag }),
  color: spec({ flags: '--no-color', help: 'no colours, even on a terminal', value: flag }),
  format: choice('-f, --format <format>', 'output format', FORMATS, 'table'),
  lang: spec({
    flags: '--lang <lang>',
    help: 'language of labels: en or vi (default: en, or vi when PAR_SCORE_LANG=vi or LANG is vi_VN...)',
    // "vn" (the country code) is what many write for Vietnamese.
    value: z.pipe(
      z.string().check(z.refine((v) => ['en', 'vi', 'vn'].includes(v.toLowerCase()), 'expected en or vi')),
      z.transform((v: string): Lang => (v.toLowerCase() === 'en' ? 'en' : 'vi')),
    ),
  }),
  title: spec({ flags: '--title <text>', help: "the heading of the table, Markdown, workbook or report (default: the scheme's title and the year)", value: z.optional(text) }),
  out: spec({ flags: '-o, --out <file>', help: 'write to a file (atomically) instead of stdout', value: z.optional(text) }),
  force: spec({ flags: '--force', help: 'allow --out to replace an existing file (never an input file)', value: flag }),
  excel: spec({ flags: '--excel', help: 'CSV for Excel or LibreOffice in a Vietnamese locale: ";" between fields, decimal commas and a byte-order mark (implies --format csv)', value: flag }),
  bom: spec({ flags: '--bom', help: 'start CSV output with a UTF-8 byte-order mark (for Excel)', value: flag }),
  ties: choice('--ties <rule>', 'equal values: competition (1,2,2,4), dense (1,2,2,3) or ordinal (1,2,3,4)', TIE_RULES as unknown as readonly ['competition', 'dense', 'ordinal'], 'competition'),
  totals: optionalChoice('--totals <which>', 'rank on the computed sums of the components (computed, the default) or on the total column the file states (declared; it must still agree within rounding)', ['computed', 'declared']),
  depth: spec({ flags: '--depth <n>', help: 'node columns from this depth of the scheme\'s tree: 0 the parts (default), 1 their fields, 2 the criteria', value: z.optional(wholeNumber(0, 9)) }),
  rankPrecision: spec({ flags: '--rank-precision <n>', help: 'rank and band on the index rounded to n decimals (default: the exact value)', value: z.optional(wholeNumber(0, 10)) }),
  prev: spec({ flags: '--prev <file>', help: "last year's file (repeat for several files of that year): adds the previous rank and the changes", repeat: true, value: z.optional(z.array(text)) }),
  prevScheme: spec({ flags: '--prev-scheme <id|file>', help: "the previous year's scheme, when it differs (default: as --scheme, or chosen from the columns)", value: z.optional(text) }),
  crosswalk: spec({ flags: '--crosswalk <file>', help: 'CSV of renamed and merged units: columns old,new (codes or names)', value: z.optional(text) }),
  mergeRule: optionalChoice('--merge-rule <rule>', "combine a merged unit's predecessors: mean, max or sum (default: no change for merged units)", MERGE_RULES as unknown as readonly ['mean', 'max', 'sum']),
  failOnRankDrop: spec({ flags: '--fail-on-rank-drop <n>', help: 'exit 1 when any unit falls more than n places (units listed on stderr)', value: z.optional(wholeNumber(0, 1_000_000)) }),
  components: choice('--components <when>', 'component columns in the table: show, hide, or auto (hidden when a terminal is too narrow)', ['auto', 'show', 'hide'], 'auto'),
  top: spec({ flags: '--top <n>', help: 'show only the n biggest risers and the n biggest fallers', value: z.optional(wholeNumber(1, 1_000_000)) }),
  year: spec({
    flags: '--year <years>',
    help: "the files' years, in the order of the files: 2021,2022,2023",
    value: z.optional(
      z.pipe(
        z.string().check(z.regex(/^\s*\d{4}\s*(,\s*\d{4}\s*)*$/, 'expected years separated by commas, e.g. 2021,2022,2023')),
        z.transform((s: string) => s.split(',').map((y) => y.trim())),
      ),
    ),
  }),
  strict: spec({ flags: '--strict', help: 'warnings fail too (exit 1)', value: flag }),
  units: spec({ flags: '--units <file>', help: 'CSV list of units (a unit column; optional code and block columns)', value: z.optional(text) }),
  outputDelimiter: spec({ flags: '--delimiter <d>', help: 'delimiter: , ; or tab', default: ',', value: delimiter }),
  withBom: spec({ flags: '--no-bom', help: 'no UTF-8 byte-order mark (by default there is one, so Excel shows Vietnamese correctly)', value: z.boolean() }),
} as const;

export type OptionName = keyof typeof OPTIONS;

/** A picked option, with what varies by command: the choices of --format, a required --scheme. */
export type Pick = OptionName | readonly [OptionName, { readonly choices?: readonly string[]; readonly required?: boolean; readonly help?: string }];

const nameOf = (p: Pick): OptionName => (typeof p === 'string' ? p : p[0]);
/** commander's attribute name of an option (`--no-bom` -> `bom`). */
export const attribute = (name: OptionName): string => (name === 'withBom' ? 'bom' : name === 'outputDelimiter' ? 'delimiter' : name);

type NameOf<T> = T extends readonly [infer N, unknown] ? N : T;

/** The values a command's picked options have, validated. */
export type Values<P extends readonly Pick[]> = { [K in NameOf<P[number]> & OptionName]: z.infer<(typeof OPTIONS)[K]['value']> };

/**
 * Settings of a project file for the picked options, as commander would have given them, for each
 * option not on the command line (`given(attribute)`); a value outside the choices this command
 * takes (format "xlsx" for validate) is left to the commands that take it.
 */
export function projectValues(picks: readonly Pick[], project: Readonly<Record<string, unknown>>, given: (attribute: string) => boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of picks) {
    const name = nameOf(p);
    const value = project[name];
    if (value === undefined || given(attribute(name))) continue;
    const choices = (typeof p === 'string' ? undefined : p[1].choices) ?? OPTIONS[name].choices;
    if (choices && !choices.includes(String(value))) continue;
    out[attribute(name)] = typeof value === 'boolean' ? value : String(value);
  }
  return out;
}

/** The commander options of the picks, in order. */
export function commanderOptions(picks: readonly Pick[], lang: Lang = 'en'): Option[] {
  return picks.map((p) => {
    const name = nameOf(p);
    const s: Spec = OPTIONS[name];
    const extra = typeof p === 'string' ? {} : p[1];
    const help = lang === 'vi' ? (extra.help !== undefined ? (OVERRIDES_VI[extra.help] ?? extra.help) : OPTIONS_VI[name]) : (extra.help ?? s.help);
    const o = new Option(s.flags, help);
    const choices = extra.choices ?? s.choices;
    if (choices) o.choices(choices);
    if (s.default !== undefined) o.default(extra.choices ? extra.choices[0] : s.default);
    if (s.repeat) o.argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]);
    if (extra.required) o.makeOptionMandatory();
    return o;
  });
}

function flagName(key: string): string {
  return `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** Validates commander's raw values of the picks; a bad value is a usage error (exit 2). */
export function parseOptions<P extends readonly Pick[]>(picks: P, raw: Record<string, unknown>): Values<P> {
  const out: Record<string, unknown> = {};
  for (const p of picks) {
    const name = nameOf(p);
    const value = raw[attribute(name)];
    const result = OPTIONS[name].value.safeParse(value);
    if (!result.success) {
      const key = attribute(name);
      throw usageError('bad-option', `invalid ${flagName(key)}: ${result.error.issues[0]!.message}`);
    }
    out[name] = result.data;
  }
  return out as Values<P>;
}

/**
 * The format a run writes: `--format`, made CSV by `--excel` and a workbook by an `--out` ending in
 * `.xlsx` (when --format was left at its default); a contradiction is a usage error.
 */
export function outputFormat(o: { readonly format: string; readonly excel?: boolean | undefined; readonly out?: string | undefined }, formatGiven: boolean): string {
  const wantsBook = o.out !== undefined && /\.xlsx$/i.test(o.out);
  if (o.excel) {
    if (wantsBook) throw usageError('bad-option', '--excel writes CSV, but --out names a workbook (.xlsx): leave out --excel for a workbook');
    if (o.format !== 'csv' && o.format !== 'table') throw usageError('bad-option', `--excel writes CSV; it cannot be combined with --format ${o.format}`);
    return 'csv';
  }
  if (wantsBook && !formatGiven) return 'xlsx';
  if (wantsBook && o.format !== 'xlsx') throw usageError('bad-option', `--out names a workbook (.xlsx) but --format is ${o.format}: use --format xlsx, or another file name`);
  return o.format;
}
