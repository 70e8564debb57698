/** Shared option definitions and their validation (zod), so every command reads them the same way. */
import { Option } from 'commander';
import * as z from 'zod/mini';
import { usageError } from '../core/problem.js';
import { TIE_RULES, type TieRule } from '../core/rank.js';
import type { RankSourcesOptions } from '../pipeline.js';
import { builtinSchemes } from '../scheme/builtin.js';
import type { Scheme } from '../scheme/schema.js';
import type { Delimiter } from '../input/csv.js';
import { LANGS } from '../render/labels.js';
import { parseSize } from './io.js';

export const FORMATS = ['table', 'json', 'csv', 'md'] as const;
export type Format = (typeof FORMATS)[number];

const DELIMITERS: Record<string, Delimiter> = { ',': ',', comma: ',', ';': ';', semicolon: ';', tab: '\t', '\t': '\t', '\\t': '\t' };

function flagName(key: string): string {
  return `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** Validates commander's raw options with a zod schema; a bad value is a usage error (exit 2). */
export function parseOptions<T extends z.ZodMiniType>(schema: T, raw: unknown): z.infer<T> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const key = String(issue.path[0] ?? '');
  throw usageError('bad-option', `invalid ${key ? flagName(key) : 'option'}: ${issue.message}`);
}

export const wholeNumber = (min: number, max: number) => {
  const message = `expected a whole number from ${min} to ${max}`;
  return z.coerce.number({ error: message }).check(z.int(message), z.gte(min, message), z.lte(max, message));
};

export const delimiterOption = z.pipe(
  z.string().check(z.refine((d) => d in DELIMITERS, 'expected , ; or tab')),
  z.transform((d: string) => DELIMITERS[d]!),
);

const text = z.string().check(z.minLength(1, 'cannot be empty'));

export const inputOptionsSchema = {
  scheme: z.optional(text),
  delimiter: z.optional(delimiterOption),
  unitColumn: z.optional(text),
  missing: z.enum(['error', 'zero']),
  maxErrors: wholeNumber(1, 100000),
  maxInputSize: z.pipe(
    z.string().check(z.refine((v) => (parseSize(v) ?? 0) >= 1, 'expected a size such as 64MiB, 1GiB or 1000000')),
    z.transform((v: string) => parseSize(v)!),
  ),
  quiet: z.optional(z.boolean()),
  color: z.optional(z.boolean()),
};

export const outputOptionsSchema = {
  lang: z.enum(LANGS),
  out: z.optional(text),
  force: z.optional(z.boolean()),
  bom: z.optional(z.boolean()),
};

export const optionalText = z.optional(text);
export const optionalFlag = z.optional(z.boolean());
export const fileList = z.optional(z.array(text));

export function inputOptions(): Option[] {
  return [
    new Option('-s, --scheme <id|file>', 'built-in scheme id or scheme JSON file (default: chosen from the columns)'),
    new Option('--delimiter <d>', 'input delimiter: , ; or tab (default: detected)'),
    new Option('--unit-column <header>', 'the header of the unit-name column, if not a usual one'),
    new Option('--missing <rule>', 'an empty score cell is an error, or counts as 0').choices(['error', 'zero']).default('error'),
    new Option('--max-errors <n>', 'how many problems to print at most').default('20'),
    new Option('--max-input-size <size>', 'refuse inputs larger than this in all (e.g. 64MiB)').default('24MiB'),
    new Option('-q, --quiet', 'do not print warnings on stderr'),
    new Option('--no-color', 'no colours, even on a terminal'),
  ];
}

export function outputOptions(formats: readonly string[] = FORMATS): Option[] {
  return [
    new Option('-f, --format <format>', 'output format').choices(formats).default(formats[0]),
    new Option('--lang <lang>', 'language of labels').choices(LANGS).default('en'),
    new Option('-o, --out <file>', 'write to a file (atomically) instead of stdout'),
    new Option('--force', 'allow --out to replace an existing file (never an input file)'),
    new Option('--bom', 'start CSV output with a UTF-8 byte-order mark (for Excel)'),
  ];
}

export const rankingOptionsSchema = {
  ties: z.enum(TIE_RULES),
  rankPrecision: z.optional(wholeNumber(0, 10)),
};

export function rankingOptions(): Option[] {
  return [
    new Option('--ties <rule>', 'equal values: competition (1,2,2,4), dense (1,2,2,3) or ordinal (1,2,3,4)').choices(TIE_RULES).default('competition'),
    new Option('--rank-precision <n>', 'rank and band on the index rounded to n decimals (default: the exact value)'),
  ];
}

/** Repeatable options (`--prev a.csv --prev b.csv`) collect into a list. */
export const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** The pipeline options every ranking command builds from its validated CLI options. */
export function pipelineOptions(
  o: {
    delimiter?: Delimiter | undefined;
    unitColumn?: string | undefined;
    missing: 'error' | 'zero';
    ties: TieRule;
    rankPrecision?: number | undefined;
  },
  scheme: Scheme | undefined,
): RankSourcesOptions {
  return {
    ...(scheme ? { scheme } : { candidates: builtinSchemes() }),
    ...(o.delimiter ? { delimiter: o.delimiter } : {}),
    ...(o.unitColumn ? { unitColumn: o.unitColumn } : {}),
    missing: o.missing,
    ties: o.ties,
    ...(o.rankPrecision !== undefined ? { rankPrecision: o.rankPrecision } : {}),
  };
}
