/** The par-score program: commander parses and wires; nothing here computes. */
import { Command, CommanderError, Help, type Option } from 'commander';
import { extraInfoVi, PROGRAM_VI, TITLES_VI, usageVi } from './help-vi.js';
import type { Context } from './context.js';
import { reportError } from './report.js';
import { loadProject, runLanguage } from './command.js';
import { localiseCommander } from '../write/messages.js';
import { stdoutGone, stdoutTerminal, writeStdout } from './stdout.js';

import { VERSION } from './version.js';

type Register = (program: Command, ctx: Context) => void;

/** The commands, each loaded only when it is set up (a module's own set-up runs when it loads). */
const COMMANDS: Record<string, () => Promise<Register>> = {
  rank: async () => (await import('./commands/rank.js')).registerRank,
  compare: async () => (await import('./commands/compare.js')).registerCompare,
  trend: async () => (await import('./commands/trend.js')).registerTrend,
  explain: async () => (await import('./commands/explain.js')).registerExplain,
  validate: async () => (await import('./commands/validate.js')).registerValidate,
  template: async () => (await import('./commands/template.js')).registerTemplate,
  report: async () => (await import('./commands/report.js')).registerReport,
  schemes: async () => (await import('./commands/schemes.js')).registerSchemes,
};

/**
 * The program; with `only`, just that command (setting up every command costs about a millisecond
 * of each start, and a command never sees the others).
 */
export async function buildProgram(ctx: Context, only?: string): Promise<Command> {
  const vi = ctx.lang === 'vi';
  const program = new Command('par-score')
    .description(vi ? PROGRAM_VI.description : "Vietnam's PAR INDEX (chỉ số cải cách hành chính) from CSV files and workbooks: exact totals, index, bands and ranks.")
    .version(VERSION, '-V, --version', vi ? PROGRAM_VI.version : 'output the version number')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void ctx.stdout(s),
      writeErr: (s) => ctx.stderr(s),
      outputError: (s, write) => write(`par-score: ${localiseCommander(s.replace(/^error: /, ''), ctx.lang ?? 'en')}`),
    });
  const loaders = only !== undefined && Object.hasOwn(COMMANDS, only) ? [COMMANDS[only]!] : Object.values(COMMANDS);
  for (const register of await Promise.all(loaders.map((load) => load()))) register(program, ctx);
  program.addHelpText(
    'after',
    vi
      ? PROGRAM_VI.after
      : `
Exit codes: 0 success, 1 invalid data (or a failed check), 2 wrong usage.
Run \`par-score <command> --help\` for a command's options and examples.`,
  );
  if (vi) {
    program.helpCommand('help [command]', PROGRAM_VI.helpCommand);
    const help = {
      styleTitle: (title: string) => TITLES_VI[title] ?? title,
      commandUsage(this: Help, cmd: Command) {
        return usageVi(Help.prototype.commandUsage.call(this, cmd));
      },
      subcommandTerm(this: Help, cmd: Command) {
        return usageVi(Help.prototype.subcommandTerm.call(this, cmd));
      },
      optionDescription(this: Help, option: Option) {
        return extraInfoVi(Help.prototype.optionDescription.call(this, option));
      },
    };
    program.helpOption('-h, --help', PROGRAM_VI.help).configureHelp(help);
    for (const cmd of program.commands) cmd.helpOption('-h, --help', PROGRAM_VI.help).configureHelp(help);
  }
  for (const cmd of program.commands) cmd.exitOverride().configureOutput(program.configureOutput());
  return program;
}

function maxErrorsFrom(argv: readonly string[]): number {
  const i = argv.findIndex((a) => a === '--max-errors' || a.startsWith('--max-errors='));
  if (i < 0) return 20;
  const v = Number(argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1]);
  return Number.isInteger(v) && v > 0 ? v : 20;
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function run(argv: readonly string[], given: Context): Promise<number> {
  const project = given.project ?? loadProject(given.cwd ?? process.cwd());
  const lang = runLanguage(argv, { ...given, project });
  const ctx: Context = { ...given, project, lang };
  const program = await buildProgram(ctx, argv[0]);
  try {
    if (argv.length === 0) {
      ctx.stderr(program.helpInformation());
      return 2;
    }
    const first = argv[0]!;
    if (!first.startsWith('-') && !program.commands.some((c) => c.name() === first || c.aliases().includes(first)) && /\.(csv|tsv|txt)$/i.test(first)) {
      ctx.stderr(`par-score: "${first}" is not a command\n  hint: did you mean \`par-score rank ${argv.join(' ')}\`?\n`);
      return 2;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return 2;
    }
    return reportError(e, (s) => ctx.stderr(s), maxErrorsFrom(argv), ctx.env.PAR_SCORE_DEBUG !== undefined, lang);
  }
}

/** Entry point for bin/par-score.js: with stdout.ts (a reader gone away), the only place that touches process exit. */
export function main(argv: readonly string[]): void {
  const terminal = stdoutTerminal();
  let stderrUsed = false;
  const ctx: Context = {
    env: process.env,
    stdoutIsTTY: terminal.isTTY,
    ...(terminal.columns ? { columns: terminal.columns } : {}),
    stdout: writeStdout,
    stdoutGone,
    stderr: (s) => {
      stderrUsed = true;
      process.stderr.write(s);
    },
    stdin: () => process.stdin,
  };
  /**
   * Ends the process once its output is out. `run` resolves only after every byte of stdout has been
   * handed to the system and every file has been written; stderr is flushed unless Node still holds
   * some of it (a Windows pipe), in which case the process ends the usual way, when it has. Ending
   * here skips the housekeeping V8 may have scheduled (a garbage collection): about a millisecond of
   * each short run.
   */
  const finish = (code: number) => {
    process.exitCode = code;
    if (!stderrUsed || process.stderr.writableLength === 0) process.exit();
  };
  run(argv, ctx).then(finish, (e) => {
    ctx.stderr(`par-score: internal error: ${(e as Error)?.message ?? e}\n`);
    finish(1);
  });
}
