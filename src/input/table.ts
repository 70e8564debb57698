/**
 * Located header + scheme -> validated unit rows, and several files of one year joined into one
 * table. Every problem is logged with file, line and column; nothing is silently dropped.
 */
import { compare, format, normalize, type Decimal } from '../core/decimal.js';
import type { ProblemLog } from '../core/problem.js';
import { cleanName, nameKey } from '../core/text.js';
import type { Component, Scheme } from '../scheme/schema.js';
import { matchComponents } from '../scheme/select.js';
import type { HeaderColumn, LocatedHeader, MetaRole } from './header.js';
import { parseCell, parseFlag } from './number.js';

export interface CellRef {
  readonly file: string;
  readonly line: number;
  /** 1-based field number. */
  readonly column: number;
}

/** A component's cell: its points, or null when the component does not apply to the unit. */
export type Score = Decimal | null;

export interface DeclaredTotal {
  readonly value: Decimal;
  /** Positions (in the scheme) of the components of the file the total was declared in: it is checked against their sum. */
  readonly components: readonly number[];
  readonly at: CellRef;
}

export interface UnitRow {
  readonly name: string;
  /** Join and duplicate key: the code when there is one, else the normalised name. */
  readonly key: string;
  code?: string;
  block?: string;
  ranked: boolean;
  year?: string;
  /** By component position in the scheme; undefined where no file has the component's column. */
  readonly scores: (Score | undefined)[];
  readonly declaredTotals: DeclaredTotal[];
  /** Where the unit's row is (first file). */
  readonly origin: CellRef;
}

export interface UnitTable {
  readonly units: UnitRow[];
  readonly files: readonly string[];
  readonly year?: string;
}

export interface ReadOptions {
  /** What an empty score cell means: an error (default) or 0 points. */
  readonly missing: 'error' | 'zero';
}

interface FileUnits {
  readonly file: string;
  readonly units: UnitRow[];
  /** Component ids that have a column in this file. */
  readonly components: Set<string>;
  readonly headerLine: number;
  /** The header could not be used (reported once); other checks of this file are skipped. */
  readonly broken?: boolean;
}

const MULTI_ROLES: ReadonlySet<MetaRole> = new Set(['ignored']);

/** No real name, code or score is this long; a longer cell is a damaged or hostile file. */
export const MAX_CELL_LENGTH = 1000;

export function unitKey(name: string, code: string | undefined): string {
  return code !== undefined ? `code:${code.toLowerCase()}` : `name:${nameKey(name)}`;
}

function quote(header: string): string {
  return `"${header}"`;
}

export function readUnits(h: LocatedHeader, scheme: Scheme, options: ReadOptions, log: ProblemLog): FileUnits {
  const file = h.csv.file;
  const headerLine = h.row.line;
  const at = (col: HeaderColumn, line = headerLine): CellRef => ({ file, line, column: col.index + 1 });
  const components = matchComponents(scheme, h.columns);
  const longHeader = h.columns.find((c) => c.header.length > MAX_CELL_LENGTH);
  if (longHeader) {
    log.error('cell-too-long', `this header is ${longHeader.header.length.toLocaleString('en-US')} characters long; the limit is ${MAX_CELL_LENGTH.toLocaleString('en-US')}`, at(longHeader));
    return { file, units: [], components: new Set(), headerLine, broken: true };
  }

  // Column roles: every role that matters may appear once.
  const seen = new Map<string, HeaderColumn>();
  const claim = (role: string, col: HeaderColumn, what: string): boolean => {
    const first = seen.get(role);
    if (first) {
      log.error('duplicate-column', `${what} appears twice: ${quote(first.header)} (column ${first.index + 1}) and ${quote(col.header)}`, {
        ...at(col),
        hint: role === 'meta:unit' ? 'name the unit column with --unit-column "<header>"' : 'remove or rename one of the columns',
      });
      return false;
    }
    seen.set(role, col);
    return true;
  };
  const meta = new Map<MetaRole, HeaderColumn>();
  const componentColumns: [HeaderColumn, Component][] = [];
  for (const col of h.columns) {
    const component = components.get(col);
    if (component) {
      if (claim(`component:${component.id}`, col, `the column for "${component.id}"`)) componentColumns.push([col, component]);
    } else if (col.meta && !MULTI_ROLES.has(col.meta)) {
      if (claim(`meta:${col.meta}`, col, `a ${col.meta} column`)) meta.set(col.meta, col);
    } else if (!col.meta && col.header !== '') {
      log.warn('unknown-column', `column ${quote(col.header)} is not part of scheme ${scheme.id} and is ignored`, at(col));
    }
  }
  const unitCol = meta.get('unit');
  if (!unitCol) {
    log.error('missing-column', 'no unit column: expected a header such as "unit", "Đơn vị", "Tên đơn vị", "Địa phương", "Tỉnh", "Huyện" or "Xã"', {
      file,
      line: headerLine,
      hint: 'name it with --unit-column "<header>"',
    });
    return { file, units: [], components: new Set(), headerLine, broken: true };
  }

  const width = h.columns.length;
  // Cells written with a decimal comma / point, as (line, field index) pairs: no object per cell.
  const separators: Record<',' | '.', number[]> = { ',': [], '.': [] };
  const units: UnitRow[] = [];
  const firstByKey = new Map<string, number>();
  let zeroFilled = 0;
  const componentIds = componentColumns.map(([, c]) => c.id);
  const position = new Map(scheme.components.map((c, i) => [c, i]));
  const componentPositions = componentColumns.map(([, c]) => position.get(c)!);
  const unnamedWithData = new Set<number>();

  // Every row disagreeing with the header the same way means the header is broken, not the rows.
  const dataRows = h.csv.rows.slice(h.dataStart);
  const counts = new Set(dataRows.map((r) => r.fields.length));
  if (dataRows.length > 1 && counts.size === 1 && !counts.has(width)) {
    const n = [...counts][0]!;
    log.error('ragged-row', `the header has ${width} fields but every row has ${n}`, {
      file,
      line: headerLine,
      hint:
        n < width
          ? `a header that contains the delimiter ("${h.csv.delimiter === '\t' ? 'tab' : h.csv.delimiter}") must be quoted, e.g. "Tỉnh, thành phố"`
          : 'a column header is missing',
    });
    return { file, units: [], components: new Set(), headerLine, broken: true };
  }

  // Index loops in this per-row work: it runs uncompiled for small files, where for...of and
  // destructuring make an object per step (most of the garbage of a short run).
  for (let r = 0; r < dataRows.length; r++) {
    const row = dataRows[r]!;
    const fields = row.fields;
    const line = row.line;
    if (fields.length !== width) {
      const extra = fields.slice(width);
      if (fields.length < width || extra.some((f) => f.trim() !== '')) {
        const hint =
          fields.length > width && h.csv.delimiter === ','
            ? 'in a comma-separated file, numbers with a decimal comma must be quoted ("12,05"); or save the file with ";" as delimiter'
            : 'every row needs as many fields as the header';
        log.error('ragged-row', `this row has ${fields.length} fields but the header (line ${headerLine}) has ${width}`, {
          file,
          line,
          column: Math.min(fields.length, width) + 1,
          hint,
        });
        continue;
      }
    }
    const long = fields.findIndex((f) => f.length > MAX_CELL_LENGTH);
    if (long >= 0) {
      log.error('cell-too-long', `this cell is ${fields[long]!.length.toLocaleString('en-US')} characters long; the limit is ${MAX_CELL_LENGTH.toLocaleString('en-US')}`, {
        file,
        line,
        column: long + 1,
      });
      continue;
    }
    for (let c = 0; c < h.columns.length; c++) {
      const col = h.columns[c]!;
      if (col.header === '' && (fields[col.index] ?? '').trim() !== '') unnamedWithData.add(col.index);
    }

    const name = cleanName(fields[unitCol.index] ?? '');
    const origin = at(unitCol, line);
    if (name === '') {
      // Excel's merged header cells export as a second header row: text where numbers should be.
      const looksLikeHeader = row === dataRows[0] && componentColumns.some(([col]) => parseCell(fields[col.index] ?? '').kind === 'invalid');
      log.error('missing-unit-name', looksLikeHeader ? 'the unit name is empty, and this row looks like a second header row' : 'the unit name is empty', {
        ...origin,
        ...(looksLikeHeader ? { hint: 'merged header cells in Excel export as two header rows: keep one header row, one name per column' } : {}),
      });
      continue;
    }
    const text = (role: MetaRole) => {
      const col = meta.get(role);
      const v = col ? cleanName(fields[col.index] ?? '') : '';
      return v === '' ? undefined : v;
    };
    const code = text('code');
    const unit: UnitRow = {
      name,
      key: unitKey(name, code),
      ...(code !== undefined ? { code } : {}),
      ...(text('block') !== undefined ? { block: text('block')! } : {}),
      ranked: true,
      ...(text('year') !== undefined ? { year: text('year')! } : {}),
      scores: new Array<Score | undefined>(scheme.components.length),
      declaredTotals: [],
      origin,
    };
    const rankedCol = meta.get('ranked');
    if (rankedCol) {
      const flag = parseFlag(fields[rankedCol.index] ?? '');
      if (flag === undefined) {
        log.error('bad-flag', `${quote(rankedCol.header)} must be yes/no (có/không, x/empty, true/false), not "${fields[rankedCol.index]}"`, at(rankedCol, line));
      } else unit.ranked = flag;
    }

    for (let c = 0; c < componentColumns.length; c++) {
      const col = componentColumns[c]![0];
      const component = componentColumns[c]![1];
      const ref = at(col, line);
      const cell = parseCell(fields[col.index] ?? '');
      switch (cell.kind) {
        case 'number':
          if (cell.separator) separators[cell.separator].push(line, col.index);
          if (compare(cell.value, component.max) > 0) {
            log.error(
              'value-above-max',
              `${quote(col.header)}: ${fields[col.index]!.trim()} is above the maximum ${format(normalize(component.max))} for ${name}`,
              ref,
            );
          }
          unit.scores[position.get(component)!] = cell.value;
          break;
        case 'na':
          unit.scores[position.get(component)!] = null;
          break;
        case 'empty':
          if (options.missing === 'zero') {
            zeroFilled++;
            unit.scores[position.get(component)!] = { units: 0n, scale: 0 };
          } else {
            log.error('missing-value', `${quote(col.header)} is empty for ${name}`, {
              ...ref,
              hint: 'write the points, "-" if the criterion does not apply to this unit, or pass --missing zero',
            });
          }
          break;
        case 'invalid':
          log.error(cell.code, `${quote(col.header)}: ${cell.reason}`, ref);
          break;
      }
    }

    const totalCol = meta.get('total');
    if (totalCol) {
      const cell = parseCell(fields[totalCol.index] ?? '');
      const ref = at(totalCol, line);
      if (cell.kind === 'number') {
        if (cell.separator) separators[cell.separator].push(line, totalCol.index);
        unit.declaredTotals.push({ value: cell.value, components: componentPositions, at: ref });
      } else if (cell.kind === 'invalid') {
        log.error(cell.code, `${quote(totalCol.header)}: ${cell.reason}`, ref);
      }
    }

    const first = firstByKey.get(unit.key);
    if (first !== undefined) {
      log.error('duplicate-unit', `${name} appears twice (first at line ${first})`, {
        ...origin,
        hint: unit.code === undefined ? 'remove the duplicate row, or add a code column (Mã) to tell units apart' : 'remove the duplicate row',
      });
      continue;
    }
    firstByKey.set(unit.key, line);
    units.push(unit);
  }

  for (const index of unnamedWithData) {
    log.warn('unnamed-column', `column ${index + 1} has values but no header and is ignored`, { file, line: headerLine, column: index + 1 });
  }
  checkDecimalSeparators(separators, h.columns, file, log);
  if (zeroFilled > 0) log.warn('missing-as-zero', `${zeroFilled} empty score cell${zeroFilled > 1 ? 's' : ''} counted as 0 (--missing zero)`, { file });
  if (units.length === 0 && !log.hasErrors) log.error('no-units', 'the file has a header but no unit rows', { file, line: headerLine });
  return { file, units, components: new Set(componentIds), headerLine };
}

/** One file, one decimal convention: a file that mixes `82,84` and `31.50` is ambiguous. */
function checkDecimalSeparators(seps: Record<',' | '.', number[]>, columns: readonly HeaderColumn[], file: string, log: ProblemLog): void {
  const commas = seps[','];
  const points = seps['.'];
  if (commas.length === 0 || points.length === 0) return;
  const [majorSep, minorSep] = commas.length >= points.length ? ([',', '.'] as const) : (['.', ','] as const);
  const major = seps[majorSep];
  const minor = seps[minorSep];
  const name = (sep: string) => (sep === ',' ? 'a decimal comma' : 'a decimal point');
  for (let i = 0; i < minor.length; i += 2) {
    const column = minor[i + 1]!;
    log.error(
      'mixed-decimal-separator',
      `${quote(columns[column]!.header)} uses ${name(minorSep)}, but this file writes decimals with ${name(majorSep)} (e.g. line ${major[0]}, column ${major[1]! + 1})`,
      { file, line: minor[i]!, column: column + 1, hint: 'use one decimal separator in the whole file' },
    );
  }
}

/**
 * Joins the files of one year (e.g. appraisal from one office, survey from another) on the unit key.
 * A unit must be in every file; a component must come from exactly one file.
 */
export function joinFiles(parts: readonly FileUnits[], scheme: Scheme, log: ProblemLog): UnitTable {
  const files = parts.map((p) => p.file);
  const [first, ...rest] = parts;
  if (!first) return { units: [], files };
  // A file whose header could not be used has been reported; matching units against it would only add noise.
  if (parts.some((p) => p.broken)) return { units: first.units, files };
  const units = first.units;
  const owner = new Map<string, string>();
  for (const id of first.components) owner.set(id, first.file);

  for (const part of rest) {
    // A file that brings no new component is most likely another year, not another part of this one.
    if (part.components.size > 0 && [...part.components].every((id) => owner.has(id))) {
      log.error('duplicate-column', `${part.file} has the same score columns as ${owner.get([...part.components][0]!)}: files given together are joined as parts of one year`, {
        file: part.file,
        line: part.headerLine,
        hint: `to compare years, use \`par-score compare ${first.file} ${part.file}\` or \`par-score rank ${part.file} --prev ${first.file}\``,
      });
      continue;
    }
    for (const id of part.components) {
      const prior = owner.get(id);
      if (prior !== undefined) {
        log.error('duplicate-column', `the column for "${id}" is in both ${prior} and ${part.file}`, { file: part.file, line: part.headerLine });
      } else owner.set(id, part.file);
    }
    const byCode = new Map<string, UnitRow>();
    const byName = new Map<string, UnitRow>();
    for (const u of units) {
      if (u.code !== undefined) byCode.set(u.code.toLowerCase(), u);
      byName.set(nameKey(u.name), u);
    }
    const matched = new Set<UnitRow>();
    for (const u of part.units) {
      const target = (u.code !== undefined ? byCode.get(u.code.toLowerCase()) : undefined) ?? byName.get(nameKey(u.name));
      if (!target) {
        log.error('unit-not-in-all-files', `${u.name} is in ${part.file} but not in ${first.file}`, u.origin);
        continue;
      }
      matched.add(target);
      mergeInto(target, u, log);
    }
    for (const u of units) {
      if (!matched.has(u)) log.error('unit-not-in-all-files', `${u.name} is in ${first.file} but not in ${part.file}`, u.origin);
    }
  }

  for (const c of parts.some((p) => p.broken) ? [] : scheme.components) {
    if (!owner.has(c.id)) {
      const names = [c.id, c.label.vi, ...c.aliases.slice(0, 3)].map(quote).join(', ');
      log.error('missing-column', `no column for component "${c.id}" (maximum ${format(normalize(c.max))}); expected a header such as ${names}`, {
        file: first.file,
        line: first.headerLine,
        hint: parts.length > 1 ? 'it is in none of the files' : `check the header, or the scheme (--scheme ${scheme.id})`,
      });
    }
  }

  const years = new Set(units.map((u) => u.year).filter((y): y is string => y !== undefined));
  if (years.size > 1) {
    log.error('several-years', `the input holds several years (${[...years].join(', ')}); rank one year at a time`, { file: first.file });
  }
  const year = years.size === 1 ? [...years][0]! : undefined;
  return { units, files, ...(year !== undefined ? { year } : {}) };
}

function mergeInto(target: UnitRow, from: UnitRow, log: ProblemLog): void {
  from.scores.forEach((score, i) => {
    if (score !== undefined) target.scores[i] = score;
  });
  target.declaredTotals.push(...from.declaredTotals);
  const fields = ['code', 'block', 'year'] as const;
  for (const f of fields) {
    const a = target[f];
    const b = from[f];
    if (b === undefined) continue;
    if (a === undefined) target[f] = b;
    else if (a !== b) log.error('conflicting-value', `${target.name}: ${f} is "${a}" in ${target.origin.file} but "${b}" here`, from.origin);
  }
  if (!from.ranked) target.ranked = false;
}
