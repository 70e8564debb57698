import { describe, expect, it } from 'vitest';
import { parseScheme } from '../../src/read/scheme-file.js';
import { builtinSchemes, findBuiltinScheme } from '../../src/read/builtin.js';
import { selectScheme } from '../../src/read/select.js';
import { locateHeader } from '../../src/read/header.js';
import { RecordScanner } from '../../src/read/csv.js';
import { format, sum } from '../../src/model/decimal.js';
import { ParScoreError } from '../../src/model/problem.js';

const messages = (json: unknown) => parseScheme(json, 's.json').problems.map((p) => p.message);

describe('scheme files', () => {
  it('accept the minimal shape: id and components with id and max', () => {
    const { scheme } = parseScheme({ id: 'x', components: [{ id: 'a', max: 60 }, { id: 'b', max: 40 }] });
    expect(scheme?.precision).toBe(2);
    expect(scheme?.components.map((c) => c.label.en)).toEqual(['a', 'b']);
  });

  it('name the bad field', () => {
    expect(messages({ id: 'x', components: [{ id: 'a', max: 0 }] })).toEqual(['components[0].max: max must be greater than 0']);
    expect(messages({ id: 'x', components: [{ id: 'a', max: '10' }] })).toEqual(['components[0].max: max must be a number']);
    expect(messages({ components: [{ id: 'a', max: 1 }] })).toEqual(['id: id is required and must be a string']);
    expect(messages({ id: 'x', components: [] })).toEqual(['components: a scheme needs at least one component']);
  });

  it('reject unknown fields, so a typo never passes', () => {
    expect(messages({ id: 'x', components: [{ id: 'a', maxx: 10, max: 1 }] })).toEqual(['components[0]: unknown field "maxx"']);
    expect(messages({ id: 'x', component: [] })[0]).toMatch(/unknown field "component"|components/);
  });

  it('reject duplicate ids and aliases that would match two components', () => {
    expect(messages({ id: 'x', components: [{ id: 'a', max: 1 }, { id: 'a', max: 2 }] })).toContain('components[1].id: duplicate component id "a"');
    const m = messages({ id: 'x', components: [{ id: 'a', max: 1, aliases: ['Thẩm định'] }, { id: 'b', max: 2, aliases: ['THAM DINH'] }] });
    expect(m.join()).toContain('would match both "a" and "b"');
  });
});

describe('built-in schemes', () => {
  it('are valid scheme files (they are not validated at run time)', async () => {
    const { BUILTIN_FILES } = await import('../../src/read/builtin.js');
    for (const file of BUILTIN_FILES) expect(parseScheme(file, 'built-in').problems).toEqual([]);
  });

  it('match the published maxima', () => {
    const total = (id: string) => format(sum(findBuiltinScheme(id)!.components.map((c) => c.max)));
    expect(total('vn-province-2022')).toBe('100.0');
    expect(findBuiltinScheme('vn-province-2022')!.components.map((c) => format(c.max))).toEqual(['61.5', '38.5']);
    expect(findBuiltinScheme('vn-province-2022')!.nodes.map((c) => `${c.path.join('/')} ${format(c.max)}`)).toEqual(['appraisal 61.5', 'impact 38.5', 'impact/sipas 10', 'impact/leaders_survey 22', 'impact/socio_economic 6.5']);
    expect(total('vn-ministry-2022')).toBe('100.0');
    expect(total('quang-ngai-district-2023')).toBe('100');
    expect(findBuiltinScheme('vn-province-2022')!.bands.map((b) => [b.id, format(b.min)])).toEqual([['A', '90'], ['B', '80'], ['C', '70']]);
  });

  it('cite a source', () => {
    for (const s of builtinSchemes()) for (const text of [s.source?.en, s.source?.vi]) expect(text).toMatch(/\d{2}\/\d{2}\/\d{4}/);
  });
});

describe('choosing a scheme from the header', () => {
  const columns = (header: string) => locateHeader(new RecordScanner(`${header}\nX;1;1;1;1\n`, 'f')).columns;
  const pick = (header: string) => selectScheme(builtinSchemes(), columns(header)).id;
  const fails = (header: string) => {
    try {
      pick(header);
      return undefined;
    } catch (e) {
      return e as ParScoreError;
    }
  };

  it('picks the only scheme whose components are all there', () => {
    expect(pick('Tỉnh;Điểm thẩm định;SIPAS;Điều tra xã hội học;Phát triển kinh tế - xã hội')).toBe('vn-province-2022');
  });

  it('uses the maxima written in header notes to tell schemes apart', () => {
    expect(pick('Đơn vị;Điểm thẩm định (72);Điều tra XHH (28)')).toBe('quang-ngai-district-2023');
    expect(pick('Đơn vị;Điểm thẩm định (68,5);Điều tra XHH (31,5)')).toBe('vn-ministry-2022');
  });

  it('stops with exit 2 and the candidates when several fit', () => {
    const e = fails('Đơn vị;Điểm thẩm định;Điều tra XHH')!;
    expect(e.exitCode).toBe(2);
    expect(e.problems[0]!.code).toBe('scheme-ambiguous');
    expect(e.problems[0]!.message).toContain('vn-ministry-2022');
    expect(e.problems[0]!.message).toContain('quang-ngai-district-2023');
  });

  it('stops with exit 2 when none fits', () => {
    const e = fails('Đơn vị;Foo;Bar')!;
    expect(e.exitCode).toBe(2);
    expect(e.problems[0]!.code).toBe('scheme-not-found');
  });
});

describe('scheme trees', () => {
  const tree = {
    id: 'tree',
    components: [
      { id: 'appraisal', children: [{ id: 'institutions', max: 4.5 }, { id: 'direction', max: 10.5 }] },
      { id: 'survey', max: 10, measure: 'percent' },
      { id: 'bonus', kind: 'bonus', max: 2 },
    ],
  };

  it('make an inner node\'s maximum the sum of its children\'s, and leave bonus points out of the maximum', () => {
    const { scheme } = parseScheme(tree);
    expect(scheme!.nodes.map((n) => [n.id, n.depth, n.path.join('/'), Number(n.max.units) / 10 ** n.max.scale])).toEqual([
      ['appraisal', 0, 'appraisal', 15],
      ['institutions', 1, 'appraisal/institutions', 4.5],
      ['direction', 1, 'appraisal/direction', 10.5],
      ['survey', 0, 'survey', 10],
      ['bonus', 0, 'bonus', 2],
    ]);
    expect(scheme!.components.map((c) => c.id)).toEqual(['appraisal', 'survey']);
    expect(scheme!.adjustments.map((c) => c.role)).toEqual(['bonus']);
    expect(Number(scheme!.max.units) / 10 ** scheme!.max.scale).toBe(25);
    expect(scheme!.depth).toBe(1);
  });

  it('name the node whose maximum is not the sum of its children\'s, and other misplaced fields', () => {
    expect(messages({ ...tree, components: [{ ...tree.components[0], max: 16 }] })).toEqual(['components[0].max: "appraisal" has max 16, but its children\'s maxima add up to 15']);
    expect(messages({ id: 'x', components: [{ id: 'a', children: [{ id: 'b', max: 1, kind: 'bonus' }] }] })).toEqual(['components[0].children[0].kind: "b": bonus and penalty nodes are top-level nodes']);
    expect(messages({ id: 'x', components: [{ id: 'a' }] })).toEqual(['components[0].max: "a" needs a max (a node without children)']);
    expect(messages({ id: 'x', components: [{ id: 'a', max: 10, measure: { scale: 7 } }] })[0]).toMatch(/measure scale must divide a power of ten/);
    expect(messages({ id: 'x', components: [{ id: 'a', children: [{ id: 'a', max: 1 }] }] })).toContain('components[0].children[0].id: duplicate component id "a"');
  });
});
