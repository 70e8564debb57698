import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { explainUnit } from '../../src/model/explain.js';
import { format, formatRatio } from '../../src/model/decimal.js';
import { rankSources } from '../../src/read/load.js';
import { parseScheme } from '../../src/read/scheme-file.js';
import { findBuiltinScheme } from '../../src/read/builtin.js';
import { fixture, fixtureSource, textSource } from '../helpers.js';

const qn = rankSources([fixtureSource('quang-ngai-districts-2023.csv')]);
const example = parseScheme(JSON.parse(readFileSync(fixture('example-province.scheme.json'), 'utf8'))).scheme!;
const units = rankSources([fixtureSource('example-province-units-2023.csv')], { scheme: example });

const targets = (e: ReturnType<typeof explainUnit>) =>
  e.targets.map((t) => [t.kind, t.unit?.name ?? t.band?.id, format(t.points), formatRatio(t.indexGain, 4), t.headroom.map((c) => c.component.id)]);

describe('explain: points needed, checked by hand', () => {
  it('Bình Sơn (82.84, max 100): +0.27 to pass Đức Phổ (83.10), +1.58 for the top 3 (84.42), +4.72 to pass the leader (87.55)', () => {
    // 83.10 - 82.84 = 0.26; passing needs strictly more: 0.27. Top 3 means levelling Tư Nghĩa's 84.42: 1.58.
    const e = explainUnit(qn, 'Bình Sơn');
    expect(targets(e)).toEqual([
      ['next-rank', 'Thị xã Đức Phổ', '0.27', '0.2700', ['appraisal', 'survey']],
      ['top-3', 'Tư Nghĩa', '1.58', '1.5800', ['appraisal', 'survey']],
      ['first', 'TP. Quảng Ngãi', '4.72', '4.7200', ['appraisal', 'survey']],
    ]);
  });

  it('sorts components by points lost: appraisal 72 - 63.26 = 8.74 before survey 28 - 19.58 = 8.42', () => {
    const e = explainUnit(qn, 'Bình Sơn');
    expect(e.components.map((c) => [c.component.id, format(c.lost!), c.result.rank, c.of])).toEqual([
      ['appraisal', '8.74', 6, 13],
      ['survey', '8.42', 6, 13],
    ]);
    expect(formatRatio(e.median!, 2)).toBe('82.11');
    expect(e.leader!.name).toBe('TP. Quảng Ngãi');
  });

  it('a unit with a smaller maximum (94): passing Sở Tài chính 88.80 needs total > 83.472, so +4.38 points = +4.6596 index points', () => {
    const e = explainUnit(units, 'S04');
    expect(e.unit.name).toBe('Ban Quản lý các khu công nghiệp');
    expect(targets(e)).toEqual([
      ['next-rank', 'Sở Tài chính', '4.38', '4.6596', ['dtxhh']],
      ['first', 'Sở Tư pháp', '8.44', '8.9787', []],
      // Xuất sắc needs index >= 90: total >= 84.6, +5.50 points (reaching, not passing)
      ['band', 'xuat-sac', '5.50', '5.8511', []],
    ]);
    expect(e.targets.every((t) => t.reachable)).toBe(true);
    // the not-applicable component comes last and has no loss
    expect(e.components.at(-1)!.component.id).toBe('tai_chinh');
    expect(e.components.at(-1)!.lost).toBeUndefined();
  });

  it('reaching a band threshold exactly needs no extra step; passing a unit does', () => {
    const scheme = findBuiltinScheme('quang-ngai-district-2023')!;
    const r = rankSources([textSource('unit;appraisal;survey\nA;60;20\nB;59,99;20\n')], { scheme: { ...scheme, bands: [{ id: 'x', min: { units: 81n, scale: 0 }, label: { vi: 'X', en: 'X' } }] } });
    const e = explainUnit(r, 'B');
    expect(targets(e)).toEqual([
      ['next-rank', 'A', '0.02', '0.0200', ['appraisal', 'survey']],
      ['band', 'x', '1.01', '1.0100', ['appraisal', 'survey']],
    ]);
  });

  it('says when a target is out of reach', () => {
    const scheme = findBuiltinScheme('quang-ngai-district-2023')!;
    const r = rankSources([textSource('unit;appraisal;survey\nA;72;28\nB;71,5;27,9\n')], { scheme });
    const [t] = explainUnit(r, 'B').targets;
    expect(t).toMatchObject({ kind: 'next-rank', reachable: false });
    expect(format(t!.points)).toBe('0.61');
  });

  it('has nothing to climb for the leader of the top band', () => {
    const province = rankSources([fixtureSource('provinces-2022.csv')]);
    expect(explainUnit(province, 'Quảng Ninh').targets).toEqual([]);
  });

  it('finds units by code or forgiving name, and lists candidates or suggestions', () => {
    expect(explainUnit(qn, 'binh son').unit.name).toBe('Bình Sơn');
    expect(explainUnit(qn, 'Huyện Bình Sơn').unit.name).toBe('Bình Sơn');
    expect(explainUnit(qn, 'Đức Phổ').unit.name).toBe('Thị xã Đức Phổ');
    expect(() => explainUnit(qn, 'Sơn')).toThrow(/no unit "Sơn"/);
    try {
      explainUnit(qn, 'Sơn');
    } catch (e) {
      expect((e as { problems: { hint: string }[] }).problems[0]!.hint).toBe('did you mean: Sơn Tịnh, Bình Sơn, Lý Sơn, Sơn Hà, Sơn Tây?');
    }
  });
});
