// Golden outputs: runs a corpus of command lines against a build of par-score and writes each one's
// stdout, stderr and exit code into a folder, so that two builds can be compared with `diff -r`:
//
//   node scripts/golden.mjs <bin/par-score.js of build A> /tmp/golden-a
//   node scripts/golden.mjs bin/par-score.js /tmp/golden-b && diff -r /tmp/golden-a /tmp/golden-b
//
// Used while redesigning the internals (docs/DECISIONS.md): a change meant to keep behaviour must
// leave every file identical. Also generates random CSV files (seeded) and runs them through rank
// and validate. Nothing is written inside the repository.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [binArg, outArg, randomArg] = process.argv.slice(2);
if (!binArg || !outArg) {
  console.error('usage: node scripts/golden.mjs <path/to/bin/par-score.js> <output folder> [random files, default 300]');
  process.exit(2);
}
const bin = resolve(binArg);
const out = resolve(outArg);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const f = (p) => `fixtures/${p}`;
const QN = f('quang-ngai-districts-2023.csv');
const QNA = f('quang-ngai-2023-appraisal.csv');
const QNS = f('quang-ngai-2023-survey.csv');
const PROV = f('provinces-2022.csv');
const MIN = f('ministries-2023.csv');
const EX = f('example-province-units-2023.csv');
const EXS = f('example-province.scheme.json');
const Y23 = f('yoy/provinces-2023.csv');
const Y24 = f('yoy/provinces-2024.csv');
const Y25 = f('yoy/provinces-2025.csv');
const CW = f('yoy/crosswalk-2024-2025.csv');

const jobs = [];
const add = (args, input) => jobs.push({ args, input });

const inputs = [[QN], [QNA, QNS], [PROV], [MIN], [EX, '--scheme', EXS], [Y23], [Y24], [Y25]];
for (const files of inputs) {
  for (const format of ['table', 'json', 'csv', 'md']) {
    for (const lang of ['en', 'vi']) add(['rank', ...files, '--format', format, '--lang', lang]);
  }
  add(['rank', ...files, '--ties', 'dense']);
  add(['rank', ...files, '--ties', 'ordinal', '--format', 'json']);
  add(['rank', ...files, '--rank-precision', '1', '--format', 'json']);
  add(['rank', ...files, '--rank-precision', '0']);
  add(['rank', ...files, '--components', 'hide']);
  add(['rank', ...files, '--format', 'csv', '--bom']);
  add(['validate', ...files]);
  add(['validate', ...files, '--format', 'json']);
  add(['validate', ...files, '--strict']);
  add(['report', ...files]);
  add(['report', ...files, '--format', 'md', '--lang', 'vi']);
}
add(['rank', MIN, '--ties', 'ordinal']);
add(['rank', MIN, '--format', 'json', '--ties', 'dense']);
add(['rank', EX, '--scheme', EXS, '--missing', 'zero']);

// Year over year.
const pairs = [
  [Y23, Y24],
  [Y24, Y25, '--crosswalk', CW],
  [Y24, Y25, '--crosswalk', CW, '--merge-rule', 'mean'],
  [Y24, Y25, '--crosswalk', CW, '--merge-rule', 'max'],
  [Y24, Y25, '--crosswalk', CW, '--merge-rule', 'sum'],
  [Y24, Y25],
  [PROV, Y23],
];
for (const [prev, cur, ...rest] of pairs) {
  for (const format of ['table', 'json', 'csv', 'md']) {
    for (const lang of ['en', 'vi']) {
      add(['compare', prev, cur, ...rest, '--format', format, '--lang', lang]);
      add(['rank', cur, '--prev', prev, ...rest, '--format', format, '--lang', lang]);
    }
  }
  add(['compare', prev, cur, ...rest, '--top', '3']);
  add(['compare', prev, cur, ...rest, '--top', '2', '--format', 'json']);
  add(['compare', prev, cur, ...rest, '--fail-on-rank-drop', '0']);
  add(['rank', cur, '--prev', prev, ...rest, '--fail-on-rank-drop', '2', '--format', 'json']);
  add(['report', cur, '--prev', prev, ...rest]);
  add(['report', cur, '--prev', prev, ...rest, '--format', 'md', '--lang', 'vi']);
}
for (const format of ['table', 'json', 'csv', 'md']) {
  add(['trend', Y23, Y24, Y25, '--format', format]);
  add(['trend', Y23, Y24, Y25, '--format', format, '--lang', 'vi']);
}
add(['trend', Y23, Y24, '--year', '2021,2022']);
add(['trend', PROV, Y23]);

// explain
for (const [unit, ...files] of [
  ['Bình Sơn', QN],
  ['binh son', QN],
  ['huyen binh son', QNA, QNS],
  ['22', PROV],
  ['Ninh Thuận', PROV],
  ['Bộ Tư pháp', MIN],
  ['Thanh tra Chính phủ', MIN],
  ['S04', EX, '--scheme', EXS],
  ['Sở Tư pháp', EX, '--scheme', EXS],
  ['Hải Phòng', Y24, '--prev', Y23],
  ['Cao Bằng', Y24, '--prev', Y23],
  ['nowhere', QN],
  ['Sơn', QN],
]) {
  for (const format of ['table', 'json', 'md']) for (const lang of ['en', 'vi']) add(['explain', unit, ...files, '--format', format, '--lang', lang]);
}

// template and schemes
for (const id of ['vn-province-2022', 'vn-ministry-2022', 'quang-ngai-district-2023', EXS]) {
  add(['template', '--scheme', id]);
  add(['template', '--scheme', id, '--lang', 'vi', '--delimiter', ';']);
  for (const format of ['table', 'json', 'md']) for (const lang of ['en', 'vi']) add(['schemes', id, '--format', format, '--lang', lang]);
}
add(['template', '--scheme', 'quang-ngai-district-2023', '--units', QN, '--lang', 'vi']);
add(['template', '--scheme', 'vn-province-2022', '--units', PROV, '--no-bom']);
for (const format of ['table', 'json', 'md']) add(['schemes', '--format', format]);

// Errors and usage.
const bad = [
  'a-directory.csv', 'bom-in-middle.csv', 'duplicate-column.csv', 'duplicate-unit.csv', 'empty-cell.csv', 'empty-file.csv', 'exponent-1e309.csv',
  'header-only.csv', 'infinity.csv', 'latin-1.csv', 'long-line.csv', 'missing-column.csv', 'negative.csv', 'ragged-row.csv', 'random-binary.csv',
  'text.csv', 'truncated-utf16.csv', 'unterminated-quote.csv', 'utf-16-no-bom.csv', 'value-above-max.csv', 'windows-1258.csv',
];
for (const b of bad) {
  add(['rank', `tests/bad-inputs/${b}`]);
  add(['rank', `tests/bad-inputs/${b}`, '--scheme', 'quang-ngai-district-2023', '--format', 'json']);
  add(['validate', `tests/bad-inputs/${b}`, '--format', 'json']);
}
add(['rank']);
add(['rank', 'no-such-file.csv']);
add(['rank', QN, '--format', 'xml']);
add(['rank', QN, '--ties', 'whatever']);
add(['rank', QN, '--scheme', 'nope']);
add(['rank', QN, '--rank-precision', '11']);
add(['rank', QN, '--max-input-size', '100']);
add(['rank', QN, '--delimiter', '|']);
add(['rank', QN, '--crosswalk', CW]);
add(['rank', QNA, QNA]);
add(['rank', QN, QNS]);
add(['2023.csv']);
add(['frobnicate']);
add(['rank', '-'], '\uFEFFĐơn vị;Điểm thẩm định (72);Điều tra XHH (28)\nA;60,5;20\nB;61;19,5\n');
add(['rank', '-', '--format', 'json'], 'unit,appraisal,survey\nA,60.5,20\nB,61,19.5\n');
add(['rank', '-', '-']);
add(['validate', '-'], 'Đơn vị;Điểm thẩm định (72);Điều tra XHH (28)\nA;60,5;\nB;99;19,5\nA;1;1\n');
add(['compare', Y23]);
add(['trend', Y23, Y24, '--year', '2021']);
add(['explain', 'x']);
add(['template']);

// Random files, seeded: clean and damaged, every delimiter and several shapes.
let seed = 20261201;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const names = ['Bình Sơn', 'Sơn Tịnh', 'Tư Nghĩa', 'Đức Phổ', 'Hoà Vang', 'Hòa Vang', 'A', 'B', 'C', 'Xã Số 1', 'Xã Số 2', 'Phường 3', 'TP. Quảng Ngãi', 'Huyện Lý Sơn', '=cmd', 'Tên, có phẩy', 'Q"uote'];
const tmp = mkdtempSync(join(tmpdir(), 'par-score-golden-'));
const count = Number(randomArg ?? 300);
for (let k = 0; k < count; k++) {
  const delim = pick([';', ',', '\t']);
  const comma = delim !== ',' && rnd() < 0.6;
  const header = pick([
    ['Đơn vị', 'Điểm thẩm định (72)', 'Điều tra XHH (28)'],
    ['unit', 'appraisal', 'survey'],
    ['STT', 'Đơn vị', 'Điểm thẩm định (72)', 'Điều tra XHH (28)', 'Tổng điểm'],
    ['Mã', 'Đơn vị', 'Khối', 'Điểm thẩm định (72)', 'Điều tra XHH (28)', 'Có xếp hạng'],
    ['code', 'province', 'appraisal', 'sipas', 'leaders_survey', 'socio_economic'],
  ]);
  const n = 1 + Math.floor(rnd() * 14);
  const lines = [];
  if (rnd() < 0.2) lines.push(['KẾT QUẢ NĂM 2023', ...header.slice(1).map(() => '')].join(delim));
  lines.push(header.join(delim));
  const used = new Set();
  for (let i = 0; i < n; i++) {
    let name = pick(names);
    if (rnd() < 0.7) while (used.has(name)) name = `${pick(names)} ${Math.floor(rnd() * 50)}`;
    used.add(name);
    const row = header.map((h) => {
      const num = (max) => {
        const r = rnd();
        if (r < 0.03) return '';
        if (r < 0.06) return '-';
        if (r < 0.08) return 'N/A';
        if (r < 0.09) return String(max + 1);
        if (r < 0.1) return 'abc';
        const decimals = pick([0, 1, 2, 2, 2, 3]);
        const v = (Math.floor(rnd() * max * 10 ** decimals) / 10 ** decimals).toFixed(decimals);
        return comma ? v.replace('.', ',') : v;
      };
      switch (h) {
        case 'Đơn vị': case 'unit': case 'province': return name;
        case 'STT': return String(i + 1);
        case 'Mã': case 'code': return rnd() < 0.95 ? String(10 + i) : '';
        case 'Khối': return pick(['Sở', 'Huyện']);
        case 'Có xếp hạng': return pick(['có', 'có', 'không', '']);
        case 'Tổng điểm': return rnd() < 0.5 ? '' : num(100);
        case 'Điểm thẩm định (72)': case 'appraisal': return num(h === 'appraisal' && header.length === 6 ? 61.5 : 72);
        case 'Điều tra XHH (28)': case 'survey': return num(28);
        case 'sipas': return num(10);
        case 'leaders_survey': return num(22);
        case 'socio_economic': return num(6.5);
        default: return '';
      }
    });
    const quoted = row.map((c) => (c.includes(delim) || c.includes('"') || (rnd() < 0.05 && c !== '') ? `"${c.replace(/"/g, '""')}"` : c));
    lines.push(quoted.join(delim));
  }
  if (rnd() < 0.1) lines.push('Trung bình' + delim.repeat(header.length - 1));
  const eol = rnd() < 0.5 ? '\r\n' : '\n';
  const text = (rnd() < 0.3 ? '\uFEFF' : '') + lines.join(eol) + (rnd() < 0.8 ? eol : '');
  const file = join(tmp, `random-${String(k).padStart(3, '0')}.csv`);
  writeFileSync(file, text);
  const shown = `random/${String(k).padStart(3, '0')}.csv`;
  jobs.push({ args: ['rank', file, '--format', 'json'], shown: ['rank', shown, '--format', 'json'] });
  jobs.push({ args: ['rank', file], shown: ['rank', shown] });
  if (k % 3 === 0) jobs.push({ args: ['validate', file, '--format', 'json'], shown: ['validate', shown, '--format', 'json'] });
  if (k % 5 === 0) jobs.push({ args: ['rank', file, '--format', 'csv', '--lang', 'vi', '--ties', 'ordinal'], shown: ['rank', shown, 'csv-vi-ordinal'] });
}

const env = { ...process.env, NO_COLOR: '1' };
delete env.FORCE_COLOR;
delete env.NODE_EXTRA_CA_CERTS;
let i = 0;
for (const job of jobs) {
  const r = spawnSync(process.execPath, [bin, ...job.args], { cwd: root, input: job.input ?? '', env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const clean = (s) => s.split(tmp).join('<tmp>');
  const name = String(i++).padStart(4, '0');
  writeFileSync(join(out, `${name}.txt`), `$ par-score ${(job.shown ?? job.args).join(' ')}\nexit ${r.status}\n--- stdout\n${clean(r.stdout)}\n--- stderr\n${clean(r.stderr)}`);
}
rmSync(tmp, { recursive: true, force: true });
console.log(`${jobs.length} command lines written to ${out}`);
