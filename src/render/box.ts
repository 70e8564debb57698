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

export function renderBox(o: BoxOptions, rows: readonly (readonly string[])[]): string {
  const split = (cell: string) => cell.split('\n');
  const headLines = o.head.map(split);
  const widths = o.head.map((_, i) => {
    let w = Math.max(0, ...headLines[i]!.map(displayWidth));
    // (Index loops: this runs once per start, uncompiled, where for...of makes an object per step.)
    for (let r = 0; r < rows.length; r++) {
      const lines = split(rows[r]![i] ?? '');
      for (let l = 0; l < lines.length; l++) w = Math.max(w, displayWidth(lines[l]!));
    }
    return w + 2;
  });
  const border = (s: string) => (o.colour.level === 0 ? s : o.colour.grey(s));
  const rule = (left: string, mid: string, right: string) => border(left + widths.map((w) => '─'.repeat(w)).join(mid) + right);
  const bar = border('│');
  const draw = (cells: readonly string[][], style: (s: string) => string): string[] => {
    const height = Math.max(1, ...cells.map((c) => c.length));
    const out: string[] = [];
    for (let k = 0; k < height; k++) {
      const parts = widths.map((w, i) => {
        const text = cells[i]?.[k] ?? '';
        const pad = ' '.repeat(Math.max(0, w - 2 - displayWidth(text)));
        const shown = text === '' ? '' : style(text);
        return ` ${o.numeric[i] ? pad + shown : shown + pad} `;
      });
      out.push(bar + parts.join(bar) + bar);
    }
    return out;
  };
  const lines = [rule('┌', '┬', '┐'), ...draw(headLines, (s) => o.colour.bold(s))];
  for (const r of rows) lines.push(...draw(o.head.map((_, i) => split(r[i] ?? '')), (s) => s));
  lines.push(rule('└', '┴', '┘'));
  return lines.join('\n');
}
