/**
 * Column headers -> roles. Headers are matched by `headerKey` (case, diacritics, spacing, `_`/`-`
 * and a trailing note in parentheses ignored), against English names and the Vietnamese names
 * offices use.
 */
import { headerKey, headerNote } from '../model/text.js';
import { parseCell } from './cell.js';
import type { RecordScanner, ScanState } from './csv.js';

export type MetaRole = 'unit' | 'code' | 'block' | 'ranked' | 'year' | 'total' | 'max' | 'index' | 'rank' | 'ignored';

const META_ALIASES: Record<MetaRole, readonly string[]> = {
  unit: [
    'unit', 'name', 'unit name', 'Đơn vị', 'Tên đơn vị', 'Địa phương', 'Tên địa phương', 'Tỉnh', 'Tỉnh, thành phố',
    'Tỉnh/thành phố', 'Tỉnh, thành phố trực thuộc Trung ương', 'Thành phố', 'Huyện', 'Quận, huyện', 'Huyện, thị xã, thành phố',
    'Xã', 'Xã, phường, thị trấn', 'Xã, phường', 'Phường', 'Cơ quan', 'Tên cơ quan', 'Cơ quan, đơn vị', 'Bộ, ngành', 'Bộ, cơ quan',
    'Sở, ban, ngành', 'province', 'district', 'commune', 'ward', 'ministry', 'agency', 'department', 'Tên huyện', 'Tên xã', 'Tên tỉnh',
    'Tên sở', 'Tên phường', 'Xã, thị trấn', 'Phường, xã', 'Phường, xã, thị trấn', 'Huyện, thành phố', 'Huyện, thị xã',
    'Quận, huyện, thị xã', 'Đơn vị được đánh giá', 'Địa phương, đơn vị', 'Đơn vị, địa phương', 'Tên đơn vị, địa phương', 'Cơ quan, địa phương',
  ],
  code: ['code', 'unit code', 'Mã', 'Mã đơn vị', 'Mã tỉnh', 'Mã huyện', 'Mã xã', 'Mã ĐVHC', 'Mã địa phương', 'Mã cơ quan', 'id'],
  block: ['block', 'Khối', 'Khối đơn vị', 'Nhóm đơn vị', 'Loại đơn vị', 'Khối xếp hạng'],
  ranked: ['ranked', 'Có xếp hạng', 'Được xếp hạng', 'Tham gia xếp hạng'],
  year: ['year', 'Năm', 'Năm đánh giá'],
  total: ['total', 'Tổng', 'Tổng điểm', 'Tổng cộng', 'Tổng số điểm', 'Tổng điểm đạt được', 'Điểm đạt được', 'Điểm tổng', 'total score', 'total points'],
  max: ['max', 'maximum', 'Điểm tối đa', 'Tổng điểm tối đa', 'Điểm chuẩn', 'Tổng điểm chuẩn', 'Điểm tối đa được đánh giá'],
  index: ['index', 'Chỉ số', 'Chỉ số CCHC', 'PAR INDEX', 'Chỉ số PAR INDEX', 'Chỉ số cải cách hành chính', 'Tỷ lệ đạt', 'Tỷ lệ'],
  rank: ['rank', 'Xếp hạng', 'Thứ hạng', 'Vị trí', 'Xếp thứ', 'Vị thứ', 'Thứ tự xếp hạng'],
  ignored: [
    'STT', 'TT', 'Số TT', 'Số thứ tự', 'No', 'Nr', 'band', 'Xếp loại', 'Nhóm', 'Phân loại', 'Ghi chú', 'note', 'notes', 'comment', 'change',
    'Tăng giảm', 'Tăng, giảm', 'So với năm trước',
  ],
};

/** The aliases' header keys with their roles. */
export function metaKeyTable(): [string, MetaRole][] {
  const table: [string, MetaRole][] = [];
  for (const [role, aliases] of Object.entries(META_ALIASES) as [MetaRole, readonly string[]][]) {
    for (const a of aliases) table.push([headerKey(a), role]);
  }
  return table;
}

// In the bundle the table is made when it is built (scripts/build.mjs): a hundred Vietnamese aliases
// normalised and folded cost about half a millisecond of every start.
const META_BY_KEY = new Map<string, MetaRole>(typeof __PAR_SCORE_META_KEYS__ !== 'undefined' ? __PAR_SCORE_META_KEYS__ : metaKeyTable());

export function metaRole(header: string): MetaRole | undefined {
  const key = headerKey(header);
  if (key === '') return header.trim() === '#' ? 'ignored' : undefined;
  return META_BY_KEY.get(key);
}

export interface HeaderColumn {
  /** 0-based field index. */
  readonly index: number;
  /** As messages name it: the header, or "group / leaf" under a merged group header. */
  readonly header: string;
  /** The key of the column's own header (the leaf under a group). */
  readonly key: string;
  readonly note?: string;
  readonly meta?: MetaRole;
  /** Under a merged group header (a two-row header): the group's text, key and note. */
  readonly group?: { readonly header: string; readonly key: string; readonly note?: string };
}

export interface LocatedHeader {
  readonly file: string;
  /** The header row's line and fields (the first of two rows when the header has two). */
  readonly line: number;
  readonly fields: readonly string[];
  /** The second header row, under merged group headers, when there is one. */
  readonly leafLine?: number;
  readonly columns: readonly HeaderColumn[];
  readonly unitColumn?: HeaderColumn;
  /** The scanner, and where the data rows start (just after the header). */
  readonly scanner: RecordScanner;
  readonly dataStart: ScanState;
  /** Whether the file has any record at all. */
  readonly empty: boolean;
  /** Rows above the header that hold data (two or more numbers), not a title: an error. */
  readonly dataAbove: readonly number[];
  /** The year a title row states ("KẾT QUẢ CHỈ SỐ CCHC NĂM 2023"). */
  readonly titleYear?: string;
}

/**
 * The year of a title: after "năm" or "year" ("... NĂM 2023"), after "PAR INDEX" or "CCHC", or
 * standing last; never a date's year ("ngày 15/3/2024") or a decision number's.
 */
export function yearOfTitle(text: string): string | undefined {
  const t = text.normalize('NFC').trim();
  const m = /(?:\b(?:n\u0103m|nam|year)|par index|cchc)\s+((?:19|20)\d\d)(?!\d)/iu.exec(t) ?? /(?:^|\s)((?:19|20)\d\d)$/u.exec(t);
  return m?.[1];
}

/** How many leading rows may be titles ("BẢNG TỔNG HỢP KẾT QUẢ ...") above the header. */
const MAX_TITLE_ROWS = 10;

const isNumber = (f: string) => parseCell(f).kind === 'number';

/**
 * Whether `leaf` is the second row of a two-row header: merged group cells (a part over its fields
 * and their subtotal, "Cộng") export as a group row above a leaf row. The leaf row names columns
 * where the group row is empty (the rest of a merged cell), has no number, and no unit name.
 */
function isLeafRow(top: readonly string[], leaf: readonly string[], unit: number): boolean {
  if ((leaf[unit] ?? '').trim() !== '') return false;
  let continues = false;
  for (let i = 0; i < leaf.length; i++) {
    const text = (leaf[i] ?? '').trim();
    if (text === '') continue;
    if (isNumber(text)) return false;
    if ((top[i] ?? '').trim() === '') continues = true;
  }
  return continues;
}

function column(index: number, raw: string, wanted: string | undefined, group?: HeaderColumn['group']): HeaderColumn {
  const own = raw.trim();
  const note = headerNote(own);
  // A leaf has its own role too ("Tổng điểm" under "Kết quả"); under a component's group it is read as a part of it.
  let meta = metaRole(own);
  if (wanted !== undefined) meta = headerKey(own) === wanted ? 'unit' : meta === 'unit' ? undefined : meta;
  return {
    index,
    // As messages show it: on one line (a header cell may hold line breaks).
    header: (group ? `${group.header} / ${own}` : own).replace(/\s+/g, ' '),
    key: headerKey(own),
    ...(note !== undefined ? { note } : {}),
    ...(meta ? { meta } : {}),
    ...(group ? { group } : {}),
  };
}

/**
 * Finds the header row: the first row with a unit column (or the `--unit-column` header). Rows above
 * it are taken as titles. If no row has one, the first row is the header (and the unit column is
 * missing). A second header row under merged group headers is read with it: each column under a
 * group is "group / leaf".
 */
export function locateHeader(scanner: RecordScanner, unitColumn?: string): LocatedHeader {
  const wanted = unitColumn !== undefined ? headerKey(unitColumn) : undefined;
  const isUnit = (h: string) => (wanted !== undefined ? headerKey(h) === wanted : metaRole(h) === 'unit');
  const start = scanner.save();
  const rows: { line: number; fields: string[]; after: ScanState }[] = [];
  while (rows.length <= MAX_TITLE_ROWS && scanner.next()) rows.push({ line: scanner.line, fields: scanner.fields(), after: scanner.save() });
  let at = rows.findIndex((r) => r.fields.some(isUnit));
  if (at < 0) at = 0;
  const row = rows[at] ?? { line: 1, fields: [], after: start };
  let next = rows[at + 1];
  if (!next && rows[at]) {
    scanner.restore(row.after);
    if (scanner.next()) next = { line: scanner.line, fields: scanner.fields(), after: scanner.save() };
  }
  const unitAt = row.fields.findIndex(isUnit);
  const leaf = next && unitAt >= 0 && isLeafRow(row.fields, next.fields, unitAt) ? next : undefined;
  scanner.restore((leaf ?? row).after);
  let columns: HeaderColumn[];
  if (leaf) {
    // A group spans from its cell in the top row to the next non-empty top cell.
    let group: HeaderColumn['group'] | undefined;
    const width = Math.max(row.fields.length, leaf.fields.length);
    columns = Array.from({ length: width }, (_, i) => {
      const top = (row.fields[i] ?? '').trim();
      const below = (leaf.fields[i] ?? '').trim();
      if (top !== '') {
        const note = headerNote(top);
        group = { header: top, key: headerKey(top), ...(note !== undefined ? { note } : {}) };
      } else if (below === '') group = undefined;
      // A top cell with nothing below it is a column of its own (a cell merged down).
      if (below === '') return column(i, top, wanted);
      return column(i, below, wanted, group);
    });
  } else columns = row.fields.map((raw, index) => column(index, raw, wanted));
  const unit = columns.find((c) => c.meta === 'unit');
  // A title is text ("KẾT QUẢ ... NĂM 2023", a group header over the columns); a row above the
  // header with two numbers or more is data that would be dropped.
  const dataAbove = rows.slice(0, Math.max(0, at)).filter((r) => r.fields.filter(isNumber).length >= 2).map((r) => r.line);
  return {
    file: scanner.file,
    line: row.line,
    fields: row.fields,
    ...(leaf ? { leafLine: leaf.line } : {}),
    columns,
    ...(unit ? { unitColumn: unit } : {}),
    scanner,
    dataStart: (leaf ?? row).after,
    empty: rows.length === 0,
    dataAbove,
    ...titleYearOf(rows.slice(0, Math.max(0, at)).map((r) => r.fields.join(' '))),
  };
}

function titleYearOf(titles: readonly string[]): { titleYear?: string } {
  for (const t of titles) {
    const year = yearOfTitle(t);
    if (year !== undefined) return { titleYear: year };
  }
  return {};
}
