/**
 * The results workbook opened by a real spreadsheet program: LibreOffice (headless) converts the
 * workbook par-score wrote to CSV, cells as shown, and every unit's rank, name, points, total and
 * index are those of par-score's own CSV. Skipped, with a message, where LibreOffice is not
 * installed (apt-get install -y libreoffice-calc-nogui).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './cli.js';

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
if (!SOFFICE) console.warn('xlsx-libreoffice: LibreOffice not found, test skipped (install it with: apt-get install -y libreoffice-calc-nogui)');

/** LibreOffice's CSV of every sheet (UTF-8, comma, cells as shown), by sheet name. */
function asLibreOfficeSees(book: string): Record<string, string[][]> {
  const dir = mkdtempSync(join(tmpdir(), 'par-score-lo-'));
  // 44 = ",", 34 = '"', 76 = UTF-8, 1 = from line 1; token 9 "true": save cell contents as shown; token 12 "-1": every sheet.
  execFileSync(SOFFICE!, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1', '--outdir', dir, book], { stdio: 'pipe', timeout: 120_000 });
  const out: Record<string, string[][]> = {};
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.csv'))) {
    const sheet = f.replace(/^[^-]*-/, '').replace(/\.csv$/, '');
    out[sheet] = readFileSync(join(dir, f), 'utf8').trim().split('\n').map((l) => l.split(','));
  }
  return out;
}

describe.skipIf(!SOFFICE)('the results workbook in LibreOffice', () => {
  it('shows the same numbers as par-score, with the scheme decimals', { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'par-score-xlsx-'));
    const book = join(dir, 'results.xlsx');
    const input = 'fixtures/yoy/provinces-2024.csv';
    expect((await cli(['rank', input, '--prev', 'fixtures/yoy/provinces-2023.csv', '--out', book, '-q'])).code).toBe(0);
    const csv = (await cli(['rank', input, '--format', 'csv', '-q'])).stdout.trim().split('\r\n').map((l) => l.split(','));
    const sheets = asLibreOfficeSees(book);
    expect(Object.keys(sheets).sort()).toEqual(['Comparison', 'Ranking']);
    const ranking = sheets.Ranking!;
    // Row 1: the title; row 2: the header; then the units in the same order with the same cells.
    expect(ranking[0]![0]).toBe('Provincial PAR INDEX (Decision 876/QĐ-BNV) 2024');
    const rows = ranking.slice(2);
    expect(rows).toHaveLength(csv.length - 1);
    const pick = (row: string[], header: string[], ids: string[]) => ids.map((id) => row[header.indexOf(id)]);
    const ids = ['rank', 'unit', 'code', 'appraisal', 'impact', 'total', 'index'];
    const titles = ['Rank', 'Unit', 'Code', 'Appraisal score (61.5)', 'Impact of PAR (38.5)', 'Total', 'Index (%)'];
    expect(rows.map((r) => pick(r, ranking[1]!, titles))).toEqual(csv.slice(1).map((r) => pick(r, csv[0]!, ids)));
  });
});
