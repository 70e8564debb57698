/**
 * Box tables for the terminal, drawn directly: the same characters and layout as cli-table3 with its
 * row separators off (a test pins the output to cli-table3's), but without its cost per cell (about
 * 20 ms for 63 rows) or its stack overflow beyond about 100,000 rows.
 */
import type { Paint } from './paint.js';

const ANSI = /\u001b\[[0-9;]*m/g;

/** Columns a cell takes on a terminal (ANSI codes stripped; CJK and full-width characters count 2). */
export function displayWidth(text: string): number {
  // Printable ASCII (most cells): one column a character, nothing to strip or normalise.
  let ascii = true;
  for (let i = 0; i < text.length && ascii; i++) {
    const c = text.charCodeAt(i);
    ascii = c >= 32 && c < 127;
  }
  if (ascii) return text.length;
  let width = 0;
  for (const ch of text.replace(ANSI, '').normalize('NFC')) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x300 && cp <= 0x36f) continue; // combining marks
    width += (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xff00 && cp <= 0xff60) ? 2 : 1;
  }
  return width;
}

export interface BoxOptions {
  readonly head: readonly string[];
  readonly numeric: readonly boolean[];
  readonly colour: Paint;
}

/** Rows made when asked for: a large table is measured, then drawn, without holding its cells. */
export interface RowSource {
  readonly count: number;
  row(k: number): readonly string[];
}

function splitCell(text: string): { lines: string[]; widths: number[] } | undefined {
  if (text.indexOf('\n') < 0) return undefined;
  const lines = text.split('\n');
  return { lines, widths: lines.map(displayWidth) };
}

/**
 * The table as text, in pieces of about 64 KiB: one pass measures every cell (each column as wide
 * as its widest line), a second draws the rows, made again. A cell is split into lines only when
 * it has a line break.
 */
export function* renderBoxChunks(o: BoxOptions, rows: RowSource): Generator<string> {
  const columns = o.head.length;
  const widths = new Array<number>(columns).fill(0);
  const measure = (source: readonly string[]) => {
    for (let i = 0; i < columns; i++) {
      const text = source[i] ?? '';
      const split = splitCell(text);
      const w = split ? Math.max(...split.widths) : displayWidth(text);
      if (w > widths[i]!) widths[i] = w;
    }
  };
  measure(o.head);
  for (let k = 0; k < rows.count; k++) measure(rows.row(k));

  const plain = o.colour.level === 0;
  const border = (s: string) => (plain ? s : o.colour.grey(s));
  const rule = (left: string, mid: string, right: string) => {
    let line = left;
    for (let i = 0; i < columns; i++) line += (i > 0 ? mid : '') + '─'.repeat(widths[i]! + 2);
    return border(line + right);
  };
  const bar = border('│');
  const pads: string[] = [];
  const pad = (gap: number) => (pads[gap] ??= ' '.repeat(gap));
  /** A row's lines, each starting with a line break. */
  const draw = (source: readonly string[], head: boolean): string => {
    const cells = new Array<string | { lines: string[]; widths: number[] }>(columns);
    let height = 1;
    for (let i = 0; i < columns; i++) {
      const text = source[i] ?? '';
      const split = splitCell(text);
      cells[i] = split ?? text;
      if (split && split.lines.length > height) height = split.lines.length;
    }
    const pieces: string[] = [];
    for (let l = 0; l < height; l++) {
      pieces.push('\n', bar);
      for (let i = 0; i < columns; i++) {
        const cell = cells[i]!;
        const text = typeof cell === 'string' ? (l === 0 ? cell : '') : (cell.lines[l] ?? '');
        const w = typeof cell === 'string' ? (l === 0 ? displayWidth(cell) : 0) : (cell.widths[l] ?? 0);
        const gap = pad(widths[i]! - w);
        const shown = head && text !== '' ? o.colour.bold(text) : text;
        pieces.push(' ', o.numeric[i] ? gap : shown, o.numeric[i] ? shown : gap, ' ', bar);
      }
    }
    return pieces.join('');
  };
  let piece = rule('┌', '┬', '┐') + draw(o.head, true);
  for (let k = 0; k < rows.count; k++) {
    piece += draw(rows.row(k), false);
    if (piece.length > 1 << 16) {
      yield piece;
      piece = '';
    }
  }
  yield `${piece}\n${rule('└', '┴', '┘')}`;
}

/** The table as one text. */
export function renderBox(o: BoxOptions, rows: readonly (readonly string[])[]): string {
  return [...renderBoxChunks(o, { count: rows.length, row: (k) => rows[k]! })].join('');
}
