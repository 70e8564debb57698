/**
 * What renderers need to colour text. Without colour it is a set of identity functions, so chalk is
 * loaded only when colour is actually on (a chalk instance satisfies this interface).
 */
export interface Paint {
  readonly level: 0 | 1 | 2 | 3;
  bold(text: string): string;
  dim(text: string): string;
  grey(text: string): string;
  green(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  magenta(text: string): string;
  reset(text: string): string;
}

const same = (text: string) => text;

export const PLAIN: Paint = {
  level: 0,
  bold: same,
  dim: same,
  grey: same,
  green: same,
  red: same,
  yellow: same,
  cyan: same,
  magenta: same,
  reset: same,
};
