/**
 * Column headers -> roles. Headers are matched by `headerKey` (case, diacritics, spacing, `_`/`-`
 * and a trailing note in parentheses ignored), against English names and the Vietnamese names
 * offices use.
 */
import { headerKey, headerNote } from '../model/text.js';
import { parseCell } from './cell.js';
import type { RecordScanner, ScanState } from './csv.js';

export type MetaRole = 'unit' | 'code' | 'block' | 'ranked' | 'year' | 'total' | 'ignored';

const META_ALIASES: Record<MetaRole, readonly string[]> = {
  unit: [
    'unit', 'name', 'unit name', 'Đơn vị', 'Tên đơn vị', 'Địa phương', 'Tên địa phương', 'Tỉnh', 'Tỉnh, thành phố',
    'Tỉnh/thành phố', 'Tỉnh, thành phố trực thuộc Trung ương', 'Thành phố', 'Huyện', 'Quận, huyện', 'Huyện, thị xã, thành phố',
    'Xã', 'Xã, phường, thị trấn', 'Xã, phường', 'Phường', 'Cơ quan', 'Tên cơ quan', 'Cơ quan, đơn vị', 'Bộ, ngành', 'Bộ, cơ quan',
    'Sở, ban, ngành', 'province', 'district', 'commune', 'ward', 'ministry', 'agency', 'department',
  ],
  code: ['code', 'unit code', 'Mã', 'Mã đơn vị', 'Mã tỉnh', 'Mã huyện', 'Mã xã', 'Mã ĐVHC', 'Mã địa phương', 'Mã cơ quan', 'id'],
  block: ['block', 'Khối', 'Khối đơn vị', 'Nhóm đơn vị', 'Loại đơn vị', 'Khối xếp hạng'],
  ranked: ['ranked', 'Có xếp hạng', 'Được xếp hạng', 'Tham gia xếp hạng'],
  year: ['year', 'Năm', 'Năm đánh giá'],
  total: ['total', 'Tổng', 'Tổng điểm', 'Tổng cộng', 'Tổng số điểm', 'Tổng điểm đạt được', 'Điểm đạt được', 'Điểm tổng', 'total score', 'total points'],
  ignored: [
    'STT', 'TT', 'Số TT', 'Số thứ tự', 'No', 'Nr', 'index', 'Chỉ số', 'Chỉ số CCHC', 'PAR INDEX', 'Chỉ số PAR INDEX', 'rank', 'Xếp hạng',
    'Thứ hạng', 'Vị trí', 'Xếp thứ', 'Vị thứ', 'band', 'Xếp loại', 'Nhóm', 'Phân loại', 'Ghi chú', 'note', 'notes', 'comment', 'change',
    'Tăng giảm', 'Tăng, giảm', 'So với năm trước', 'max', 'Điểm tối đa', 'Tổng điểm tối đa',
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
  readonly header: string;
  readonly key: string;
  readonly note?: string;
  readonly meta?: MetaRole;
}

export interface LocatedHeader {
  readonly file: string;
  /** The header row's line and fields. */
  readonly line: number;
  readonly fields: readonly string[];
  readonly columns: readonly HeaderColumn[];
  readonly unitColumn?: HeaderColumn;
  /** The scanner, and where the data rows start (just after the header row). */
  readonly scanner: RecordScanner;
  readonly dataStart: ScanState;
  /** Whether the file has any record at all. */
  readonly empty: boolean;
  /** Rows above the header that hold data (two or more numbers), not a title: an error. */
  readonly dataAbove: readonly number[];
}

/** How many leading rows may be titles ("BẢNG TỔNG HỢP KẾT QUẢ ...") above the header. */
const MAX_TITLE_ROWS = 10;

/**
 * Finds the header row: the first row with a unit column (or the `--unit-column` header). Rows above
 * it are taken as titles. If no row has one, the first row is the header (and the unit column is
 * missing).
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
  scanner.restore(row.after);
  const columns = row.fields.map((raw, index): HeaderColumn => {
    const header = raw.trim();
    const note = headerNote(header);
    let meta = metaRole(header);
    if (wanted !== undefined) meta = headerKey(header) === wanted ? 'unit' : meta === 'unit' ? undefined : meta;
    return { index, header, key: headerKey(header), ...(note !== undefined ? { note } : {}), ...(meta ? { meta } : {}) };
  });
  const unit = columns.find((c) => c.meta === 'unit');
  // A title is text ("KẾT QUẢ ... NĂM 2023", a group header over the columns); a row above the
  // header with two numbers or more is data that would be dropped.
  const dataAbove = rows.slice(0, Math.max(0, at)).filter((r) => r.fields.filter((f) => parseCell(f).kind === 'number').length >= 2).map((r) => r.line);
  return {
    file: scanner.file,
    line: row.line,
    fields: row.fields,
    columns,
    ...(unit ? { unitColumn: unit } : {}),
    scanner,
    dataStart: row.after,
    empty: rows.length === 0,
    dataAbove,
  };
}
