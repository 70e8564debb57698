// Results sheets as a provincial office makes them, built in LibreOffice and exported as it exports
// them: the fixtures of tests/e2e/sheets.test.ts. Each sheet is written as a flat OpenDocument file
// (fixtures/sheets/*.fods: title rows, merged two-row headers, SUM / AVERAGE / RANK / VLOOKUP
// formulas, an Accounting-style number format, a summary row, notes and signatures under the
// table), then LibreOffice recalculates it and saves it as CSV the way "Save as > Text CSV" does
// with the options offices use: UTF-8, ";" between fields, cells as shown (decimal commas from the
// Vietnamese locale). Both the .fods and the .csv files are committed.
//
//   apt-get install -y libreoffice-calc-nogui && node scripts/make-sheets.mjs
//
// Figures: the 13 districts of Quảng Ngãi 2023 as in fixtures/quang-ngai-districts-2023.csv (Bình
// Sơn 63,26 + 19,58 = 82,84, 6th of 13, is real; the rest is illustrative). The split of each
// appraisal score into four fields is invented (in proportion to the fields' maxima, the last
// field taking the rest so the fields add up to the published score).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'fixtures', 'sheets');
mkdirSync(out, { recursive: true });

const DISTRICTS = [
  ['TP. Quảng Ngãi', 66.15, 21.4],
  ['Sơn Tịnh', 65.02, 20.11],
  ['Tư Nghĩa', 64.5, 19.92],
  ['Mộ Đức', 63.9, 19.85],
  ['Thị xã Đức Phổ', 63.48, 19.62],
  ['Bình Sơn', 63.26, 19.58],
  ['Nghĩa Hành', 62.71, 19.4],
  ['Lý Sơn', 61.95, 19.36],
  ['Trà Bồng', 61.2, 18.97],
  ['Sơn Hà', 60.88, 18.75],
  ['Ba Tơ', 60.12, 18.5],
  ['Minh Long', 59.47, 18.66],
  ['Sơn Tây', 58.9, 18.02],
];
const FIELDS = [
  ['Chỉ đạo, điều hành (10)', 10],
  ['Thể chế (6)', 6],
  ['TTHC (12)', 12],
  ['Các lĩnh vực khác (44)', 44],
];

/** An appraisal score split into the four fields, in cents, adding up exactly. */
function split(appraisal) {
  const cents = Math.round(appraisal * 100);
  const parts = FIELDS.slice(0, -1).map(([, max]) => Math.round((cents * max) / 72));
  return [...parts, cents - parts.reduce((a, b) => a + b, 0)].map((c) => c / 100);
}

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const span = (o) => `${o.cols ? ` table:number-columns-spanned="${o.cols}"` : ''}${o.rows ? ` table:number-rows-spanned="${o.rows}"` : ''}`;
/** Cells: text, number, formula, a cell covered by a merge, an empty cell. */
const s = (text, o = {}) => `<table:table-cell${span(o)} office:value-type="string"><text:p>${esc(text)}</text:p></table:table-cell>${'<table:covered-table-cell/>'.repeat((o.cols ?? 1) - 1)}`;
const n = (value, style = 'c2') => `<table:table-cell table:style-name="${style}" office:value-type="float" office:value="${value}"/>`;
const f = (formula, style = 'c2') => `<table:table-cell table:style-name="${style}" table:formula="of:=${esc(formula)}"/>`;
const covered = (k = 1) => '<table:covered-table-cell/>'.repeat(k);
const empty = (k = 1) => '<table:table-cell/>'.repeat(k);
const row = (...cells) => `<table:table-row>${cells.join('')}</table:table-row>`;

function document(sheets) {
  const tables = sheets.map(([name, rows]) => `<table:table table:name="${esc(name)}">${rows.join('\n')}</table:table>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:styles>
<style:default-style style:family="table-cell"><style:text-properties fo:language="vi" fo:country="VN"/></style:default-style>
<number:number-style style:name="N0" number:language="vi" number:country="VN"><number:number number:decimal-places="0" number:min-integer-digits="1"/></number:number-style>
<number:number-style style:name="N2" number:language="vi" number:country="VN"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1"/></number:number-style>
<number:number-style style:name="N4" number:language="vi" number:country="VN"><number:number number:decimal-places="4" number:min-decimal-places="4" number:min-integer-digits="1"/></number:number-style>
<number:number-style style:name="ACC0" number:language="vi" number:country="VN"><number:text> - </number:text></number:number-style>
<number:number-style style:name="ACC" number:language="vi" number:country="VN"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1"/><style:map style:condition="value()=0" style:apply-style-name="ACC0"/></number:number-style>
</office:styles>
<office:automatic-styles>
<style:style style:name="c0" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N0"/>
<style:style style:name="c2" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N2"/>
<style:style style:name="c4" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N4"/>
<style:style style:name="acc" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="ACC"/>
</office:automatic-styles>
<office:body><office:spreadsheet>
${tables}
</office:spreadsheet></office:body></office:document>
`;
}

const TITLE = [
  row(s('SỞ NỘI VỤ TỈNH QUẢNG NGÃI', { cols: 4 })),
  row(s('KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP HUYỆN NĂM 2023', { cols: 10 })),
  row(s('(Kèm theo Quyết định số 512/QĐ-UBND ngày 29/3/2024 của Chủ tịch UBND tỉnh)', { cols: 10 })),
];
const FOOTER = [
  row(empty(10)),
  row(s('Ghi chú: Điểm điều tra xã hội học do Sở Nội vụ phối hợp với Bưu điện tỉnh thực hiện.', { cols: 10 })),
  row(empty(7), s('Quảng Ngãi, ngày 29 tháng 3 năm 2024', { cols: 3 })),
  row(empty(1), s('NGƯỜI LẬP BIỂU'), empty(5), s('KT. GIÁM ĐỐC', { cols: 3 })),
  row(empty(7), s('PHÓ GIÁM ĐỐC', { cols: 3 })),
  row(empty(1), s('Nguyễn Văn An'), empty(5), s('Trần Thị Bình', { cols: 3 })),
];
const FIRST = 6; // the spreadsheet row of the first district
const LAST = FIRST + DISTRICTS.length - 1;

/**
 * The district results sheet: STT, Đơn vị, the appraisal under a merged group (four fields and
 * "Cộng (72)"), the survey, "Tổng điểm" and "Xếp hạng" (merged down over the two header rows).
 * `options.survey(i, r)` writes the survey cell of district i on spreadsheet row r.
 */
function districtSheet(options = {}) {
  const surveyHeader = options.surveyHeader ?? 'Điều tra XHH (28)';
  const survey = options.survey ?? ((i) => n(DISTRICTS[i][2]));
  const header = [
    row(s('STT', { rows: 2 }), s('Đơn vị', { rows: 2 }), s('Điểm thẩm định (72)', { cols: 5 }), s(surveyHeader, { rows: 2 }), s('Tổng điểm (100)', { rows: 2 }), s('Xếp hạng', { rows: 2 })),
    ...(options.noLeafRow ? [] : [row(covered(2), ...FIELDS.map(([label]) => s(label)), s('Cộng (72)'), covered(3))]),
  ];
  const first = options.noLeafRow ? FIRST - 1 : FIRST;
  const last = first + DISTRICTS.length - 1;
  const units = DISTRICTS.map(([name, appraisal], i) => {
    const r = first + i;
    return row(
      n(i + 1, 'c0'),
      s(name),
      ...split(appraisal).map((v) => n(v)),
      f(`SUM([.C${r}:.F${r}])`),
      survey(i, r),
      f(options.total ? options.total(r) : `[.G${r}]+[.H${r}]`),
      f(`RANK([.I${r}];[.$I$${first}:.$I$${last}];0)`, 'c0'),
    );
  });
  const mean = row(s('Trung bình', { cols: 2 }), ...'CDEFGHI'.split('').map((c) => f(`AVERAGE([.${c}${first}:.${c}${last}])`)), empty());
  return [...TITLE, ...header, ...units, mean, ...FOOTER];
}

/** A sheet of one office: STT, Đơn vị, one score; the names as that office writes them. */
function officeSheet(title, header, rows) {
  return [
    row(s(title, { cols: 3 })),
    row(s('STT'), s('Đơn vị'), s(header)),
    ...rows.map(([name, value], i) => row(n(i + 1, 'c0'), s(name), n(value))),
    row(empty(3)),
    row(s('(*) Huyện đảo', { cols: 3 })),
  ];
}

const OFFICE_NAMES = {
  'TP. Quảng Ngãi': 'Thành phố Quảng Ngãi',
  'Thị xã Đức Phổ': 'Thị xã Đức Phổ',
  'Lý Sơn': 'Huyện Lý Sơn (*)',
};

// The field-level sheet (fixtures/quang-ngai-district-fields.scheme.json, an illustrative scheme):
// Bình Sơn's published fields (direction 9,20 / 10,50, institutions 4,5 / 4,5, TTHC 12,05 / 12,50,
// impact 4,75), the other fields and districts invented; the survey delivered in percent; a bonus
// and a penalty (written negative) for two districts.
const FIELD_SCHEME = [
  ['Chỉ đạo, điều hành (10,5)', 10.5],
  ['Thể chế (4,5)', 4.5],
  ['TTHC (12,5)', 12.5],
  ['Tổ chức bộ máy (6)', 6],
  ['Công vụ (8)', 8],
  ['Tài chính công (7)', 7],
  ['Chính quyền số (14,5)', 14.5],
  ['Tác động (9)', 9],
];
const BINH_SON_FIELDS = [9.2, 4.5, 12.05, 5.6, 7.3, 6.2, 13.66, 4.75];
function fieldSplit(name, appraisal) {
  if (name === 'Bình Sơn') return BINH_SON_FIELDS;
  const cents = Math.round(appraisal * 100);
  const parts = FIELD_SCHEME.slice(0, -1).map(([, max]) => Math.round((cents * max) / 72));
  return [...parts, cents - parts.reduce((a, b) => a + b, 0)].map((c) => c / 100);
}
const ADJUSTMENTS = { 'Lý Sơn': [1, null], 'Mộ Đức': [null, -0.5] };

function fieldSheet() {
  const header = [
    row(s('STT', { rows: 2 }), s('Đơn vị', { rows: 2 }), s('Điểm thẩm định (72)', { cols: 9 }), s('Điều tra XHH (%)', { rows: 2 }), s('Điểm thưởng', { rows: 2 }), s('Điểm trừ', { rows: 2 }), s('Tổng điểm', { rows: 2 }), s('Xếp hạng', { rows: 2 })),
    row(covered(2), ...FIELD_SCHEME.map(([label]) => s(label)), s('Cộng (72)'), covered(5)),
  ];
  const first = FIRST;
  const last = first + DISTRICTS.length - 1;
  const units = DISTRICTS.map(([name, appraisal, survey], i) => {
    const r = first + i;
    const [bonus, penalty] = ADJUSTMENTS[name] ?? [null, null];
    return row(
      n(i + 1, 'c0'),
      s(name),
      ...fieldSplit(name, appraisal).map((v) => n(v)),
      f(`SUM([.C${r}:.J${r}])`),
      n(Math.round((survey / 28) * 1e6) / 1e4, 'c4'),
      bonus === null ? empty() : n(bonus),
      penalty === null ? empty() : n(penalty),
      f(`[.K${r}]+[.L${r}]*28/100+[.M${r}]+[.N${r}]`),
      f(`RANK([.O${r}];[.$O$${first}:.$O$${last}];0)`, 'c0'),
    );
  });
  const mean = row(s('Trung bình', { cols: 2 }), ...'CDEFGHIJK'.split('').map((c) => f(`AVERAGE([.${c}${first}:.${c}${last}])`)), empty(5));
  return [...TITLE, ...header, ...units, mean, ...FOOTER];
}

const sheets = {
  // Field scores under their part, the survey in percent, bonus and penalty points.
  'quang-ngai-2023-fields': [['KQ CCHC 2023', fieldSheet()]],
  // As exported: everything above, nothing changed. Ranks as published (Bình Sơn 6/13).
  'quang-ngai-2023-as-exported': [['KQ CCHC 2023', districtSheet()]],
  // The survey looked up by name from a second sheet, where one district is spelt differently: #N/A.
  'quang-ngai-2023-na-lookup': [
    ['KQ CCHC 2023', districtSheet({ survey: (i, r) => f(`VLOOKUP([.B${r}];[$'Điều tra XHH'.$A$2:.$B$14];2;0)`) })],
    ['Điều tra XHH', [row(s('Đơn vị'), s('Điểm')), ...DISTRICTS.map(([name, , sv]) => row(s(name === 'Minh Long' ? 'Minh Long ' + '(huyện)' : name), n(sv)))]],
  ],
  // A district not surveyed, its 0 shown by an Accounting-style format as " - ".
  'quang-ngai-2023-accounting-zero': [['KQ CCHC 2023', districtSheet({ survey: (i) => n(DISTRICTS[i][0] === 'Sơn Tây' ? 0 : DISTRICTS[i][2], 'acc') })]],
  // The tool's old hint followed: the row of field headers deleted, the group header left over the first field.
  'quang-ngai-2023-subheader-deleted': [['KQ CCHC 2023', districtSheet({ noLeafRow: true })]],
  // The survey given as the ratio of its maximum (19,58 / 28 = 0,6993) under a "(%)" header.
  'quang-ngai-2023-survey-ratio': [
    ['KQ CCHC 2023', districtSheet({ surveyHeader: 'Điều tra XHH (%)', survey: (i) => n(Math.round((DISTRICTS[i][2] / 28) * 10000) / 10000, 'c4'), total: (r) => `[.G${r}]+ROUND([.H${r}]*28;2)` })],
  ],
  // Two offices' files of one year: the appraisal with administrative prefixes and a footnote mark, the survey without.
  'quang-ngai-2023-appraisal-office': [
    ['Thẩm định', officeSheet('KẾT QUẢ THẨM ĐỊNH CHỈ SỐ CCHC CẤP HUYỆN NĂM 2023', 'Điểm thẩm định (72)', DISTRICTS.map(([name, a]) => [OFFICE_NAMES[name] ?? `Huyện ${name}`, a]))],
  ],
  'quang-ngai-2023-survey-office': [
    ['Điều tra XHH', officeSheet('KẾT QUẢ ĐIỀU TRA XÃ HỘI HỌC NĂM 2023', 'Điểm điều tra XHH (28)', [...DISTRICTS].sort((a, b) => a[0].localeCompare(b[0], 'vi')).map(([name, , sv]) => [name, sv]))],
  ],
};

for (const old of readdirSync(out)) if (/\.(fods|csv)$/.test(old)) rmSync(join(out, old));
for (const [name, content] of Object.entries(sheets)) writeFileSync(join(out, `${name}.fods`), document(content));
// ";" (59), '"' (34), UTF-8 (76), from line 1, Vietnamese (1066), cells as shown: Calc's "Text CSV" export.
const filter = 'csv:Text - txt - csv (StarCalc):59,34,76,1,,1066,false,true,true,false,false';
const files = Object.keys(sheets).map((name) => join(out, `${name}.fods`));
execFileSync('soffice', ['--headless', '--convert-to', filter, '--outdir', out, ...files], { stdio: 'inherit' });
const version = execFileSync('soffice', ['--version'], { encoding: 'utf8' }).trim();
console.log(`${files.length} sheets exported by ${version}`);
