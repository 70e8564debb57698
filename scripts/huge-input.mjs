// Feeds par-score a multi-gigabyte input, generated on the fly (never stored), and checks that it is
// rejected with a clear message and bounded memory, never an out-of-memory crash.
//   node scripts/huge-input.mjs [gigabytes=4]
// Two cases: a stream on standard input, and a sparse file on disk (no disk space used).
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, openSync, ftruncateSync, closeSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'par-score.js');
const gigabytes = Number(process.argv[2] ?? 4);
const total = gigabytes * 1024 ** 3;

function peakKiB(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

function run(args, feed) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, peakKiB(child.pid))), 20);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.stdin.on('error', () => {}); // par-score stops reading: EPIPE is expected
    if (feed) feed(child.stdin);
    else child.stdin.end();
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ code, stdout, stderr, peakMiB: peak / 1024, seconds: (Date.now() - started) / 1000 });
    });
  });
}

function stream(stdin) {
  const row = 'Xã Bình Sơn;63,26;19,58\n';
  const block = Buffer.from(row.repeat(Math.floor((1 << 20) / row.length)));
  let sent = 0;
  stdin.write('Đơn vị;Điểm thẩm định (72);Điều tra XHH (28)\n');
  const pump = () => {
    while (sent < total) {
      sent += block.length;
      if (!stdin.write(block)) return stdin.once('drain', pump);
    }
    stdin.end();
  };
  stdin.on('close', () => (sent = total));
  pump();
}

const results = [];
const a = await run(['rank', '-', '--scheme', 'quang-ngai-district-2023'], stream);
results.push(['stdin stream', a]);

const dir = mkdtempSync(join(tmpdir(), 'par-score-huge-'));
const file = join(dir, 'huge.csv');
const fd = openSync(file, 'w');
ftruncateSync(fd, total); // sparse: takes no disk space
closeSync(fd);
const b = await run(['rank', file, '--scheme', 'quang-ngai-district-2023']);
results.push(['sparse file', b]);
const c = await run(['rank', file, '--scheme', 'quang-ngai-district-2023', '--max-input-size', '100GiB']);
results.push(['file, limit raised to 100 GiB', c]);
rmSync(dir, { recursive: true, force: true });

let ok = true;
for (const [name, r] of results) {
  const good = r.code === 1 && r.stdout === '' && /over the limit|more than Node\.js may use/.test(r.stderr) && r.peakMiB < 512;
  ok &&= good;
  console.log(`${good ? 'ok  ' : 'FAIL'} ${name}: exit ${r.code}, peak ${r.peakMiB.toFixed(0)} MiB, ${r.seconds.toFixed(1)} s`);
  console.log(`     ${r.stderr.trim().split('\n').join('\n     ')}`);
}
process.exit(ok ? 0 : 1);
