/** The terminal table: one table per block, numbers right-aligned, bands coloured on a TTY. */
import { displayWidth, renderBox } from './box.js';
import type { Paint } from './paint.js';
import type { Ranking, UnitResult } from '../model/ranking.js';
import type { Lang } from './words.js';
import type { Comparison } from '../model/compare.js';
import { changesByUnit, columns, comparisonNotes, humanView, summaryLines, title } from './view.js';
import { words } from './words.js';

/** Wraps a header into lines of at most `width` characters so wide labels do not stretch the table. */
export function wrapHeader(text: string, width = 16): string {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    if (current && (current + ' ' + word).length > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines.join('\n');
}

function bandColour(c: Paint, u: UnitResult, r: Ranking): (s: string) => string {
  if (!u.band) return c.dim;
  const position = r.scheme.bands.indexOf(u.band);
  return [c.green, c.cyan, c.yellow, c.magenta, c.red][Math.min(position, 4)]!;
}

export interface TableOptions {
  readonly lang: Lang;
  readonly colour: Paint;
  /** Terminal width: component columns are left out when the full table would not fit. */
  readonly width?: number;
  /** Show component columns: always, never, or when they fit (default). */
  readonly components?: 'auto' | 'show' | 'hide';
  /** Adds previous rank, change and index change (rank --prev). */
  readonly comparison?: Comparison;
}


export function renderTable(r: Ranking, options: TableOptions): string {
  const mode = options.components ?? 'auto';
  const full = renderTableWith(r, options, mode !== 'hide');
  if (mode !== 'auto' || options.width === undefined || r.scheme.components.length === 0) return full;
  const widest = full.split('\n').reduce((m, line) => Math.max(m, displayWidth(line)), 0);
  if (widest <= options.width) return full;
  const narrow = renderTableWith(r, options, false);
  const note = words(options.lang).componentsHidden(r.scheme.components.length, options.width);
  return narrow + options.colour.dim(note) + '\n';
}

function renderTableWith(r: Ranking, options: TableOptions, withComponents: boolean): string {
  const c = options.colour;
  const o = humanView(options.lang, options.comparison);
  const w = words(options.lang);
  const changes = changesByUnit(options.comparison);
  const componentIds = new Set(r.scheme.components.map((x) => x.id));
  const cols = columns(r, o).filter((col) => withComponents || !componentIds.has(col.id));
  const out: string[] = [c.bold(title(r, options.lang))];
  for (const b of r.blocks) {
    out.push('');
    if (b.name !== undefined) out.push(c.bold(`${w.block}: ${b.name}`));
    const rows = b.units.map((u) =>
        cols.map((col) => {
          const text = col.cell(u);
          if (col.id === 'band') return bandColour(c, u, r)(text);
          if (col.id === 'rank' && u.rank !== undefined && u.rank <= 3) return c.bold(text);
          if (col.id === 'rank' && u.rank === undefined) return c.dim(text);
          if (col.id === 'rank_change') {
            const rc = changes.get(u)?.rankChange;
            return rc === undefined ? c.dim(text) : rc > 0 ? c.green(text) : rc < 0 ? c.red(text) : text;
          }
          return text;
        }),
    );
    out.push(renderBox({ head: cols.map((col) => wrapHeader(col.title)), numeric: cols.map((col) => col.numeric), colour: c }, rows));
  }
  out.push('');
  for (const line of summaryLines(r, o)) out.push(line);
  if (r.units.some((u) => !u.ranked)) out.push(c.dim(`- ${w.rank}: ${w.notRankedNote}`));
  if (withComponents && r.units.some((u) => u.components.some((x) => !x.applicable))) out.push(c.dim(w.notApplicableNote));
  if (options.comparison) for (const line of comparisonNotes(options.comparison, o)) out.push(line);
  return out.join('\n') + '\n';
}
