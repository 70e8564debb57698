/** The one colour switch: --no-color, NO_COLOR, FORCE_COLOR, and colour only on a TTY. */
import { PLAIN, type Paint } from '../write/paint.js';

export function colourLevel(opts: { flag: boolean | undefined; env: NodeJS.ProcessEnv; isTTY: boolean }): 0 | 1 | 2 | 3 {
  if (opts.flag === false) return 0;
  const force = opts.env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    if (force === '2' || force === '3') return Number(force) as 2 | 3;
    return 1;
  }
  if (opts.env.NO_COLOR !== undefined && opts.env.NO_COLOR !== '') return 0;
  if (opts.env.TERM === 'dumb') return 0;
  return opts.isTTY ? 1 : 0;
}

/** Colours at `level`; chalk is loaded only when there is colour to draw. */
export async function makeColour(level: 0 | 1 | 2 | 3): Promise<Paint> {
  if (level === 0) return PLAIN;
  const { Chalk } = await import('chalk');
  return new Chalk({ level }) as unknown as Paint;
}
