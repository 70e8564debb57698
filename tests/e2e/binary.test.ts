/**
 * The built binary, spawned as a user runs it: what only a real process shows (the shim and its
 * code cache, exit codes, standard streams, pipes, files). Everything else is tested in-process
 * (tests/cli), through the same `run`.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { ANSI, BIN, cli } from './cli.js';
import { fixture, tempDir } from '../helpers.js';

const QN = 'fixtures/quang-ngai-districts-2023.csv';
let dir: string;
beforeAll(() => {
  dir = tempDir('binary');
});

describe('the par-score binary', () => {
  it('ranks a file: the table on stdout, nothing on stderr, exit 0', () => {
    const r = cli(['rank', QN]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(ANSI);
    expect(r.stdout).toMatch(/│\s+6 │ Bình Sơn\s+│\s+63\.26 │\s+19\.58 │ 82\.84 │\s+82\.84 │/);
  });

  it('colours when FORCE_COLOR says so, and never in a pipe otherwise', () => {
    expect(cli(['rank', QN], { env: { FORCE_COLOR: '1' } }).stdout).toMatch(ANSI);
    expect(cli(['rank', QN]).stdout).not.toMatch(ANSI);
  });

  it('reads standard input and writes JSON a script can parse', () => {
    const r = cli(['rank', '-', '--format', 'json'], { input: readFileSync(fixture('provinces-2022.csv')) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).units[0]).toMatchObject({ unit: 'Quảng Ninh', rank: 1, total: 90.1 });
  });

  it('prints help with exit 0, usage with exit 2, and its version', () => {
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('rank [options] <files...>');
    const none = cli([]);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    const version = cli(['--version']);
    expect(version.stdout).toBe(`${JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')).version}\n`);
  });

  it('exits 1 on bad data with one located message on stderr and nothing on stdout', () => {
    const p = join(dir, 'bad.csv');
    writeFileSync(p, 'Đơn vị;Điểm thẩm định (72);Điều tra XHH (28)\nA;99;10\n');
    const r = cli(['rank', p]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`par-score: ${p}:2:2: "Điểm thẩm định (72)": 99 is above the maximum 72 for A\n`);
  });

  it('writes --out atomically, leaving no temporary file', () => {
    const out = join(dir, 'ranking.json');
    const r = cli(['rank', QN, '--format', 'json', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).units).toHaveLength(13);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('is quiet when the reader of a pipe goes away (| head -1)', () => {
    const rows = ['unit,appraisal,survey', ...Array.from({ length: 60000 }, (_, i) => `Xã ${i},${(i % 7000) / 100},${(i % 2800) / 100}`)];
    const big = join(dir, 'big.csv');
    writeFileSync(big, rows.join('\n') + '\n');
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" rank "${big}" -s quang-ngai-district-2023 --format csv | head -1`], {
      encoding: 'utf8',
    });
    expect(r.stdout).toBe('rank,unit,code,appraisal,survey,total,max,index,ranked\r\n');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('keeps the verdict when the reader of a pipe goes away: a gate in a pipe still fails', () => {
    const bad = join(dir, 'invalid.csv');
    writeFileSync(bad, 'Đơn vị;Điểm thẩm định (72);Điều tra XHH (28)\nA;99;10\n');
    const y = (n: number) => fixture(`yoy/provinces-${n}.csv`);
    for (const command of [
      `"${process.execPath}" "${BIN}" validate "${bad}" --format json | head -1`,
      `"${process.execPath}" "${BIN}" compare "${y(2023)}" "${y(2024)}" --fail-on-rank-drop 0 | head -1`,
      `"${process.execPath}" "${BIN}" rank "${y(2024)}" --prev "${y(2023)}" --fail-on-rank-drop 0 | head -1`,
    ]) {
      const r = spawnSync('bash', ['-c', `set -o pipefail; ${command}`], { encoding: 'utf8' });
      expect(r.status).toBe(1);
    }
  });

  it('says plainly when standard output is a full device, and exits 1', () => {
    if (!existsSync('/dev/full')) return;
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" rank "${fixture('quang-ngai-districts-2023.csv')}" > /dev/full`], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('par-score: cannot write the output: no space left on device\n');
  });

  it('leaves no temporary file when interrupted while writing --out', async () => {
    const rows = ['unit,appraisal,survey', ...Array.from({ length: 200000 }, (_, i) => `Xã ${i},${(i % 7000) / 100},${(i % 2800) / 100}`)];
    const big = join(dir, 'interrupted.csv');
    writeFileSync(big, rows.join('\n') + '\n');
    const outDir = join(dir, 'interrupted');
    mkdirSync(outDir);
    const child = spawn(process.execPath, [BIN, 'rank', big, '-s', 'quang-ngai-district-2023', '--format', 'json', '--out', join(outDir, 'out.json')], { stdio: 'ignore' });
    // Wait for the temporary file to appear, then interrupt.
    const started = Date.now();
    while (!readdirSync(outDir).some((f) => f.endsWith('.tmp')) && Date.now() - started < 20000) await new Promise((r) => setTimeout(r, 2));
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((r) => child.on('close', (c) => r(c)));
    expect(code).not.toBe(0);
    expect(readdirSync(outDir)).toEqual([]);
  });
});
