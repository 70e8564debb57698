/**
 * The crosswalk file for renamed and merged units: two columns, old -> new, each a code or a name.
 * Several old units with the same new unit are a merge.
 */
import type { CrosswalkEntry } from '../model/match.js';
import { ParScoreError, ProblemLog } from '../model/problem.js';
import { cleanName, headerKey } from '../model/text.js';
import { readCsv } from './csv.js';
import { delimiterOf, sourceText, type Source } from './workbook.js';

// Header keys (`headerKey`): "Đơn vị cũ", "old_unit" and "Old unit" are all "donvicu" or "oldunit".
const OLD = new Set(['old', 'from', 'oldunit', 'oldname', 'oldcode', 'cu', 'donvicu', 'tencu', 'macu', 'truoc']);
const NEW = new Set(['new', 'to', 'newunit', 'newname', 'newcode', 'moi', 'donvimoi', 'tenmoi', 'mamoi', 'sau']);

export function readCrosswalk(source: Source): CrosswalkEntry[] {
  const file = source.name;
  const csv = readCsv(sourceText(source), file, delimiterOf(source));
  const log = new ProblemLog();
  if (source.sheet !== undefined) log.sheets.set(file, source.sheet);
  const header = csv.rows[0];
  if (!header) throw new ParScoreError([{ severity: 'error', code: 'empty-file', message: 'the crosswalk file is empty', file }]);
  const oldCol = header.fields.findIndex((h) => OLD.has(headerKey(h)));
  const newCol = header.fields.findIndex((h) => NEW.has(headerKey(h)));
  if (oldCol < 0 || newCol < 0) {
    throw new ParScoreError([
      {
        severity: 'error',
        code: 'missing-column',
        message: 'a crosswalk needs an "old" and a "new" column (also: cũ / mới, from / to)',
        file,
        line: header.line,
      },
    ]);
  }
  const entries: CrosswalkEntry[] = [];
  for (const row of csv.rows.slice(1)) {
    const old = cleanName(row.fields[oldCol] ?? '');
    const neu = cleanName(row.fields[newCol] ?? '');
    if (old === '' || neu === '') {
      log.error('missing-value', 'a crosswalk line needs both an old and a new unit', { file, line: row.line, column: (old === '' ? oldCol : newCol) + 1 });
      continue;
    }
    entries.push({ old, new: neu, file, line: row.line });
  }
  log.throwIfErrors();
  return entries;
}
