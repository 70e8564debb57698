/**
 * Runs the CLI in-process through `run(argv, ctx)`, as the binary would (no terminal, colour
 * variables cleared unless given): stdout, stderr and the exit code, in a fraction of the time of
 * spawning a process. tests/e2e spawns the built binary for what only a process shows.
 */
import { run } from '../../src/cli/main.js';
import type { Context } from '../../src/cli/context.js';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout as bytes. */
  bytes: Buffer;
}

export async function cli(args: string[], opts: { input?: string | Buffer; env?: Record<string, string>; cwd?: string } = {}): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  delete env.PAR_SCORE_DEBUG;
  // English unless a test asks for another language.
  for (const k of ['PAR_SCORE_LANG', 'LANG', 'LC_ALL', 'LC_MESSAGES']) delete env[k];
  const out: Buffer[] = [];
  let stderr = '';
  const input = opts.input === undefined ? Buffer.alloc(0) : Buffer.from(opts.input);
  const ctx: Context = {
    env: { ...env, ...opts.env },
    stdoutIsTTY: false,
    ...(opts.cwd !== undefined ? { cwd: opts.cwd } : {}),
    stdout: async (piece) => {
      // Pieces may be buffers the writer reuses: copied as they come.
      out.push(Buffer.from(typeof piece === 'string' ? Buffer.from(piece) : Buffer.from(piece)));
    },
    stderr: (s) => {
      stderr += s;
    },
    stdin: async function* () {
      if (input.length > 0) yield input;
    },
  };
  const code = await run(args, ctx);
  const bytes = Buffer.concat(out);
  return { code, stdout: bytes.toString('utf8'), stderr, bytes };
}

export const ANSI = /\u001b\[/;
