/**
 * The compact lane (input/compact.ts, core/compact-ranking.ts, renderCompactJsonChunks) against the
 * general path: on generated files, clean and damaged, the lane either gives up or writes exactly the
 * bytes the general path writes; it never gives a result where the general path reports a problem.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ParScoreError } from '../../src/core/problem.js';
import { scaledJsonText } from '../../src/core/decimal.js';
import { nameKeys, nameKeysOfParts } from '../../src/core/compact-ranking.js';
import { cleanName, foldDiacritics } from '../../src/core/text.js';
import { rankSources, rankSourcesCompact, type RankSourcesOptions } from '../../src/pipeline.js';
import { compactDocumentEnds, CompactUnitWriter, renderCompactJsonChunks, renderJson } from '../../src/render/json.js';
import { findDuplicate, joinCompact, planCompact, readCompact, scanCompact, sharedNamePrefix, type CompactPart, type CompactReadOptions, type CompactTable } from '../../src/input/compact.js';
import { parseScheme, type Scheme } from '../../src/scheme/schema.js';
import { findBuiltinScheme } from '../../src/scheme/builtin.js';

const RUNS = Number(process.env.PAR_FUZZ_RUNS ?? 150);

function scheme(precision: number, bands: boolean): Scheme {
  const { scheme: s } = parseScheme({
    id: 'lane-test',
    precision,
    components: [
      { id: 'direction', max: 10, label: { vi: 'Công tác chỉ đạo' } },
      { id: 'tthc', max: 15.5, label: { vi: 'Cải cách TTHC' } },
      { id: 'survey', max: 20, label: { vi: 'Điều tra XHH' } },
    ],
    ...(bands
      ? {
          bands: [
            { min: 90, label: { en: 'Excellent', vi: 'Xuất sắc' } },
            { min: 75.5, label: { en: 'Good', vi: 'Tốt' } },
            { min: 50, label: { en: 'Fair', vi: 'Khá' } },
          ],
        }
      : {}),
  });
  return s!;
}

/** Chunks as a writer uses them: each one taken before the next is asked for. */
function joinChunks(chunks: Iterable<string | Uint8Array>): string {
  let text = '';
  for (const c of chunks) text += typeof c === 'string' ? c : new TextDecoder().decode(c);
  return text;
}

type Outcome = { lane: 'compact' | 'fallback'; general: string | ParScoreError };

/** Runs both lanes; fails the test when the lane gives a result that differs from the general path. */
function bothLanes(text: string, options: RankSourcesOptions, name = 'don-vi-2024.csv'): Outcome {
  const sources = [{ name, bytes: new TextEncoder().encode(text) }];
  let general: string | ParScoreError;
  try {
    general = renderJson(rankSources(sources, options));
  } catch (e) {
    if (!(e instanceof ParScoreError)) throw e;
    general = e;
  }
  const compact = rankSourcesCompact(sources, options);
  if (!('ranking' in compact)) return { lane: 'fallback', general };
  expect(general, 'the lane gave a result where the general path refused the input').toBeTypeOf('string');
  expect(joinChunks(renderCompactJsonChunks(compact.ranking))).toBe(general);
  return { lane: 'compact', general };
}

const NAMES = [
  'Bình Sơn', 'Bi\u0300nh So\u031Bn', 'Sơn Tịnh', 'Hòa Vang', 'Hoà Vang', 'Ba Tơ', 'Lý Sơn', 'Đức Phổ', 'Duc Pho', 'Minh Long', 'Trà Bồng',
  'Unit 7', 'unit 7', 'Unit  8', 'TP. Quảng Ngãi', 'Thị xã Đức Phổ', 'Ea H\u2019leo', 'Phan Rang\u2013Tháp Chàm', 'A\\B', 'Đức\\Phổ', 'Z', 'a', 'Ω',
];

const row = (decimals: number) =>
  fc.record({
    name: fc.constantFrom(...NAMES),
    code: fc.oneof(fc.constant(''), fc.integer({ min: 1, max: 40 }).map((i) => `MA${i}`)),
    // Few distinct values, so ties are common.
    points: fc.tuple(
      fc.integer({ min: 0, max: 10 }).map((i) => i * 10 ** decimals),
      fc.integer({ min: 0, max: 155 * 10 ** Math.max(0, decimals - 1) }),
      fc.integer({ min: 0, max: 20 * 10 ** decimals }),
    ),
  });

const MUTATIONS = ['', '-', ' 5', '5 ', '1e3', 'abc', '99', 'N/A', '1.234,5', ',5', '5,'];

const file = fc
  .record({
    decimals: fc.integer({ min: 0, max: 3 }),
    delimiter: fc.constantFrom(';', ',', '\t'),
    crlf: fc.boolean(),
    bom: fc.boolean(),
    title: fc.boolean(),
    stt: fc.boolean(),
    code: fc.boolean(),
    total: fc.constantFrom('none', 'right', 'off'),
    emptyColumn: fc.boolean(),
    reverse: fc.boolean(),
    commaDecimal: fc.boolean(),
  })
  .chain((shape) =>
    fc.record({
      shape: fc.constant(shape),
      rows: fc.uniqueArray(row(shape.decimals), { minLength: 1, maxLength: 25, selector: (r) => (shape.code && r.code ? r.code : r.name) }),
      mutation: fc.option(fc.record({ at: fc.nat(), column: fc.nat(), text: fc.constantFrom(...MUTATIONS), kind: fc.constantFrom('cell', 'blank-row', 'extra-field', 'duplicate', 'cr', 'quote') }), {
        freq: 3,
      }),
    }),
  )
  .map(({ shape, rows, mutation }) => {
    const d = shape.delimiter;
    const sep = shape.commaDecimal && d !== ',' ? ',' : '.';
    const num = (scaled: number) => {
      const text = shape.decimals === 0 ? String(scaled) : (scaled / 10 ** shape.decimals).toFixed(shape.decimals);
      return text.replace('.', sep);
    };
    const tthc = (v: number) => (shape.decimals === 0 ? String(Math.floor(v / 10)) : (v / 10 ** Math.max(0, shape.decimals - 1) / 10).toFixed(shape.decimals).replace('.', sep));
    let header = ['Tên đơn vị', 'Công tác chỉ đạo', 'Cải cách TTHC', 'Điều tra XHH'];
    if (shape.code) header = ['Mã', ...header];
    if (shape.stt) header = ['STT', ...header];
    if (shape.total !== 'none') header.push('Tổng điểm');
    if (shape.emptyColumn) header.push('');
    if (shape.reverse) header.reverse();
    const lines = rows.map((r, i) => {
      const cells: Record<string, string> = {
        STT: String(i + 1),
        Mã: r.code,
        'Tên đơn vị': r.name,
        'Công tác chỉ đạo': num(r.points[0]),
        'Cải cách TTHC': tthc(r.points[1]),
        'Điều tra XHH': num(r.points[2]),
        '': '',
      };
      const sum = [cells['Công tác chỉ đạo']!, cells['Cải cách TTHC']!, cells['Điều tra XHH']!].reduce((a, c) => a + Number(c.replace(',', '.')), 0);
      cells['Tổng điểm'] = (sum + (shape.total === 'off' && i === 0 ? 0.02 : 0)).toFixed(shape.decimals).replace('.', sep);
      return header.map((h) => cells[h]!);
    });
    let body = lines.map((l) => l.join(d));
    if (mutation) {
      const at = mutation.at % body.length;
      const cells = lines[at]!;
      if (mutation.kind === 'cell') {
        cells[mutation.column % cells.length] = mutation.text;
        body[at] = cells.join(d);
      } else if (mutation.kind === 'blank-row') body.splice(at, 0, d.repeat(header.length - 1));
      else if (mutation.kind === 'extra-field') body[at] += `${d}5`;
      else if (mutation.kind === 'duplicate') body.push(body[at]!);
      else if (mutation.kind === 'cr') body[at] += '\r';
      else body[at] = `"${body[at]}"`;
    }
    if (shape.title) body = ['BẢNG TỔNG HỢP KẾT QUẢ CHỈ SỐ CCHC NĂM 2024', header.join(d), ...body];
    else body = [header.join(d), ...body];
    const nl = shape.crlf ? '\r\n' : '\n';
    return `${shape.bom ? '\uFEFF' : ''}${body.join(nl)}${nl}`;
  });

describe('compact lane = general path', () => {
  it('on generated files, clean and damaged, in every shape the lane accepts', () => {
    let compact = 0;
    let refused = 0;
    fc.assert(
      fc.property(
        file,
        fc.integer({ min: 0, max: 3 }),
        fc.boolean(),
        fc.constantFrom('competition', 'dense', 'ordinal'),
        (text, precision, bands, ties) => {
          const outcome = bothLanes(text, { scheme: scheme(precision, bands), ties: ties as 'competition' });
          if (outcome.lane === 'compact') compact++;
          if (typeof outcome.general !== 'string') refused++;
        },
      ),
      { numRuns: RUNS * 4 },
    );
    // Both kinds of cases really occurred: the lane ran, and damaged files were refused.
    expect(compact).toBeGreaterThan(RUNS / 2);
    expect(refused).toBeGreaterThan(RUNS / 10);
  });

  it('chooses the scheme from the columns as the general path does', () => {
    const text = 'Đơn vị;Điểm thẩm định (72);Điều tra XHH (28)\nBình Sơn;63,26;19,58\nĐức Phổ;63,10;20,00\nBa Tơ;50;15\n';
    expect(bothLanes(text, {})).toMatchObject({ lane: 'compact' });
    expect(bothLanes(text, { scheme: findBuiltinScheme('quang-ngai-district-2023')! })).toMatchObject({ lane: 'compact' });
  });

  it('gives up where the general path warns or needs its own rules', () => {
    const s = scheme(2, true);
    const clean = 'unit;direction;tthc;survey\nA;10;15,5;20\nB;9;15;20\n';
    expect(bothLanes(clean, { scheme: s })).toMatchObject({ lane: 'compact' });
    // An unknown column (warning), an index shown as 90.00 but below 90 exactly (warning), --rank-precision.
    expect(bothLanes('unit;direction;tthc;survey;ghi chu x\nA;10;15,5;20;x\n', { scheme: s })).toMatchObject({ lane: 'fallback' });
    expect(bothLanes('unit;direction;tthc;survey\nA;10;15,5;15,448\nB;1;1;1\n', { scheme: s })).toMatchObject({ lane: 'fallback' });
    // At the edge: an index of exactly 89.995 is shown as 90.00 (another band), 89.994978 as 89.99.
    expect(bothLanes('unit;direction;tthc;survey\nA;10;15,5;15,447725\nB;1;1;1\n', { scheme: s })).toMatchObject({ lane: 'fallback' });
    expect(bothLanes('unit;direction;tthc;survey\nA;10;15,5;15,447724\nB;1;1;1\n', { scheme: s })).toMatchObject({ lane: 'compact' });
    expect(bothLanes(clean, { scheme: s, rankPrecision: 2 })).toMatchObject({ lane: 'fallback' });
  });

  it('keeps Vietnamese names as bytes exactly where that changes nothing (every letter of the ranges, and around them)', () => {
    const letters: string[] = [];
    for (let cp = 0x9e; cp <= 0x252; cp++) letters.push(String.fromCodePoint(cp));
    for (let cp = 0x1dfe; cp <= 0x1f01; cp++) letters.push(String.fromCodePoint(cp));
    letters.push('\u0300', 'e\u0301', '\u2019', '\u00a0', 'Ω');
    // The letters kept as bytes: their own NFC form, untouched by cleanName, not escaped in JSON.
    for (const ch of letters.filter((c) => /^[\u00a1-\u024f\u1e00-\u1eff]$/u.test(c))) {
      expect(ch.normalize('NFC')).toBe(ch);
      expect(cleanName(`a ${ch}b`)).toBe(`a ${ch}b`);
      expect(JSON.stringify(ch)).toBe(`"${ch}"`);
    }
    // One run of ties (equal points): the lane's order and bytes must be the general path's.
    const lines = ['Mã;Tên đơn vị;Công tác chỉ đạo;Cải cách TTHC;Điều tra XHH', ...letters.map((ch, i) => `M${i};Xã ${ch}${i % 2 ? 'a' : ''} Số;5;7,5;10`)];
    expect(bothLanes(lines.join('\n'), { scheme: scheme(2, false) })).toMatchObject({ lane: 'compact' });
  });

  it('makes room for more rows than the start of the file suggests', () => {
    // Long rows first (the estimate comes from the first 64 KiB), then many short ones.
    const lines = ['code,unit,direction,tthc,survey'];
    for (let i = 0; i < 300; i++) lines.push(`L${i},Unit with a long name ${'x'.repeat(300)} ${i},5,7.5,10`);
    for (let i = 0; i < 20000; i++) lines.push(`S${i},U${i},${i % 11},${(i * 3) % 16},${i % 21}`);
    const text = lines.join('\n');
    const read = readCompact(new TextEncoder().encode(text), 'u.csv', { scheme: scheme(2, false), candidates: [] });
    expect(read).toHaveProperty('table.count', 20300);
    expect(bothLanes(text, { scheme: scheme(2, false) })).toMatchObject({ lane: 'compact' });
  });

  it('orders tied units by name as the general path does (numeric name keys, common prefixes, case)', () => {
    // Letters either side of the upper-case ones ('[', '`' fall between the cases), the first and
    // last printable bytes; names sharing a prefix longer than the 6 bytes of a name key, or none.
    // Vietnamese letters fold to ASCII ones ("Đ", "ấ" -> "d", "a"), some other kept letters do not
    // ("ß", "ø", "ŀ"): units with those are ordered by comparison.
    const word = fc.string({
      unit: fc.constantFrom('a', 'A', 'b', 'B', 'z', 'Z', '1', '9', '-', '.', '_', '[', '`', '~', '!', 'ấ', 'Ấ', 'à', 'Đ', 'đ', 'd', 'e', 'ệ', 'ơ', 'ư', 'ẫ', 'ß', 'ø', 'ŀ'),
      minLength: 1,
      maxLength: 4,
    });
    const prefix = fc.constantFrom('Unit ', 'Xa An Binh Phu Long ', 'Xã Ấn Bình ', 'Xa An Binh ', '');
    const name = fc.tuple(prefix, fc.array(word, { minLength: 1, maxLength: 4 })).map(([p, w]) => `${p}${w.join(' ')}`);
    let compact = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(name, fc.boolean()), { minLength: 2, maxLength: 300 }), (units) => {
        // Every unit has the same points: one run of ties, in name (then code) order.
        const lines = ['code,unit,direction,tthc,survey', ...units.map(([n, coded], i) => `${coded ? `C${i}` : ''},${n},5,7.5,10`)];
        const outcome = bothLanes(lines.join('\n'), { scheme: scheme(2, false) });
        // Names without a code must differ by key; when they do not, the lane must decline.
        if (outcome.lane === 'fallback') expect(typeof outcome.general === 'string').toBe(false);
        else compact++;
      }),
      { numRuns: RUNS },
    );
    expect(compact).toBeGreaterThan(RUNS / 2);
  });

  it('orders tied names by name keys for every letter kept as bytes that folds to ASCII', () => {
    // Every such letter (2 and 3 bytes in UTF-8), in varied places of the key, in 20 runs of ties (a
    // unit without a key sends its whole run to the full comparison: small runs keep most keyed).
    const letters: string[] = [];
    for (let cp = 0xa1; cp <= 0x24f; cp++) letters.push(String.fromCodePoint(cp));
    for (let cp = 0x1e00; cp <= 0x1eff; cp++) letters.push(String.fromCodePoint(cp));
    const folding = letters.filter((ch) => /^[ -~]$/.test(foldDiacritics(ch)) && cleanName(`a ${ch}b`) === `a ${ch}b`);
    expect(folding.length).toBeGreaterThan(300);
    const lines = ['code,unit,direction,tthc,survey'];
    folding.forEach((ch, i) => lines.push(`K${i},${['', 'a', 'Ba'][i % 3]}${ch}${folding[(i * 7) % folding.length]} ${i % 5},5,7.5,${i % 20}`));
    expect(bothLanes(lines.join('\n'), { scheme: scheme(2, false) })).toMatchObject({ lane: 'compact' });
  });

  it('orders tied names that share part of a letter written with several bytes', () => {
    // "Ấ", "Ầ", "Ẩ", "Ẫ", "Ậ" share their first two bytes (E1 BA): the shared prefix of the names
    // must stop before them, not in the middle of one.
    const letters = ['Ấ', 'Ầ', 'Ẩ', 'Ẫ', 'Ậ', 'ấ', 'ầ', 'ẩ'];
    const lines = ['code,unit,direction,tthc,survey'];
    letters.forEach((l, i) => ['n', 'm', 'y', 'u', 'b', 'z'].forEach((end, k) => lines.push(`C${i}-${k},Xã ${l}${end} ${k},5,7.5,10`)));
    expect(bothLanes(lines.join('\n'), { scheme: scheme(2, false) })).toMatchObject({ lane: 'compact' });
    const read = readCompact(new TextEncoder().encode(lines.join('\n')), 'x.csv', { scheme: scheme(2, false), candidates: [] });
    expect(read).toHaveProperty('table.namePrefix', new TextEncoder().encode('Xã ').length);
  });

  it('orders a run of ties longer than a name key can number (8,192 units) by comparing names', () => {
    const lines = ['code,unit,direction,tthc,survey'];
    for (let i = 0; i < 8300; i++) lines.push(`U${i},Unit ${(i * 7919) % 8300},5,7.5,10`);
    expect(bothLanes(lines.join('\n'), { scheme: scheme(2, false) })).toMatchObject({ lane: 'compact' });
  });

  it('takes large clean files (the benchmark shape) and ties by name', () => {
    const lines = ['code,unit,direction,tthc,survey'];
    for (let i = 0; i < 3000; i++) lines.push(`U${i},Unit ${(i * 7919) % 3000},${(i % 11).toFixed(2)},${((i * 3) % 156) / 10},${(i % 21).toFixed(1)}`);
    expect(bothLanes(lines.join('\n'), { scheme: scheme(2, true) })).toMatchObject({ lane: 'compact' });
  });
});

/** The file read in parts split after random lines, keys checked in two lanes, parts joined. */
let multiPart = 0;
let lastParts: CompactPart[] = [];
function readInParts(bytes: Uint8Array, options: CompactReadOptions, cuts: readonly number[]): CompactTable | { fallback: string } {
  const planned = planCompact(bytes, 'don-vi-2024.csv', options);
  if ('fallback' in planned) return planned;
  const { plan } = planned;
  const starts = [plan.dataStart];
  for (const cut of cuts) {
    const nl = bytes.indexOf(10, plan.dataStart + Math.floor(cut * (bytes.length - plan.dataStart)));
    if (nl >= 0 && nl + 1 > starts[starts.length - 1]! && nl + 1 < bytes.length) starts.push(nl + 1);
  }
  const parts: CompactPart[] = [];
  for (let i = 0; i < starts.length; i++) {
    const part = scanCompact(bytes, plan, starts[i]!, starts[i + 1] ?? bytes.length);
    if ('fallback' in part) return part;
    parts.push(part);
  }
  if (findDuplicate(parts, 0, 2) || findDuplicate(parts, 1, 2)) return { fallback: 'a duplicate unit' };
  if (parts.length > 1) multiPart++;
  lastParts = parts;
  return joinCompact(bytes, plan, parts);
}

describe('compact lane in parts (as two threads read a file)', () => {
  it('reads the same table from any split of the rows as from the whole file', () => {
    multiPart = 0;
    fc.assert(
      fc.property(file, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 3 }), (text, cuts) => {
        const bytes = new TextEncoder().encode(text);
        const options = { scheme: scheme(2, false), candidates: [] };
        const whole = readCompact(bytes, 'don-vi-2024.csv', options);
        const parts = readInParts(bytes, options, [...cuts].sort());
        if ('fallback' in whole) {
          expect(parts).toHaveProperty('fallback');
          return;
        }
        expect(parts).not.toHaveProperty('fallback');
        const table = parts as CompactTable;
        expect(table.count).toBe(whole.table.count);
        expect(Array.from(table.points)).toEqual(Array.from(whole.table.points));
        expect(table.decimals).toBe(whole.table.decimals);
        for (let u = 0; u < table.count; u++) {
          expect(table.texts.name(u)).toBe(whole.table.texts.name(u));
          expect(table.texts.code(u)).toBe(whole.table.texts.code(u));
        }
        // The name keys the worker makes from the parts are those of the whole table.
        expect(table.namePrefix).toBe(whole.table.namePrefix);
        const fromParts = nameKeysOfParts(bytes, lastParts, sharedNamePrefix(bytes, lastParts), new Float64Array(table.count));
        expect(Array.from(fromParts)).toEqual(Array.from(nameKeys(whole.table)));
      }),
      { numRuns: RUNS * 2 },
    );
    // Files really were read in several parts.
    expect(multiPart).toBeGreaterThan(RUNS / 4);
  });

  it('writes the same bytes with units written in stripes by independent writers', () => {
    const lines = ['code,unit,direction,tthc,survey'];
    for (let i = 0; i < 3000; i++) lines.push(`U${i},${i % 3 ? 'Unit' : 'Xã'} ${(i * 7919) % 3000},${(i % 11).toFixed(2)},${((i * 3) % 156) / 10},${(i % 21).toFixed(1)}`);
    const r = rankSourcesCompact([{ name: 'u.csv', bytes: new TextEncoder().encode(lines.join('\n')) }], { scheme: scheme(2, true) });
    if (!('ranking' in r)) throw new Error(r.fallback);
    const whole = joinChunks(renderCompactJsonChunks(r.ranking));
    const [head, tail] = compactDocumentEnds(r.ranking);
    const writers = [new CompactUnitWriter(r.ranking), new CompactUnitWriter(r.ranking)];
    let text = head;
    for (let start = 0, s = 0; start < 3000; start += 700, s++) {
      for (let i = start; i < Math.min(start + 700, 3000); ) {
        const buf = new Uint8Array(writers[s % 2]!.chunkSize);
        const [next, written] = writers[s % 2]!.fill(buf, i, Math.min(start + 700, 3000));
        text += new TextDecoder().decode(buf.subarray(0, written));
        i = next;
      }
    }
    expect(text + tail).toBe(whole);
  });
});

describe('scaledJsonText', () => {
  it('prints q / 10^places as String does', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 15) + 1, max: 10 ** 15 - 1 }), fc.integer({ min: 0, max: 6 }), (q, places) => {
        expect(scaledJsonText(q, places)).toBe(String(q / 10 ** places));
      }),
      { numRuns: RUNS * 20 },
    );
    expect(scaledJsonText(1, 6)).toBe('0.000001');
    expect(scaledJsonText(8284, 2)).toBe('82.84');
    expect(scaledJsonText(9160, 2)).toBe('91.6');
  });
});
