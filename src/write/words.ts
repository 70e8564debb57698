/**
 * The dictionary: every word par-score prints, in English here and in Vietnamese in words-vi.ts
 * (data keeps its own spelling), and how each language writes a decimal. Renderers take
 * `words(lang)` and nothing else varies by language.
 */
import { reasonText, type ChangeStatus, type Reason } from '../model/compare.js';
import { VI } from './words-vi.js';
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
  vi: VI,
};

export function words(lang: Lang): Words {
  return WORDS[lang];
}
