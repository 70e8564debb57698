/**
 * The package as users get it: `npm pack`, installed from the tarball into an empty folder, then
 * `npx par-score` as a user runs it. It installs nothing but itself (the runtime libraries are
 * bundled in dist/), and ranks a CSV and a workbook.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });

describe('the packed package', () => {
  it('installs from its tarball alone and runs with npx', { timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'par-score-pack-'));
    // dist/ is built by `npm test` before the tests run.
    const tarball = npm(['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], ROOT).trim().split('\n').pop()!;
    const app = join(dir, 'app');
    execFileSync('mkdir', [app]);
    writeFileSync(join(app, 'package.json'), '{ "name": "office", "private": true }\n');
    npm(['install', '--prefer-offline', '--no-save', join(dir, tarball)], app);
    expect(readdirSync(join(app, 'node_modules')).filter((n) => !n.startsWith('.'))).toEqual(['par-score']);
    const table = npm(['exec', '--', 'par-score', 'rank', join(ROOT, 'fixtures/quang-ngai-districts-2023.csv')], app);
    expect(table).toContain('│    6 │ Bình Sơn       │           63.26 │        19.58 │ 82.84 │     82.84 │');
    const book = npm(['exec', '--', 'par-score', 'rank', join(ROOT, 'fixtures/workbooks/quang-ngai-2023-as-exported.xlsx'), '--format', 'csv', '-q'], app);
    expect(book.split('\r\n')[6]).toBe('6,Bình Sơn,,63.26,19.58,82.84,100.00,82.84,true');
  });
});
