/** The `explain` view: one unit's components by points lost, its position, and what it takes to climb. */
import { renderBox } from './box.js';
import type { Paint } from './paint.js';
import { ceilRatio, format, formatRatio, normalize, sub, subRatios, sum, toJsonNumber, toRatio } from '../model/decimal.js';
import type { Explanation } from '../model/explain.js';
import { problemJson, schemeJson, unitJson, SCHEMA_VERSION } from './json.js';
import { words, type Lang } from './words.js';
import { mdCell, mdTable } from './markdown.js';
import { signed, title } from './view.js';

function lines(e: Explanation, lang: Lang): { head: string[]; numeric: boolean[]; rows: string[][]; notes: string[]; heading: string } {
  const w = words(lang);
  const t = w.explain;
  const sep = w.decimal;
  const p = e.ranking.scheme.precision;
  const f = (x: Parameters<typeof formatRatio>[0]) => formatRatio(x, p, sep);
  const d = (x: Parameters<typeof format>[0]) => format(x, p, sep);
  const withPrev = e.change !== undefined && e.change.previous !== undefined;
  const head = [t.component, t.points, t.max, t.pct, t.lost, t.rank, ...(withPrev ? [t.change] : [])];
  const numeric = [false, true, true, true, true, true, ...(withPrev ? [false] : [])];
  const rows = e.components.map((c) => {
    const r = c.result;
    // A field below its part: "Appraisal score › Institutional reform".
    const n = c.component;
    const label = n.parent >= 0 ? `${e.ranking.scheme.nodes[n.parent]!.label[lang]} › ${n.label[lang]}` : n.label[lang];
    if (!r.applicable) return [label, w.notApplicable, '', '', '', '', ...(withPrev ? [''] : [])];
    let change = '';
    if (withPrev && c.previous?.applicable) {
      change = signed(d(sub(r.points!, c.previous.points!)));
      if (c.previous.rank !== undefined && r.rank !== undefined) {
        const m = c.previous.rank - r.rank;
        change += m > 0 ? ` ▲${m}` : m < 0 ? ` ▼${-m}` : ' =';
      }
    }
    return [
      label,
      d(r.points!),
      format(normalize(r.max!), undefined, sep),
      f(r.index!),
      d(c.lost!),
      r.rank !== undefined ? `${r.rank}/${c.of}` : '-',
      ...(withPrev ? [change] : []),
    ];
  });
  const u = e.unit;
  const notes: string[] = [
    t.position({
      ...(u.rank !== undefined ? { rank: u.rank } : {}),
      of: u.rankedCount,
      ...(u.block ? { block: u.block } : {}),
      total: d(u.total),
      max: format(normalize(u.max), undefined, sep),
      index: f(u.index),
      ...(u.band ? { band: u.band.label[lang] } : {}),
    }),
  ];
  const versus: string[] = [];
  if (e.median) versus.push(t.versus(t.median, f(e.median), signed(f(subRatios(e.unit.index, e.median)))));
  if (e.leader && e.leader !== e.unit) versus.push(t.versus(`${t.leader} ${e.leader.name}`, f(e.leader.index), signed(f(subRatios(e.unit.index, e.leader.index)))));
  if (versus.length) notes.push(versus.join(' · '));
  const max = format(normalize(e.unit.max), undefined, sep);
  const climb = e.targets.map((target) => {
    const room = !target.reachable
      ? t.unreachable(d(sum(e.components.flatMap((c) => (c.lost ? [c.lost] : [])))))
      : target.headroom.length
        ? `${t.room}: ${target.headroom.map((c) => `${c.component.label[lang]} (${d(c.lost!)})`).join(', ')}`
        : t.noRoom;
    const what = target.band
      ? { band: target.band.label[lang], bandMin: format(normalize(target.band.min), undefined, sep) }
      : { unit: target.unit!.name, unitIndex: f(target.unit!.index), ...(target.unit!.rank !== undefined ? { rank: target.unit!.rank } : {}) };
    return `- ${t.target({ kind: target.kind, ...what, gain: d(ceilRatio(target.indexGain, p)), points: d(target.points), max })}; ${room}`;
  });
  notes.push('', `${t.climb}:`, ...(climb.length ? climb : [`- ${t.nothing(e.ranking.scheme.bands.length > 0)}`]));
  return { head, numeric, rows, notes, heading: `${e.unit.name} - ${title(e.ranking, lang)}` };
}

export function renderExplainTable(e: Explanation, o: { lang: Lang; colour: Paint }): string {
  const k = o.colour;
  const l = lines(e, o.lang);
  const table = renderBox({ head: l.head, numeric: l.numeric, colour: k }, l.rows);
  return [k.bold(l.heading), l.notes[0]!, l.notes[1] ?? '', '', table, ...l.notes.slice(2)].join('\n').replace(/\n\n\n/g, '\n\n') + '\n';
}

export function renderExplainMarkdown(e: Explanation, o: { lang: Lang }): string {
  const l = lines(e, o.lang);
  const [position, versus, ...rest] = l.notes;
  return [`## ${mdCell(l.heading)}`, '', mdCell(position!), ...(versus ? ['', mdCell(versus)] : []), '', mdTable(l.head, l.rows, l.numeric), ...rest.map((x) => (x.startsWith('- ') ? `- ${mdCell(x.slice(2))}` : x ? `**${mdCell(x)}**` : ''))].join('\n') + '\n';
}

export function explainJson(e: Explanation, lang: Lang = 'en') {
  const p = e.ranking.scheme.precision;
  const n = (x: Parameters<typeof toJsonNumber>[0] | undefined) => (x === undefined ? null : toJsonNumber(x, p));
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'explanation',
    scheme: schemeJson(e.ranking),
    year: e.ranking.year ?? null,
    unit: unitJson(e.ranking, e.unit, e.change, e.change !== undefined),
    position: {
      rank: e.unit.rank ?? null,
      of: e.unit.rankedCount,
      block: e.unit.block ?? null,
      index: n(e.unit.index),
      median: n(e.median),
      leader: e.leader ? { unit: e.leader.name, code: e.leader.code ?? null, index: n(e.leader.index) } : null,
      vsMedian: e.median ? n(subRatios(e.unit.index, e.median)) : null,
      vsLeader: e.leader ? n(subRatios(e.unit.index, e.leader.index)) : null,
    },
    components: e.components.map((c) => ({
      id: c.component.id,
      label: c.component.label,
      applicable: c.result.applicable,
      points: n(c.result.points),
      max: n(c.result.max),
      index: n(c.result.index),
      lost: n(c.lost),
      rank: c.result.rank ?? null,
      of: c.of,
      previous: c.previous ? { applicable: c.previous.applicable, points: n(c.previous.points), rank: c.previous.rank ?? null } : null,
      change:
        c.previous?.applicable && c.result.applicable
          ? {
              points: n(sub(c.result.points!, c.previous.points!)),
              rank: c.previous.rank !== undefined && c.result.rank !== undefined ? c.previous.rank - c.result.rank : null,
            }
          : null,
    })),
    targets: e.targets.map((t) => ({
      kind: t.kind,
      unit: t.unit ? { unit: t.unit.name, code: t.unit.code ?? null, rank: t.unit.rank ?? null, index: n(t.unit.index) } : null,
      band: t.band ? { id: t.band.id, label: t.band.label, min: toJsonNumber(toRatio(t.band.min), 6) } : null,
      index: n(t.index),
      strict: t.strict,
      points: toJsonNumber(t.points, p),
      indexGain: toJsonNumber(ceilRatio(t.indexGain, p), p),
      headroom: t.headroom.map((c) => c.component.id),
      reachable: t.reachable,
    })),
    warnings: e.ranking.warnings.map((p) => problemJson(p, lang)),
  };
}

