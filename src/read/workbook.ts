/**
 * Workbooks (.xlsx, .xlsm, .xls, .ods, .fods) -> the text the one reader reads. A sheet becomes
 * comma-separated text with one line per sheet row and one field per sheet column, from A1, so that
 * a problem's line and column are the sheet's own row and column, reported as a cell
 * (`'Bảng 1'!C8`). Cells are taken as the spreadsheet shows them (cached formula results, `8.60`
 * under a two-decimal format, not 8.600000000000001); an error cell (`#N/A`) stays its text, which
 * the reader refuses as it refuses it in a CSV; a merged header keeps its text in its first cell, as
 * LibreOffice's CSV export does, which is the two-row header the reader knows.
 *
 * SheetJS (published as @e965/xlsx, exact version pinned) is loaded only when a workbook is given:
 * it is a megabyte of code that no CSV run should compile.
 */
import { format, fromNumber, normalize } from '../model/decimal.js';
import { ParScoreError, type Problem } from '../model/problem.js';
import type { Delimiter } from './csv.js';
import { decode } from './decode.js';

/** What the reader needs of a file: its name in messages, its bytes, or its text already made. */
export interface Source {
  /** Shown in messages: a path, or `<stdin>`. */
  readonly name: string;
  /** Empty once the text is made (`openSources`): a large file is not held twice while it is read. */
  readonly bytes: Uint8Array;
  /** The text, when it was made: from a workbook's sheet, or decoded (else `bytes` are decoded). */
  readonly text?: string;
  /** The sheet the text was made from, for a workbook: positions are cells of it, fields are comma-separated. */
  readonly sheet?: string;
  /** Every sheet of the workbook, when there are several and the first was read by default. */
  readonly otherSheets?: readonly string[];
}

const WORKBOOK_NAME = /\.(xlsx|xlsm|xlsb|xls|ods|fods)$/i;

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** A ZIP (xlsx, ods), an OLE compound file (xls, an encrypted xlsx), or XML/HTML under a workbook's name. */
export function isWorkbook(source: { readonly name: string; readonly bytes: Uint8Array }): boolean {
  const b = source.bytes;
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return true;
  if (!WORKBOOK_NAME.test(source.name)) return false;
  // A flat OpenDocument sheet, Excel 2003 XML or an HTML table saved as ".xls" (what many
  // administrative systems export as "Excel").
  let i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  while (i < b.length && (b[i] === 0x20 || b[i] === 0x09 || b[i] === 0x0a || b[i] === 0x0d)) i++;
  return b[i] === 0x3c;
}

/** The subset of SheetJS used here. */
interface Cell {
  readonly t: 'n' | 's' | 'b' | 'e' | 'd' | 'z';
  readonly v?: unknown;
  readonly w?: string;
  /** The number format. */
  readonly z?: string;
}
interface Sheet {
  readonly '!ref'?: string;
  readonly '!data'?: (readonly (Cell | undefined)[] | undefined)[];
}
interface Book {
  readonly SheetNames: readonly string[];
  readonly Sheets: Readonly<Record<string, Sheet>>;
}
export interface SheetJS {
  read(data: Uint8Array, options: Record<string, unknown>): Book;
  write(book: unknown, options: Record<string, unknown>): Uint8Array;
  utils: {
    decode_range(ref: string): { s: { r: number; c: number }; e: { r: number; c: number } };
    book_new(): unknown;
    aoa_to_sheet(rows: unknown[][], options?: Record<string, unknown>): Record<string, unknown>;
    book_append_sheet(book: unknown, sheet: unknown, name: string): void;
    encode_cell(at: { r: number; c: number }): string;
  };
}

let library: SheetJS | undefined;

/** SheetJS, loaded on first use (the CLI bundle maps this import to dist/xlsx.cjs). */
export async function sheetJS(): Promise<SheetJS> {
  if (!library) {
    const m = (await import('@e965/xlsx')) as unknown as SheetJS & { default?: SheetJS };
    library = typeof m.read === 'function' ? m : m.default!;
  }
  return library;
}

function fail(file: string, code: string, message: string, hint?: string): never {
  const p: Problem = { severity: 'error', code, message, file, ...(hint ? { hint } : {}) };
  throw new ParScoreError([p], 1);
}

/**
 * How a number format shows a number: how many decimals (undefined: as General shows it) and
 * whether as a percentage. Only these matter for scores; SheetJS's own rendering is not used
 * because it turns a locale prefix such as Vietnamese `[$-42A]0.00` into "$9.19".
 */
/** A format's first section (positive numbers), without quoted text, escapes, [colours/locales], fill and padding. */
function firstSection(z: string): string {
  return z.replace(/"[^"]*"|\\.|\[[^\]]*\]|[_*]./g, '').split(';')[0]!;
}

export function numberFormat(z: string | undefined): { readonly decimals?: number; readonly percent: boolean } {
  if (z === undefined) return { percent: false };
  const first = firstSection(z);
  const percent = first.includes('%');
  if (!/[0#?]/.test(first) || /[eE][+-]/.test(first)) return { percent };
  const m = /\.([0#?]*)/.exec(first);
  return { decimals: m ? m[1]!.length : 0, percent };
}

/** Whether a number format shows a date or a time (d, m, y, h, s outside quotes, and no digit placeholder). */
export function isDateFormat(z: string): boolean {
  const first = firstSection(z);
  return /[dmyhs]/i.test(first) && !/[0#?]/.test(first) && !/general/i.test(first);
}

/** A number as its format shows it: 15 significant digits as Excel keeps, then rounded half away from zero. */
export function displayedNumber(v: number, z: string | undefined): string {
  const { decimals, percent } = numberFormat(z);
  if (!Number.isFinite(v)) return String(v);
  const d = fromNumber(Number((percent ? v * 100 : v).toPrecision(15)));
  return (decimals === undefined ? format(normalize(d)) : format(d, decimals)) + (percent ? '%' : '');
}

/** The cell's text as shown; line breaks in a cell (Alt+Enter in a header) become spaces. */
function cellText(cell: Cell | undefined): string {
  if (!cell) return '';
  let text: string;
  switch (cell.t) {
    case 'z':
      return '';
    case 's':
      text = String(cell.v ?? '');
      break;
    case 'b':
      text = cell.v ? 'TRUE' : 'FALSE';
      break;
    case 'n':
      // A date (Excel turns "8.5" typed in some locales into 8 May): as the sheet shows it, which the
      // reader refuses as not a number, rather than its serial number.
      if (cell.z !== undefined && isDateFormat(cell.z)) text = cell.w ?? String(cell.v ?? '');
      else text = typeof cell.v === 'number' ? displayedNumber(cell.v, cell.z) : String(cell.v ?? '');
      break;
    default:
      text = cell.w ?? String(cell.v ?? '');
  }
  text = text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
  return /[",]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Which sheet: `--sheet` as a name (case and spacing forgiven) or a 1-based number, else the first. */
function chooseSheet(names: readonly string[], wanted: string | undefined, file: string): string {
  const list = names.map((n) => `"${n}"`).join(', ');
  if (names.length === 0) fail(file, 'workbook-damaged', 'the workbook has no sheets');
  if (wanted === undefined) return names[0]!;
  const exact = names.find((n) => n === wanted) ?? names.find((n) => n.normalize('NFC').trim().toLowerCase() === wanted.normalize('NFC').trim().toLowerCase());
  if (exact !== undefined) return exact;
  if (/^\d+$/.test(wanted)) {
    const n = Number(wanted);
    if (n >= 1 && n <= names.length) return names[n - 1]!;
  }
  throw new ParScoreError([{ severity: 'error', code: 'unknown-sheet', file, hint: '--sheet takes a sheet name or its number (1 for the first)', message: `the workbook has no sheet "${wanted}"; its sheets are ${list}` }], 2);
}

/** The text of one sheet: every row from 1 to the last non-empty one, every column from A to the last non-empty one. */
function sheetText(sheet: Sheet, lib: SheetJS): string {
  const ref = sheet['!ref'];
  const data = sheet['!data'] ?? [];
  if (!ref) return '';
  const range = lib.utils.decode_range(ref);
  const rows: string[][] = [];
  let width = 0;
  for (let r = 0; r <= range.e.r; r++) {
    const cells = data[r];
    const fields: string[] = [];
    if (cells) for (let c = 0; c <= range.e.c; c++) fields.push(cellText(cells[c]));
    let used = fields.length;
    while (used > 0 && fields[used - 1] === '') used--;
    fields.length = used;
    width = Math.max(width, used);
    rows.push(fields);
  }
  let last = rows.length;
  while (last > 0 && rows[last - 1]!.length === 0) last--;
  const lines: string[] = [];
  for (let r = 0; r < last; r++) {
    const fields = rows[r]!;
    while (fields.length < width) fields.push('');
    lines.push(fields.join(','));
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

/** SheetJS prints remarks on the console ("ODS number format may be incorrect"): not into par-score's output. */
function quietly<T>(f: () => T): T {
  const saved = [console.log, console.warn, console.error];
  console.log = console.warn = console.error = () => {};
  try {
    return f();
  } finally {
    [console.log, console.warn, console.error] = saved as [typeof console.log, typeof console.warn, typeof console.error];
  }
}

/** What a workbook may unpack to: a results sheet of every commune of Vietnam unpacks to about 2 MB. */
export const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;

/**
 * The total unpacked size a ZIP's central directory states (an .xlsx or .ods), or undefined when it
 * is not a ZIP or cannot be read (SheetJS then says why). Checked before unpacking, so a small file
 * that unpacks to gigabytes (a "ZIP bomb") is refused without using the memory.
 */
export function unpackedSize(bytes: Uint8Array): number | undefined {
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 64 KiB + 22 bytes.
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 65557); at--) {
    if (view.getUint32(at, true) !== 0x06054b50) continue;
    const entries = view.getUint16(at + 10, true);
    let p = view.getUint32(at + 16, true);
    let total = 0;
    for (let k = 0; k < entries; k++) {
      if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) return undefined;
      const size = view.getUint32(p + 24, true);
      // 0xFFFFFFFF: the size is in a ZIP64 record; count it as what it at least is.
      total += size;
      p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    }
    return total;
  }
  return undefined;
}

/** Reads a workbook's sheet into a text source; a damaged or password-protected file is an error naming it. */
export function workbookSource(lib: SheetJS, source: { readonly name: string; readonly bytes: Uint8Array }, wanted?: string): Source {
  const unpacked = unpackedSize(source.bytes);
  if (unpacked !== undefined && unpacked > MAX_UNPACKED_BYTES) {
    fail(source.name, 'input-too-large', `the workbook unpacks to ${Math.round(unpacked / 1024 / 1024).toLocaleString('en-US')} MiB, more than the ${MAX_UNPACKED_BYTES / 1024 / 1024} MiB a results workbook can need`, 'save the sheet with the scores as CSV UTF-8, or split the workbook');
  }
  let book: Book;
  try {
    // An HTML table saved as ".xls" holds text: SheetJS would read "63,26" as 6326 (a thousands
    // comma); raw, the text goes to the reader, which knows decimal commas.
    const text = !startsWith(source.bytes, [0x50, 0x4b, 0x03, 0x04]) && !startsWith(source.bytes, [0xd0, 0xcf, 0x11, 0xe0]);
    book = quietly(() => lib.read(source.bytes, { type: 'buffer', dense: true, cellNF: true, cellFormula: false, cellHTML: false, cellStyles: false, cellDates: false, WTF: false, ...(text ? { raw: true } : {}) }));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    if (/password|encrypt/i.test(why)) fail(source.name, 'workbook-encrypted', 'the workbook is password-protected: par-score cannot read it', 'open it in Excel or LibreOffice, remove the password (File > Info > Protect Workbook, or File > Properties > Security) and save it again, or save the sheet as CSV UTF-8');
    return fail(source.name, 'workbook-damaged', `this looks like a workbook but cannot be read (${why})`, 'open it in Excel or LibreOffice and save it again as .xlsx, or save the sheet as CSV UTF-8');
  }
  const name = chooseSheet(book.SheetNames, wanted, source.name);
  const sheet = book.Sheets[name];
  if (!sheet) return fail(source.name, 'workbook-damaged', `the sheet "${name}" is listed but missing from the workbook`);
  const text = sheetText(sheet, lib);
  if (text === '' && wanted === undefined && book.SheetNames.length > 1) {
    fail(source.name, 'empty-file', `the first sheet ("${name}") is empty; the workbook's sheets are ${book.SheetNames.map((n) => `"${n}"`).join(', ')}`, 'choose the sheet with the scores with --sheet <name|number>');
  }
  return { name: source.name, bytes: NO_BYTES, text, sheet: name, ...(wanted === undefined && book.SheetNames.length > 1 ? { otherSheets: book.SheetNames } : {}) };
}

const NO_BYTES = new Uint8Array(0);

/**
 * The sources as text: every workbook read into text (SheetJS loaded only if there is one), every
 * other file decoded, and their bytes let go, so that a large file is not in memory twice while it
 * is read. A file that cannot be decoded stays bytes: its problem is reported where the files are
 * read, with the other files' problems.
 */
export async function openSources(sources: readonly Source[], sheet?: string): Promise<Source[]> {
  const lib = sources.some(isWorkbook) ? await sheetJS() : undefined;
  return sources.map((s) => {
    if (s.text !== undefined) return s;
    if (lib && isWorkbook(s)) return workbookSource(lib, s, sheet);
    try {
      return { name: s.name, bytes: NO_BYTES, text: decode(s.bytes, s.name) };
    } catch (e) {
      if (e instanceof ParScoreError) return s;
      throw e;
    }
  });
}

/** A source's text, whichever it came from. */
export function sourceText(source: Source): string {
  return source.text ?? decode(source.bytes, source.name);
}

/** The delimiter of a source's text: a workbook's sheet is comma-separated; a file's is `given`, else sniffed. */
export function delimiterOf(source: Source, given?: Delimiter): Delimiter | undefined {
  return source.sheet !== undefined ? ',' : given;
}
