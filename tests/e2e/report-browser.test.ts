/**
 * The HTML report in a real headless Chromium (Debian's chromium, driven by playwright-core): it must
 * render without console errors or network requests, every chart must have drawn marks, and a
 * screenshot is saved in test-artifacts/. Skipped, with a message, only where Chromium is not installed
 * (.ci/run installs it).
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { cli } from './cli.js';
import { ROOT } from '../helpers.js';

const CHROMIUM = process.env.PAR_CHROMIUM ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available) console.warn(`report-browser: ${CHROMIUM} not found, browser tests skipped (install it with: apt-get install -y chromium)`);

const ARTIFACTS = join(ROOT, 'test-artifacts');

describe.skipIf(!available)('HTML report in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 60_000);
  afterAll(async () => browser?.close());

  async function open(args: string[], name: string, viewport = { width: 1100, height: 900 }) {
    const r = cli(args);
    expect(r.code).toBe(0);
    const file = join(ARTIFACTS, `${name}.html`);
    writeFileSync(file, r.stdout);
    const page = await browser.newPage({ viewport });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('request', (req) => !req.url().startsWith('file://') && requests.push(req.url()));
    await page.goto(`file://${file}`, { waitUntil: 'load' });
    return { page, problems, requests };
  }

  it('renders the year-over-year report with every chart drawn', async () => {
    const { page, problems, requests } = await open(
      ['report', 'fixtures/yoy/provinces-2024.csv', '--prev', 'fixtures/yoy/provinces-2023.csv', '--lang', 'vi'],
      'report-provinces-2024',
    );
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    const marks = await page.evaluate(() => ({
      bars: document.querySelectorAll('svg.bars rect.bar').length,
      thresholds: document.querySelectorAll('svg.bars line.threshold').length,
      cells: document.querySelectorAll('svg.heat rect.cell').length,
      slopes: document.querySelectorAll('svg.slope line.slope-line').length,
      rows: document.querySelectorAll('#ranking tbody tr').length,
      barWidths: [...document.querySelectorAll('svg.bars rect.bar')].map((r) => (r as SVGRectElement).getBBox().width),
    }));
    expect(marks.bars).toBe(17);
    expect(marks.thresholds).toBe(3);
    expect(marks.cells).toBe(17 * 4);
    expect(marks.slopes).toBe(16); // 17 units, one of them new
    expect(marks.rows).toBe(17);
    expect(marks.barWidths.every((w) => w > 0)).toBe(true);
    // Bars shrink with the index: the leader's is the longest.
    expect(Math.max(...marks.barWidths)).toBe(marks.barWidths[0]);
    await page.screenshot({ path: join(ARTIFACTS, 'report-provinces-2024.png'), fullPage: true });
    await page.close();
  }, 60_000);

  it('fits a phone screen (tables scroll inside their box) and prints on A4', async () => {
    const { page, problems } = await open(
      ['report', 'fixtures/example-province-units-2023.csv', '-s', 'fixtures/example-province.scheme.json'],
      'report-example',
      { width: 390, height: 844 },
    );
    expect(problems).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const marks = await page.evaluate(() => ({
      bars: document.querySelectorAll('svg.bars rect.bar').length,
      cells: document.querySelectorAll('svg.heat rect.cell').length,
      na: document.querySelectorAll('svg.heat rect.cell.na').length,
    }));
    expect(marks).toEqual({ bars: 9, cells: 9 * 9, na: 1 });
    await page.screenshot({ path: join(ARTIFACTS, 'report-example-phone.png') });
    await page.emulateMedia({ media: 'print' });
    // The page's own size: A4 landscape (842 x 595 points), page numbers in the margin.
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.9\d* 594\.9\d*\]/);
    writeFileSync(join(ARTIFACTS, 'report-example.pdf'), pdf);
    await page.close();
  }, 60_000);

  it('at 1200 px no table is cut: the ranking of 9 fields, blocks and bands fits its column', async () => {
    const { page, problems } = await open(
      ['report', 'fixtures/example-province-units-2023.csv', '-s', 'fixtures/example-province.scheme.json', '--lang', 'vi'],
      'report-example-1200',
      { width: 1200, height: 900 },
    );
    expect(problems).toEqual([]);
    const cut = await page.evaluate(() => [...document.querySelectorAll('table')].filter((t) => t.scrollWidth > t.parentElement!.clientWidth + 1).length);
    expect(cut).toBe(0);
    const histogram = await page.evaluate(() => document.querySelectorAll('svg.histogram rect.bin').length);
    expect(histogram).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, 'report-example-1200.png'), fullPage: true });
    await page.close();
  }, 60_000);
});
