/**
 * Bytes -> text. Accepts UTF-8 (with or without BOM) and UTF-16 with a BOM, which is what Excel's
 * "CSV UTF-8" and "Unicode Text" exports produce. Anything else is rejected with a message that says
 * how to re-save the file, never decoded as something it is not.
 */
import { ParScoreError, type Problem } from '../model/problem.js';

const RESAVE_HINT =
  'in Excel choose File > Save As > "CSV UTF-8 (Comma delimited) (*.csv)"; in LibreOffice tick "Edit filter settings" and pick "Unicode (UTF-8)"';

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Whole-file problems are reported at line 1, so every message names a file and a line. */
function fail(file: string, code: string, message: string, line = 1, hint?: string): never {
  const p: Problem = { severity: 'error', code, message, file, line, ...(hint ? { hint } : {}) };
  throw new ParScoreError([p], 1);
}

/** Offset of the first byte that is not valid UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    if (i + need > n - 1) return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

export function decode(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) return '';
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return checkText(utf8(bytes.subarray(3), file, 3), file);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return checkText(utf16(bytes.subarray(2), 'utf-16le', file), file);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return checkText(utf16(bytes.subarray(2), 'utf-16be', file), file);

  // NUL bytes never occur in a text CSV: UTF-16 without a BOM, or a binary file.
  const sample = bytes.subarray(0, 4096);
  let nul = 0;
  for (let i = sample.indexOf(0); i >= 0; i = sample.indexOf(0, i + 1)) nul++;
  if (nul > 0) {
    const evenOrOdd = sample.filter((b, i) => b === 0 && i % 2 === 1).length;
    if (nul >= sample.length / 4 && (evenOrOdd > nul * 0.9 || evenOrOdd < nul * 0.1)) {
      fail(file, 'encoding', 'the file looks like UTF-16 without a byte-order mark, which cannot be read reliably', undefined, RESAVE_HINT);
    }
    fail(file, 'binary-file', 'this is not a text file (it contains NUL bytes); expected a CSV file', lineAt(bytes, bytes.indexOf(0)));
  }
  return checkText(utf8(bytes, file, 0), file);
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', file: string): string {
  try {
    if (bytes.length % 2 !== 0) throw new Error('odd length');
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return fail(file, 'encoding', `the file starts with a ${encoding.toUpperCase()} byte-order mark but is not valid ${encoding.toUpperCase()} (truncated or damaged)`, undefined, RESAVE_HINT);
  }
}

let strictUtf8: InstanceType<typeof TextDecoder> | undefined;

function utf8(bytes: Uint8Array, file: string, offsetBase: number): string {
  try {
    return (strictUtf8 ??= new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })).decode(bytes);
  } catch {
    // fall through to locate the offending byte
  }
  const bad = Math.max(0, firstInvalidUtf8(bytes));
  return fail(
    file,
    'encoding',
    `the file is not UTF-8 (byte 0x${(bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0')} at byte ${bad + offsetBase + 1}); it was probably saved as Windows-1258, TCVN3 or another "ANSI" code page`,
    lineAt(bytes, bad),
    RESAVE_HINT,
  );
}

function checkText(text: string, file: string): string {
  const bom = text.indexOf('\uFEFF');
  if (bom >= 0) {
    const line = text.slice(0, bom).split('\n').length;
    fail(file, 'bom-in-middle', 'a byte-order mark (U+FEFF) in the middle of the file: were two files joined together? Remove the stray mark or re-save the file', line);
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) fail(file, 'binary-file', 'this is not a text file (it contains NUL characters)', text.slice(0, nul).split('\n').length);
  return text;
}
