/**
 * Inline SVG charts for the HTML report: plain strings, no scripts, no fonts from the network, and
 * deterministic (coordinates rounded to 2 decimals) so the same input gives byte-identical output.
 */
import { formatRatio, toRatio, type Ratio } from '../../model/decimal.js';
import type { UnitChange } from '../../model/compare.js';
import type { Ranking, UnitResult } from '../../model/ranking.js';
import type { Band, Component } from '../../model/scheme.js';
import { words, type Lang } from '../words.js';

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const r2 = (x: number) => (Math.round(x * 100) / 100).toString();
const asNumber = (r: Ratio) => Number(r.num) / Number(r.den);

/** Band colours, best first; units in no band are grey. */
export const BAND_COLOURS = ['#1a7f37', '#2f81c7', '#c98a00', '#c2410c', '#a11d48'];
export const NO_BAND = '#8c959f';

export function bandColour(r: Ranking, band: Band | undefined): string {
  if (!band) return NO_BAND;
  return BAND_COLOURS[Math.min(r.scheme.bands.indexOf(band), BAND_COLOURS.length - 1)]!;
}

const ROW_H = 20;

/** Room for the longest label (12px sans-serif averages under 7px a character), within limits. */
function labelWidth(labels: readonly string[]): number {
  return Math.round(Math.min(340, Math.max(110, Math.max(0, ...labels.map((l) => l.length)) * 6.8 + 16)));
}

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((m, n) => n - m);
  return (x! + 0.05) / (y! + 0.05);
}

/**
 * The text colour for a cell of `fill`: black or white, whichever contrasts more. With pure black and
 * white the worse of the two is never below 4.58:1 (at a luminance of 0.18), so every shade meets
 * WCAG's 4.5:1; a softer ink would not.
 */
export function textOn(fill: string): string {
  let ink = INKS.get(fill);
  if (ink === undefined) INKS.set(fill, (ink = contrast(fill, '#000000') >= contrast(fill, '#ffffff') ? '#000000' : '#ffffff'));
  return ink;
}
/** The ink of each fill met (a heat map repeats its shades). */
const INKS = new Map<string, string>();

/** Horizontal bars of the index by unit (in rank order), from 0, with the band thresholds drawn and an axis title. */
export function barChart(r: Ranking, units: readonly UnitResult[], lang: Lang, title: string): string {
  const sep = words(lang).decimal;
  const p = r.scheme.precision;
  // Bars start at zero: a bar's length is the unit's index, never a difference made to look large.
  const low = 0;
  const high = 100;
  const LABEL_W = labelWidth(units.map((u) => (u.rank !== undefined ? `${u.rank}. ${u.name}` : u.name)));
  const plotW = 420;
  const width = LABEL_W + plotW + 70;
  const top = 40;
  const height = top + units.length * ROW_H + 46;
  const x = (v: number) => LABEL_W + ((v - low) / (high - low)) * plotW;
  const out: string[] = [
    `<svg class="chart bars" role="img" aria-label="${esc(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`,
  ];
  for (let t = low; t <= high; t += 10) {
    out.push(`<line class="grid" x1="${r2(x(t))}" y1="${top - 4}" x2="${r2(x(t))}" y2="${height - 42}"/>`);
    out.push(`<text class="tick" x="${r2(x(t))}" y="${height - 26}" text-anchor="middle">${t}</text>`);
  }
  out.push(`<text class="axis" x="${r2(x((low + high) / 2))}" y="${height - 6}" text-anchor="middle">${esc(words(lang).index)}</text>`);
  units.forEach((u, i) => {
    const y = top + i * ROW_H;
    const v = asNumber(u.index);
    out.push(
      `<text class="label" x="${LABEL_W - 8}" y="${y + 14}" text-anchor="end">${esc(u.rank !== undefined ? `${u.rank}. ${u.name}` : u.name)}</text>`,
      `<rect class="bar" x="${LABEL_W}" y="${y + 3}" width="${r2(Math.max(0.5, x(v) - LABEL_W))}" height="${ROW_H - 6}" fill="${bandColour(r, u.band)}"><title>${esc(`${u.name}: ${formatRatio(u.index, p, sep)}%`)}</title></rect>`,
      `<text class="value" x="${r2(x(v) + 4)}" y="${y + 14}">${formatRatio(u.index, p, sep)}</text>`,
    );
  });
  // Threshold labels alternate between two rows so close thresholds (80 %, 90 %) never collide.
  r.scheme.bands
    .filter((b) => asNumber(toRatio(b.min)) > low && asNumber(toRatio(b.min)) <= high)
    .forEach((b, k) => {
      const t = asNumber(toRatio(b.min));
      out.push(
        `<line class="threshold" x1="${r2(x(t))}" y1="${top - 6 - (k % 2) * 14}" x2="${r2(x(t))}" y2="${top + units.length * ROW_H}"/>`,
        `<text class="threshold-label" x="${r2(x(t))}" y="${top - 10 - (k % 2) * 14}" text-anchor="middle">${esc(b.label[lang])} ${t}%</text>`,
      );
    });
  out.push('</svg>');
  return out.join('\n');
}

/** Splits a label into lines of at most `width` characters (a longer word gets its own line). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    if (current && `${current} ${word}`.length > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines;
}

/** Sequential colour for a share (0-100 %): light for low, dark blue for high; legible on paper. */
export function heatColour(pct: number): string {
  const stops = [
    [0, [254, 240, 217]],
    [50, [253, 204, 138]],
    [70, [158, 202, 225]],
    [85, [66, 146, 198]],
    [100, [8, 69, 148]],
  ] as const;
  const v = Math.max(0, Math.min(100, pct));
  let i = 0;
  while (i < stops.length - 2 && v > stops[i + 1]![0]) i++;
  const [a, ca] = stops[i]!;
  const [b, cb] = stops[i + 1]!;
  const f = b === a ? 0 : (v - a) / (b - a);
  const c = ca.map((x, k) => Math.round(x + (cb[k]! - x) * f));
  return `#${c.map((x) => x.toString(16).padStart(2, '0')).join('')}`;
}

/** Units x nodes (the components, or a tree's fields), each cell the % of the node's maximum. */
export function heatMap(r: Ranking, units: readonly UnitResult[], components: readonly Component[], lang: Lang, title: string): string {
  const sep = words(lang).decimal;
  const LABEL_W = labelWidth(units.map((u) => u.name));
  const cellW = 84;
  const lines = components.map((c) => wrapWords(c.label[lang], 12).slice(0, 4));
  const headH = 14 * Math.max(1, ...lines.map((l) => l.length)) + 10;
  const width = LABEL_W + components.length * cellW + 10;
  const height = headH + units.length * ROW_H + 10;
  const out: string[] = [
    `<svg class="chart heat" role="img" aria-label="${esc(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`,
  ];
  components.forEach((c, j) => {
    const cx = LABEL_W + j * cellW + (cellW - 2) / 2;
    const ls = lines[j]!;
    const tspans = ls.map((l, k) => `<tspan x="${r2(cx)}" y="${headH - 8 - (ls.length - 1 - k) * 14}">${esc(l)}</tspan>`).join('');
    out.push(`<text class="col" text-anchor="middle"><title>${esc(c.label[lang])}</title>${tspans}</text>`);
  });
  units.forEach((u, i) => {
    const y = headH + i * ROW_H;
    out.push(`<text class="label" x="${LABEL_W - 8}" y="${y + 14}" text-anchor="end">${esc(u.name)}</text>`);
    components.forEach((c, j) => {
      const cr = u.node(c.index);
      const x = LABEL_W + j * cellW;
      if (!cr.applicable) {
        out.push(`<rect class="cell na" x="${x}" y="${y}" width="${cellW - 2}" height="${ROW_H - 2}"/><text class="cell-text" x="${x + (cellW - 2) / 2}" y="${y + 13}" text-anchor="middle">–</text>`);
        return;
      }
      if (!cr.index) return;
      const pct = asNumber(cr.index);
      const fill = heatColour(pct);
      out.push(
        `<rect class="cell" x="${x}" y="${y}" width="${cellW - 2}" height="${ROW_H - 2}" fill="${fill}"><title>${esc(`${u.name} · ${c.label[lang]}: ${formatRatio(cr.index!, 1, sep)}%`)}</title></rect>`,
        `<text class="cell-text" x="${x + (cellW - 2) / 2}" y="${y + 13}" text-anchor="middle" fill="${textOn(fill)}">${formatRatio(cr.index!, 1, sep)}</text>`,
      );
    });
  });
  out.push('</svg>');
  return out.join('\n');
}

/**
 * Previous rank on the left, current rank on the right, a line per unit. Units are placed by their
 * position in each year's order, so tied ranks do not overlap; labels carry the ranks.
 */
export function slopeChart(changes: readonly UnitChange[], dropped: readonly { name: string; rank?: number }[], labels: { left: string; right: string }, title: string): string {
  const current = changes.filter((c) => c.unit.rank !== undefined);
  const before = [
    ...current.filter((c) => c.previous?.rank !== undefined).map((c) => ({ rank: c.previous!.rank!, name: c.previous!.name, change: c as UnitChange | undefined })),
    ...dropped.filter((d) => d.rank !== undefined).map((d) => ({ rank: d.rank!, name: d.name, change: undefined as UnitChange | undefined })),
  ].sort((a, b) => a.rank - b.rank || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const rows = Math.max(1, current.length, before.length);
  const rowH = 16;
  const left = 210;
  const right = left + 230;
  const top = 34;
  const width = right + 210;
  const height = top + rows * rowH + 16;
  const y = (position: number) => top + position * rowH + rowH / 2;
  const rightPos = new Map(current.map((c, i) => [c, i]));
  const out: string[] = [
    `<svg class="chart slope" role="img" aria-label="${esc(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`,
    `<text class="head" x="${left}" y="18" text-anchor="middle">${esc(labels.left)}</text>`,
    `<text class="head" x="${right}" y="18" text-anchor="middle">${esc(labels.right)}</text>`,
  ];
  before.forEach((b, i) => {
    const c = b.change;
    if (!c) {
      out.push(
        `<circle class="dot dropped" cx="${left}" cy="${r2(y(i))}" r="3"/>`,
        `<text class="label dropped" x="${left - 8}" y="${r2(y(i) + 4)}" text-anchor="end">${esc(`${b.name} ${b.rank}`)}</text>`,
      );
      return;
    }
    const cls = c.rankChange === undefined ? 'same' : c.rankChange > 0 ? 'up' : c.rankChange < 0 ? 'down' : 'same';
    const to = rightPos.get(c)!;
    out.push(
      `<line class="slope-line ${cls}" x1="${left}" y1="${r2(y(i))}" x2="${right}" y2="${r2(y(to))}"><title>${esc(`${c.unit.name}: ${b.rank} → ${c.unit.rank}`)}</title></line>`,
      `<circle class="dot ${cls}" cx="${left}" cy="${r2(y(i))}" r="3"/>`,
      `<text class="label" x="${left - 8}" y="${r2(y(i) + 4)}" text-anchor="end">${esc(`${b.name} ${b.rank}`)}</text>`,
    );
  });
  current.forEach((c, i) => {
    out.push(
      `<circle class="dot ${c.previous?.rank === undefined ? 'new' : 'now'}" cx="${right}" cy="${r2(y(i))}" r="3"/>`,
      `<text class="label" x="${right + 8}" y="${r2(y(i) + 4)}">${esc(`${c.unit.rank} ${c.unit.name}`)}</text>`,
    );
  });
  out.push('</svg>');
  return out.join('\n');
}

/** The colour scale of the heat map: its stops, each with the text it would carry. */
export function heatLegend(title: string): string {
  const stops = [0, 25, 50, 60, 70, 80, 85, 90, 95, 100];
  const w = 44;
  const width = stops.length * w + 10;
  const out = [`<svg class="chart legend" role="img" aria-label="${esc(title)}" viewBox="0 0 ${width} 44" width="${width}" height="44">`, `<text class="tick" x="0" y="11">${esc(title)}</text>`];
  stops.forEach((s, i) => {
    const fill = heatColour(s);
    out.push(`<rect x="${i * w}" y="18" width="${w - 2}" height="20" fill="${fill}"/><text x="${i * w + (w - 2) / 2}" y="32" text-anchor="middle" font-size="11" fill="${textOn(fill)}">${s}%</text>`);
  });
  out.push('</svg>');
  return out.join('\n');
}

/** The bands' colours, as a legend under the bars: label and threshold, and units in no band. */
export function bandLegend(r: Ranking, lang: Lang): string {
  const w = words(lang);
  const items = r.scheme.bands.map((b) => `<span class="key"><span class="swatch" style="background:${bandColour(r, b)}"></span>${esc(`${b.label[lang]} (>= ${formatRatio(toRatio(b.min), 0, w.decimal)}%)`)}</span>`);
  items.push(`<span class="key"><span class="swatch" style="background:${NO_BAND}"></span>${esc(r.scheme.bands.length ? w.noBand : w.index)}</span>`);
  return `<p class="legend">${items.join(' ')}</p>`;
}

/**
 * How many units have an index in each 5-point step (…, 80-85, 85-90, …), as columns: the shape of a
 * year at any number of units. Axis titles on both axes; each column says its count.
 */
export function histogram(units: readonly UnitResult[], lang: Lang, title: string, countTitle: string): string {
  const w = words(lang);
  const values = units.map((u) => asNumber(u.index));
  if (values.length === 0) return '';
  const STEP = 5;
  const from = Math.max(0, Math.floor(Math.min(...values) / STEP) * STEP);
  const bins = Array.from({ length: Math.max(1, Math.ceil((100 - from) / STEP)) }, () => 0);
  for (const v of values) bins[Math.min(bins.length - 1, Math.floor((v - from) / STEP))]!++;
  const most = Math.max(...bins);
  const colW = 46;
  const left = 46;
  const plotH = 180;
  const top = 16;
  const width = left + bins.length * colW + 10;
  const height = top + plotH + 52;
  const y = (n: number) => top + plotH - (n / most) * plotH;
  const out = [`<svg class="chart histogram" role="img" aria-label="${esc(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`];
  const step = most <= 10 ? 1 : Math.ceil(most / 5);
  for (let n = 0; n <= most; n += step) {
    out.push(`<line class="grid" x1="${left}" y1="${r2(y(n))}" x2="${width - 10}" y2="${r2(y(n))}"/><text class="tick" x="${left - 6}" y="${r2(y(n) + 4)}" text-anchor="end">${n}</text>`);
  }
  bins.forEach((n, i) => {
    const x = left + i * colW;
    const lo = from + i * STEP;
    const label = `${lo}-${lo + STEP}`;
    if (n > 0) out.push(`<rect class="bin" x="${x + 3}" y="${r2(y(n))}" width="${colW - 6}" height="${r2(top + plotH - y(n))}"><title>${esc(`${label}%: ${n}`)}</title></rect><text class="value" x="${x + colW / 2}" y="${r2(y(n) - 4)}" text-anchor="middle">${n}</text>`);
    out.push(`<text class="tick" x="${x + colW / 2}" y="${top + plotH + 16}" text-anchor="middle">${label}</text>`);
  });
  out.push(
    `<text class="axis" x="${r2(left + (bins.length * colW) / 2)}" y="${height - 8}" text-anchor="middle">${esc(w.index)}</text>`,
    `<text class="axis" x="12" y="${r2(top + plotH / 2)}" text-anchor="middle" transform="rotate(-90 12 ${r2(top + plotH / 2)})">${esc(countTitle)}</text>`,
    '</svg>',
  );
  return out.join('\n');
}
