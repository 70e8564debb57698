/** Words the renderers print, in English and Vietnamese. Data keeps its own spelling. */
import { reasonText, type Reason } from '../model/compare.js';
export type Lang = 'en' | 'vi';
export const LANGS: readonly Lang[] = ['en', 'vi'];

export interface Words {
  readonly rank: string;
  readonly unit: string;
  readonly code: string;
  readonly block: string;
  readonly total: string;
  readonly max: string;
  readonly index: string;
  readonly band: string;
  readonly notRanked: string;
  readonly notApplicable: string;
  readonly units: string;
  readonly ranked: string;
  /** Header of the yes/no column in CSV output; must be one the reader recognises. */
  readonly rankedColumn: string;
  readonly mean: string;
  readonly median: string;
  readonly best: string;
  readonly worst: string;
  readonly noBand: string;
  readonly scheme: string;
  readonly year: string;
  readonly notRankedNote: string;
  readonly notApplicableNote: string;
  readonly previousRank: (year: string) => string;
  readonly change: string;
  readonly indexChange: string;
  readonly up: (n: number) => string;
  readonly down: (n: number) => string;
  readonly same: string;
  readonly isNew: string;
  readonly noChange: string;
  readonly dropped: (year: string) => string;
  readonly mergedFrom: string;
  readonly previously: string;
  readonly notComparable: string;
  readonly risers: string;
  readonly fallers: string;
  readonly meanChange: string;
  readonly counts: (c: { up: number; down: number; unchanged: number; new: number; merged: number; dropped: number }) => string;
  readonly trend: string;
  readonly reason: (r: Reason) => string;
}

export const WORDS: Record<Lang, Words> = {
  en: {
    rank: 'Rank',
    unit: 'Unit',
    code: 'Code',
    block: 'Block',
    total: 'Total',
    max: 'Max',
    index: 'Index (%)',
    band: 'Band',
    notRanked: 'not ranked',
    notApplicable: 'n/a',
    units: 'units',
    ranked: 'ranked',
    rankedColumn: 'ranked',
    mean: 'mean',
    median: 'median',
    best: 'best',
    worst: 'worst',
    noBand: 'no band',
    scheme: 'Scheme',
    year: 'Year',
    notRankedNote: 'assessed but not ranked',
    notApplicableNote: 'n/a = not applicable, excluded from the unit\'s maximum',
    previousRank: (y) => `Rank ${y}`,
    change: 'Change',
    indexChange: 'Index change',
    up: (n) => `▲${n}`,
    down: (n) => `▼${n}`,
    same: '=',
    isNew: 'new',
    noChange: 'n/a',
    dropped: (y) => `No longer present (in ${y})`,
    mergedFrom: 'merged from',
    previously: 'previously',
    notComparable: 'Rank changes may mislead',
    risers: 'Biggest risers',
    fallers: 'Biggest fallers',
    meanChange: 'change of the mean',
    counts: (c) => `${c.up} up, ${c.down} down, ${c.unchanged} unchanged, ${c.new} new, ${c.merged} merged, ${c.dropped} no longer present`,
    trend: 'Trend',
    reason: reasonText,
  },
  vi: {
    rank: 'Xếp hạng',
    unit: 'Đơn vị',
    code: 'Mã',
    block: 'Khối',
    total: 'Tổng điểm',
    max: 'Điểm tối đa',
    index: 'Chỉ số (%)',
    band: 'Xếp loại',
    notRanked: 'không xếp hạng',
    notApplicable: 'KAD',
    units: 'đơn vị',
    ranked: 'xếp hạng',
    rankedColumn: 'Có xếp hạng',
    mean: 'trung bình',
    median: 'trung vị',
    best: 'cao nhất',
    worst: 'thấp nhất',
    noBand: 'chưa xếp loại',
    scheme: 'Bộ tiêu chí',
    year: 'Năm',
    notRankedNote: 'đánh giá nhưng không xếp hạng',
    notApplicableNote: 'KAD = không áp dụng, không tính vào điểm tối đa của đơn vị',
    previousRank: (y) => `Xếp hạng ${y}`,
    change: 'Thay đổi',
    indexChange: 'Chỉ số tăng/giảm',
    up: (n) => `tăng ${n} bậc`,
    down: (n) => `giảm ${n} bậc`,
    same: 'giữ nguyên',
    isNew: 'mới',
    noChange: 'không so sánh',
    dropped: (y) => `Không còn trong năm nay (có trong ${y})`,
    mergedFrom: 'hợp nhất từ',
    previously: 'trước đây là',
    notComparable: 'So sánh thứ hạng có thể không chính xác',
    risers: 'Tăng nhiều bậc nhất',
    fallers: 'Giảm nhiều bậc nhất',
    meanChange: 'trung bình thay đổi',
    counts: (c) => `${c.up} tăng, ${c.down} giảm, ${c.unchanged} giữ nguyên, ${c.new} mới, ${c.merged} hợp nhất, ${c.dropped} không còn`,
    trend: 'Xu hướng',
    reason: (r) =>
      r.kind === 'schemes'
        ? `hai năm dùng bộ tiêu chí khác nhau (${r.previous} và ${r.current})`
        : `danh sách đơn vị khác nhau (${r.previousCount} đơn vị năm ${r.previousYear}, ${r.currentCount} đơn vị năm ${r.currentYear}: ${r.new} mới, ${r.merged} hợp nhất, ${r.dropped} không còn)`,
  },
};
