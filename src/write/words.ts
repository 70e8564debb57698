/**
 * The dictionary: every word par-score prints, in English and Vietnamese (data keeps its own
 * spelling), and how each language writes a decimal. Renderers take `words(lang)` and nothing else
 * varies by language.
 */
import { reasonText, type ChangeStatus, type Reason } from '../model/compare.js';
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
  /** "unit": one of them. */
  readonly oneUnit: string;
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
  /** How many fields of a unit rose and fell since the previous year. */
  readonly fieldsChange: string;
  readonly fieldsUp: string;
  readonly fieldsDown: string;
  readonly up: (n: number) => string;
  readonly down: (n: number) => string;
  readonly same: string;
  readonly isNew: string;
  readonly noChange: string;
  readonly dropped: (year: string) => string;
  /** After the units no longer present that are named: how many more. */
  readonly andMore: (n: number) => string;
  readonly mergedFrom: string;
  readonly previously: string;
  readonly notComparable: string;
  readonly risers: string;
  readonly fallers: string;
  readonly meanChange: string;
  readonly counts: (c: { up: number; down: number; unchanged: number; new: number; merged: number; dropped: number }) => string;
  readonly trend: string;
  /** The trend CSV's column of how many units were ranked that year. */
  readonly trendOf: string;
  /** A unit's status from one year to the next, in words (JSON and CSV keep the ids). */
  readonly status: Readonly<Record<ChangeStatus, string>>;
  /** The results workbook's sheets. */
  readonly xlsx: { readonly ranking: string; readonly comparison: string; readonly status: string };
  readonly reason: (r: Reason) => string;
  /** The decimal separator of human formats (table, Markdown, report); JSON and CSV always use a point. */
  readonly decimal: ',' | '.';
  /** A year without a name. */
  readonly previousYear: string;
  readonly currentYear: string;
  readonly all: string;
  /** The values of the ranked column in CSV output (ones the reader reads back). */
  readonly yes: string;
  readonly no: string;
  readonly componentsHidden: (count: number, width: number) => string;
  readonly comparedWith: string;
  readonly trendCell: string;
  readonly trendCounts: (list: string) => string;
  /** The first column of a template (the row number). */
  readonly number: string;
  /** `schemes`. */
  readonly schemes: {
    readonly head: readonly string[];
    readonly listHead: readonly string[];
    readonly total: string;
    readonly bands: string;
    readonly precision: string;
    readonly source: string;
    readonly use: string;
    readonly role: { readonly bonus: string; readonly penalty: string };
    /** A scheme's level (its stable id in JSON) in words. */
    readonly level: (id: string) => string;
  };
  /** The annual report. */
  readonly report: {
    readonly headline: string;
    readonly ranking: string;
    readonly movers: string;
    readonly leaders: string;
    readonly heat: string;
    readonly heatNote: string;
    readonly bars: string;
    readonly slope: string;
    readonly units: string;
    readonly mean: string;
    readonly median: string;
    readonly best: string;
    readonly worst: string;
    readonly meanChange: string;
    readonly component: string;
    readonly leader: string;
    readonly points: string;
    readonly generated: string;
    readonly none: string;
    readonly bands: string;
    readonly distribution: string;
    readonly count: string;
    readonly heatScale: string;
    readonly byBlock: string;
    /** Under a chart of the first and last units of a long list. */
    readonly notShown: (hidden: number, shown: number) => string;
    /** Under a slope chart of the biggest moves only. */
    readonly movesShown: (shown: number, all: number) => string;
  };
  /** `explain`. */
  readonly explain: {
    readonly component: string;
    readonly points: string;
    readonly max: string;
    readonly pct: string;
    readonly lost: string;
    readonly rank: string;
    readonly change: string;
    readonly position: (p: { rank?: number; of: number; block?: string; total: string; max: string; index: string; band?: string }) => string;
    readonly versus: (what: string, value: string, diff: string) => string;
    readonly median: string;
    readonly leader: string;
    readonly climb: string;
    readonly target: (p: { kind: 'next-rank' | 'top-3' | 'first' | 'band'; band?: string; bandMin?: string; unit?: string; unitIndex?: string; rank?: number; gain: string; points: string; max: string }) => string;
    readonly room: string;
    readonly noRoom: string;
    readonly unreachable: (lost: string) => string;
    /** Nothing left to climb to: the unit is first (and, when the scheme has bands, in the top one). */
    readonly nothing: (banded: boolean) => string;
  };
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
    oneUnit: 'unit',
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
    fieldsChange: 'Fields up/down',
    fieldsUp: 'Fields up',
    fieldsDown: 'Fields down',
    up: (n) => `▲${n}`,
    down: (n) => `▼${n}`,
    same: '=',
    isNew: 'new',
    noChange: 'n/a',
    dropped: (y) => `No longer present (in ${y})`,
    andMore: (n) => ` and ${n} more (--format json lists every one)`,
    mergedFrom: 'merged from',
    previously: 'previously',
    notComparable: 'Rank changes may mislead',
    risers: 'Biggest risers',
    fallers: 'Biggest fallers',
    meanChange: 'change of the mean',
    counts: (c) => `${c.up} up, ${c.down} down, ${c.unchanged} unchanged, ${c.new} new, ${c.merged} merged, ${c.dropped} no longer present`,
    trend: 'Trend',
    trendOf: 'of',
    status: { same: 'same unit', renamed: 'renamed', new: 'new', merged: 'merged' },
    xlsx: { ranking: 'Ranking', comparison: 'Comparison', status: 'Status' },
    reason: reasonText,
    decimal: '.',
    previousYear: 'previous',
    currentYear: 'current',
    all: 'All',
    yes: 'true',
    no: 'false',
    componentsHidden: (n, width) => `(${n} component columns hidden to fit a ${width}-column terminal; --components show to see them)`,
    comparedWith: 'compared with',
    trendCell: 'Each cell: rank · index (%).',
    trendCounts: (list) => `The number of units differs by year (${list}): ranks are within each year.`,
    number: 'no',
    schemes: {
      head: ['id', 'Component', 'Max', 'Part', 'Other column names'],
      listHead: ['id', 'Level', 'Components (max)', 'Bands', 'Title'],
      total: 'Total maximum',
      bands: 'Bands',
      precision: 'Precision',
      source: 'Source',
      use: 'Use one with --scheme <id>; `par-score schemes <id> --format json > my-scheme.json` starts your own.',
      role: { bonus: 'bonus, after the maximum', penalty: 'penalty, after the maximum' },
      level: (id) => id,
    },
    report: {
      headline: 'Headline figures',
      ranking: 'Ranking',
      movers: 'Biggest risers and fallers',
      leaders: 'Leaders of each component',
      heat: 'Components: % of the maximum',
      heatNote: 'Each cell is the points as a percentage of the component\'s maximum; "–" = not applicable.',
      bars: 'Index by unit',
      slope: 'Rank changes',
      units: 'Units',
      mean: 'Mean',
      median: 'Median',
      best: 'Best',
      worst: 'Worst',
      meanChange: 'Change of the mean',
      component: 'Component',
      leader: 'Leader',
      points: 'Points',
      generated: 'Generated by par-score',
      none: 'none',
      bands: 'Bands',
      distribution: 'Distribution of the index',
      count: 'Units',
      heatScale: '% of the maximum',
      byBlock: 'By block',
      notShown: (hidden, shown) => `The first and last ${shown} units are drawn; ${hidden} units between them are in the ranking table and the distribution.`,
      movesShown: (shown, all) => `The ${shown} biggest moves of ${all} units are drawn; every change is in the ranking table.`,
    },
    explain: {
      component: 'Component',
      points: 'Points',
      max: 'Max',
      pct: '% of max',
      lost: 'Points lost',
      rank: 'Rank',
      change: 'Change',
      position: (p) =>
        `${p.rank !== undefined ? `Rank ${p.rank}/${p.of}` : 'Not ranked'}${p.block ? ` in ${p.block}` : ''} · total ${p.total} of ${p.max} · index ${p.index}%${p.band ? ` · ${p.band}` : ''}`,
      versus: (what, value, diff) => `vs ${what} ${value}: ${diff}`,
      median: 'the median',
      leader: 'the leader',
      climb: 'To climb',
      target: (p) => {
        const what =
          p.kind === 'band'
            ? `to reach ${p.band} (${p.bandMin}%)`
            : p.kind === 'top-3'
              ? `to enter the top 3 (${p.unit}, ${p.unitIndex})`
              : p.kind === 'first'
                ? `to pass rank 1 (${p.unit}, ${p.unitIndex})`
                : `to pass rank ${p.rank} (${p.unit}, ${p.unitIndex})`;
        return `${what} you need +${p.gain} index points = +${p.points} points at your maximum (${p.max})`;
      },
      room: 'room in',
      noRoom: 'no single component has that much room left',
      unreachable: (lost) => `out of reach: only ${lost} points are lost in all components together`,
      nothing: (banded) => (banded ? 'nothing above: already first and in the top band' : 'nothing above: already first'),
    },
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
    oneUnit: 'đơn vị',
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
    fieldsChange: 'Lĩnh vực tăng/giảm',
    fieldsUp: 'Số lĩnh vực tăng',
    fieldsDown: 'Số lĩnh vực giảm',
    up: (n) => `tăng ${n} bậc`,
    down: (n) => `giảm ${n} bậc`,
    same: 'giữ nguyên',
    isNew: 'mới',
    noChange: 'không so sánh',
    dropped: (y) => `Không còn trong năm nay (có trong ${y})`,
    andMore: (n) => ` và ${n} đơn vị khác (--format json liệt kê đầy đủ)`,
    mergedFrom: 'hợp nhất từ',
    previously: 'trước đây là',
    notComparable: 'So sánh thứ hạng có thể không chính xác',
    risers: 'Tăng nhiều bậc nhất',
    fallers: 'Giảm nhiều bậc nhất',
    meanChange: 'trung bình thay đổi',
    counts: (c) => `${c.up} tăng, ${c.down} giảm, ${c.unchanged} giữ nguyên, ${c.new} mới, ${c.merged} hợp nhất, ${c.dropped} không còn`,
    trend: 'Xu hướng',
    trendOf: 'Số đơn vị xếp hạng',
    status: { same: 'cùng đơn vị', renamed: 'đổi tên', new: 'mới', merged: 'hợp nhất' },
    xlsx: { ranking: 'Xếp hạng', comparison: 'So sánh', status: 'Tình trạng' },
    reason: (r) =>
      r.kind === 'schemes'
        ? `hai năm dùng bộ tiêu chí khác nhau (${r.previous} và ${r.current})`
        : `danh sách đơn vị khác nhau (${r.previousCount} đơn vị ${r.previousYear ? `năm ${r.previousYear}` : 'năm trước'}, ${r.currentCount} đơn vị ${r.currentYear ? `năm ${r.currentYear}` : 'năm nay'}: ${r.new} mới, ${r.merged} hợp nhất, ${r.dropped} không còn)`,
    decimal: ',',
    previousYear: 'năm trước',
    currentYear: 'năm nay',
    all: 'Tất cả',
    yes: 'có',
    no: 'không',
    componentsHidden: (n, width) => `(${n} cột thành phần được ẩn cho vừa màn hình ${width} cột; --components show để hiện)`,
    comparedWith: 'so với',
    trendCell: 'Mỗi ô: xếp hạng · chỉ số (%).',
    trendCounts: (list) => `Số đơn vị mỗi năm khác nhau (${list}): thứ hạng tính trong từng năm.`,
    number: 'STT',
    schemes: {
      head: ['id', 'Thành phần', 'Tối đa', 'Phần', 'Tên cột khác'],
      listHead: ['id', 'Cấp', 'Thành phần (tối đa)', 'Xếp loại', 'Tên'],
      total: 'Tổng điểm tối đa',
      bands: 'Xếp loại',
      precision: 'Số chữ số thập phân',
      source: 'Nguồn',
      use: 'Chọn bộ chỉ số bằng --scheme <id>; `par-score schemes <id> --format json > bo-chi-so.json` là điểm bắt đầu cho bộ chỉ số riêng.',
      role: { bonus: 'điểm thưởng, ngoài điểm tối đa', penalty: 'điểm trừ, ngoài điểm tối đa' },
      level: (id) => ({ province: 'cấp tỉnh', ministry: 'cấp bộ', district: 'cấp huyện', commune: 'cấp xã', department: 'cấp sở', agency: 'cơ quan' })[id] ?? id,
    },
    report: {
      headline: 'Số liệu chính',
      ranking: 'Bảng xếp hạng',
      movers: 'Tăng và giảm nhiều bậc nhất',
      leaders: 'Dẫn đầu từng thành phần',
      heat: 'Thành phần: % điểm tối đa',
      heatNote: 'Mỗi ô là điểm đạt được theo % điểm tối đa của thành phần; "–" = không áp dụng.',
      bars: 'Chỉ số theo đơn vị',
      slope: 'Thay đổi thứ hạng',
      units: 'Số đơn vị',
      mean: 'Trung bình',
      median: 'Trung vị',
      best: 'Cao nhất',
      worst: 'Thấp nhất',
      meanChange: 'Trung bình thay đổi',
      component: 'Thành phần',
      leader: 'Dẫn đầu',
      points: 'Điểm',
      generated: 'Tạo bằng par-score',
      none: 'không có',
      bands: 'Xếp loại',
      distribution: 'Phân bố chỉ số',
      count: 'Số đơn vị',
      heatScale: '% điểm tối đa',
      byBlock: 'Theo khối',
      notShown: (hidden, shown) => `Biểu đồ vẽ ${shown} đơn vị đầu và ${shown} đơn vị cuối; ${hidden} đơn vị ở giữa có trong bảng xếp hạng và biểu đồ phân bố.`,
      movesShown: (shown, all) => `Biểu đồ vẽ ${shown} thay đổi lớn nhất trong ${all} đơn vị; mọi thay đổi có trong bảng xếp hạng.`,
    },
    explain: {
      component: 'Thành phần',
      points: 'Điểm',
      max: 'Tối đa',
      pct: '% tối đa',
      lost: 'Điểm bị trừ',
      rank: 'Xếp hạng',
      change: 'Thay đổi',
      position: (p) =>
        `${p.rank !== undefined ? `Xếp thứ ${p.rank}/${p.of}` : 'Không xếp hạng'}${p.block ? ` trong ${p.block}` : ''} · tổng điểm ${p.total}/${p.max} · chỉ số ${p.index}%${p.band ? ` · ${p.band}` : ''}`,
      versus: (what, value, diff) => `so với ${what} ${value}: ${diff}`,
      median: 'trung vị',
      leader: 'đơn vị dẫn đầu',
      climb: 'Để tăng hạng',
      target: (p) => {
        const what =
          p.kind === 'band'
            ? `để đạt ${p.band} (${p.bandMin}%)`
            : p.kind === 'top-3'
              ? `để vào nhóm 3 đơn vị đứng đầu (${p.unit}, ${p.unitIndex})`
              : p.kind === 'first'
                ? `để vượt hạng 1 (${p.unit}, ${p.unitIndex})`
                : `để vượt hạng ${p.rank} (${p.unit}, ${p.unitIndex})`;
        return `${what} cần thêm ${p.gain} điểm chỉ số = ${p.points} điểm trên tổng điểm tối đa (${p.max})`;
      },
      room: 'còn dư địa ở',
      noRoom: 'không thành phần nào còn đủ dư địa',
      unreachable: (lost) => `không thể đạt: tổng điểm bị trừ của mọi thành phần chỉ là ${lost}`,
      nothing: (banded) => (banded ? 'đã đứng đầu và ở mức xếp loại cao nhất' : 'đã đứng đầu'),
    },
  },
};

export function words(lang: Lang): Words {
  return WORDS[lang];
}
