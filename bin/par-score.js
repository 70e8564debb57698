#!/usr/bin/env node
// Thin shim: loads the bundled CLI (dist/cli.cjs, built by `npm run build`, run by `prepare`) with
// V8's code cache made at build time, so start-up does not compile it again. A cache that does not
// fit this Node.js (made by another version: Node.js was upgraded after installing) is ignored by
// V8; the CLI is then compiled as usual and a cache for this Node.js is saved as the process ends,
// for the next runs (when the folder is writable). Node 22's own compile cache
// (module.enableCompileCache) was measured and is slower here: it keeps only the top-level code,
// where this cache holds every function the common jobs ran (docs/DECISIONS.md). CommonJS (see
// bin/package.json) so that starting it needs no ES module loader either.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');

const file = join(__dirname, '..', 'dist', 'cli.cjs');
const cacheFile = `${file}.cache`;
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  // no cache: compile as usual
}
// The bundle is one function expression, (function (exports, require, module, __filename, __dirname)
// {...}), in ASCII (scripts/build.mjs checks): read as Latin-1, it is a one-byte string, compiled as is.
const script = new Script(readFileSync(file, 'latin1'), {
  filename: file,
  ...(cachedData ? { cachedData } : {}),
});
const cli = { exports: {} };
script.runInThisContext()(cli.exports, require, cli, file, join(__dirname, '..', 'dist'));
if (cachedData && script.cachedDataRejected && !process.env.PAR_SCORE_MAKE_CACHE) {
  process.once('exit', () => {
    try {
      writeFileSync(cacheFile, script.createCachedData());
    } catch {
      // a read-only install keeps working, compiling at every start
    }
  });
}
if (process.env.PAR_SCORE_MAKE_CACHE) {
  // Build time: run the given jobs (a JSON list of argument lists) quietly, so the functions they use
  // are compiled, then save the code cache.
  const quiet = { env: {}, stdoutIsTTY: false, stdout: async () => {}, stderr: () => {} };
  (async () => {
    for (const argv of JSON.parse(process.env.PAR_SCORE_MAKE_CACHE)) await cli.exports.run(argv, quiet);
    try {
      writeFileSync(cacheFile, script.createCachedData());
    } catch {
      // a read-only install keeps working without a cache
    }
  })();
} else cli.exports.main(process.argv.slice(2));
