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

describe('the report, as a reader sees it', () => {
  const text = (html: string) =>
    html
      .replace(/<style>[\s\S]*?<\/style>/, '')
      .replace(/<title>[^<]*<\/title>/g, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&[a-z]+;|&#\d+;/g, ' ');

  it('bars start at zero, with an axis title; a histogram of the index; legends of the bands and the heat map', async () => {
    const html = (await cli([...ARGS, '-q'])).stdout;
    const bars = html.slice(html.indexOf('<svg class="chart bars"'), html.indexOf('</svg>', html.indexOf('<svg class="chart bars"')));
    const ticks = [...bars.matchAll(/<text class="tick"[^>]*>(\d+)<\/text>/g)].map((m) => Number(m[1]));
    expect(ticks[0]).toBe(0);
    expect(ticks.at(-1)).toBe(100);
    expect(bars).toContain('<text class="axis"');
    expect(html).toContain('<svg class="chart histogram"');
    expect(html).toMatch(/<span class="key"><span class="swatch" style="background:#1a7f37"><\/span>Group A \(&gt;= 90%\)<\/span>/);
    expect(html).toContain('<svg class="chart legend"');
    expect(html).toMatch(/@page \{ size: A4 landscape;[^}]*@bottom-right \{ content: counter\(page\) " \/ " counter\(pages\)/);
  });

  it('heat-map text meets WCAG 4.5:1 on every shade', async () => {
    const { contrast, heatColour, textOn } = await import('../../src/write/report/charts.js');
    for (let pct = 0; pct <= 100; pct++) expect(contrast(heatColour(pct), textOn(heatColour(pct))), `at ${pct}%`).toBeGreaterThanOrEqual(4.5);
    const html = (await cli([...ARGS, '-q'])).stdout;
    const cells = [...html.matchAll(/fill="(#[0-9a-f]{6})"><title>[^<]*<\/title><\/rect>\n<text class="cell-text"[^>]*fill="(#[0-9a-f]{6})"/g)];
    expect(cells.length).toBeGreaterThan(50);
    for (const [, bg, fg] of cells) expect(contrast(bg!, fg!)).toBeGreaterThanOrEqual(4.5);
  });

  it('the Vietnamese page has no English', async () => {
    const page = text((await cli([...ARGS, '--lang', 'vi', '-q'])).stdout);
    const english = page.match(/(?<!\p{L})(the|of|and|with|rank|ranking|index|units?|change|mean|median|best|worst|generated|scheme|source|band|none|points|new|same|up|down|previous|year|leaders?|component|distribution|maximum|not|applicable|block)(?!\p{L})/giu);
    expect(english).toBeNull();
  });

  it('3,300 units: per-unit charts draw the first and last 25, the histogram the whole year; one section per block', async () => {
    const dir = tempDir('report-big');
    let csv = 'Đơn vị,Khối,Điểm thẩm định (72),Điều tra XHH (28)\n';
    let x = 7;
    const next = () => ((x = (x * 1103515245 + 12345) % 2147483648), x / 2147483648);
    for (let i = 1; i <= 3300; i++) csv += `Xã ${i},${i % 3 === 0 ? 'Phường' : 'Xã'},${(50 + next() * 22).toFixed(2)},${(14 + next() * 14).toFixed(2)}\n`;
    const file = join(dir, 'xa-2024.csv');
    writeFileSync(file, csv);
    const html = (await cli(['report', file, '--scheme', 'quang-ngai-district-2023', '-q'])).stdout;
    const heights = [...html.matchAll(/<svg class="chart (\w+)"[^>]* height="(\d+)"/g)].map((m) => [m[1], Number(m[2])] as const);
    expect(Math.max(...heights.map(([, h]) => h))).toBeLessThan(1200);
    expect(html.match(/<rect class="bar"/g)).toHaveLength(2 * 50);
    expect(html).toContain('The first and last 25 units are drawn; 2150 units between them are in the ranking table and the distribution.');
    const bins = [...html.matchAll(/<rect class="bin"[^>]*><title>[^:]*: (\d+)<\/title>/g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(bins).toBe(3300);
    expect(html).toContain('<h3>By block</h3>');
    expect(html.match(/<h3>Phường<\/h3>/g)!.length).toBeGreaterThanOrEqual(4);
  });
});
