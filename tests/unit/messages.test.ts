/**
 * Every message in Vietnamese: every problem code of the README has an entry in the catalogue
 * (src/write/messages.ts), and every problem the corpus makes (the bad inputs, the LibreOffice
 * sheets, workbooks, usage errors) reads as Vietnamese with --lang vi: no message or hint left in
 * English, nothing English-looking once the data it quotes is set aside.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasEntry, localise } from '../../src/write/messages.js';
import type { Problem } from '../../src/model/problem.js';
import { cli } from '../cli/run.js';
import { ROOT, tempDir } from '../helpers.js';
import { writeFileSync } from 'node:fs';

const H = 'Đơn vị;Điểm thẩm định (72);Điều tra XHH (28)\n';
/** Small files, one per problem the fixtures do not make. */
const CASES: Record<string, string> = {
  'thousands.csv': H + 'A;1.234,5;20\nB;60;20\n',
  'mixed-decimals.csv': H + 'A;60,5;20\nB;60.5;20\nC;61.5;20\nD;62.5;20\n',
  'all-na.csv': H + 'A;KAD;N/A\nB;60;20\n',
  'above-max.csv': H + 'A;73;20\nB;60;20\n',
  'zero.csv': H + 'A;0;0\nB;72;28\nC;60;20\n',
  'too-precise.csv': H + 'A;60,1234567890123;20\n',
  'total-mismatch.csv': 'Đơn vị;Điểm thẩm định (72);Điều tra XHH (28);Tổng điểm\nA;60;20;85\nB;61;20;81\n',
  'index-mismatch.csv': 'Đơn vị;Điểm thẩm định (72);Điều tra XHH (28);Chỉ số (%)\nA;60;20;85\nB;61;20;81\n',
  'summary.csv': H + 'A;60;20\nB;61;20\nTổng cộng;130;40\n',
  'codes-a.csv': 'Mã;Đơn vị;Điểm thẩm định (72)\n01;A;60\n02;B;61\n',
  'codes-b.csv': 'Mã;Đơn vị;Điều tra XHH (28)\n01;B;20\n02;A;21\n',
  'years.csv': 'Năm;Đơn vị;Điểm thẩm định (72);Điều tra XHH (28)\n2022;A;60;20\n2023;B;61;20\n',
  'blank-name.csv': H + ';60;20\nB;61;20\n',
  'empty-value.csv': H + 'A;;20\nB;61;20\n',
  'ragged.csv': H + 'A;60\n',
  'quote.csv': H + 'A;"60;20\n',
  'badquote.csv': H + 'A;6"0;20\n',
  'below-notes.csv': H + 'A;60;20\nGhi chú: số liệu tạm\nB;61;20\n',
};

function caseFiles(): string[][] {
  const dir = tempDir('vi');
  return Object.entries(CASES).map(([name, text]) => {
    writeFileSync(join(dir, name), text);
    return [join(dir, name)];
  });
}

/** Words that, outside quoted data, mean a sentence is still English. */
const ENGLISH = /(?<!\p{L})(the|is|are|not|of|and|with|has|have|must|this|that|which|cannot|should|would|could|expected|give|write|use|pass|file|files|column|columns|row|rows|line|header|unit|units|value|values|points|maximum|found|missing|empty|name|does|every|more|than|into|from|it|its|there|here|only|or|be|for|at|as|by|on|no|one|two)(?!\p{L})/iu;

/** A sentence without what it quotes: "…" and `…` texts, options, file names, ids in parentheses. */
function prose(text: string): string {
  return text
    .replace(/"[^"]*"/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/'[^']*'/g, ' ')
    .replace(/--[a-z][a-z-]*(?:[ =](?:[a-z0-9.,]+|<[^>]+>))?/gi, ' ')
    .replace(/\S+\.(csv|xlsx|xls|ods|json|html|md)\b\S*/gi, ' ')
    .replace(/[A-Z_]+=\S+/g, ' ');
}

function englishIn(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const m = ENGLISH.exec(prose(text));
  return m ? m[0] : undefined;
}

/** The codes README lists (its "Problem codes" table), every one of them. */
function readmeCodes(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('Problem codes (stable'), readme.indexOf('## Guarantees'));
  return [...new Set([...table.matchAll(/`([a-z][a-z0-9-]+)`/g)].map((m) => m[1]!))];
}

async function problemsOf(args: string[]): Promise<Problem[]> {
  const r = await cli(['validate', ...args, '--format', 'json']);
  return (JSON.parse(r.stdout || '{"problems":[]}') as { problems: Problem[] }).problems.map((p) => ({ ...p, hint: p.hint ?? undefined }) as Problem);
}

/** stderr lines of a run in Vietnamese. */
async function viLines(args: string[]): Promise<string[]> {
  const r = await cli([...args, '--lang', 'vi']);
  return r.stderr.split('\n').filter((l) => l !== '');
}

describe('the Vietnamese catalogue', () => {
  it('has an entry for every problem code README lists', () => {
    const codes = readmeCodes();
    expect(codes.length).toBeGreaterThan(60);
    expect(codes.filter((c) => !hasEntry(c) && c !== 'validate')).toEqual([]);
  });

  it('every problem of the corpus reads as Vietnamese, message and hint', async () => {
    const corpus: string[][] = [
      ...readdirSync(join(ROOT, 'tests/bad-inputs'))
        .filter((f) => f !== 'README.md')
        .map((f) => [join(ROOT, 'tests/bad-inputs', f)]),
      ...readdirSync(join(ROOT, 'fixtures/sheets'))
        .filter((f) => f.endsWith('.csv'))
        .map((f) => [join(ROOT, 'fixtures/sheets', f)]),
      ...readdirSync(join(ROOT, 'fixtures/workbooks')).map((f) => [join(ROOT, 'fixtures/workbooks', f)]),
      [join(ROOT, 'fixtures/sheets/quang-ngai-2023-as-exported.csv'), '--scheme', 'vn-province-2022'],
      [join(ROOT, 'fixtures/quang-ngai-2023-appraisal.csv'), join(ROOT, 'fixtures/quang-ngai-2023-appraisal.csv')],
      [join(ROOT, 'fixtures/quang-ngai-2023-appraisal.csv')],
      [join(ROOT, 'fixtures/provinces-2022.csv'), join(ROOT, 'fixtures/yoy/provinces-2023.csv')],
      [join(ROOT, 'fixtures/sheets/quang-ngai-2023-as-exported.csv'), '--totals', 'declared'],
      ...caseFiles().map((f) => [...f, '--scheme', 'quang-ngai-district-2023']),
      [...caseFiles()[9]!, ...caseFiles()[10]!, '--scheme', 'quang-ngai-district-2023'],
      [join(ROOT, 'tests/bad-inputs/empty-cell.csv'), '--missing', 'zero'],
    ];
    const untranslated: string[] = [];
    const seen = new Set<string>();
    for (const args of corpus) {
      for (const p of await problemsOf(args)) {
        const vi = localise(p, 'vi');
        seen.add(p.code);
        const bad = englishIn(vi.message) ?? englishIn(vi.hint);
        if (!hasEntry(p.code) || bad) untranslated.push(`[${p.code}] "${bad}" in: ${vi.message}${vi.hint ? ` | hint: ${vi.hint}` : ''}`);
      }
    }
    expect(untranslated.join('\n')).toBe('');
    // The corpus reaches a good share of the codes.
    expect(seen.size).toBeGreaterThan(25);
  });

  it('errors, warnings and summaries on stderr, and usage errors', async () => {
    const lines = [
      ...(await viLines(['rank', join(ROOT, 'tests/bad-inputs/duplicate-unit.csv'), join(ROOT, 'tests/bad-inputs/empty-cell.csv')])),
      ...(await viLines(['rank', join(ROOT, 'fixtures/sheets/quang-ngai-2023-as-exported.csv')])),
      ...(await viLines(['rank', join(ROOT, 'no-such-file.csv')])),
      ...(await viLines(['rank', join(ROOT, 'fixtures/quang-ngai-districts-2023.csv'), '--ties', 'olympic'])),
      ...(await viLines(['rank', join(ROOT, 'fixtures/quang-ngai-districts-2023.csv'), '--frobnicate'])),
      ...(await viLines(['rank'])),
      ...(await viLines(['rank', join(ROOT, 'fixtures/quang-ngai-districts-2023.csv'), '--scheme', 'no-such-scheme'])),
      ...(await viLines(['explain', 'Nowhere', join(ROOT, 'fixtures/quang-ngai-districts-2023.csv')])),
      ...(await viLines(['compare', join(ROOT, 'fixtures/yoy/provinces-2023.csv'), join(ROOT, 'fixtures/yoy/provinces-2024.csv'), '--fail-on-rank-drop', '0'])),
      ...(await viLines(['compare', join(ROOT, 'fixtures/yoy/provinces-2024.csv'), join(ROOT, 'fixtures/yoy/provinces-2025.csv')])),
      ...(await viLines(['compare', join(ROOT, 'fixtures/yoy/provinces-2024.csv'), join(ROOT, 'fixtures/yoy/provinces-2025.csv'), '--crosswalk', join(ROOT, 'fixtures/yoy/crosswalk-2024-2025.csv'), '--merge-rule', 'mean'])),
      ...(await viLines(['trend', join(ROOT, 'fixtures/yoy/provinces-2023.csv'), join(ROOT, 'fixtures/yoy/provinces-2023.csv')])),
      ...(await viLines(['trend', join(ROOT, 'fixtures/yoy/provinces-2023.csv'), join(ROOT, 'fixtures/yoy/provinces-2024.csv'), '--crosswalk', join(ROOT, 'fixtures/yoy/crosswalk-2024-2025.csv')])),
      ...(await viLines(['rank', join(ROOT, 'fixtures/quang-ngai-districts-2023.csv'), '--out', join(ROOT, 'fixtures/quang-ngai-districts-2023.csv')])),
      ...(await viLines(['rank', join(ROOT, 'fixtures/quang-ngai-districts-2023.csv'), '--out', join(ROOT, 'README.md')])),
      ...(await viLines(['rank', join(ROOT, 'fixtures/workbooks/quang-ngai-2023-as-exported.xlsx'), '--sheet', 'Sheet9'])),
      ...(await viLines(['rank', join(ROOT, 'fixtures/quang-ngai-districts-2023.csv'), '--scheme', join(ROOT, 'package.json')])),
      ...(await viLines(['rank', join(ROOT, 'fixtures/quang-ngai-districts-2023.csv'), '--excel', '--format', 'json'])),
      ...(await viLines(['rank', join(ROOT, 'fixtures/quang-ngai-districts-2023.csv'), '--crosswalk', 'x.csv'])),
    ];
    const english = lines.filter((l) => englishIn(l.replace(/^par-score: /, '').replace(/^\s+gợi ý: /, '')));
    expect(english.join('\n')).toBe('');
    expect(lines.some((l) => l.includes('không có gì được ghi'))).toBe(true);
  });
});

describe('--help in Vietnamese', () => {
  it('every command: no English sentence (examples, flags and ids aside)', async () => {
    const commands = ['', 'rank', 'compare', 'trend', 'explain', 'validate', 'template', 'report', 'schemes'];
    const english: string[] = [];
    for (const c of commands) {
      const r = await cli([...(c ? [c] : []), '--help', '--lang', 'vi']);
      expect(r.code).toBe(0);
      const body = r.stdout.slice(0, r.stdout.indexOf('Ví dụ:') >= 0 ? r.stdout.indexOf('Ví dụ:') : undefined);
      for (const line of body.split('\n')) {
        // The term column (flags, arguments, command names) is syntax; the description is prose.
        const prose = line.replace(/^\s{2}(-\S+(,\s+--\S+)?( <[^>]+>| \[[^\]]+\])?|[a-z]+( \[tùy chọn\])?( [<[][^\s]+[>\]])*)\s{2,}/, '');
        const word = englishIn(prose.replace(/^Cách dùng: .*$/, ''));
        if (word) english.push(`${c || 'par-score'}: "${word}" in ${line.trim()}`);
      }
    }
    expect(english.join('\n')).toBe('');
  });

  it('PAR_SCORE_LANG=vi gives the Vietnamese help too; English stays the default', async () => {
    expect((await cli(['rank', '--help'], { env: { PAR_SCORE_LANG: 'vi' } })).stdout).toContain('Tùy chọn:');
    expect((await cli(['rank', '--help'])).stdout).toContain('Options:');
  });
});

/**
 * Every message template in the source (`log.error('code', `...`)` and the like), its interpolations
 * replaced by a sample value: the catalogue must have a pattern for it. A few messages are assembled
 * from parts that a sample cannot stand for; the corpus above covers those.
 */
describe('every message template in the source', () => {
  const ASSEMBLED = new Set(['value-above-max', 'rows-skipped', 'bad-option', 'look-alike-name', 'missing-column']);

  function templates(): { code: string; message: string; file: string }[] {
    const out: { code: string; message: string; file: string }[] = [];
    const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
    for (const file of files(join(ROOT, 'src'))) {
      const s = readFileSync(file, 'utf8');
      for (const m of s.matchAll(/(?:\.error|\.warn|\.note|usageError|invalid)\(\s*'([a-z][a-z0-9-]+)',\s*/g)) {
        let i = m.index! + m[0].length;
        const quote = s[i]!;
        if (!`'\`"`.includes(quote)) continue;
        let text = '';
        for (i++; s[i] !== quote; i++) {
          if (s[i] === '\\') text += s[++i];
          else if (quote === '`' && s.startsWith('${', i)) {
            // Skip the interpolation (balanced braces, nested templates); a plural suffix ("cell${s}") stands for nothing.
            let depth = 0;
            const letter = /\p{L}/u.test(s[i - 1] ?? '');
            for (; ; i++) {
              if (s[i] === '{') depth++;
              else if (s[i] === '}' && --depth === 0) break;
              else if (s[i] === '`') for (i++; s[i] !== '`'; i++);
            }
            text += letter ? '' : '1';
          } else text += s[i];
        }
        out.push({ code: m[1]!, message: text, file: file.slice(ROOT.length + 1) });
      }
    }
    return out;
  }

  it('has a Vietnamese pattern', () => {
    const all = templates();
    expect(all.length).toBeGreaterThan(90);
    const missing = all.filter((t) => !ASSEMBLED.has(t.code) && localise({ severity: 'error', code: t.code, message: t.message }, 'vi').message === t.message);
    expect(missing.map((t) => `${t.file}: [${t.code}] ${t.message}`).join('\n')).toBe('');
  });
});

describe('numbers in Vietnamese messages', () => {
  it('take a decimal comma, except what is quoted from a file', async () => {
    const { viNumbers } = await import('../../src/write/messages.js');
    expect(viNumbers('Bình Sơn: "Tổng điểm" là 82.85, nhưng tổng là 82.84: chênh 0.01')).toBe('Bình Sơn: "Tổng điểm" là 82,85, nhưng tổng là 82,84: chênh 0,01');
    expect(viNumbers('"60.5" không phải là số; tệp ket-qua-2023.5.csv, bản 0.1.0')).toBe('"60.5" không phải là số; tệp ket-qua-2023.5.csv, bản 0.1.0');
  });
});
