/** GitHub-flavoured Markdown: a heading, one table per block, the summary and notes. */
import type { Ranking } from '../model/ranking.js';
import type { Lang } from './words.js';
import type { Comparison } from '../model/compare.js';
import { columns, comparisonNotes, humanView, summaryLines, title } from './view.js';
import { words } from './words.js';
import { readingAhead } from './read-ahead.js';

/** What `mdCell` changes: line breaks, markup characters and `&`. */
const MARKUP = /[\r\n\\`*_[\]<>|~&]/;

/**
 * Text from the data as a Markdown table cell: on one line, with what Markdown would read as markup
 * (HTML, links, images, emphasis, code, the cell separator) escaped, so a unit name stays text.
 */
export function mdCell(text: string): string {
  // Most cells (numbers, most names) hold none of it: one test, and the text as it is.
  if (!MARKUP.test(text)) return text;
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;');
}

export function mdTable(headers: readonly string[], rows: readonly (readonly string[])[], numeric: readonly boolean[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(mdCell).join(' | ')} |`;
  return [line(headers), `|${numeric.map((n) => (n ? '---:' : ':---')).join('|')}|`, ...rows.map(line)].join('\n');
}

/** The ranking as Markdown, in pieces: a table row is made when it is written. */
export function* renderMarkdownChunks(r: Ranking, options: { lang: Lang; comparison?: Comparison; depth?: number; title?: string }): Generator<string> {
  const o = { ...humanView(options.lang, options.comparison), ...(options.depth !== undefined ? { depth: options.depth } : {}) };
  const w = words(options.lang);
  const cols = columns(r, o);
  const line = (cells: readonly string[]) => `| ${cells.map(mdCell).join(' | ')} |`;
  let piece = `## ${mdCell(title(r, options.lang, options.title))}\n\n`;
  for (const b of r.blocks) {
    if (b.name !== undefined) piece += `### ${mdCell(b.name)}\n\n`;
    piece += `${line(cols.map((c) => c.title))}\n|${cols.map((c) => (c.numeric ? '---:' : ':---')).join('|')}|\n`;
    const at = readingAhead(r.table, b.members);
    for (let k = 0; k < b.members.length; k++) {
      const u = r.unit(at(k));
      piece += `${line(cols.map((c) => c.cell(u)))}\n`;
      if (piece.length > 1 << 16) {
        yield piece;
        piece = '';
      }
    }
    piece += '\n';
  }
  const out: string[] = [];
  for (const s of summaryLines(r, o)) out.push(`- ${mdCell(s)}`);
  if (options.comparison) for (const s of comparisonNotes(options.comparison, o)) out.push(`- ${mdCell(s)}`);
  const notes: string[] = [];
  if (r.table.ranked.some((x) => x === 0)) notes.push(`"-" ${w.rank}: ${w.notRankedNote}.`);
  if (r.scheme.components.some((c) => r.table.points[c.index]!.some(Number.isNaN))) notes.push(`${w.notApplicableNote}.`);
  if (notes.length) out.push('', ...notes.map((n) => `_${mdCell(n)}_`));
  out.push('', `_${mdCell(`${w.scheme}: ${r.scheme.id}${r.scheme.source ? ` (${r.scheme.source[options.lang]})` : ''}`)}_`);
  yield `${piece}${out.join('\n')}\n`;
}

export function renderMarkdown(r: Ranking, options: { lang: Lang; comparison?: Comparison; depth?: number }): string {
  return [...renderMarkdownChunks(r, options)].join('');
}
