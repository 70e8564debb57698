/**
 * Box tables for the terminal, on top of cli-table3. cli-table3 passes all rows as call arguments
 * (`push.apply`), which overflows the stack beyond about 100,000 rows, and takes seconds per 10,000
 * rows; so above `LARGE` rows the column widths are computed here, cli-table3 draws the header and
 * the frame, and the rows are drawn directly with the same characters (a test pins both paths to the
 * same output).
 */
import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';

const LARGE = 10_000;
const ANSI = /\u001b\[[0-9;]*m/g;

/** Columns a cell takes on a terminal (ANSI codes stripped; CJK and full-width characters count 2). */
export function displayWidth(text: string): number {
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
  readonly colour: ChalkInstance;
}

function make(o: BoxOptions, head: readonly string[], colWidths?: number[]): Table.Table {
  return new Table({
    head: [...head],
    colAligns: o.numeric.map((n) => (n ? 'right' : 'left')),
    style: o.colour.level === 0 ? { head: [], border: [] } : { head: [], border: ['grey'] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    ...(colWidths ? { colWidths } : {}),
  });
}

export function renderBox(o: BoxOptions, rows: readonly (readonly string[])[], large = LARGE): string {
  const head = o.head.map((h) => o.colour.bold(h));
  if (rows.length <= large) {
    const t = make(o, head);
    for (const r of rows) t.push([...r]);
    return t.toString();
  }
  const widths = o.head.map((h, i) =>
    Math.max(...h.split('\n').map(displayWidth), rows.reduce((m, r) => Math.max(m, ...(r[i] ?? '').split('\n').map(displayWidth)), 0)) + 2,
  );
  // Header and borders from cli-table3 (so both paths draw the same frame); rows drawn directly.
  const frame = make(o, head, widths).toString().split('\n');
  const bottom = frame.pop()!;
  const bar = o.colour.level === 0 ? '│' : o.colour.grey('│');
  const line = (r: readonly string[]) =>
    bar +
    widths
      .map((w, i) => {
        const cell = r[i] ?? '';
        const pad = ' '.repeat(Math.max(0, w - 2 - displayWidth(cell)));
        return ` ${o.numeric[i] ? pad + cell : cell + pad} `;
      })
      .join(bar) +
    bar;
  const parts: string[] = frame;
  for (const r of rows) parts.push(line(r));
  parts.push(bottom);
  return parts.join('\n');
}
