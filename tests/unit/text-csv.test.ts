import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanName, foldDiacritics, headerKey, headerNote, nameKey } from '../../src/model/text.js';
import { readCsv, sniffDelimiter } from '../../src/read/csv.js';
import { decode } from '../../src/read/decode.js';
import { openSources } from '../../src/read/workbook.js';
import { summaryOf } from '../../src/read/footer.js';
import { validateSources } from '../../src/read/load.js';
import { ParScoreError } from '../../src/model/problem.js';

describe('header keys', () => {
  it('ignore case, diacritics, spacing, _ and - and a trailing note', () => {
    const k = headerKey('Điểm thẩm định');
    for (const h of ['điểm thẩm định', 'DIEM THAM DINH', 'Điểm  thẩm_định', 'Điểm-thẩm-định', 'Điểm thẩm định (65)', ' Điểm thẩm định (61,5) ']) {
      expect(headerKey(h)).toBe(k);
    }
    expect(headerKey('Điểm thẩm định'.normalize('NFD'))).toBe(k);
  });

  it('keep a header that is only a note', () => {
    expect(headerKey('(1)')).toBe('1');
  });

  it('read the note', () => {
    expect(headerNote('Điểm thẩm định (61,5)')).toBe('61,5');
    expect(headerNote('Điểm thẩm định')).toBeUndefined();
  });
});

describe('unit names', () => {
  it('are cleaned to NFC with single spaces and ASCII hyphens', () => {
    expect(cleanName('  Bà Rịa –  Vũng Tàu '.normalize('NFD'))).toBe('Bà Rịa - Vũng Tàu');
  });

  it('match across tone-mark placement, NFC/NFD, case and dashes, but keep tones apart', () => {
    expect(nameKey('Hoà Bình')).toBe(nameKey('Hòa Bình'));
    expect(nameKey('Thuỷ Nguyên')).toBe(nameKey('Thủy Nguyên'));
    expect(nameKey('Khánh Hoà'.normalize('NFD'))).toBe(nameKey('khánh hòa'));
    expect(nameKey('Bà Rịa–Vũng Tàu')).toBe(nameKey('Bà Rịa - Vũng Tàu'));
    expect(nameKey('Hòa')).not.toBe(nameKey('Hoa'));
    expect(nameKey('Hòa')).not.toBe(nameKey('Hóa'));
  });
});

describe('delimiter sniffing', () => {
  it('prefers ; when it splits every row the same way, even with commas in labels', () => {
    expect(sniffDelimiter('Đơn vị;Khảo sát lãnh đạo, quản lý\nBình Sơn;63,26\n')).toBe(';');
  });
  it('finds tab and comma', () => {
    expect(sniffDelimiter('unit\tappraisal\nA\t1\n')).toBe('\t');
    expect(sniffDelimiter('unit,appraisal,survey\nA,1,2\n')).toBe(',');
  });
  it('finds the delimiter under a title row', () => {
    expect(sniffDelimiter('KẾT QUẢ NĂM 2023\nSTT;Đơn vị;Điểm\n1;A;2\n2;B;3\n')).toBe(';');
  });
  it('ignores delimiters inside quotes', () => {
    expect(sniffDelimiter('unit,score\n"A; B","12,5"\n"C; D","1"\n')).toBe(',');
  });
});

describe('reading CSV', () => {
  it('keeps the line each row starts on, across blank rows and quoted newlines', () => {
    const csv = readCsv('a;b\n\n"x\ny";1\n;;\nz;2\n', 'f.csv');
    expect(csv.rows.map((r) => r.line)).toEqual([1, 3, 6]);
    expect(csv.rows[1]!.fields).toEqual(['x\ny', '1']);
  });

  it('honours an Excel sep= line and counts it as line 1', () => {
    const csv = readCsv('sep=,\r\nunit,score\r\nA,1\r\n', 'f.csv');
    expect(csv.delimiter).toBe(',');
    expect(csv.rows.map((r) => r.line)).toEqual([2, 3]);
  });

  it('reports an unterminated quote on the line where it opened', () => {
    try {
      readCsv('unit,score\nA,1\n"B,2\nC,3\n', 'q.csv');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ParScoreError);
      expect((e as ParScoreError).problems[0]).toMatchObject({ code: 'unterminated-quote', file: 'q.csv', line: 3 });
    }
  });
});

describe('decoding', () => {
  const text = 'Đơn vị;Điểm\nBình Sơn;1\n';
  it('reads UTF-8 with and without BOM', () => {
    const utf8 = new TextEncoder().encode(text);
    expect(decode(utf8, 'f')).toBe(text);
    expect(decode(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]), 'f')).toBe(text);
  });

  it('reads UTF-16 LE and BE with BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decode(le, 'f')).toBe(text);
    const be = Buffer.from(text, 'utf16le').swap16();
    expect(decode(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'f')).toBe(text);
  });

  const code = (bytes: Uint8Array) => {
    try {
      decode(bytes, 'f');
      return undefined;
    } catch (e) {
      return (e as ParScoreError).problems[0]!;
    }
  };

  it('rejects Windows-1258 bytes with the line and how to re-save', () => {
    const p = code(Buffer.from([0x61, 0x0a, 0x44, 0xe0, 0x0a]))!;
    expect(p.code).toBe('encoding');
    expect(p.line).toBe(2);
    expect(p.hint).toContain('CSV UTF-8');
  });

  it('rejects UTF-16 without BOM, binary data and a BOM in the middle', () => {
    expect(code(Buffer.from(text, 'utf16le'))!.message).toContain('UTF-16 without a byte-order mark');
    expect(code(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0xff]))!.code).toMatch(/binary-file|encoding/);
    expect(code(new TextEncoder().encode('a;b\n\uFEFFc;d\n'))).toMatchObject({ code: 'bom-in-middle', line: 2 });
  });
});

describe('summaryOf', () => {
  it('knows sums and means in either language and case, with a trailing colon or a block', () => {
    for (const label of ['Tổng cộng', 'TỔNG CỘNG', 'Cộng:', 'Tổng', 'Total', 'grand total', 'SUM', 'Cộng khối sở']) expect(summaryOf(label), label).toMatchObject({ mean: false, label });
    for (const label of ['Trung bình', 'TRUNG BÌNH KHỐI HUYỆN', 'Bình quân', 'Điểm trung bình', 'Average', 'mean.']) expect(summaryOf(label), label).toMatchObject({ mean: true, label });
  });

  it('takes units for units, whatever letter they start with', () => {
    for (const name of ['Công an tỉnh', 'Tổng cục Thuế', 'Unit 1', 'Sở Tư pháp', 'Đài Phát thanh', 'Bình Sơn', 'Ủy ban', '1', 'Averageville', 'Meanwhile']) expect(summaryOf(name), name).toBeUndefined();
  });
});

describe('openSources', () => {
  const good = { name: 'a.csv', bytes: new TextEncoder().encode('unit;p\nBình Sơn;1,5\n') };
  const bad = { name: 'b.csv', bytes: Buffer.from([0x75, 0x6e, 0x69, 0x74, 0x0a, 0x44, 0xe0, 0x0a]) };

  it('decodes each file and lets its bytes go; a file that cannot be decoded stays bytes', async () => {
    const [a, b] = await openSources([good, bad]);
    expect(a).toEqual({ name: 'a.csv', bytes: new Uint8Array(0), text: 'unit;p\nBình Sơn;1,5\n' });
    expect(b).toBe(bad);
  });

  it('reports the undecodable file where the files are read, with the others (validate goes on past it)', async () => {
    const v = validateSources(await openSources([bad, good]), { collectAll: true });
    expect(v.problems.map((p) => [p.file, p.code, p.line])).toContainEqual(['b.csv', 'encoding', 2]);
  });
});

describe('ASCII shortcuts of the keys', () => {
  // The keys as computed for any text (Unicode classes, normalisation, tone marks): the ASCII
  // shortcuts in core/text.ts must give the same.
  const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
  const fullNameKey = (name: string) =>
    cleanName(name)
      .toLowerCase()
      .normalize('NFD')
      .split(/([^\p{L}\p{M}\p{N}]+)/u)
      .map((w) => {
        const tones = w.match(TONE_MARKS);
        return tones ? w.replace(TONE_MARKS, '').normalize('NFC') + '~' + tones.join('') : w.normalize('NFC');
      })
      .join('')
      .replace(/\s*-\s*/g, '-');
  const ascii = fc.string({ unit: fc.constantFrom(...' -_.()aAbBzZ09\t\r\n\u0001\u007f#&x'.split('')), maxLength: 24 });

  it('nameKey of ASCII text is what the full computation gives', () => {
    fc.assert(
      fc.property(ascii, (s) => {
        expect(nameKey(s)).toBe(fullNameKey(s));
      }),
      { numRuns: 2000 },
    );
  });

  // Vietnamese names as offices write them (NFC, either case), with what takes a name off the
  // one-pass key of Latin letters: NFD marks, other scripts, dashes, odd spaces and invisible signs.
  const vietnamese = 'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ';
  const latinUnits = [...vietnamese, ...vietnamese.toUpperCase(), ...'ÆæØøßÑñÇçŁłĲĳ'];
  const otherUnits = [...'\u0300\u0301\u0303\u0309\u0323\u0302\u031b\u0306', ...'İıΣσςΩ\u2126\u212aКкЯ한글', ...'×·²¹½№\u00a0\u2013\u2212\u200b\u00ad\uff21\ufeff', '\ud835', '\udc00'];
  const names = (units: string[]) => fc.string({ unit: fc.constantFrom(...units, ...' -.()aAbZ09'.split('')), maxLength: 24 });

  it('nameKey of Vietnamese names is what the full computation gives, in NFC or NFD', () => {
    const spelled = (s: string) => [s, s.normalize('NFD'), s.normalize('NFC')];
    fc.assert(
      fc.property(names(latinUnits), (s) => {
        for (const x of spelled(s)) expect(nameKey(x)).toBe(fullNameKey(x));
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(names([...latinUnits, ...otherUnits]), (s) => {
        for (const x of spelled(s)) expect(nameKey(x)).toBe(fullNameKey(x));
      }),
      { numRuns: 3000 },
    );
    expect(nameKey('Thị xã Đức Phổ')).toBe('thi~\u0323 xa~\u0303 \u0111\u01b0c~\u0301 ph\u00f4~\u0309');
    expect(nameKey('TP. Hồ Chí Minh')).toBe(nameKey('tp. hồ chí minh'.normalize('NFD')));
  });

  it('headerKey of ASCII text keeps the same letters and digits as the full computation', () => {
    fc.assert(
      fc.property(ascii, (s) => {
        // What headerKey filters: folded ASCII text, where a-z and 0-9 are all the letters and digits.
        const folded = foldDiacritics(s);
        expect(folded.replace(/[^a-z0-9]+/g, '')).toBe(folded.replace(/[^\p{L}\p{N}]+/gu, ''));
      }),
      { numRuns: 2000 },
    );
    expect(headerKey('Tổng điểm (100)')).toBe('tongdiem');
    expect(headerKey('Mã_ĐV-2')).toBe('madv2');
  });
});
