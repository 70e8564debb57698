/**
 * Where one unit lost points and what it takes to climb. All arithmetic is exact: "points needed" is
 * the smallest amount, in steps of the scheme's precision (0.01), that gets the unit past a target.
 */
import { compareRatios, pow10, sub, sum, toRatio, type Decimal, type Ratio } from './decimal.js';
import { usageError } from './problem.js';
import { lookupUnit } from './match.js';
import { cleanName, foldDiacritics, strippedNameKey } from './text.js';
import type { Comparison } from './compare.js';
import type { ComponentResult, Ranking, UnitResult } from './ranking.js';
import type { Band, Component } from './scheme.js';
import { deepestNodes } from './tree.js';

export interface ComponentExplanation {
  readonly component: Component;
  readonly result: ComponentResult;
  /** max - points; undefined when not applicable. */
  readonly lost?: Decimal;
  /** Units of the block for which the component applies and that are ranked. */
  readonly of: number;
  /** Last year's component, when --prev matched the unit. */
  readonly previous?: ComponentResult;
}

export type TargetKind = 'next-rank' | 'top-3' | 'first' | 'band';

export interface Target {
  readonly kind: TargetKind;
  /** The unit to get past or level with (rank targets). */
  readonly unit?: UnitResult;
  readonly band?: Band;
  /** The index to beat (strict) or reach. */
  readonly index: Ratio;
  readonly strict: boolean;
  /** Smallest gain in points, in steps of the precision. */
  readonly points: Decimal;
  /** The index gain those points give (exact). */
  readonly indexGain: Ratio;
  /** Components whose lost points are at least `points`. */
  readonly headroom: readonly ComponentExplanation[];
  /** False when even all lost points together are not enough. */
  readonly reachable: boolean;
}

export interface Explanation {
  readonly ranking: Ranking;
  readonly unit: UnitResult;
  /** Applicable components first, most points lost first. */
  readonly components: readonly ComponentExplanation[];
  readonly leader?: UnitResult;
  readonly median?: Ratio;
  readonly targets: readonly Target[];
  readonly change?: Comparison['units'][number];
}

/** Smallest multiple of 10^-places that is > (strict) or >= `needed`; 0 when already there. */
function stepUp(needed: Ratio, places: number, strict: boolean): Decimal {
  const scaled = needed.num * pow10(places);
  let q = scaled / needed.den;
  if (scaled < 0n && scaled % needed.den !== 0n) q -= 1n; // floor for negatives
  const exact = q * needed.den === scaled;
  let steps = strict ? q + 1n : exact ? q : q + 1n;
  if (steps < 0n) steps = 0n;
  return { units: steps, scale: places };
}

function target(
  kind: TargetKind,
  u: UnitResult,
  index: Ratio,
  strict: boolean,
  places: number,
  components: readonly ComponentExplanation[],
  extra: { unit?: UnitResult; band?: Band },
): Target {
  // points needed: index x max / 100 - total
  const maxR = toRatio(u.max);
  const totalR = toRatio(u.total);
  const needed: Ratio = { num: index.num * maxR.num * totalR.den - totalR.num * index.den * maxR.den * 100n, den: index.den * maxR.den * totalR.den * 100n };
  const points = stepUp(needed, places, strict);
  const pr = toRatio(points);
  const indexGain: Ratio = { num: pr.num * 100n * maxR.den, den: pr.den * maxR.num };
  const totalLost = toRatio(sum(components.flatMap((c) => (c.lost ? [c.lost] : []))));
  return {
    kind,
    ...extra,
    index,
    strict,
    points,
    indexGain,
    headroom: components.filter((c) => c.lost && compareRatios(toRatio(c.lost), pr) >= 0),
    reachable: compareRatios(totalLost, pr) >= 0,
  };
}

export function explainUnit(ranking: Ranking, query: string, comparison?: Comparison): Explanation {
  const t = ranking.table;
  let found = lookupUnit(ranking, query);
  if (!found) {
    // Typed without diacritics ("binh son"): accept it when it names exactly one unit.
    const loosen = (name: string) => foldDiacritics(strippedNameKey(name)).replace(/~/g, '');
    const folded = loosen(query);
    const loose = Array.from(ranking.order).filter((i) => loosen(t.names[i]!) === folded);
    if (loose.length === 1) found = { found: loose[0]! };
    else if (loose.length > 1) found = { candidates: loose };
  }
  if (!found) {
    const q = foldDiacritics(cleanName(query));
    const similar = Array.from(ranking.order)
      .filter((i) => foldDiacritics(t.names[i]!).includes(q) || (t.codes[i] !== undefined && t.codes[i]!.toLowerCase() === q))
      .slice(0, 8);
    throw usageError(
      'unknown-unit',
      `no unit "${query}" in ${ranking.files.join(', ')}`,
      similar.length ? `did you mean: ${similar.map((i) => t.names[i]).join(', ')}?` : 'give the name as in the file, or its code',
    );
  }
  if ('candidates' in found) {
    throw usageError('ambiguous-unit', `"${query}" matches several units: ${found.candidates.map((i) => (t.codes[i] ? `${t.names[i]} (${t.codes[i]})` : t.names[i])).join(', ')}`, 'give the full name or the code');
  }
  const unit = ranking.unit(found.found);
  const places = ranking.scheme.precision;
  const block = ranking.blocks.find((b) => b.name === unit.block)!;
  const ranked = block.units.filter((u) => u.ranked);
  const change = comparison?.change(unit.at);
  const prevUnit = change?.previous ? comparison!.previous.units.find((p) => p.name === change.previous!.name && p.code === change.previous!.code) : undefined;

  // Down the tree: the fields and criteria the data gives, most points lost first.
  const nodes = deepestNodes(ranking.scheme, t.given);
  const components: ComponentExplanation[] = nodes
    .map((component) => {
      const result = unit.node(component.index);
      const of = ranked.filter((u) => u.node(component.index).applicable).length;
      const previous = prevUnit?.nodes.find((c) => c.id === component.id);
      return {
        component,
        result,
        ...(result.applicable ? { lost: sub(result.max!, result.points!) } : {}),
        of,
        ...(previous ? { previous } : {}),
      };
    })
    .sort((a, b) => {
      if (!a.lost || !b.lost) return a.lost ? -1 : b.lost ? 1 : 0;
      const d = compareRatios(toRatio(b.lost), toRatio(a.lost));
      return d || a.component.index - b.component.index;
    });

  const targets: Target[] = [];
  if (unit.rank !== undefined && unit.rank > 1) {
    const others = ranked.filter((u) => u !== unit);
    const ahead = others.filter((u) => compareRatios(u.rankValue, unit.rankValue) > 0);
    // The unit just ahead: the lowest value among those strictly ahead (several share a rank: take the last listed).
    const next = ahead[ahead.length - 1];
    if (next) targets.push(target('next-rank', unit, next.rankValue, true, places, components, { unit: next }));
    if (unit.rank > 3 && others.length >= 3) {
      const third = others[2]!;
      const strict = ranking.options.ties === 'ordinal';
      if (third !== next) targets.push(target('top-3', unit, third.rankValue, strict, places, components, { unit: third }));
    }
    const first = others[0]!;
    if (first !== next) targets.push(target('first', unit, first.rankValue, true, places, components, { unit: first }));
  }
  const bandsAbove = ranking.scheme.bands.filter((b) => compareRatios(toRatio(b.min), unit.rankValue) > 0);
  const nextBand = bandsAbove[bandsAbove.length - 1];
  if (nextBand) targets.push(target('band', unit, toRatio(nextBand.min), false, places, components, { band: nextBand }));

  return {
    ranking,
    unit,
    components,
    ...(ranked[0] ? { leader: ranked[0] } : {}),
    ...(block.stats ? { median: block.stats.median } : {}),
    targets,
    ...(change ? { change } : {}),
  };
}
