/** The terminal table: one table per block, numbers right-aligned, bands coloured on a TTY. */
import { displayWidth, renderBoxChunks } from './box.js';
import type { Paint } from './paint.js';
import type { Ranking, UnitResult } from '../model/ranking.js';
import type { Lang } from './words.js';
import type { Comparison } from '../model/compare.js';
import { columns, comparisonNotes, humanView, shownNodes, summaryLines, title } from './view.js';
import { words } from './words.js';
import { readingAhead } from './read-ahead.js';

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
  /** How deep into the scheme's tree the node columns go. */
  readonly depth?: number;
  /** The heading, instead of the scheme's title and the year (--title). */
  readonly title?: string;
}


/**
 * The table in pieces. On a terminal whose width is known (and `--components auto`) the whole table
 * is drawn first, to see whether it fits; otherwise it is streamed, block by block.
 */
export function* renderTableChunks(r: Ranking, options: TableOptions): Generator<string> {
  const mode = options.components ?? 'auto';
  if (mode === 'auto' && options.width !== undefined && r.scheme.components.length > 0) {
    yield renderTable(r, options);
    return;
  }
  yield* tableChunks(r, options, mode !== 'hide');
}

export function renderTable(r: Ranking, options: TableOptions): string {
  const mode = options.components ?? 'auto';
  const full = [...tableChunks(r, options, mode !== 'hide')].join('');
  if (mode !== 'auto' || options.width === undefined || r.scheme.components.length === 0) return full;
  const widest = full.split('\n').reduce((m, line) => Math.max(m, displayWidth(line)), 0);
  if (widest <= options.width) return full;
  const narrow = [...tableChunks(r, options, false)].join('');
  const note = words(options.lang).componentsHidden(r.scheme.components.length, options.width);
  return narrow + options.colour.dim(note) + '\n';
}

function* tableChunks(r: Ranking, options: TableOptions, withComponents: boolean): Generator<string> {
  const c = options.colour;
  const o = { ...humanView(options.lang, options.comparison), ...(options.depth !== undefined ? { depth: options.depth } : {}) };
  const w = words(options.lang);
  const comparison = options.comparison;
  const componentIds = new Set(shownNodes(r.scheme, options.depth).map((x) => x.path.join('/')));
  const cols = columns(r, o).filter((col) => withComponents || !componentIds.has(col.id));
  const head = { head: cols.map((col) => wrapHeader(col.title)), numeric: cols.map((col) => col.numeric), colour: c };
  let before = c.bold(title(r, options.lang, options.title));
  for (const b of r.blocks) {
    before += '\n';
    if (b.name !== undefined) before += `\n${c.bold(`${w.block}: ${b.name}`)}`;
    yield `${before}\n`;
    before = '';
    const at = readingAhead(r.table, b.members);
    const row = (k: number) => {
      // Rows are asked for in order, once to measure and once to draw.
      const u = r.unit(at(k));
      return cols.map((col) => {
        const text = col.cell(u);
        if (col.id === 'band') return bandColour(c, u, r)(text);
        if (col.id === 'rank' && u.rank !== undefined && u.rank <= 3) return c.bold(text);
        if (col.id === 'rank' && u.rank === undefined) return c.dim(text);
        if (col.id === 'rank_change') {
          const rc = comparison ? comparison.rankChange[u.at]! : NaN;
          return Number.isNaN(rc) ? c.dim(text) : rc > 0 ? c.green(text) : rc < 0 ? c.red(text) : text;
        }
        return text;
      });
    };
    yield* renderBoxChunks(head, { count: b.members.length, row });
  }
  const out: string[] = [''];
  for (const line of summaryLines(r, o)) out.push(line);
  if (r.table.ranked.some((x) => x === 0)) out.push(c.dim(`- ${w.rank}: ${w.notRankedNote}`));
  if (withComponents && shownNodes(r.scheme, options.depth).some((x) => r.table.points[x.index]!.some(Number.isNaN))) out.push(c.dim(w.notApplicableNote));
  if (options.comparison) for (const line of comparisonNotes(options.comparison, o)) out.push(line);
  yield `${before}\n${out.join('\n')}\n`;
}
