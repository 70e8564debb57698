/** The `explain` view: one unit's components by points lost, its position, and what it takes to climb. */
import { renderBox } from './box.js';
import type { Paint } from './paint.js';
import { ceilRatio, format, formatRatio, normalize, sub, subRatios, sum, toJsonNumber, toRatio } from '../model/decimal.js';
import type { Explanation, Target } from '../model/explain.js';
import { problemJson, schemeJson, unitJson, SCHEMA_VERSION } from './json.js';
import type { Lang } from './words.js';
import { mdCell, mdTable } from './markdown.js';
import { signed, title } from './view.js';

interface T {
  component: string;
  points: string;
  max: string;
  pct: string;
  lost: string;
  rank: string;
  change: string;
  position: (e: Explanation, f: (x: Parameters<typeof formatRatio>[0]) => string) => string;
  versus: (what: string, value: string, diff: string) => string;
  median: string;
  leader: string;
  climb: string;
  target: (t: Target, f: (x: Parameters<typeof formatRatio>[0]) => string, d: (x: Parameters<typeof format>[0]) => string, max: string, gain: string) => string;
  room: string;
  noRoom: string;
  unreachable: (lost: string) => string;
  top: string;
  nothing: string;
  notApplicable: string;
}

const TEXT: Record<Lang, T> = {
  en: {
    component: 'Component',
    points: 'Points',
    max: 'Max',
    pct: '% of max',
    lost: 'Points lost',
    rank: 'Rank',
    change: 'Change',
    position: (e, f) =>
      `${e.unit.rank !== undefined ? `Rank ${e.unit.rank}/${e.unit.rankedCount}` : 'Not ranked'}${e.unit.block ? ` in ${e.unit.block}` : ''} · total ${format(e.unit.total, e.ranking.scheme.precision)} of ${format(normalize(e.unit.max))} · index ${f(e.unit.index)}%${e.unit.band ? ` · ${e.unit.band.label.en}` : ''}`,
    versus: (what, value, diff) => `vs ${what} ${value}: ${diff}`,
    median: 'the median',
    leader: 'the leader',
    climb: 'To climb',
    target: (t, f, d, max, gain) => {
      const what =
        t.kind === 'band'
          ? `to reach ${t.band!.label.en} (${format(normalize(t.band!.min))}%)`
          : t.kind === 'top-3'
            ? `to enter the top 3 (${t.unit!.name}, ${f(t.unit!.index)})`
            : t.kind === 'first'
              ? `to pass rank 1 (${t.unit!.name}, ${f(t.unit!.index)})`
              : `to pass rank ${t.unit!.rank} (${t.unit!.name}, ${f(t.unit!.index)})`;
      return `${what} you need +${gain} index points = +${d(t.points)} points at your maximum (${max})`;
    },
    room: 'room in',
    noRoom: 'no single component has that much room left',
    unreachable: (lost) => `out of reach: only ${lost} points are lost in all components together`,
    top: 'already first',
    nothing: 'nothing above: already first and in the top band',
    notApplicable: 'n/a',
  },
  vi: {
    component: 'Thành phần',
    points: 'Điểm',
    max: 'Tối đa',
    pct: '% tối đa',
    lost: 'Điểm bị trừ',
    rank: 'Xếp hạng',
    change: 'Thay đổi',
    position: (e, f) =>
      `${e.unit.rank !== undefined ? `Xếp thứ ${e.unit.rank}/${e.unit.rankedCount}` : 'Không xếp hạng'}${e.unit.block ? ` trong ${e.unit.block}` : ''} · tổng điểm ${format(e.unit.total, e.ranking.scheme.precision, ',')}/${format(normalize(e.unit.max), undefined, ',')} · chỉ số ${f(e.unit.index)}%${e.unit.band ? ` · ${e.unit.band.label.vi}` : ''}`,
    versus: (what, value, diff) => `so với ${what} ${value}: ${diff}`,
    median: 'trung vị',
    leader: 'đơn vị dẫn đầu',
    climb: 'Để tăng hạng',
    target: (t, f, d, max, gain) => {
      const what =
        t.kind === 'band'
          ? `để đạt ${t.band!.label.vi} (${format(normalize(t.band!.min), undefined, ',')}%)`
          : t.kind === 'top-3'
            ? `để vào nhóm 3 đơn vị đứng đầu (${t.unit!.name}, ${f(t.unit!.index)})`
            : t.kind === 'first'
              ? `để vượt hạng 1 (${t.unit!.name}, ${f(t.unit!.index)})`
              : `để vượt hạng ${t.unit!.rank} (${t.unit!.name}, ${f(t.unit!.index)})`;
      return `${what} cần thêm ${gain} điểm chỉ số = ${d(t.points)} điểm trên tổng điểm tối đa (${max})`;
    },
    room: 'còn dư địa ở',
    noRoom: 'không thành phần nào còn đủ dư địa',
    unreachable: (lost) => `không thể đạt: tổng điểm bị trừ của mọi thành phần chỉ là ${lost}`,
    top: 'đã đứng đầu',
    nothing: 'đã đứng đầu và ở mức xếp loại cao nhất',
    notApplicable: 'KAD',
  },
};

function lines(e: Explanation, lang: Lang): { head: string[]; numeric: boolean[]; rows: string[][]; notes: string[]; heading: string } {
  const t = TEXT[lang];
  const sep = lang === 'vi' ? ',' : '.';
  const p = e.ranking.scheme.precision;
  const f = (x: Parameters<typeof formatRatio>[0]) => formatRatio(x, p, sep);
  const d = (x: Parameters<typeof format>[0]) => format(x, p, sep);
  const withPrev = e.change !== undefined && e.change.previous !== undefined;
  const head = [t.component, t.points, t.max, t.pct, t.lost, t.rank, ...(withPrev ? [t.change] : [])];
  const numeric = [false, true, true, true, true, true, ...(withPrev ? [false] : [])];
  const rows = e.components.map((c) => {
    const r = c.result;
    if (!r.applicable) return [c.component.label[lang], t.notApplicable, '', '', '', '', ...(withPrev ? [''] : [])];
    let change = '';
    if (withPrev && c.previous?.applicable) {
      change = signed(d(sub(r.points!, c.previous.points!)));
      if (c.previous.rank !== undefined && r.rank !== undefined) {
        const m = c.previous.rank - r.rank;
        change += m > 0 ? ` ▲${m}` : m < 0 ? ` ▼${-m}` : ' =';
      }
    }
    return [
      c.component.label[lang],
      d(r.points!),
      format(normalize(r.max!), undefined, sep),
      f(r.index!),
      d(c.lost!),
      r.rank !== undefined ? `${r.rank}/${c.of}` : '-',
      ...(withPrev ? [change] : []),
    ];
  });
  const notes: string[] = [t.position(e, f)];
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
    return `- ${t.target(target, f, d, max, d(ceilRatio(target.indexGain, p)))}; ${room}`;
  });
  notes.push('', `${t.climb}:`, ...(climb.length ? climb : [`- ${t.nothing}`]));
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

export function explainJson(e: Explanation) {
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
    warnings: e.ranking.warnings.map(problemJson),
  };
}

