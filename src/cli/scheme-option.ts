/** `--scheme <id|path>`: a built-in scheme id, or a scheme JSON file. */
import { existsSync, readFileSync } from 'node:fs';
import { ParScoreError, usageError } from '../core/problem.js';
import { decode } from '../input/decode.js';
import { builtinSchemes, findBuiltinScheme } from '../scheme/builtin.js';
import { parseScheme, type Scheme } from '../scheme/schema.js';
import { jsonErrorOffset } from '../scheme/json-locate.js';

/** Line and column of a character offset, for JSON syntax errors. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

export function parseSchemeText(text: string, file: string): Scheme {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const offset = jsonErrorOffset(text);
    const where = offset >= 0 ? position(text, offset) : {};
    const message = (e as Error).message.replace(/,\s*(\.\.\.)?".*$/s, '');
    throw new ParScoreError([{ severity: 'error', code: 'scheme-invalid', message: `not valid JSON: ${message}`, file, ...where }], 1);
  }
  const { scheme, problems } = parseScheme(json, file);
  if (!scheme) throw new ParScoreError(problems, 1);
  return scheme;
}

export function resolveSchemeOption(value: string): Scheme {
  const builtin = findBuiltinScheme(value);
  if (builtin) return builtin;
  if (!existsSync(value)) {
    throw usageError(
      'unknown-scheme',
      `unknown scheme "${value}": not a built-in scheme (${builtinSchemes().map((s) => s.id).join(', ')}) and no such file`,
      '`par-score schemes` lists the built-in schemes; `par-score schemes <id> --format json > my.json` starts a scheme file of your own',
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(value);
  } catch (e) {
    throw usageError('cannot-open', `cannot read ${value}: ${(e as Error).message}`);
  }
  return parseSchemeText(decode(bytes, value), value);
}
