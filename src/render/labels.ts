/** Words the renderers print, in English and Vietnamese. Data keeps its own spelling. */
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
  },
};
