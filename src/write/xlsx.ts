/**
 * The results workbook (`--format xlsx`): the ranking as an Excel 2007+ workbook that Excel and
 * LibreOffice open as it is: a title row, a header (with a row of parts over their fields when the
 * columns go below the parts) frozen above the units, numbers stored as numbers shown with the
 * scheme's decimals, words in the language of `--lang`; one sheet per block when there are blocks,
 * and the comparison with the previous year on a sheet of its own. Every cell is a value: nothing
 * from the data is ever written as a formula (a name "=1+1" is the text "=1+1").
 *
 * Written here as SpreadsheetML in a ZIP (src/write/zip.ts), not with a library: the community
 * edition of SheetJS cannot write frozen panes or bold headers, and a writer of a few kinds of cells
 * is small.
 */
import type { Comparison } from '../model/compare.js';
import type { Ranking, UnitResult } from '../model/ranking.js';
import { componentTitle, columns, hasCodes, previousYearLabel, rankChangeText, shownNodes, title as rankingTitle } from './view.js';
import { words, type Lang } from './words.js';
import { zip } from './zip.js';
import { formatRatio } from '../model/decimal.js';
import { columnLetters } from '../model/problem.js';

/** A cell: text, or a number shown with `decimals` decimals. */
export type XCell = { readonly text: string; readonly style?: 'title' | 'head' } | { readonly number: number; readonly decimals: number } | undefined;

export interface XSheet {
  readonly name: string;
  readonly rows: readonly (readonly XCell[])[];
  /** [first row, first column, last row, last column], 0-based. */
  readonly merges: readonly (readonly [number, number, number, number])[];
  /** Rows kept in view when scrolling. */
  readonly frozen: number;
  /** Column widths in characters. */
  readonly widths: readonly number[];
}

const MAX_DECIMALS = 12;
const NUMBER = /^-?\d+(\.\d+)?$/;

const xml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // Characters XML 1.0 cannot hold (control characters a name may carry) are left out.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');


const ref = (r: number, c: number) => `${columnLetters(c + 1)}${r + 1}`;

/** Styles: 0 default, 1 title, 2 header, 3 + d a number with d decimals. */
function stylesXml(): string {
  const formats = Array.from({ length: MAX_DECIMALS + 1 }, (_, d) => `<numFmt numFmtId="${164 + d}" formatCode="${d === 0 ? '0' : `0.${'0'.repeat(d)}`}"/>`);
  const numbers = Array.from({ length: MAX_DECIMALS + 1 }, (_, d) => `<xf numFmtId="${164 + d}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `<numFmts count="${formats.length}">${formats.join('')}</numFmts>` +
    '<fonts count="3"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="14"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left/><right/><top/><bottom style="thin"/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${3 + numbers.length}">` +
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
    '<xf numFmtId="0" fontId="2" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>' +
    numbers.join('') +
    '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
  );
}

function cellXml(cell: XCell, r: number, c: number): string {
  if (cell === undefined) return '';
  const at = ref(r, c);
  if ('number' in cell) return `<c r="${at}" s="${3 + Math.min(cell.decimals, MAX_DECIMALS)}"><v>${cell.number}</v></c>`;
  if (cell.text === '') return '';
  const s = cell.style === 'title' ? ' s="1"' : cell.style === 'head' ? ' s="2"' : '';
  return `<c r="${at}"${s} t="inlineStr"><is><t xml:space="preserve">${xml(cell.text)}</t></is></c>`;
}

function sheetXml(sheet: XSheet): string {
  const rows = sheet.rows.map((row, r) => `<row r="${r + 1}">${row.map((cell, c) => cellXml(cell, r, c)).join('')}</row>`);
  const pane = sheet.frozen > 0 ? `<pane ySplit="${sheet.frozen}" topLeftCell="A${sheet.frozen + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${sheet.frozen + 1}" sqref="A${sheet.frozen + 1}"/>` : '';
  const cols = sheet.widths.length ? `<cols>${sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` : '';
  const merges = sheet.merges.length ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map(([r1, c1, r2, c2]) => `<mergeCell ref="${ref(r1, c1)}:${ref(r2, c2)}"/>`).join('')}</mergeCells>` : '';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
    `${cols}<sheetData>${rows.join('')}</sheetData>${merges}</worksheet>`
  );
}

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\, unique in the workbook. */
function sheetNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((n) => {
    const base = n.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || 'Sheet';
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base.slice(0, 31 - String(k).length - 1)} ${k}`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** The workbook of the sheets, as the bytes of an .xlsx file. */
export function workbookBytes(sheets: readonly XSheet[]): Buffer {
  const names = sheetNames(sheets.map((s) => s.name));
  const enc = (s: string) => Buffer.from(s, 'utf8');
  const sheetParts = sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: enc(sheetXml(s)) }));
  return zip([
    {
      name: '[Content_Types].xml',
      data: enc(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
          sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
          '</Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: enc(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: enc(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
          names.map((n, i) => `<sheet name="${xml(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
          '</sheets></workbook>',
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: enc(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
          `<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
      ),
    },
    { name: 'xl/styles.xml', data: enc(stylesXml()) },
    ...sheetParts,
  ]);
}

/** A number as written ("87.55") as a cell with its decimals, or a text cell. */
function valueCell(text: string, numeric: boolean): XCell {
  if (numeric && NUMBER.test(text)) return { number: Number(text), decimals: text.includes('.') ? text.length - text.indexOf('.') - 1 : 0 };
  return { text };
}

const width = (cells: readonly XCell[]) => Math.min(60, Math.max(6, ...cells.map((c) => (c === undefined ? 0 : 'number' in c ? String(c.number).length + 2 : c.style === 'title' ? 0 : c.text.length + 2))));

export interface XlsxOptions {
  readonly lang: Lang;
  readonly comparison?: Comparison;
  readonly depth?: number;
  /** The first row (default: the scheme's title and the year). */
  readonly title?: string;
}

/** The ranking sheet(s): one per block when there are blocks. */
function rankingSheets(r: Ranking, o: XlsxOptions): XSheet[] {
  const w = words(o.lang);
  // Every column a script would want, but no empty code column, and no block column (a sheet is a block).
  const cols = columns(r, { lang: o.lang, separator: '.', machine: true, humanTitles: true, ...(o.comparison ? { comparison: o.comparison } : {}), ...(o.depth !== undefined ? { depth: o.depth } : {}) }).filter(
    (c) => c.id !== 'block' && (c.id !== 'code' || hasCodes(r)),
  );
  const human = (c: (typeof cols)[number], u: UnitResult): XCell => {
    const text = c.cell(u);
    if (c.id === 'status') return { text: text ? w.status[text as keyof typeof w.status] : '' };
    if (c.id === 'rank_change') {
      const change = o.comparison?.change(u.at);
      return change?.rankChange !== undefined ? { number: change.rankChange, decimals: 0 } : { text: rankChangeText(change, o.lang) };
    }
    if (c.numeric && text === '-') return { text: w.notApplicable };
    return valueCell(text, c.numeric);
  };
  // A row of parts over their fields, when the columns go below the parts.
  const nodes = new Map(shownNodes(r.scheme, o.depth).map((n) => [n.path.join('/'), n]));
  const partOf = (id: string) => {
    const n = nodes.get(id);
    if (!n) return undefined;
    let top = n;
    while (top.parent >= 0) top = r.scheme.nodes[top.parent]!;
    return top === n && n.children.length === 0 ? undefined : top;
  };
  const grouped = (o.depth ?? 0) > 0 && cols.some((c) => partOf(c.id) !== undefined);
  const heading = o.title ?? rankingTitle(r, o.lang);
  const blocks = r.blocks.length > 1 || r.blocks[0]?.name !== undefined ? r.blocks : [undefined];
  return blocks.map((b) => {
    const units = b ? b.units : r.units;
    const rows: XCell[][] = [[{ text: b?.name ? `${heading} - ${b.name}` : heading, style: 'title' }]];
    const merges: [number, number, number, number][] = [[0, 0, 0, cols.length - 1]];
    if (grouped) {
      const group: XCell[] = [];
      cols.forEach((c, i) => {
        const part = partOf(c.id);
        const previous = i > 0 ? partOf(cols[i - 1]!.id) : undefined;
        if (!part) {
          group.push({ text: c.title, style: 'head' });
          merges.push([1, i, 2, i]);
        } else if (part !== previous) {
          group.push({ text: componentTitle(part, o.lang, w.decimal), style: 'head' });
          let last = i;
          while (last + 1 < cols.length && partOf(cols[last + 1]!.id) === part) last++;
          if (last > i) merges.push([1, i, 1, last]);
        } else group.push({ text: '', style: 'head' });
      });
      rows.push(group);
      rows.push(cols.map((c) => (partOf(c.id) ? { text: c.title, style: 'head' } : { text: '', style: 'head' })));
    } else rows.push(cols.map((c) => ({ text: c.title, style: 'head' })));
    const frozen = rows.length;
    for (const u of units) rows.push(cols.map((c) => human(c, u)));
    const widths = cols.map((_, i) => width(rows.slice(1).map((row) => row[i])));
    return { name: b?.name ?? w.xlsx.ranking, rows, merges, frozen, widths };
  });
}

/** The comparison sheet: every unit with last year's rank and index beside this year's, and its status in words. */
function comparisonSheet(c: Comparison, o: XlsxOptions): XSheet {
  const w = words(o.lang);
  const p = c.current.scheme.precision;
  const prevYear = previousYearLabel(c, o.lang);
  const n = (text: string): XCell => valueCell(text, true);
  const head = [w.unit, w.code, w.block, w.previousRank(prevYear), w.rank, w.change, `${w.index} ${prevYear}`, w.index, w.indexChange, w.xlsx.status];
  const rows: XCell[][] = [
    [{ text: `${o.title ?? rankingTitle(c.current, o.lang)}: ${w.xlsx.comparison} ${prevYear} → ${c.current.year ?? w.currentYear}`, style: 'title' }],
    head.map((t) => ({ text: t, style: 'head' })),
  ];
  for (const u of c.units) {
    rows.push([
      { text: u.unit.name },
      { text: u.unit.code ?? '' },
      { text: u.unit.block ?? '' },
      u.previous?.rank !== undefined ? { number: u.previous.rank, decimals: 0 } : undefined,
      u.unit.rank !== undefined ? { number: u.unit.rank, decimals: 0 } : undefined,
      u.rankChange !== undefined ? { number: u.rankChange, decimals: 0 } : { text: rankChangeText(u, o.lang) },
      u.previous ? n(formatRatio(u.previous.index, p)) : undefined,
      n(formatRatio(u.unit.index, p)),
      u.indexChange ? n(formatRatio(u.indexChange, p)) : undefined,
      { text: w.status[u.status] },
    ]);
  }
  const widths = head.map((_, i) => width(rows.slice(1).map((row) => row[i])));
  return { name: w.xlsx.comparison, rows, merges: [[0, 0, 0, head.length - 1]], frozen: 2, widths };
}

/** The results workbook of a ranking (and its comparison with the previous year). */
export function rankingWorkbook(r: Ranking, o: XlsxOptions): Buffer {
  return workbookBytes([...rankingSheets(r, o), ...(o.comparison ? [comparisonSheet(o.comparison, o)] : [])]);
}

/**
 * The input template as a workbook: the header (a part's cell merged over its fields, as an
 * office's own sheet), frozen, and a row per unit to fill in; `rank` reads it back as it is.
 */
export function templateWorkbook(head: readonly (readonly string[])[], rows: readonly (readonly string[])[], lead: number, sheet: string): Buffer {
  const merges: [number, number, number, number][] = [];
  if (head.length === 2) {
    const [top, leaf] = head as [readonly string[], readonly string[]];
    top.forEach((text, c) => {
      if (text === '') return;
      if (c < lead || leaf[c] === '') {
        merges.push([0, c, 1, c]);
        return;
      }
      let last = c;
      while (last + 1 < top.length && top[last + 1] === '' && leaf[last + 1] !== '') last++;
      if (last > c) merges.push([0, c, 0, last]);
    });
  }
  const cells: XCell[][] = [...head.map((r) => r.map((text): XCell => ({ text, style: 'head' }))), ...rows.map((r) => r.map((text, c): XCell => (c === 0 && /^\d+$/.test(text) ? { number: Number(text), decimals: 0 } : { text })))];
  const widths = cells[0]!.map((_, c) => width(cells.map((row) => row[c])));
  return workbookBytes([{ name: sheet, rows: cells, merges, frozen: head.length, widths }]);
}
