/** The built-in schemes: plain scheme files, validated like any user file. */
import province from './builtin/vn-province-2022.json' with { type: 'json' };
import ministry from './builtin/vn-ministry-2022.json' with { type: 'json' };
import quangNgai from './builtin/quang-ngai-district-2023.json' with { type: 'json' };
import { parseScheme, type Scheme } from './schema.js';

const FILES: readonly unknown[] = [province, ministry, quangNgai];

let cache: Scheme[] | undefined;

export function builtinSchemes(): readonly Scheme[] {
  if (!cache) {
    cache = FILES.map((json) => {
      const { scheme, problems } = parseScheme(json, 'built-in scheme');
      if (!scheme) throw new Error(`invalid built-in scheme: ${problems.map((p) => p.message).join('; ')}`);
      return scheme;
    });
  }
  return cache;
}

export function findBuiltinScheme(id: string): Scheme | undefined {
  return builtinSchemes().find((s) => s.id === id);
}
