// `npm run bench`: wall time and peak memory of par-score on generated inputs (63, 10,000, 100,000
// and 1,000,000 units x 8 components), against `node -e 0` and against DuckDB doing the same job,
// measured in one run, commands taken in turn. Prints a table and writes docs/PERFORMANCE.md.
//   npm run bench [-- --sizes 63,10000] [--runs 5] [--quick]
//
// These machines set NODE_EXTRA_CA_CERTS, which adds about 80 ms to every Node.js start (loading
// the certificates); users' machines do not, so every command here runs without it.
import { spawn } from 'node:child_process';
import { cpus, totalmem, platform, release } from 'node:os';
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync, closeSync, writeSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const data = join(root, 'bench-data');
const args = process.argv.slice(2);
const opt = (name, d) => (args.includes(name) ? args[args.indexOf(name) + 1] : d);
const quick = args.includes('--quick');
const sizes = opt('--sizes', quick ? '63,10000,100000' : '63,10000,100000,1000000').split(',').map(Number);
const runs = Number(opt('--runs', quick ? '3' : '5'));
const MAXIMA = [10, 10, 15, 10, 10, 10, 15, 20];
mkdirSync(data, { recursive: true });

/** Deterministic inputs (a linear congruential generator), values with 2 decimals under each maximum. */
function generate(n, { year = 2024, bad = false } = {}) {
  const file = join(data, `units-${n}${year === 2024 ? '' : `-${year}`}${bad ? '-bad' : ''}.csv`);
  if (existsSync(file)) return file;
  const fd = openSync(file, 'w');
  let seed = year === 2024 ? 12345 : 54321;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  writeSync(fd, `code,unit,${MAXIMA.map((_, i) => `c${i + 1}`).join(',')}\n`);
  let buf = '';
  for (let i = 0; i < n; i++) {
    const cells = MAXIMA.map((m) => (Math.floor(rnd() * m * 100 * 0.5 + m * 100 * 0.5) / 100).toFixed(2));
    // The damaged file: the last row's third score is not a number.
    if (bad && i === n - 1) cells[2] = '12.3x';
    buf += `U${i},Unit ${i},${cells.join(',')}\n`;
    if (buf.length > 1 << 20) {
      writeSync(fd, buf);
      buf = '';
    }
  }
  writeSync(fd, buf);
  closeSync(fd);
  return file;
}

/**
 * The largest real input: every commune of Vietnam, about 3,300 units since 2025, here in 60
 * blocks, as offices write them: Vietnamese names (NFC), no code, `;` and decimal commas.
 */
function generateCommunes(year) {
  const file = join(data, `communes-3300-${year}.csv`);
  if (existsSync(file)) return file;
  let seed = year;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const syllables = 'An Bình Hòa Phú Thạnh Tân Long Hưng Sơn Đông Tây Nam Bắc Trung Mỹ Lộc Phước Thuận Hiệp Đức Lợi Quang Minh Hải Xuân Thủy Lâm Kim Ngọc Trà'.split(' ');
  const pick = (i, k) => syllables[(i * 7 + k * 13) % syllables.length];
  const lines = [`Tên đơn vị;Khối;${MAXIMA.map((_, i) => `c${i + 1}`).join(';')}`];
  for (let i = 0; i < 3300; i++) {
    const cells = MAXIMA.map((m) => (Math.floor(rnd() * m * 100 * 0.5 + m * 100 * 0.5) / 100).toFixed(2).replace('.', ','));
    lines.push(`Xã ${pick(i, 1)} ${pick(i, 2)} ${i + 1};Huyện ${pick(i % 60, 3)} ${pick(i % 60, 5)} ${(i % 60) + 1};${cells.join(';')}`);
  }
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

const schemeFile = join(data, 'bench-scheme.json');
writeFileSync(
  schemeFile,
  JSON.stringify({ id: 'bench-8', components: MAXIMA.map((max, i) => ({ id: `c${i + 1}`, max })), bands: [{ min: 90, label: { en: 'A', vi: 'A' } }] }, null, 2),
);

function peakKiB(pid) {
  try {
    return Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS;

/** One run: wall seconds and peak RSS (MiB) of a command whose stdout goes to /dev/null. */
function measure(cmd, cmdArgs) {
  return new Promise((resolve) => {
    const out = openSync('/dev/null', 'w');
    const started = process.hrtime.bigint();
    const child = spawn(cmd, cmdArgs, { stdio: ['ignore', out, 'pipe'], env });
    let peak = 0;
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // VmHWM is the high-water mark: a read every 20 ms finds the peak without taking CPU from the job.
    const timer = setInterval(() => (peak = Math.max(peak, peakKiB(child.pid))), 20);
    child.on('exit', () => (peak = Math.max(peak, peakKiB(child.pid))));
    child.on('close', (code) => {
      clearInterval(timer);
      closeSync(out);
      resolve({ seconds: Number(process.hrtime.bigint() - started) / 1e9, peakMiB: peak / 1024, code, stderr });
    });
  });
}

/** The commands in turn, `n` rounds, so that all see the same state of the machine: medians and every round's times. */
async function interleaved(n, commands) {
  const results = commands.map(() => []);
  for (let i = 0; i < n; i++) for (let c = 0; c < commands.length; c++) results[c].push(await measure(...commands[c]));
  return results.map((r) => {
    const times = r.map((x) => x.seconds);
    const sorted = [...r].sort((a, b) => a.seconds - b.seconds);
    return { ...sorted[Math.floor(sorted.length / 2)], peakMiB: Math.max(...r.map((x) => x.peakMiB)), times };
  });
}

/** The median of the ratios b/a of runs taken in the same round (stable where the ratio of two medians is not). */
function pairedRatio(a, b) {
  const ratios = b.times.map((t, i) => t / a.times[i]).sort((x, y) => x - y);
  return ratios[Math.floor(ratios.length / 2)];
}

const bin = join(root, 'bin', 'par-score.js');
const node = process.execPath;
const par = (...a) => [node, [bin, ...a]];
const rows = [];
const checks = [];
let context = '';
const ms = (s) => `${(s * 1000).toFixed(0)} ms`;
const add = (job, units, r, input) => {
  rows.push({ job, units, ...r, input });
  console.log(`${job} (${units}): ${ms(r.seconds)}, ${r.peakMiB.toFixed(0)} MiB${r.code ? ` (exit ${r.code}: ${r.stderr.split('\n')[0]})` : ''}`);
};

// Start-up: node -e 0, and every command on 63 units, in turn.
const small = generate(63);
const smallPrev = generate(63, { year: 2023 });
const S = ['--scheme', schemeFile];
const startJobs = [
  ['node -e 0', [node, ['-e', '0']]],
  ['rank (table)', par('rank', small, ...S)],
  ['rank --format json', par('rank', small, ...S, '--format', 'json')],
  ['compare', par('compare', smallPrev, small, ...S)],
  ['trend', par('trend', smallPrev, small, ...S, '--year', '2023,2024')],
  ['explain', par('explain', 'Unit 7', small, ...S)],
  ['validate', par('validate', small, ...S)],
  ['report', par('report', small, ...S)],
];
const starts = await interleaved(quick ? 11 : 31, startJobs.map((j) => j[1]));
const [baseline, table63] = starts;
startJobs.forEach(([job], i) => add(job, i === 0 ? '-' : 63, starts[i]));
checks.push([`63 units, table: x node -e 0 (${ms(baseline.seconds)})`, `${pairedRatio(baseline, table63).toFixed(2)} x, ${ms(table63.seconds - baseline.seconds)} of its own`, table63.code === 0]);
for (let i = 2; i < startJobs.length; i++) {
  const gap = starts[i].seconds - table63.seconds;
  checks.push([`63 units, ${startJobs[i][0]} within 15 ms of rank`, `${gap >= 0 ? '+' : ''}${(gap * 1000).toFixed(1)} ms`, starts[i].code === 0 && gap <= 0.015]);
}

// The largest real input, two years, every command that reads a year or two (context: no target).
{
  const [c23, c24] = [generateCommunes(2023), generateCommunes(2024)];
  const communeJobs = [
    ['rank (table), communes', par('rank', c24, ...S)],
    ['rank --prev (table), communes', par('rank', c24, '--prev', c23, ...S)],
    ['compare, communes', par('compare', c23, c24, ...S)],
    ['trend, communes', par('trend', c23, c24, ...S, '--year', '2023,2024')],
    ['report --prev, communes', par('report', c24, '--prev', c23, ...S)],
  ];
  const measured = await interleaved(quick ? 3 : 7, communeJobs.map((j) => j[1]));
  communeJobs.forEach(([job], i) => add(job, '3,300 (60 blocks)', measured[i]));
}

// Large inputs: rank --format json and DuckDB's same job, in turn.
const big = sizes.filter((n) => n >= 10_000);
const json = {};
for (const n of big) {
  const file = generate(n);
  const rounds = n >= 1_000_000 ? Math.max(runs, 7) : runs;
  const [p, d] = await interleaved(rounds, [par('rank', file, ...S, '--format', 'json'), [node, [join(root, 'bench', 'duckdb-job.mjs'), file, MAXIMA.join(',')]]]);
  json[n] = { p, d };
  add('par-score rank --format json', n, p, file);
  add('DuckDB (same job)', n, d, file);
}
for (let i = 1; i < big.length; i++) {
  const [a, b] = [json[big[i - 1]].p, json[big[i]].p];
  checks.push([`${big[i - 1].toLocaleString('en-US')} -> ${big[i].toLocaleString('en-US')} units: time (linear: ${big[i] / big[i - 1]} x)`, `${(b.seconds / a.seconds).toFixed(1)} x`, b.code === 0 && b.seconds / a.seconds <= 1.5 * (big[i] / big[i - 1])]);
}
const largest = big[big.length - 1];
if (largest) {
  const { p, d } = json[largest];
  const ratio = pairedRatio(d, p);
  checks.push([`${largest.toLocaleString('en-US')} units: time <= 2 x DuckDB (goal 1.5 x)`, `${ratio.toFixed(2)} x (${ms(p.seconds)} vs ${ms(d.seconds)})`, p.code === 0 && ratio <= 2]);
  checks.push([`${largest.toLocaleString('en-US')} units: memory <= DuckDB`, `${(p.peakMiB / d.peakMiB).toFixed(2)} x (${p.peakMiB.toFixed(0)} vs ${d.peakMiB.toFixed(0)} MiB)`, p.code === 0 && p.peakMiB <= d.peakMiB]);

  // Every command at the largest size: memory per byte of input, and the year-over-year jobs against rank.
  const file = generate(largest);
  const prev = generate(largest, { year: 2023 });
  const bad = generate(largest, { bad: true });
  const input = statSync(file).size;
  const perCommand = [
    // Taken again in the same rounds as the two-year jobs, so that their ratios to it are of runs taken together.
    ['rank --format json (in the rounds below)', par('rank', file, ...S, '--format', 'json'), input],
    ['rank (table)', par('rank', file, ...S), input],
    ['rank --format csv', par('rank', file, ...S, '--format', 'csv'), input],
    ['validate', par('validate', file, ...S), input],
    ['rank, bad cell on the last line', par('rank', bad, ...S, '--format', 'json'), input],
    ['rank --prev --format json', par('rank', file, '--prev', prev, ...S, '--format', 'json'), 2 * input],
    ['compare --format json', par('compare', prev, file, ...S, '--format', 'json'), 2 * input],
    // Context, not a target: DuckDB writing what par-score's JSON carries (per-component points, index and rank, band).
    ['DuckDB, every field par-score writes', [node, [join(root, 'bench', 'duckdb-job.mjs'), file, MAXIMA.join(','), 'full']], input],
    // Context too: DuckDB's same job on one thread, as par-score runs.
    ['DuckDB (same job, 1 thread)', [node, [join(root, 'bench', 'duckdb-job.mjs'), file, MAXIMA.join(','), 'threads=1']], input],
  ];
  const measured = await interleaved(quick ? 1 : 3, perCommand.map((c) => c[1]));
  perCommand.forEach(([job, , bytes], i) => add(job, largest, measured[i], bytes));
  const at = (job) => perCommand.findIndex((c) => c[0] === job);
  const badRun = measured[at('rank, bad cell on the last line')];
  checks.push([`${largest.toLocaleString('en-US')} units, bad last cell: the error with its line and column`, badRun.stderr.split('\n')[0].replace(/^.*?:(\d+:\d+):.*$/, 'at $1'), badRun.code === 1 && new RegExp(`:${largest + 1}:5: `).test(badRun.stderr)]);
  for (const [job, , bytes] of [['rank --format json', null, input], ...perCommand.filter((c) => !c[0].startsWith('DuckDB') && !c[0].includes('in the rounds'))]) {
    const r = job === 'rank --format json' ? p : measured[at(job)];
    const perByte = (r.peakMiB * 1024 * 1024) / bytes;
    checks.push([`${job}: memory <= about 10 bytes per input byte`, `${perByte.toFixed(1)} (${r.peakMiB.toFixed(0)} MiB for ${(bytes / 1024 / 1024).toFixed(0)} MB)`, perByte <= 11]);
  }
  const rankAgain = measured[0];
  for (const job of ['rank --prev --format json', 'compare --format json']) {
    const r = measured[at(job)];
    const ratio = pairedRatio(rankAgain, r);
    checks.push([`${job} on two years: within 2 x rank`, `${ratio.toFixed(2)} x (${ms(r.seconds)} vs ${ms(rankAgain.seconds)})`, r.code === 0 && ratio <= 2]);
  }
  const full = measured[at('DuckDB, every field par-score writes')];
  if (full.code === 0) {
    context = `\nFor context (not a target): DuckDB writing every field par-score's JSON carries (per-component points, index and rank, band; one object per line) takes ${ms(full.seconds)} and ${full.peakMiB.toFixed(0)} MiB for ${largest.toLocaleString('en-US')} units, where par-score takes ${ms(rankAgain.seconds)} and ${rankAgain.peakMiB.toFixed(0)} MiB in the same rounds (${pairedRatio(full, rankAgain).toFixed(2)} x the time, ${(rankAgain.peakMiB / full.peakMiB).toFixed(2)} x the memory).\n`;
  }
  const single = measured[at('DuckDB (same job, 1 thread)')];
  if (single.code === 0) {
    context += `\nFor context (not a target): DuckDB's same job on one thread, as par-score runs, takes ${ms(single.seconds)} and ${single.peakMiB.toFixed(0)} MiB; par-score takes ${pairedRatio(single, rankAgain).toFixed(2)} x that time and ${(rankAgain.peakMiB / single.peakMiB).toFixed(2)} x that memory in the same rounds.\n`;
  }
}

const fmt = (r) => `| ${r.job} | ${typeof r.units === 'number' ? r.units.toLocaleString('en-US') : r.units} | ${(r.seconds * 1000).toFixed(0)} | ${(r.seconds / baseline.seconds).toFixed(2)} | ${r.peakMiB.toFixed(0)} |${r.code ? ` exit ${r.code}` : ''} |`;
const table = ['| Job | Units | Wall (ms) | x node -e 0 | Peak RSS (MiB) | Note |', '|---|---:|---:|---:|---:|---|', ...rows.map(fmt)].join('\n');
const verdicts = ['| Target | Measured | Met |', '|---|---|:---:|', ...checks.map(([t, m, ok]) => `| ${t} | ${m} | ${ok ? 'yes' : '**no**'} |`)].join('\n');
const cpu = cpus();
const machine = `${cpu.length} x ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, ${platform()} ${release()}, Node ${process.versions.node}`;
const doc = `# Performance

Measured by \`npm run bench\` (bench/run.mjs) on ${new Date().toISOString().slice(0, 10)}, on ${machine},
without NODE_EXTRA_CA_CERTS (which this machine sets and which adds about 80 ms to every Node.js start).
Inputs are generated (deterministic): 8 components, a code and a name per unit (the communes:
a Vietnamese name and a district block, no code, semicolons and decimal commas); every output goes
to /dev/null. The commands of a comparison are taken in turn (the machine's speed changes between
runs); times are medians, ratios the medians of the ratios of runs taken together, peak memory the
largest resident set seen. par-score runs with its default options (no --max-input-size) on one
thread; DuckDB (\`@duckdb/node-api\`, 2 threads) does the same job: read the CSV, exact decimal sums,
index rounded to 2 decimals, rank, JSON (about 90 bytes per unit, where par-score's JSON carries every
component of every unit: about 1.5 KB).

${table}

${verdicts}
${context}`;
console.log('\n' + table + '\n\n' + verdicts + '\n' + context);
mkdirSync(join(root, 'docs'), { recursive: true });
writeFileSync(join(root, 'docs', 'PERFORMANCE.md'), doc + '\n' + readFileSync(join(root, 'docs', 'PERFORMANCE-notes.md'), 'utf8'));
console.log('wrote docs/PERFORMANCE.md');
