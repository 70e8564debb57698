import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  // What the build puts in the bundle (scripts/build.mjs), so that in-process runs print the same.
  define: { __PAR_SCORE_VERSION__: JSON.stringify(pkg.version) },
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30000,
    setupFiles: ['tests/setup.ts'],
    reporters: ['default', './tests/summary-reporter.ts'],
  },
});
