// A mutation check: plants one small bug at a time in the model, the reader and the CLI (a flipped
// comparison, a dropped check, an off-by-one), runs the test suite, and counts the bugs it kills.
// A surviving mutant is a rule no test holds. Takes about half a minute a mutant (build + tests).
//
//   node scripts/mutate.mjs            # every mutant
//   node scripts/mutate.mjs 3 7        # only these (numbers as listed)
//
// The working tree is restored after each mutant (and on Ctrl-C); run it on a clean checkout.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** [file, what it breaks, text, replacement]: the text must occur exactly once. */
const MUTANTS = [
  ['src/model/stats.ts', 'the median of an even count takes one middle value', 'scaleRatio(addRatios(ascending(mid - 1), ascending(mid)), 1n, 2n)', 'ascending(mid)'],
  ['src/model/bands.ts', 'a band excludes its own minimum', 'compareRatios(value, b.min) >= 0', 'compareRatios(value, b.min) > 0'],
  ['src/model/rank.ts', 'dense ranks skip like competition ranks', "above += ties === 'competition' ? n : 1;", 'above += n;'],
  ['src/model/ranking.ts', 'a not-applicable component stays in the maximum', 'if (Number.isNaN(p)) m -= maxQ[node]!;', 'if (Number.isNaN(p)) m -= 0;'],
  ['src/model/ranking.ts', 'a penalty is added instead of taken off', "total += a.role === 'bonus' ? p : -p;", 'total += p;'],
  ['src/model/ranking.ts', 'bonus points are never capped', "if (total > max && t.scheme.overMax === 'cap') {", 'if (Math.random() < 0) {'],
  ['src/model/figures.ts', 'a declared total is never checked', 'if (diff > tolerance) {', 'if (diff > tolerance * 1e9) {'],
  ['src/model/figures.ts', "a unit's own maximum above what applies is taken", 'if (value > max || value === 0) {', 'if (value === 0) {'],
  ['src/model/tree.ts', 'a part given with its fields is not checked', 'if (own) {\n        const given = own[i]!;', 'if (own && Math.random() < 0) {\n        const given = own[i]!;'],
  ['src/model/compare.ts', 'rank changes are compared across blocks', 'sameBlock(previousBlock(i), current.table.blocks[i])', 'true'],
  ['src/model/compare.ts', 'a new unit counts as a place lost with --merge-rule', 'const now = rule ? (currentReranked.get(i) ?? 0) : current.rank[i]!;', 'const now = current.rank[i]!;'],
  ['src/model/match.ts', 'a crosswalk mapping one old unit to two new ones is not reported', 'if (mapped[p.found] && target[p.found] !== c.found) {', 'if (Math.random() < 0) {'],
  ['src/model/decimal.ts', 'decimal addition drops the scale of the second term', 'export function add(a: Decimal, b: Decimal): Decimal {', 'export function add(a: Decimal, b: Decimal): Decimal {\n  b = { units: b.units, scale: a.scale };'],
  ['src/read/cell.ts', 'a failed formula (#N/A) reads as not applicable', "if (FORMULA_ERROR.test(text)) return invalid('formula-error',", "if (FORMULA_ERROR.test(text)) return { kind: 'na' };\n  if (false) return invalid('formula-error',"],
  ['src/read/cell.ts', 'a lone dash reads as not applicable', "if (DASH.test(text)) return { kind: 'dash' };", "if (DASH.test(text)) return { kind: 'na' };"],
  ['src/read/cell.ts', "'5 N/A' reads as not applicable", 'if (/\\d/.test(text)) return false;', ''],
  ['src/read/footer.ts', 'a "Trung bình" row is ranked as a unit', "const MEANS = ['trung bình',", "const MEANS = ['xx trung bình',"],
  ['src/read/row-cells.ts', 'a value above the maximum passes', 'if (max && reader.value > max[reader.scale]!) {', 'if (Math.random() < 0) {'],
  ['src/read/join.ts', 'a code that joins two names passes', 'if (byItsCode !== undefined && strippedNameKey(first.names[byItsCode]!) !== strippedNameKey(name)) {', 'if (byItsCode !== undefined && Math.random() < 0) {'],
  ['src/read/plan.ts', 'a percent header is read as points', "const percent = n.measure.kind !== 'percent' && n.measure.kind !== 'ratio' && [col, ...parts].some", 'const percent = Math.random() < 0 && [col, ...parts].some'],
  ['src/cli/io.ts', 'the out-is-input check compares paths, not files (hard links)', 'return x.dev === y.dev && x.ino === y.ino;', 'return a === b;'],
  ['src/cli/stdout.ts', 'a reader that went away (| head) turns the verdict into exit 0', "if (code === 'EPIPE') {\n        gone = true;\n        return Promise.resolve();", "if (code === 'EPIPE') {\n        gone = true;\n        process.exit(0);"],
  ['src/model/text.ts', 'a zero-width space makes another unit', ".replace(INVISIBLE, '')", ''],
  ['src/model/match.ts', "a code's candidates are listed in the order the units were read", 'units.sort((a, b) => place[a]! - place[b]!);', 'void place;'],
  ['src/model/match.ts', 'a code several units share matches the first of them', 'if (byCode[p]! >= 0) {\n      setTarget(p, byCode[p]!);', 'if (byCode[p]! !== -1) {\n      setTarget(p, Math.max(0, byCode[p]!));'],
  ['src/model/match.ts', "the unit read at the same place is taken whatever its code", 'if (there !== undefined && sameFolded(there, code)) {', 'if (there !== undefined) {'],
  ['src/read/join.ts', 'a code from a later file keeps the codes known distinct', 'distinctCodes: !codesJoined,', 'distinctCodes: true,'],
  ['src/write/markdown.ts', "a Markdown cell holding only '&' is left as it is", 'if (!MARKUP.test(text)) return text;', "if (!/[|<>*_]/.test(text)) return text;"],
  ['src/read/csv.ts', 'a line with quotes is split at its delimiters like one without', 'if (this.nextQuote >= end) {', 'if (this.nextQuote >= 0) {'],
  ['src/read/csv.ts', 'going back in the text keeps the line ends found ahead', 'this.nextLF = this.nextCR = this.nextQuote = this.nextDelimiter = -1;', ''],
  ['src/model/tie-order.ts', 'equal values are listed in input order', 'return (a, b) => prefix[a]! - prefix[b]! || full(a, b);', 'return (a, b) => a - b;'],
];

const only = process.argv.slice(2).map(Number);
const chosen = MUTANTS.map((m, i) => [i + 1, ...m]).filter(([n]) => only.length === 0 || only.includes(n));
let original;
let file;
const restore = () => {
  if (file && original !== undefined) writeFileSync(join(root, file), original);
};
process.on('SIGINT', () => {
  restore();
  process.exit(130);
});

const results = [];
for (const [n, f, what, text, replacement] of chosen) {
  file = f;
  original = readFileSync(join(root, f), 'utf8');
  const count = original.split(text).length - 1;
  if (count !== 1) {
    results.push([n, what, `not planted (the text is found ${count} times)`]);
    continue;
  }
  writeFileSync(join(root, f), original.replace(text, replacement));
  const started = Date.now();
  // A mutant must compile (else it proves nothing); then the suite as CI runs it, stopped at the first failure.
  const compiles = spawnSync('sh', ['-c', 'npm run build >/dev/null 2>&1 && npx tsc -p tsconfig.test.json >/dev/null 2>&1'], { cwd: root, timeout: 600_000 }).status === 0;
  const run = compiles ? spawnSync('npx', ['vitest', 'run', '--bail', '1'], { cwd: root, timeout: 600_000, stdio: 'ignore' }) : undefined;
  restore();
  const seconds = Math.round((Date.now() - started) / 1000);
  if (!run) {
    results.push([n, what, 'not planted (the mutant does not compile)']);
    console.log(`${n}. ${what}: does not compile`);
    continue;
  }
  const killed = run.status !== 0;
  results.push([n, what, `${killed ? 'killed' : 'SURVIVED'} (${seconds} s)`]);
  console.log(`${n}. ${what}: ${results.at(-1)[2]}`);
}
execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
const planted = results.filter((r) => !r[2].startsWith('not planted'));
const killed = planted.filter((r) => r[2].startsWith('killed')).length;
for (const r of results.filter((r) => r[2].startsWith('not planted'))) console.log(`${r[0]}. ${r[1]}: ${r[2]}`);
const unplanted = results.length - planted.length;
console.log(`\n${killed} of ${planted.length} mutants killed (${Math.round((100 * killed) / Math.max(1, planted.length))} %)${unplanted ? `; ${unplanted} not planted: point them at where their rule is now` : ''}`);
// A mutant not planted checks nothing: the run fails until it is planted again.
process.exitCode = killed === planted.length && unplanted === 0 ? 0 : 1;
