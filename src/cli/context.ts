/** What a command may touch of the process, passed in so commands stay testable adapters. */
import type { Paint } from '../write/paint.js';
import type { Lang } from '../write/words.js';
import type { Project } from '../read/project-file.js';
import { colourLevel, makeColour } from './colour.js';

export interface Context {
  readonly env: NodeJS.ProcessEnv;
  readonly stdoutIsTTY: boolean;
  /** Terminal width when stdout is a terminal. */
  readonly columns?: number;
  stdout(text: string | Uint8Array): Promise<void>;
  stderr(text: string): void;
  /** Whether the reader of standard output has gone away (a closed pipe): the output is then dropped. */
  stdoutGone?(): boolean;
  /** The working folder, where a project file (par-score.json) is looked for (default: the process's). */
  readonly cwd?: string;
  /** The project file of the working folder, read once by `run` (or the error it raised). */
  readonly project?: ProjectLoad;
  /** The language of the run's messages (set by `run` from --lang, the project file or the environment). */
  readonly lang?: Lang;
  /** Standard input, read when a file is `-`. */
  stdin(): AsyncIterable<Uint8Array>;
}

export interface ProjectLoad {
  readonly value?: Project;
  readonly error?: unknown;
}

export function colourFor(ctx: Context, flag: boolean | undefined): Promise<Paint> {
  return makeColour(colourLevel({ flag, env: ctx.env, isTTY: ctx.stdoutIsTTY }));
}
