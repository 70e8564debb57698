/**
 * The score cells of a file's rows, read where they are in the text (read/units.ts reads the rows):
 * a cell's points at the file's scale, NaN for "not applicable", and every problem logged at its
 * line and column. A cell in error counts 0 (the run stops before anything is ranked). This runs
 * once per score cell of the input.
 */
import { format, normalize } from '../model/decimal.js';
import type { ProblemLog } from '../model/problem.js';
import type { Scheme, SchemeNode } from '../model/scheme.js';
import { CellReader, DASH_CELL, EMPTY, INVALID, NA, NUMBER_CELL } from './cell.js';
import type { RecordScanner } from './csv.js';
import type { HeaderColumn } from './header.js';
import { MAX_SCALE, measureTop, shownAt, type Converter } from './measure.js';
import type { NodeColumns } from './plan.js';
import type { SeparatorLog } from './unit-checks.js';
import type { Columns } from './unit-index.js';

export interface RowCellsOf {
  readonly file: string;
  readonly scheme: Scheme;
  readonly scanner: RecordScanner;
  readonly log: ProblemLog;
  readonly columns: Columns;
  /** The nodes read, in the order of `columns.points`. */
  readonly nodes: readonly NodeColumns[];
  /** By figure of the plan: whether its values are points (a total, a maximum), kept at the file's scale. */
  readonly scaledFigures: readonly boolean[];
  /** By node: what a cell may hold at most, at each scale. */
  readonly maxima: readonly Float64Array[];
  readonly converters: readonly (Converter | undefined)[];
  readonly missing: 'error' | 'zero';
  readonly dash: 'na' | 'zero' | undefined;
  /** Where a cell's decimal separator is noted: by field, its column's place among the numeric ones. */
  readonly separators: SeparatorLog;
  readonly numericAt: Int32Array;
}

export class RowCells {
  readonly reader = new CellReader();
  /** The file's scale: the most decimals of any cell so far (columns read before a cell with more are brought to it). */
  scale = 0;
  /** The current row's cells that add up to the unit's total: their most decimals, and how many. */
  decimals = 0;
  terms = 0;
  /** Empty score cells counted as 0 (--missing zero). */
  zeroFilled = 0;

  constructor(private readonly f: RowCellsOf) {}

  /** Whether `node` is read from no cell of its own (a percentage, or a column that cannot be read: reported). */
  static unread(n: NodeColumns): boolean {
    return n.percent === true || n.unread === true;
  }

  /** Reads the cell of `col` in the current row: one of the `cell.ts` kinds; a number in `reader`. */
  cell(col: HeaderColumn): number {
    const s = this.f.scanner;
    return col.index < s.count ? this.reader.read(s.text, s.starts[col.index]!, s.ends[col.index]!) : EMPTY;
  }

  /** The number just read, at the file's scale (raising it when the cell has more decimals). */
  scaled(): number {
    const r = this.reader;
    if (r.scale > this.scale) this.rescale(r.scale);
    return r.scale === this.scale ? r.value : r.value * 10 ** (this.scale - r.scale);
  }

  /** Brings the file's values to at least `s` decimals. */
  private rescale(s: number): void {
    const { columns, scaledFigures } = this.f;
    const factor = 10 ** (s - this.scale);
    for (const column of columns.points) for (let r = 0; r <= columns.size; r++) column[r]! *= factor;
    columns.figures.forEach((fig, i) => {
      if (scaledFigures[i]) for (let r = 0; r <= columns.size; r++) fig.values[r]! *= factor;
    });
    this.scale = s;
  }

  /**
   * The points of read node `c` in the current row: its column, or the sum of its parts (checked
   * against its subtotal column when there is one). `decimals` is 0 on entry and the node's after.
   */
  node(c: number, name: string, line: number): number {
    const n = this.f.nodes[c]!;
    if (RowCells.unread(n)) return 0;
    if (n.parts.length === 0) return this.score(n.col!, n.node, name, line, this.f.maxima[c], this.f.converters[c]);
    const termsBefore = this.terms;
    let sum = 0;
    let applicable = 0;
    for (const part of n.parts) {
      const from = this.scale;
      const v = this.score(part, n.node, name, line, undefined);
      if (this.scale !== from) sum *= 10 ** (this.scale - from);
      if (!Number.isNaN(v)) {
        sum += v;
        applicable++;
      }
    }
    // The subtotal ("Cộng") is the node's points; its parts must add up to it, give or take their rounding.
    const terms = this.terms - termsBefore;
    const partDecimals = this.decimals;
    this.terms = termsBefore;
    this.decimals = 0;
    const from = this.scale;
    const subtotal = this.score(n.col!, n.node, name, line, this.f.maxima[c], this.f.converters[c]);
    const scale = this.scale;
    if (scale !== from) sum *= 10 ** (scale - from);
    const tolerance = (terms * 10 ** (scale - Math.max(partDecimals, this.decimals)) + 10 ** (scale - this.decimals)) / 2;
    if (Number.isNaN(subtotal) ? applicable > 0 : Math.abs(subtotal - sum) > tolerance * (1 + 1e-9)) {
      this.f.log.error(
        'subtotal-mismatch',
        `${quote(n.col!.header)}: ${Number.isNaN(subtotal) ? 'not applicable' : shownAt(subtotal, scale, this.decimals)} for ${name}, but the ${n.parts.length} other columns of "${n.col!.group?.header ?? n.node.label.vi}" add up to ${shownAt(sum, scale, partDecimals)}`,
        { ...this.at(n.col!, line), hint: 'a column may be misread or shifted: a subtotal is the sum of the columns of its group' },
      );
    }
    return subtotal;
  }

  /** One score cell of unit `name` at `line`: points at the file's scale, NaN for "not applicable". */
  private score(col: HeaderColumn, node: SchemeNode, name: string, line: number, max: Float64Array | undefined, convert?: Converter): number {
    const { reader, f } = this;
    const { log, scanner } = f;
    let kind = this.cell(col);
    // A percentage written with its sign, for a node measured in percent; a penalty written negative, as the scheme says.
    if (kind === INVALID && reader.code === 'percent-column' && node.measure.kind === 'percent') kind = reader.readText(scanner.field(col.index).replace(/\s*%\s*$/, ''));
    else if (kind === INVALID && reader.code === 'negative-value' && node.negative) kind = reader.readText(scanner.field(col.index).replace(/^\s*-\s*/, ''));
    else if (kind === NUMBER_CELL && node.negative && reader.value > 0) {
      log.error('penalty-sign', `${quote(col.header)}: ${this.text(col)} for ${name}: scheme ${f.scheme.id} writes ${node.id} as negative points (-2)`, {
        ...this.at(col, line),
        hint: 'write the penalty with its minus sign, or change "written" in the scheme',
      });
      return 0;
    }
    switch (kind) {
      case NUMBER_CELL: {
        if (reader.scale > MAX_SCALE) {
          log.error('not-a-number', `${quote(col.header)}: "${this.text(col)}" has more than ${MAX_SCALE} decimals`, this.at(col, line));
          return 0;
        }
        if (reader.separator !== 0) f.separators.note(f.numericAt[col.index]!, reader.separator, line);
        if (max && reader.value > max[reader.scale]!) {
          const top = measureTop(node);
          log.error('value-above-max', `${quote(col.header)}: ${this.text(col)} is above ${top ? `${format(normalize(top))}, the top of its measure` : `the maximum ${format(normalize(node.max))}`} for ${name}`, this.at(col, line));
        }
        if (convert && !convert(reader)) {
          log.error('too-precise', `${quote(col.header)}: ${this.text(col)} has too many digits to be turned into points exactly`, this.at(col, line));
          return 0;
        }
        if (reader.scale > this.decimals) this.decimals = reader.scale;
        this.terms++;
        return this.scaled();
      }
      case DASH_CELL:
        if (f.dash === 'zero') return 0;
        if (f.dash !== 'na') {
          log.error('ambiguous-dash', `${quote(col.header)}: "-" for ${name} could be 0 (Excel's Accounting format shows zero as "-") or "not applicable"`, {
            ...this.at(col, line),
            hint: 'say which with --dash zero or --dash na (or "dash" in the scheme file); write KAD for "not applicable"',
          });
          return 0;
        }
      // falls through: a dash that means "not applicable"
      case NA:
        if (node.always) {
          log.error('not-applicable-here', `${quote(col.header)}: ${name} is marked not applicable, but this component applies to every unit`, this.at(col, line));
          return 0;
        }
        return NaN;
      case EMPTY:
        // No bonus, no penalty: an empty cell is none.
        if (node.role !== 'score') return 0;
        if (f.missing === 'zero') {
          this.zeroFilled++;
          return 0;
        }
        log.error('missing-value', `${quote(col.header)} is empty for ${name}`, {
          ...this.at(col, line),
          hint: 'write the points, KAD if the criterion does not apply to this unit, or pass --missing zero',
        });
        return 0;
      default:
        log.error(reader.code, `${quote(col.header)}: ${reader.reason}`, this.at(col, line));
        return 0;
    }
  }

  /** The cell as written, for a message. */
  private text(col: HeaderColumn): string {
    return this.f.scanner.field(col.index).trim();
  }

  private at(col: HeaderColumn, line: number) {
    return { file: this.f.file, line, column: col.index + 1 };
  }
}

export function quote(header: string): string {
  return `"${header}"`;
}
