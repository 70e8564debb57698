/**
 * CSV text -> records, one at a time. The delimiter is sniffed among `,` `;` and tab (Excel's
 * `sep=;` first line is honoured), or given. Blank records, including Excel's `;;;;` rows, are
 * skipped. RFC 4180 quoting as csv-parse reads it by default (a test holds the two equal): a quoted
 * field may hold delimiters, line breaks and doubled quotes; a quote anywhere else is an error. A
 * record ends at LF, CRLF or a lone CR, whichever each line uses.
 *
 * The scanner gives each field's start and end in the text rather than a string per field: a large
 * file's cells are mostly numbers, read straight from the text (read/cell.ts).
 */
import { ParScoreError, type Problem } from '../model/problem.js';

export type Delimiter = ',' | ';' | '\t';

export interface CsvRow {
  /** 1-based line on which the row starts. */
  readonly line: number;
  readonly fields: readonly string[];
}

export interface CsvFile {
  readonly file: string;
  readonly delimiter: Delimiter;
  readonly rows: readonly CsvRow[];
}

const CANDIDATES: readonly Delimiter[] = [';', '\t', ','];
const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Field counts of the first records of `text` for a delimiter, honouring quotes. */
function fieldCounts(text: string, delimiter: string, maxRecords = 20): number[] {
  const counts: number[] = [];
  let fields = 1;
  let inQuotes = false;
  let blank = true;
  for (let i = 0; i < text.length && counts.length < maxRecords; i++) {
    const ch = text[i];
    if (ch === '"') {
      if (inQuotes && text[i + 1] === '"') i++;
      else inQuotes = !inQuotes;
      blank = false;
    } else if (!inQuotes && ch === delimiter) {
      fields++;
    } else if (!inQuotes && (ch === '\n' || ch === '\r')) {
      if (!blank) counts.push(fields);
      if (ch === '\r' && text[i + 1] === '\n') i++;
      fields = 1;
      blank = true;
    } else if (ch !== ' ') {
      blank = false;
    }
  }
  if (!blank && counts.length < maxRecords) counts.push(fields);
  return counts;
}

/**
 * Picks the delimiter that splits the first rows into the same number (> 1) of fields. `;` and tab
 * win over `,` because commas also appear inside Vietnamese labels and decimal commas.
 */
export function sniffDelimiter(text: string): Delimiter {
  const sample = text.slice(0, 64 * 1024);
  const scored = CANDIDATES.map((d) => {
    const counts = fieldCounts(sample, d);
    const fields = counts.length ? Math.max(...counts) : 0;
    // Most rows have the header's field count (a title row above the header may not).
    const agreeing = counts.filter((c) => c === fields).length;
    const consistent = counts.length === 1 || agreeing >= Math.max(2, 0.6 * counts.length);
    return { d, fields, consistent };
  }).filter((c) => c.fields > 1);
  const consistent = scored.filter((c) => c.consistent);
  const rare = consistent.filter((c) => c.d !== ',');
  const pool = rare.length ? rare : consistent.length ? consistent : scored;
  const best = pool.reduce<(typeof pool)[number] | undefined>((a, c) => (!a || c.fields > a.fields ? c : a), undefined);
  return best?.d ?? ',';
}

const SEP_LINE = /^sep=(.)\r?\n/i;

/** What String.prototype.trim removes (white space and line terminators). */
export function isTrimmed(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0xfeff ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** Where a scan stands: the next character and its line. */
export interface ScanState {
  readonly pos: number;
  readonly line: number;
  readonly row: number;
}

/**
 * Reads the records of a CSV text one by one into reused buffers: for the current record, `count`
 * fields, field k spanning `text.slice(starts[k], ends[k])` (inside the quotes for a quoted field;
 * `escaped[k]` when it holds doubled quotes to undo).
 */
export class RecordScanner {
  readonly file: string;
  readonly text: string;
  readonly delimiter: Delimiter;
  /** Lines before the text (a `sep=` line). */
  private readonly lineOffset: number;
  private pos: number;
  private lineNo: number;
  private rowNo = 1;
  /** The current record: its first line and its fields. */
  line = 0;
  /** The current record's row as a spreadsheet numbers it (blank rows count; lines inside a quoted cell do not). */
  row = 0;
  /** Where rows and lines part: [line, line - row] from that line on (a cell above holds a line break, or a sep= line). */
  readonly shifts: number[] = [];
  count = 0;
  starts = new Int32Array(16);
  ends = new Int32Array(16);
  escaped = new Uint8Array(16);

  constructor(text: string, file: string, delimiter?: Delimiter) {
    let body = text;
    let lineOffset = 0;
    let declared: Delimiter | undefined;
    // (Only a file starting with s or S can have one: no regular expression to compile for the others.)
    const sep = (body.charCodeAt(0) | 0x20) === 0x73 ? SEP_LINE.exec(body) : null;
    if (sep) {
      const d = sep[1] as Delimiter;
      if (CANDIDATES.includes(d)) declared = d;
      body = body.slice(sep[0].length);
      lineOffset = 1;
    }
    this.file = file;
    this.text = body;
    this.delimiter = delimiter ?? declared ?? sniffDelimiter(body);
    this.lineOffset = lineOffset;
    this.pos = 0;
    this.lineNo = 1;
  }

  save(): ScanState {
    return { pos: this.pos, line: this.lineNo, row: this.rowNo };
  }

  restore(state: ScanState): void {
    this.nextLF = this.nextCR = this.nextQuote = this.nextDelimiter = -1;
    this.pos = state.pos;
    this.lineNo = state.line;
    this.rowNo = state.row;
  }

  /**
   * The first LF, CR, quote and delimiter at or after where they were last looked for (the text's
   * length for none; -1 before the first look). The scan only moves forward (but for `restore`,
   * which forgets them), so each is looked for again only once the scan has passed it.
   */
  private nextLF = -1;
  private nextCR = -1;
  private nextQuote = -1;
  private nextDelimiter = -1;

  private find(char: string, from: number): number {
    const at = this.text.indexOf(char, from);
    return at < 0 ? this.text.length : at;
  }

  private grow(): void {
    const n = this.starts.length * 2;
    const s = new Int32Array(n);
    s.set(this.starts);
    const e = new Int32Array(n);
    e.set(this.ends);
    const q = new Uint8Array(n);
    q.set(this.escaped);
    this.starts = s;
    this.ends = e;
    this.escaped = q;
  }

  /** Field k of the current record as a string. */
  field(k: number): string {
    const s = this.text.slice(this.starts[k]!, this.ends[k]!);
    return this.escaped[k] ? s.replace(/""/g, '"') : s;
  }

  fields(): string[] {
    const out = new Array<string>(this.count);
    for (let k = 0; k < this.count; k++) out[k] = this.field(k);
    return out;
  }

  /** Whether every field of the current record is empty or white space. */
  private blank(): boolean {
    const text = this.text;
    for (let k = 0; k < this.count; k++) {
      for (let i = this.starts[k]!; i < this.ends[k]!; i++) if (!isTrimmed(text.charCodeAt(i))) return false;
    }
    return true;
  }

  /** Reads the next record that is not blank; false at the end of the text. Throws a located ParScoreError on bad quoting. */
  next(): boolean {
    while (this.pos < this.text.length) {
      this.readRecord();
      if (!this.blank()) return true;
    }
    return false;
  }

  private readRecord(): void {
    const text = this.text;
    const n = text.length;
    const delim = this.delimiter.charCodeAt(0);
    let i = this.pos;
    let count = 0;
    this.line = this.lineNo + this.lineOffset;
    this.row = this.rowNo++;
    const shift = this.line - this.row;
    if (shift !== (this.shifts.length ? this.shifts[this.shifts.length - 1]! : 0) && (this.shifts.length === 0 || this.shifts[this.shifts.length - 2]! < this.line)) {
      this.shifts.push(this.line, shift);
    }
    // A line without quotes (most lines): its fields are what lies between the delimiters before
    // its end, found by indexOf, which searches about twice as fast as a loop over the characters.
    if (this.nextLF < i) this.nextLF = this.find('\n', i);
    if (this.nextCR < i) this.nextCR = this.find('\r', i);
    if (this.nextQuote < i) this.nextQuote = this.find('"', i);
    const end = Math.min(this.nextLF, this.nextCR);
    if (this.nextQuote >= end) {
      for (;;) {
        if (count === this.starts.length) this.grow();
        if (this.nextDelimiter < i) this.nextDelimiter = this.find(this.delimiter, i);
        this.starts[count] = i;
        this.escaped[count] = 0;
        if (this.nextDelimiter < end) {
          this.ends[count++] = this.nextDelimiter;
          i = this.nextDelimiter + 1;
        } else {
          this.ends[count++] = end;
          i = end;
          break;
        }
      }
      this.endRecord(i, count);
      return;
    }
    for (;;) {
      if (count === this.starts.length) this.grow();
      if (text.charCodeAt(i) === QUOTE) {
        // A quoted field: up to the quote that is not doubled.
        const start = i + 1;
        let escaped = 0;
        let j = start;
        for (;;) {
          if (j >= n) this.unterminated();
          const c = text.charCodeAt(j);
          if (c === QUOTE) {
            if (text.charCodeAt(j + 1) === QUOTE) {
              escaped = 1;
              j += 2;
              continue;
            }
            break;
          }
          if (c === LF || (c === CR && text.charCodeAt(j + 1) !== LF)) this.lineNo++;
          j++;
        }
        this.starts[count] = start;
        this.ends[count] = j;
        this.escaped[count] = escaped;
        count++;
        i = j + 1;
        const after = i < n ? text.charCodeAt(i) : -1;
        if (after === delim) {
          i++;
          continue;
        }
        if (after !== LF && after !== CR && after !== -1) this.badQuote();
      } else {
        const start = i;
        let c = -1;
        while (i < n) {
          c = text.charCodeAt(i);
          if (c === delim || c === LF || c === CR) break;
          if (c === QUOTE) this.badQuote();
          i++;
        }
        this.starts[count] = start;
        this.ends[count] = i;
        this.escaped[count] = 0;
        count++;
        if (i < n && c === delim) {
          i++;
          continue;
        }
      }
      break;
    }
    this.endRecord(i, count);
  }

  /** Ends the record of `count` fields at `i`: a line break (LF, CRLF or CR) or the end of the text. */
  private endRecord(i: number, count: number): void {
    const text = this.text;
    if (i < text.length) {
      if (text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF) i++;
      i++;
      this.lineNo++;
    }
    this.count = count;
    this.pos = i;
  }

  private fail(problem: Omit<Problem, 'severity' | 'file'>): never {
    throw new ParScoreError([{ severity: 'error', file: this.file, ...problem }], 1);
  }

  private badQuote(): never {
    this.fail({
      code: 'bad-quote',
      message: 'a quote (") inside a field must be doubled ("") and quoted fields must end at a delimiter',
      line: this.lineNo + this.lineOffset,
    });
  }

  /** A quote opened in this record is never closed: reported on the record's first line with a quote. */
  private unterminated(): never {
    let line = this.line;
    for (let i = this.pos, l = this.line; i < this.text.length; i++) {
      const c = this.text.charCodeAt(i);
      if (c === QUOTE) {
        line = l;
        break;
      }
      if (c === LF || (c === CR && this.text.charCodeAt(i + 1) !== LF)) l++;
    }
    this.fail({ code: 'unterminated-quote', message: 'a quoted field opened on this line is never closed (missing closing ")', line });
  }
}

/** The whole file as rows of strings (small files: unit lists, crosswalks, the tests). */
export function readCsv(text: string, file: string, delimiter?: Delimiter): CsvFile {
  const scanner = new RecordScanner(text, file, delimiter);
  const rows: CsvRow[] = [];
  while (scanner.next()) rows.push({ line: scanner.line, fields: scanner.fields() });
  return { file, delimiter: scanner.delimiter, rows };
}
