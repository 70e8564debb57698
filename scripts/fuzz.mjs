// A longer fuzzing run than CI's: `npm run fuzz [runs]` (default 20000 per property).
// Crashes are saved in the system temporary folder (the failure says where); add them to
// tests/fuzz-regressions/, which every test run replays.
import { spawnSync } from 'node:child_process';

const runs = process.argv[2] ?? '20000';
const r = spawnSync('npx', ['vitest', 'run', 'tests/unit/fuzz.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, PAR_FUZZ_RUNS: runs },
});
process.exit(r.status ?? 1);
