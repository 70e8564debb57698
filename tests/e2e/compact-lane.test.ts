/**
 * `rank --format json` on a large file goes through the compact lane, on one thread or two: the same
 * bytes as the general path, to stdout and to --out; a large file with a problem (in either half,
 * or across the halves) still gets the general path's located message. The files are generated like
 * bench/run.mjs's inputs (deterministic), about 400 KB, with Vietnamese names (kept as byte offsets,
 * not ASCII), with ASCII names (byte offsets, sorted by name keys), and with both mixed with names
 * that `cleanName` changes (decomposed, doubled spaces: kept as strings, which only main holds).
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cli } from './cli.js';
import { tempDir } from '../helpers.js';

const dir = tempDir('lane');
const scheme = join(dir, 'scheme.json');
const big = join(dir, 'xa-2024.csv');
const damaged = join(dir, 'xa-2024-damaged.csv');
const duplicated = join(dir, 'xa-2024-duplicated.csv');
const ascii = join(dir, 'units-2024.csv');
const mixed = join(dir, 'mixed-2024.csv');
const MAXIMA = [10, 10, 15, 10, 10, 10, 15, 20];

beforeAll(() => {
  writeFileSync(scheme, JSON.stringify({ id: 'lane-8', components: MAXIMA.map((max, i) => ({ id: `c${i + 1}`, max })), bands: [{ min: 80, label: { en: 'A', vi: 'A' } }] }));
  let seed = 12345;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const lines = ['\uFEFFMã;Tên đơn vị;c1;c2;c3;c4;c5;c6;c7;c8'];
  for (let i = 0; i < 6000; i++) {
    const cells = MAXIMA.map((m) => (Math.floor(rnd() * m * 50 + m * 50) / 100).toFixed(2).replace('.', ','));
    lines.push(`X${i};Xã Số ${i % 4000};${cells.join(';')}`);
  }
  writeFileSync(big, lines.join('\r\n') + '\r\n');
  writeFileSync(duplicated, [...lines, lines[10]!.replace(/^X10;Xã Số 10;/, 'x10;Xã khác;')].join('\r\n') + '\r\n');
  lines[3001] = lines[3001]!.replace(/;([^;]*)$/, ';25,00');
  writeFileSync(damaged, lines.join('\r\n') + '\r\n');
  const plain = ['code,unit,c1,c2,c3,c4,c5,c6,c7,c8'];
  for (let i = 0; i < 6000; i++) plain.push(`U${i},Unit ${i % 5000}${i >= 5000 ? ' B' : ''},${MAXIMA.map((m) => (Math.floor(rnd() * m * 50 + m * 50) / 100).toFixed(2)).join(',')}`);
  writeFileSync(ascii, plain.join('\n') + '\n');
  const names = (i: number) => [`Unit ${i % 2000}`, `Xã Số ${i % 2000}`, `Xã Số ${i % 2000}`.normalize('NFD'), `Unit  ${i % 2000}`][i % 4];
  const both = ['code,unit,c1,c2,c3,c4,c5,c6,c7,c8'];
  for (let i = 0; i < 6000; i++) both.push(`M${i},${names(i)},${MAXIMA.map((m) => (Math.floor(rnd() * m * 10 + m * 90) / 100).toFixed(2)).join(',')}`);
  writeFileSync(mixed, both.join('\n') + '\n');
});

describe.each(['1', '2'])('rank --format json on a large file (compact lane, %s thread(s))', (threads) => {
  const env = { PAR_SCORE_THREADS: threads, PAR_SCORE_DEBUG: '1' };

  it.each([
    ['Vietnamese', big],
    ['ASCII', ascii],
    ['mixed', mixed],
  ])('writes exactly what the general path writes, to stdout and to --out (%s names)', (_, file) => {
    const args = ['rank', file, '--scheme', scheme, '--format', 'json'];
    const lane = cli(args, { env });
    const general = cli(args, { env: { PAR_SCORE_LANE: 'general' } });
    expect(lane.code).toBe(0);
    expect(lane.stderr).toBe(''); // no "general path: <reason>" line: the lane took the file
    expect(general.code).toBe(0);
    expect(lane.stdout).toBe(general.stdout);
    const doc = JSON.parse(lane.stdout);
    expect(doc.units).toHaveLength(6000);
    expect(doc.units[0].unit).toMatch(file === big ? /^Xã Số \d+$/ : file === ascii ? /^Unit \d+( B)?$/ : /^(Unit|Xã Số) \d+$/);
    const out = join(dir, `ket-qua-${threads}-${doc.units.length}-${file === big ? 'vi' : file === ascii ? 'ascii' : 'mixed'}.json`);
    expect(cli([...args, '--out', out], { env }).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(general.stdout);
  });

  it('leaves a damaged file to the general path, which names file, line and column', () => {
    const r = cli(['rank', damaged, '--scheme', scheme, '--format', 'json'], { env });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('general path: line content the general reader must judge');
    expect(r.stderr).toContain(`${damaged}:3002:10`);
    expect(r.stderr).toMatch(/25,00 is above the maximum 20/);
  });

  it('leaves a file whose halves share a unit to the general path, which reports it', () => {
    const r = cli(['rank', duplicated, '--scheme', scheme, '--format', 'json'], { env });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('general path: a duplicate unit');
    expect(r.stderr).toContain(`${duplicated}:6002`);
  });
});

describe('rank --format json with a second thread', () => {
  it('waits for a second thread that starts late, and writes everything', () => {
    // A worker that takes half a second to start: main, done with its own blocks, must keep the
    // process alive until the worker's reply (a bug once ended it silently, with no output and exit 0).
    const late = join(dir, 'late-worker.cjs');
    const worker = fileURLToPath(new URL('../../dist/lane-worker.cjs', import.meta.url));
    writeFileSync(late, `setTimeout(() => require(${JSON.stringify(worker)}), 500);`);
    const args = ['rank', ascii, '--scheme', scheme, '--format', 'json'];
    const r = cli(args, { env: { PAR_SCORE_THREADS: '2', PAR_SCORE_DEBUG: '1', PAR_SCORE_LANE_WORKER: late } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(cli(args, { env: { PAR_SCORE_LANE: 'general' } }).stdout);
  });
});
