/** A list of units (`template --units`): a unit column, and optional code and block columns. */
import { ParScoreError } from '../model/problem.js';
import { cleanName } from '../model/text.js';
import { RecordScanner } from './csv.js';
import { delimiterOf, sourceText, type Source } from './workbook.js';
import { locateHeader } from './header.js';

export interface UnitLine {
  readonly name: string;
  readonly code?: string;
  readonly block?: string;
}

export function readUnitList(source: Source): UnitLine[] {
  const file = source.name;
  const located = locateHeader(new RecordScanner(sourceText(source), file, delimiterOf(source)));
  const col = (role: string) => located.columns.find((c) => c.meta === role);
  const unit = col('unit');
  if (!unit) {
    throw new ParScoreError([
      { severity: 'error', code: 'missing-column', message: 'the unit list needs a unit column ("unit", "Đơn vị", "Tên đơn vị", ...)', file, line: located.line },
    ]);
  }
  const code = col('code');
  const block = col('block');
  const units: UnitLine[] = [];
  const scanner = located.scanner;
  while (scanner.next()) {
    const field = (i: number) => (i < scanner.count ? scanner.field(i) : '');
    const name = cleanName(field(unit.index));
    if (!name) continue;
    const c = code ? cleanName(field(code.index)) : '';
    const b = block ? cleanName(field(block.index)) : '';
    units.push({ name, ...(c ? { code: c } : {}), ...(b ? { block: b } : {}) });
  }
  return units;
}

