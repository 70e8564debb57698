/**
 * The project file, par-score.json in the working folder: what an office repeats every year, in
 * one place; options on the command line win; a wrong setting is an error at its line.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { cli } from './run.js';

function office(project: unknown): string {
  const dir = tempDir('project');
  writeFileSync(join(dir, 'par-score.json'), typeof project === 'string' ? project : JSON.stringify(project, null, 2));
  copyFileSync(resolve('fixtures/example-province.scheme.json'), join(dir, 'bo-chi-so.json'));
  return dir;
}
const UNITS = resolve('fixtures/example-province-units-2023.csv');

describe('par-score.json', () => {
  it('sets the scheme (a file beside it), the language, the title and the format', async () => {
    const cwd = office({ scheme: 'bo-chi-so.json', lang: 'vi', title: 'Chỉ số CCHC năm 2023', format: 'md' });
    const r = await cli(['rank', UNITS], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('## Chỉ số CCHC năm 2023');
    expect(r.stdout).toContain('| Xếp hạng | Đơn vị |');
  });

  it('options on the command line win', async () => {
    const cwd = office({ scheme: 'bo-chi-so.json', lang: 'vi', format: 'md' });
    const r = await cli(['rank', UNITS, '--lang', 'en', '--format', 'csv'], { cwd });
    expect(r.stdout.split('\r\n')[0]).toMatch(/^rank,unit,code,block,/);
  });

  it('a setting a command does not take is left to the commands that do (format xlsx for validate)', async () => {
    const cwd = office({ scheme: 'bo-chi-so.json', format: 'xlsx' });
    const v = await cli(['validate', UNITS], { cwd });
    expect(v.code).toBe(0);
    expect(v.stdout).toContain('scheme example-province');
  });

  it('an unknown key or a wrong value is an error at its line, for every command including validate', async () => {
    const cwd = office('{\n  "scheme": "bo-chi-so.json",\n  "langue": "vi",\n  "ties": "olympic"\n}\n');
    for (const command of [['rank', UNITS], ['validate', UNITS]]) {
      const r = await cli(command, { cwd });
      expect([r.code, r.stdout]).toEqual([1, '']);
      expect(r.stderr).toContain('par-score: par-score.json:3:3: "langue" is not a setting of par-score');
      expect(r.stderr).toContain('par-score: par-score.json:4:3: ties: ');
    }
    const broken = await cli(['rank', UNITS], { cwd: office('{ "lang": "vi", }') });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^par-score: par-score\.json:1:\d+: not valid JSON/);
  });
});
