/**
 * The one command skeleton: every command is a spec (name, arguments, the options it picks, examples)
 * and a `run` that computes its output. The skeleton validates the options, refuses an --out that
 * would overwrite something the run reads, reads inputs within the run's one budget, writes the
 * output (to --out atomically, or to stdout), prints warnings and turns a failed check into exit 1.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { Command } from 'commander';
import { ParScoreError, usageError, type Problem } from '../model/problem.js';
import type { Scheme } from '../model/scheme.js';
import { builtinSchemes, findBuiltinScheme } from '../read/builtin.js';
import { decode } from '../read/decode.js';
import type { Source } from '../read/load.js';
import { parseSchemeText } from '../read/scheme-file.js';
import { openSources } from '../read/workbook.js';
import type { Paint } from '../write/paint.js';
import type { Lang } from '../write/words.js';
import { colourFor, type Context } from './context.js';
import { checkOutPath, InputBudget, readSmallFile, readSources, STDIN, writeAtomic, writeOutput, type Output } from './io.js';
import { COMMANDS_VI, PROGRAM_VI } from './help-vi.js';
import { commanderOptions, parseOptions, projectValues, type Pick, type Values } from './options.js';
import { parseProject, PROJECT_FILE, type Project } from '../read/project-file.js';
import type { ProjectLoad } from './context.js';
import { warningLines } from './report.js';

export interface Argument {
  readonly name: string;
  readonly help: string;
  /** `<files...>`: the rest of the arguments, input files. */
  readonly files?: boolean;
  /** An input file (compare's two years). */
  readonly file?: boolean;
  readonly optional?: boolean;
}

/** What a command's `run` gets: its arguments and options, and the run's input and output edges. */
export interface Job<O> {
  /** The positional arguments: one string each, the file list last. */
  readonly args: readonly string[];
  readonly files: readonly string[];
  readonly o: O;
  /** --scheme, resolved (before anything is read). */
  readonly scheme?: Scheme;
  readonly ctx: Context;
  /**
   * Reads files within the run's budget. A workbook's sheet: `sheet`, else (no `which`) the
   * command's --sheet; `{}` reads the first sheet (a crosswalk, a unit list).
   */
  read(paths: readonly string[], which?: { readonly sheet?: string | undefined }): Promise<Source[]>;
  /** Whether an option (by its name, e.g. `format`) was given on the command line or in the project file. */
  given(option: string): boolean;
  /** Colours for the terminal (none when writing to --out or with --no-color). */
  colour(): Promise<Paint>;
}

export interface Result {
  readonly output: Output;
  /** Printed on stderr after the output (unless --quiet). */
  readonly warnings?: readonly Problem[];
  /** A check that failed after the output was written (exit 1). */
  readonly failure?: ParScoreError;
}

export interface CommandSpec<P extends readonly Pick[]> {
  readonly name: string;
  readonly summary: string;
  readonly description: string;
  readonly args: readonly Argument[];
  readonly options: P;
  readonly examples: readonly string[];
  run(job: Job<Values<P>>): Promise<Result>;
}

/** The language when --lang is not given: PAR_SCORE_LANG (en, vi, vn), else vi for a Vietnamese locale (LC_ALL, LANG). */
export function defaultLang(env: Readonly<Record<string, string | undefined>>): string {
  const chosen = env.PAR_SCORE_LANG?.trim();
  if (chosen) {
    if (!/^(en|vi|vn)$/i.test(chosen)) throw usageError('bad-option', `invalid PAR_SCORE_LANG=${chosen}: expected en or vi`);
    return chosen;
  }
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^vi([_.@-]|$)/i.test(locale) ? 'vi' : 'en';
}

/**
 * The language of a run's messages, known before its options are parsed (an error may come first):
 * --lang on the command line, else the project file's, else the environment's.
 */
export function runLanguage(argv: readonly string[], ctx: Context): Lang {
  const vi = (v: string | undefined) => (v === undefined ? undefined : /^(vi|vn)$/i.test(v.trim()) ? 'vi' : 'en');
  const at = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (at >= 0) return vi(argv[at]!.includes('=') ? argv[at]!.slice(7) : argv[at + 1]) ?? 'en';
  const project = ctx.project?.value;
  if (project?.lang) return vi(project.lang)!;
  try {
    return vi(defaultLang(ctx.env))!;
  } catch {
    return 'en';
  }
}

/** The working folder's project file, read once per run (its error, if any, is raised by the command). */
export function loadProject(cwd: string): ProjectLoad {
  try {
    const value = readProject(cwd);
    return value ? { value } : {};
  } catch (error) {
    return { error };
  }
}

function projectOf(ctx: Context): Project | undefined {
  const p = ctx.project ?? loadProject(ctx.cwd ?? process.cwd());
  if (p.error !== undefined) throw p.error;
  return p.value;
}

/** The project file of the working folder (par-score.json), when there is one. */
function readProject(cwd: string): Project | undefined {
  const path = join(cwd, PROJECT_FILE);
  if (!existsSync(path)) return undefined;
  const project = parseProject(decode(readSmallFile(path), PROJECT_FILE), PROJECT_FILE);
  // Files it names are beside it (a built-in scheme id stays an id).
  const here = (v: string | undefined) => (v === undefined || isAbsolute(v) || findBuiltinScheme(v) ? v : join(cwd, v));
  const files = { scheme: here(project.scheme), prevScheme: here(project.prevScheme), crosswalk: here(project.crosswalk) };
  return { ...project, ...Object.fromEntries(Object.entries(files).filter(([, v]) => v !== undefined)) };
}

/** `--scheme <id|path>`: a built-in scheme id, or a scheme JSON file. */
export function resolveSchemeOption(value: string): Scheme {
  const builtin = findBuiltinScheme(value);
  if (builtin) return builtin;
  if (!existsSync(value)) {
    throw usageError(
      'unknown-scheme',
      `unknown scheme "${value}": not a built-in scheme (${builtinSchemes().map((s) => s.id).join(', ')}) and no such file`,
      '`par-score schemes` lists the built-in schemes; `par-score schemes <id> --format json > my.json` starts a scheme file of your own',
    );
  }
  return parseSchemeText(decode(readSmallFile(value), value), value);
}

/** Every file a run reads, besides its positional files: --out must never replace one of them. */
function otherInputs(o: Record<string, unknown>): string[] {
  const files: string[] = [];
  for (const key of ['prev', 'crosswalk', 'units', 'scheme', 'prevScheme']) {
    const v = o[key];
    for (const path of Array.isArray(v) ? v : typeof v === 'string' ? [v] : []) {
      if ((key === 'scheme' || key === 'prevScheme') && findBuiltinScheme(path)) continue;
      files.push(path);
    }
  }
  return files;
}

export function register<P extends readonly Pick[]>(program: Command, ctx: Context, spec: CommandSpec<P>): void {
  const vi = ctx.lang === 'vi' ? COMMANDS_VI[spec.name] : undefined;
  const cmd = program.command(spec.name).summary(vi?.summary ?? spec.summary).description(vi?.description ?? spec.description);
  for (const a of spec.args) cmd.argument(a.files ? `<${a.name}...>` : a.optional ? `[${a.name}]` : `<${a.name}>`, vi?.args[a.name] ?? a.help);
  for (const option of commanderOptions(spec.options, ctx.lang)) cmd.addOption(option);
  if (spec.examples.length) cmd.addHelpText('after', `\n${vi ? PROGRAM_VI.examples : 'Examples:'}\n${spec.examples.map((e) => `  $ ${e}`).join('\n')}`);
  cmd.action(async (...received: unknown[]) => {
    const command = received[spec.args.length + 1] as Command;
    const raw = { ...(received[spec.args.length] as Record<string, unknown>) };
    // The project file's settings, where the command line says nothing.
    const project = projectOf(ctx);
    if (project) Object.assign(raw, projectValues(spec.options, project, (key) => command.getOptionValueSource(key) === 'cli'));
    // --lang left out: the language of the environment (PAR_SCORE_LANG, else LANG / LC_ALL).
    if (spec.options.some((p) => (typeof p === 'string' ? p : p[0]) === 'lang') && raw.lang === undefined) raw.lang = defaultLang(ctx.env);
    const o = parseOptions(spec.options, raw) as Values<P> & { out?: string; force?: boolean; quiet?: boolean; maxErrors?: number; maxInputSize?: number; color?: boolean };
    const args = spec.args.map((a, i) => received[i] as string | string[] | undefined);
    const files = spec.args.flatMap((a, i) => (a.files ? (args[i] as string[]) : a.file ? [args[i] as string] : []));
    // `--out -` is standard output, as `-` is standard input.
    if (o.out === STDIN) delete o.out;
    const others = otherInputs(o);
    if ([...files, ...others].filter((f) => f === STDIN).length > 1) throw usageError('stdin-twice', 'standard input (-) can be read only once: name it for one input only');
    const schemeArg = (o as { scheme?: string }).scheme;
    const scheme = schemeArg !== undefined ? resolveSchemeOption(schemeArg) : undefined;
    if (o.out) checkOutPath(o.out, [...files, ...others], o.force ?? false);
    const budget = new InputBudget(o.maxInputSize);
    const job: Job<Values<P>> = {
      args: args.map((a) => (Array.isArray(a) ? a.join(' ') : (a ?? ''))),
      files,
      o,
      ...(scheme ? { scheme } : {}),
      ctx,
      read: async (paths, which) => openSources(await readSources(paths, budget, ctx.stdin), which ? which.sheet : (o as { sheet?: string }).sheet),
      colour: () => colourFor(ctx, o.out ? false : o.color),
      given: (option) => command.getOptionValueSource(option) === 'cli' || (project !== undefined && (project as Record<string, unknown>)[option] !== undefined),
    };
    // A workbook is bytes for a file, not for a terminal.
    if (!o.out && ctx.stdoutIsTTY && (o as { format?: string }).format === 'xlsx') throw usageError('binary-to-terminal', 'a workbook (--format xlsx) is not for a terminal: give --out results.xlsx, or redirect the output to a file');
    const result = await spec.run(job);
    if (o.out) await writeAtomic(o.out, result.output, o.force ?? false);
    else await writeOutput((piece) => ctx.stdout(piece), result.output, () => ctx.stdoutGone?.() ?? false);
    const warnings = result.warnings ?? [];
    if (!o.quiet && warnings.length) ctx.stderr(warningLines(warnings, o.maxErrors ?? 20, (o as { lang?: Lang }).lang ?? ctx.lang).join('\n') + '\n');
    if (result.failure) throw result.failure;
  });
}

export { STDIN };
