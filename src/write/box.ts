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

/**
 * The table as text. Written for the cost of a short run, where it runs once, uncompiled: one pass
 * measures every cell (remembering the widths), one pass puts the pieces of every line in a list
 * joined once; a cell is split into lines only when it has a line break.
 */
export function renderBox(o: BoxOptions, rows: readonly (readonly string[])[]): string {
  const columns = o.head.length;
  // By row (the head first) and column: the cell's lines, and their widths.
  const cells: (string | string[])[][] = [];
  const cellWidths: (number | number[])[][] = [];
  const widths = new Array<number>(columns).fill(0);
  const measure = (source: readonly string[]) => {
    const row: (string | string[])[] = new Array(columns);
    const rowWidths: (number | number[])[] = new Array(columns);
    for (let i = 0; i < columns; i++) {
      const text = source[i] ?? '';
      if (text.indexOf('\n') < 0) {
        const w = displayWidth(text);
        row[i] = text;
        rowWidths[i] = w;
        if (w > widths[i]!) widths[i] = w;
      } else {
        const lines = text.split('\n');
        const lineWidths = new Array<number>(lines.length);
        for (let l = 0; l < lines.length; l++) {
          const w = displayWidth(lines[l]!);
          lineWidths[l] = w;
          if (w > widths[i]!) widths[i] = w;
        }
        row[i] = lines;
        rowWidths[i] = lineWidths;
      }
    }
    cells.push(row);
    cellWidths.push(rowWidths);
  };
  measure(o.head);
  for (let r = 0; r < rows.length; r++) measure(rows[r]!);

  const plain = o.colour.level === 0;
  const border = (s: string) => (plain ? s : o.colour.grey(s));
  const rule = (left: string, mid: string, right: string) => {
    let line = left;
    for (let i = 0; i < columns; i++) line += (i > 0 ? mid : '') + '─'.repeat(widths[i]! + 2);
    return border(line + right);
  };
  const bar = border('│');
  const lines: number[] = cells.map((row) => {
    let height = 1;
    for (let i = 0; i < columns; i++) {
      const c = row[i]!;
      if (typeof c !== 'string' && c.length > height) height = c.length;
    }
    return height;
  });
  // Pieces put in place and joined once at the end: adding them to a string one by one, or to a
  // growing list, makes garbage in proportion (this runs on every start).
  let pieces = 3;
  for (let r = 0; r < lines.length; r++) pieces += lines[r]! * (2 + 5 * columns);
  const out = new Array<string>(pieces);
  const pads: string[] = [];
  let n = 0;
  out[n++] = rule('┌', '┬', '┐');
  for (let r = 0; r < cells.length; r++) {
    const row = cells[r]!;
    const rowWidths = cellWidths[r]!;
    for (let k = 0; k < lines[r]!; k++) {
      out[n++] = '\n';
      out[n++] = bar;
      for (let i = 0; i < columns; i++) {
        const c = row[i]!;
        const text = typeof c === 'string' ? (k === 0 ? c : '') : (c[k] ?? '');
        const cw = rowWidths[i]!;
        const w = typeof cw === 'number' ? (k === 0 ? cw : 0) : (cw[k] ?? 0);
        const gap = widths[i]! - w;
        const pad = (pads[gap] ??= ' '.repeat(gap));
        const shown = r === 0 && text !== '' ? o.colour.bold(text) : text;
        out[n++] = ' ';
        out[n++] = o.numeric[i] ? pad : shown;
        out[n++] = o.numeric[i] ? shown : pad;
        out[n++] = ' ';
        out[n++] = bar;
      }
    }
  }
  out[n++] = '\n';
  out[n++] = rule('└', '┴', '┘');
  return out.join('');
}
