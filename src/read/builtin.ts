/** The built-in schemes: plain scheme files, validated like any user file. */
import province from './builtin/vn-province-2022.json' with { type: 'json' };
import ministry from './builtin/vn-ministry-2022.json' with { type: 'json' };
import quangNgai from './builtin/quang-ngai-district-2023.json' with { type: 'json' };
import { resolveScheme, type Scheme, type SchemeSpec } from '../model/scheme.js';

/** The built-in scheme files. They are validated by the tests (tests/unit/scheme.test.ts), not at every start. */
export const BUILTIN_FILES: readonly SchemeSpec[] = [province, ministry, quangNgai] as SchemeSpec[];

let cache: Scheme[] | undefined;

export function builtinSchemes(): readonly Scheme[] {
  cache ??= BUILTIN_FILES.map(resolveScheme);
  return cache;
}

export function findBuiltinScheme(id: string): Scheme | undefined {
  // Looked up in the files first: `--scheme my.json` need not resolve every built-in scheme.
  const at = BUILTIN_FILES.findIndex((f) => f.id === id);
  return at < 0 ? undefined : builtinSchemes()[at];
}
