// Builds par-score:
//  - dist/cli.cjs: the whole CLI in one CommonJS file, plus dist/cli.cjs.cache, V8's code cache for
//    it, made here by running the CLI once (bin/par-score.js loads both: start-up skips compiling);
//  - dist/index.js: the library (ESM) and dist/types: its declarations (tsc).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
rmSync(join(root, 'dist'), { recursive: true, force: true });

// Work done here once rather than at every start: the header keys of the column aliases (normalised
// and folded, src/read/header.ts), computed by the same code, bundled and run here.
const headerModule = await build({ absWorkingDir: root, entryPoints: ['src/read/header.ts'], bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'warning' });
const loaded = { exports: {} };
new Function('module', 'exports', headerModule.outputFiles[0].text)(loaded, loaded.exports);
const metaKeys = loaded.exports.metaKeyTable();

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  define: { __PAR_SCORE_VERSION__: JSON.stringify(pkg.version), __PAR_SCORE_META_KEYS__: JSON.stringify(metaKeys) },
};

// commander loads node:child_process at start only to run executable subcommands, which par-score
// does not have; an empty stub saves about 3 ms of every start.
const noChildProcess = {
  name: 'no-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, () => ({ path: 'child_process', namespace: 'par-score-stub' }));
    b.onLoad({ filter: /.*/, namespace: 'par-score-stub' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};

// SheetJS (workbooks) is its own file, dist/xlsx.cjs, loaded only when a workbook is read or
// written: a megabyte that no CSV run should read or compile.
const sheetJSFile = (from) => ({
  name: 'sheetjs-apart',
  setup(b) {
    b.onResolve({ filter: /^@e965\/xlsx$/ }, () => ({ path: from, external: true }));
  },
});
await build({
  ...common,
  format: 'cjs',
  entryPoints: ['node_modules/@e965/xlsx/xlsx.js'],
  outfile: 'dist/xlsx.cjs',
  minify: true,
});

// CommonJS, so that bin/par-score.js can compile it with a code cache (Node 20 has none for ES modules).
// Dynamic imports become require(): code compiled by vm.Script has no dynamic-import callback in Node 20.
await build({
  ...common,
  format: 'cjs',
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli.cjs',
  // The CLI's `require` is that of bin/par-score.js.
  plugins: [noChildProcess, sheetJSFile('../dist/xlsx.cjs')],
  // Half the text to read and compile at every start; the CLI never shows stack traces (PAR_SCORE_DEBUG aside).
  minify: true,
  supported: { 'dynamic-import': false },
});
// The bundle is stored as the function bin/par-score.js compiles (its first line opens it, so line
// numbers stay right), in ASCII only: the shim reads it as Latin-1 into a one-byte string and
// compiles it as it is, with no copy of the source to make (less garbage to collect at every start).
const cliFile = join(root, 'dist/cli.cjs');
const bundled = readFileSync(cliFile, 'latin1');
const nonAscii = /[^\x00-\x7f]/.exec(bundled);
if (nonAscii) throw new Error(`dist/cli.cjs must be ASCII; found ${JSON.stringify(bundled.slice(nonAscii.index - 30, nonAscii.index + 10))}`);
writeFileSync(cliFile, `(function (exports, require, module, __filename, __dirname) {${bundled}\n})`, 'latin1');

await build({
  ...common,
  format: 'esm',
  entryPoints: { index: 'src/index.ts' },
  outdir: 'dist',
  plugins: [sheetJSFile('./xlsx.cjs')],
  // Bundled CommonJS dependencies need a real `require` in ESM output.
  banner: { js: "import { createRequire as __parCreateRequire } from 'node:module'; const require = __parCreateRequire(import.meta.url);" },
});
execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { stdio: 'inherit', cwd: root });

// The code cache: run the common jobs once (--version, which sets up every command; a ranked table
// with the scheme chosen from the columns, and with a scheme file) so that the functions they use
// are compiled and saved.
execFileSync(process.execPath, [join(root, 'bin/par-score.js')], {
  cwd: root,
  env: {
    ...process.env,
    PAR_SCORE_MAKE_CACHE: JSON.stringify([
      // Every command's module (they load when their command is set up: all do for --version, which
      // draws no help), then the common jobs.
      ['--version'],
      ['rank', join(root, 'fixtures/quang-ngai-districts-2023.csv')],
      ['rank', join(root, 'fixtures/provinces-2022.csv'), '--scheme', join(root, 'src/read/builtin/vn-province-2022.json')],
      // The other commands' own code, once each.
      ['compare', join(root, 'fixtures/yoy/provinces-2023.csv'), join(root, 'fixtures/yoy/provinces-2024.csv')],
      ['trend', join(root, 'fixtures/yoy/provinces-2023.csv'), join(root, 'fixtures/yoy/provinces-2024.csv')],
      ['explain', 'Bình Sơn', join(root, 'fixtures/quang-ngai-districts-2023.csv')],
      ['validate', join(root, 'fixtures/quang-ngai-districts-2023.csv')],
      ['report', join(root, 'fixtures/yoy/provinces-2024.csv'), '--prev', join(root, 'fixtures/yoy/provinces-2023.csv')],
    ]),
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
