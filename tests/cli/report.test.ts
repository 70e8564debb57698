import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from './run.js';
import { ROOT, tempDir } from '../helpers.js';

const ARGS = ['report', 'fixtures/yoy/provinces-2024.csv', '--prev', 'fixtures/yoy/provinces-2023.csv'];

describe('par-score report', () => {
  it('writes the Markdown report exactly as reviewed (tests/expected/report-provinces-2024.vi.md)', async () => {
    const r = (await cli([...ARGS, '--format', 'md', '--lang', 'vi']));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(ROOT, 'tests/expected/report-provinces-2024.vi.md'), 'utf8'));
  });

  it('gives byte-identical HTML for the same input, whatever the row order', async () => {
    const a = (await cli(ARGS)).stdout;
    expect((await cli(ARGS)).stdout).toBe(a);
    const lines = readFileSync(join(ROOT, 'fixtures/yoy/provinces-2024.csv'), 'utf8').trimEnd().split('\n');
    const dir = tempDir('report');
    const shuffled = join(dir, 'provinces-2024.csv');
    writeFileSync(shuffled, [lines[0], ...lines.slice(1).reverse()].join('\n') + '\n');
    const b = (await cli(['report', shuffled, '--prev', 'fixtures/yoy/provinces-2023.csv'])).stdout;
    expect(b.replaceAll(shuffled, 'fixtures/yoy/provinces-2024.csv')).toBe(a);
  });

  it('is one self-contained file: no scripts, no external resources', async () => {
    const html = (await cli(ARGS)).stdout;
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(|https?:\/\//i);
    for (const id of ['headline', 'ranking', 'movers', 'leaders', 'heatmap', 'bars', 'slope']) expect(html).toContain(`<section id="${id}">`);
    expect(html).toContain('@media print');
    expect(html).toContain('<meta name="viewport"');
  });

  it('leaves out the movers and the slope chart without --prev, and titles everything in Vietnamese with --lang vi', async () => {
    const html = (await cli(['report', 'fixtures/example-province-units-2023.csv', '-s', 'fixtures/example-province.scheme.json', '--lang', 'vi'])).stdout;
    expect(html).not.toContain('<section id="movers">');
    expect(html).not.toContain('<section id="slope">');
    for (const t of ['Số liệu chính', 'Bảng xếp hạng', 'Dẫn đầu từng thành phần', 'Thành phần: % điểm tối đa', 'Chỉ số theo đơn vị']) expect(html).toContain(t);
  });

  it('writes --out atomically and refuses to overwrite an input', async () => {
    const dir = tempDir('report-out');
    const out = join(dir, 'bao-cao.html');
    expect((await cli([...ARGS, '--out', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('</html>');
    const r = (await cli([...ARGS, '--out', 'fixtures/yoy/provinces-2023.csv', '--force']));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('it is an input file');
  });
});
