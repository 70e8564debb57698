/** `par-score template --scheme <id|file>`: an empty input file whose header rank reads back as is. */
import type { Command } from 'commander';
import { ParScoreError, usageError } from '../../model/problem.js';
import { cleanName } from '../../model/text.js';
import { RecordScanner } from '../../read/csv.js';
import { decode } from '../../read/decode.js';
import { locateHeader } from '../../read/header.js';
import { csvCell } from '../../write/csv.js';
import { WORDS } from '../../write/words.js';
import { componentTitle } from '../../write/view.js';
import { register, type CommandSpec } from '../command.js';
import type { Context } from '../context.js';

const OPTIONS = [['scheme', { required: true, help: 'built-in scheme id or scheme JSON file' }], ['lang', { help: 'header language' }], 'units', 'outputDelimiter', 'withBom', 'out', ['force', { help: 'allow --out to replace an existing file' }]] as const;

interface UnitLine {
  name: string;
  code?: string;
  block?: string;
}

function readUnitList(bytes: Uint8Array, file: string): UnitLine[] {
  const located = locateHeader(new RecordScanner(decode(bytes, file), file));
  const col = (role: string) => located.columns.find((c) => c.meta === role);
  const unit = col('unit');
  if (!unit) {
    throw new ParScoreError([
      { severity: 'error', code: 'missing-column', message: 'the unit list needs a unit column ("unit", "Đơn vị", "Tên đơn vị", ...)', file, line: located.line },
    ]);
  }
  const code = col('code');
  const block = col('block');
  const units: UnitLine[] = [];
  const scanner = located.scanner;
  while (scanner.next()) {
    const field = (i: number) => (i < scanner.count ? scanner.field(i) : '');
    const name = cleanName(field(unit.index));
    if (!name) continue;
    const c = code ? cleanName(field(code.index)) : '';
    const b = block ? cleanName(field(block.index)) : '';
    units.push({ name, ...(c ? { code: c } : {}), ...(b ? { block: b } : {}) });
  }
  return units;
}

const spec: CommandSpec<typeof OPTIONS> = {
  name: 'template',
  summary: 'write an empty input file for a scheme, to fill in and rank',
  description:
    'Writes a CSV whose header matches the scheme (labels with their maxima, e.g. "Điểm thẩm định (61,5)"),\n' +
    'with one empty row per unit from --units. Once filled in, `par-score rank` reads it without options\n' +
    '(for a built-in scheme; give --scheme for your own).',
  args: [],
  options: OPTIONS,
  examples: [
    'par-score template --scheme vn-province-2022 --lang vi --out mau-2024.csv',
    'par-score template --scheme quang-ngai-district-2023 --units huyen.csv --lang vi > nhap-lieu.csv',
  ],
  async run(job) {
    const o = job.o;
    const scheme = job.scheme!;
    let units: UnitLine[] = [];
    if (o.units) {
      const [source] = await job.read([o.units]);
      units = readUnitList(source!.bytes, source!.name);
      if (units.length === 0) throw usageError('no-units', `${o.units} lists no units`);
    }
    const w = WORDS[o.lang];
    const sep = o.lang === 'vi' ? ',' : '.';
    const hasCode = units.some((u) => u.code !== undefined);
    const hasBlock = units.some((u) => u.block !== undefined);
    const head = [
      o.lang === 'vi' ? 'STT' : 'no',
      w.unit,
      ...(hasCode ? [w.code] : []),
      ...(hasBlock ? [w.block] : []),
      ...scheme.components.map((c) => componentTitle(c, o.lang, sep)),
    ];
    const d = o.outputDelimiter;
    const cell = (s: string) => (s.includes(d) && d !== ',' ? `"${s.replace(/"/g, '""')}"` : csvCell(s));
    const rows = units.map((u, i) => [String(i + 1), u.name, ...(hasCode ? [u.code ?? ''] : []), ...(hasBlock ? [u.block ?? ''] : []), ...scheme.components.map(() => '')]);
    return { output: (o.withBom ? '\uFEFF' : '') + [head, ...rows].map((r) => r.map(cell).join(d)).join('\r\n') + '\r\n' };
  },
};

export function registerTemplate(program: Command, ctx: Context): void {
  register(program, ctx, spec);
}
