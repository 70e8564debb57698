/**
 * What the report says, independent of HTML or Markdown: headline figures, movers and component
 * leaders (section titles are in the dictionary, write/words.ts).
 */
import { compareRatios, format, formatRatio, type Ratio } from '../../model/decimal.js';
import type { Comparison, UnitChange } from '../../model/compare.js';
import { movement } from '../../model/movement.js';
import type { Ranking, UnitResult } from '../../model/ranking.js';
import type { Component, Scheme, SchemeNode } from '../../model/scheme.js';
import { words, type Lang, type Words } from '../words.js';
import { previousYearLabel, signed, title } from '../view.js';

export type ReportText = Words['report'];

export interface Figure {
  readonly label: string;
  readonly value: string;
  readonly note?: string;
}

export interface Leader {
  readonly component: Component;
  /** Ranked first for the component in its block (one per block, more on a tie). */
  readonly unit?: UnitResult;
  readonly points: string;
  readonly pct: string;
}

export interface ReportModel {
  readonly ranking: Ranking;
  readonly comparison?: Comparison;
  readonly lang: Lang;
  readonly text: ReportText;
  readonly title: string;
  readonly subtitle: string;
  readonly figures: readonly Figure[];
  readonly risers: readonly UnitChange[];
  readonly fallers: readonly UnitChange[];
  readonly leaders: readonly Leader[];
}

export const TOP_MOVERS = 5;

/** The nodes a report shows per unit: a flat scheme's components, a tree's fields (and the parts without fields). */
export function fieldNodes(scheme: Scheme): SchemeNode[] {
  return scheme.nodes.filter((n) => n.role === 'score' && (n.depth === 1 || (n.depth === 0 && n.children.length === 0)));
}

export function reportModel(r: Ranking, lang: Lang, comparison?: Comparison, custom?: string): ReportModel {
  const w = words(lang);
  const t = w.report;
  const sep = words(lang).decimal;
  const p = r.scheme.precision;
  const f = (x: Ratio) => formatRatio(x, p, sep);
  const figures: Figure[] = [];
  if (r.stats) {
    const named = (v: Ratio) =>
      r.units
        .filter((u) => compareRatios(u.index, v) === 0)
        .map((u) => u.name)
        .join(', ');
    figures.push(
      { label: t.units, value: String(r.units.length), ...(r.units.some((u) => !u.ranked) ? { note: `${r.units.filter((u) => u.ranked).length} ${w.ranked}` } : {}) },
      { label: t.mean, value: f(r.stats.mean) },
      { label: t.median, value: f(r.stats.median) },
      { label: t.best, value: f(r.stats.max), note: named(r.stats.max) },
      { label: t.worst, value: f(r.stats.min), note: named(r.stats.min) },
    );
  }
  for (const bc of r.bands) figures.push({ label: bc.band ? bc.band.label[lang] : w.noBand, value: String(bc.count) });
  if (comparison?.meanChange) {
    figures.push({ label: t.meanChange, value: signed(f(comparison.meanChange)), note: `${w.counts(comparison.counts)}` });
  }
  const m = comparison ? movement(comparison, TOP_MOVERS) : undefined;
  // The leader of every part and field (a tree's nodes down to its fields).
  const leaders: Leader[] = fieldNodes(r.scheme).flatMap((component) => {
    const i = component.index;
    const firsts = r.units.filter((u) => u.node(i).rank === 1);
    if (firsts.length === 0) return [{ component, points: '', pct: '' }];
    return firsts.map((unit) => ({
      component,
      unit,
      points: format(unit.node(i).points!, p, sep),
      pct: formatRatio(unit.node(i).index!, p, sep),
    }));
  });
  const years = comparison ? ` (${w.comparedWith} ${previousYearLabel(comparison, lang)})` : '';
  return {
    ranking: r,
    ...(comparison ? { comparison } : {}),
    lang,
    text: t,
    title: title(r, lang, custom),
    subtitle: `${w.scheme}: ${r.scheme.id}${years}`,
    figures,
    risers: m?.risers ?? [],
    fallers: m?.fallers ?? [],
    leaders,
  };
}
