/**
 * The figures a file states itself, checked against what par-score computes: a declared total
 * ("Tổng điểm"), a unit's own maximum ("Điểm tối đa"), its index ("Chỉ số"), its rank ("Xếp hạng").
 *
 * A total or an index that differs by more than rounding explains is an error: it means a column was
 * misread. Rounding explains half a unit of the last decimal of every cell added and of the figure
 * itself (0.005 per part at two decimals). A unit's maximum is the maximum of what applies to it; a
 * rank that differs is reported with both ranks (ties and rounding rules differ between offices).
 */
import { format, normalize, type Decimal } from './decimal.js';
import type { ProblemLog } from './problem.js';
import type { DeclaredColumn, ScoreTable } from './table.js';

export interface FigureOptions {
  /** Rank on the declared totals ("declared") instead of the sums of the components (default). */
  readonly totals?: 'computed' | 'declared' | undefined;
}

/** How many of a column's totals differ from the sums within rounding, and by how much at most. */
interface Rounded {
  count: number;
  largest: number;
}

export class FigureChecks {
  private readonly totals: DeclaredColumn[];
  private readonly maxima: DeclaredColumn[];
  private readonly indices: DeclaredColumn[];
  private readonly ranks: DeclaredColumn[];
  /** The total ranked on, with `--totals declared`. */
  private readonly ranked: DeclaredColumn | undefined;
  private readonly rounded = new Map<DeclaredColumn, Rounded>();
  private readonly unit: number;
  /** The total columns that cover every part of the scheme. */
  private readonly whole: Set<DeclaredColumn>;

  constructor(
    private readonly t: ScoreTable,
    options: FigureOptions,
    private readonly log: ProblemLog,
  ) {
    const of = (kind: DeclaredColumn['kind']) => t.declared.filter((d) => d.kind === kind);
    this.totals = of('total');
    this.maxima = of('max');
    this.indices = of('index');
    this.ranks = of('rank');
    this.unit = 10 ** t.scale;
    const components = t.scheme.components.map((c) => c.index);
    this.whole = new Set(this.totals.filter((d) => components.every((c) => d.nodes.includes(c))));
    this.ranked = options.totals === 'declared' ? this.totals.find((d) => components.every((c) => d.nodes.includes(c))) : undefined;
    if (options.totals === 'declared' && !this.ranked) {
      log.error(
        'no-declared-total',
        this.totals.length === 0
          ? '--totals declared ranks on the totals the file states, but it has no total column ("Tổng điểm")'
          : `--totals declared ranks on the totals the file states, but "${this.totals[0]!.header}" does not cover every component`,
        { file: t.files[0]! },
      );
    }
  }

  private dec(q: number, decimals: number): string {
    return format({ units: BigInt(Math.round(q)), scale: this.t.scale } satisfies Decimal, decimals);
  }

  /** Checks unit `i`, whose components add up to `sum` of a maximum `max` (integers at the table's scale); returns its total and maximum as ranked. */
  check(i: number, sum: number, max: number, components: number): { total: number; max: number } {
    const t = this.t;
    const scale = t.scale;
    let total = sum;
    for (const d of this.totals) {
      const value = d.values[i]!;
      if (Number.isNaN(value)) {
        if (d === this.ranked) this.log.error('missing-value', `${t.names[i]}: "${d.header}" is empty (--totals declared ranks on it)`, { file: d.file, line: d.lines[i]!, column: d.column });
        continue;
      }
      // The whole total when the column covers every part (bonus, penalty and cap included), else its file's nodes.
      let partial = 0;
      if (this.whole.has(d)) partial = sum;
      else {
        for (const node of d.nodes) {
          const p = t.points[node]![i]!;
          if (!Number.isNaN(p)) partial += t.scheme.nodes[node]!.role === 'penalty' ? -p : p;
        }
      }
      const diff = Math.abs(value - partial);
      const written = d.decimals[i]!;
      // Half a unit of the last decimal of each cell added and of the total, at the table's scale.
      // Parts written with fewer decimals than the total are taken as exact to the total's decimals.
      const parts = Math.max(d.partDecimals[i]!, written);
      const tolerance = (d.terms[i]! * 10 ** (scale - parts) + 10 ** (scale - written)) / 2;
      if (diff > tolerance) {
        this.log.error(
          'total-mismatch',
          `${t.names[i]}: "${d.header}" is ${this.dec(value, written)}, but the components add up to ${this.dec(partial, parts)}: ${this.dec(diff, Math.max(parts, written))} apart, more than rounding explains (${format(normalize({ units: BigInt(Math.round(tolerance * 10)), scale: scale + 1 }), undefined)})`,
          { file: d.file, line: d.lines[i]!, column: d.column, hint: 'a column is misread or shifted (check the header), or the total is wrong' },
        );
      } else if (diff > 0) {
        const r = this.rounded.get(d) ?? { count: 0, largest: 0 };
        r.count++;
        r.largest = Math.max(r.largest, diff);
        this.rounded.set(d, r);
      }
      if (d === this.ranked) total = value;
    }
    let unitMax = max;
    for (const d of this.maxima) {
      const value = d.values[i]!;
      if (Number.isNaN(value)) continue;
      const at = { file: d.file, line: d.lines[i]!, column: d.column };
      const shown = this.dec(value, d.decimals[i]!);
      if (value > max || value === 0) {
        this.log.error('max-mismatch', `${t.names[i]}: "${d.header}" is ${shown}, but what applies to it has a maximum of ${this.dec(max, scale)}`, {
          ...at,
          hint: 'a unit\'s maximum is the scheme\'s maximum less the criteria that do not apply to it; check the not-applicable (KAD) cells',
        });
      } else if (value < total) {
        this.log.error('max-mismatch', `${t.names[i]}: "${d.header}" is ${shown}, below its points, ${this.dec(total, scale)}`, { ...at, hint: 'a column is misread or shifted (check the header)' });
      } else unitMax = value;
    }
    for (const d of this.indices) {
      const value = d.values[i]!;
      if (Number.isNaN(value) || unitMax === 0) continue;
      const stated = value / 10 ** d.decimals[i]!;
      const index = (total * 100) / unitMax;
      const declared = this.totals[0];
      const totalSlack = declared
        ? (declared.terms[i]! * 10 ** -Math.max(declared.partDecimals[i]!, declared.decimals[i]!) + 10 ** -declared.decimals[i]!) / 2
        : (components * 10 ** -scale) / 2;
      const tolerance = 10 ** -d.decimals[i]! / 2 + (100 * totalSlack * this.unit) / unitMax;
      // Written as a percentage (85,23) or as a ratio (0,8523).
      const agrees = Math.abs(stated - index) <= tolerance * (1 + 1e-9) || (stated <= 1 && Math.abs(stated * 100 - index) <= 100 * tolerance * (1 + 1e-9));
      if (!agrees) {
        this.log.error('index-mismatch', `${t.names[i]}: "${d.header}" is ${stated.toFixed(d.decimals[i]!)}, but its index (total / maximum x 100) is ${index.toFixed(Math.max(2, d.decimals[i]!))}`, {
          file: d.file,
          line: d.lines[i]!,
          column: d.column,
          hint: 'a column is misread or shifted (check the header), or the maximum is not the unit\'s (give it in a "Điểm tối đa" column)',
        });
      }
    }
    return { total, max: unitMax };
  }

  /** After every unit: one note for each total column whose gaps are rounding. */
  finish(): void {
    for (const [d, r] of this.rounded) {
      const how = d === this.ranked ? 'ranked on the declared totals (--totals declared)' : 'ranked on the sums; --totals declared ranks on the declared totals';
      this.log.note(
        'totals-rounded',
        `${r.count} declared total${r.count > 1 ? 's' : ''} in "${d.header}" differ${r.count > 1 ? '' : 's'} from the sum of the components by at most ${this.dec(r.largest, this.t.scale)}, as rounding the published components explains (${how})`,
        { file: d.file },
      );
    }
  }

  /** The declared ranks against the computed ones (`rank`: 0 for a unit not ranked; `of`: how many are ranked with the unit). */
  compareRanks(rank: Int32Array, of: (i: number) => number): void {
    for (const d of this.ranks) {
      for (let i = 0; i < this.t.size; i++) {
        const value = d.values[i]!;
        if (Number.isNaN(value) || d.decimals[i] !== 0 || rank[i] === 0 || rank[i] === value) continue;
        this.log.warn('rank-differs', `${this.t.names[i]}: "${d.header}" ranks it ${value}, par-score ranks it ${rank[i]}/${of(i)}`, {
          file: d.file,
          line: d.lines[i]!,
          column: d.column,
          hint: 'ranks of equal indices depend on --ties and --rank-precision; a different rank can also mean a unit\'s row is misread',
        });
      }
    }
  }
}
