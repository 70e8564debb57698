/**
 * Text -> rows with their line numbers. The delimiter is sniffed among `,` `;` and tab (Excel's
 * `sep=;` first line is honoured), or given. Blank rows, including Excel's `;;;;` rows, are dropped.
 */
import { parse } from 'csv-parse/sync';
import { ParScoreError, type Problem } from '../core/problem.js';

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

/**
 * Text the fast path handles: no quote character and one consistent line ending (all LF or all
 * CRLF), the common case of machine exports. Anything else goes through csv-parse.
 */
export function fastPathApplies(body: string): boolean {
  if (body.includes('"')) return false;
  const cr = body.indexOf('\r');
  if (cr < 0) return true;
  // All CRLF: as many \r as \r\n, and no \n without its \r.
  const crlf = body.split('\r\n').length - 1;
  return crlf === body.split('\r').length - 1 && crlf === body.split('\n').length - 1;
}

/** Splits quote-free text with one line ending into rows; equal to csv-parse on such text (tested). */
export function splitUnquoted(body: string, delimiter: Delimiter, lineOffset: number): CsvRow[] {
  const rows: CsvRow[] = [];
  const lines = body.split(body.includes('\r\n') ? '\r\n' : '\n');
  // A final line break does not start another (empty) line.
  const count = lines.length > 0 && lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
  for (let i = 0; i < count; i++) {
    const fields = lines[i]!.split(delimiter);
    if (fields.every((f) => f.trim() === '')) continue;
    rows.push({ line: i + 1 + lineOffset, fields });
  }
  return rows;
}

export function readCsv(text: string, file: string, delimiter?: Delimiter): CsvFile {
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
  const used = delimiter ?? declared ?? sniffDelimiter(body);
  if (fastPathApplies(body)) return { file, delimiter: used, rows: splitUnquoted(body, used, lineOffset) };
  const rows: CsvRow[] = [];
  let previousEnd = lineOffset;
  try {
    const records = parse(body, {
      delimiter: used,
      relax_column_count: true,
      skip_empty_lines: false,
      info: true,
      bom: false,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    for (const { record, info } of records) {
      const line = previousEnd + 1;
      previousEnd = info.lines + lineOffset;
      if (record.every((f) => f.trim() === '')) continue;
      rows.push({ line, fields: record });
    }
  } catch (e) {
    throw new ParScoreError([csvSyntaxProblem(e, file, body, lineOffset, previousEnd)], 1);
  }
  return { file, delimiter: used, rows };
}

function csvSyntaxProblem(e: unknown, file: string, body: string, lineOffset: number, previousEnd: number): Problem {
  const err = e as { code?: string; lines?: number; message?: string };
  const line = (err.lines ?? 0) + lineOffset || undefined;
  if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
    // csv-parse reports the end of the file; the quote was opened in the first record after the last good one.
    const lines = body.split('\n');
    let start = previousEnd + 1;
    while (start - lineOffset <= lines.length && !(lines[start - lineOffset - 1] ?? '').includes('"')) start++;
    return {
      severity: 'error',
      code: 'unterminated-quote',
      message: `a quoted field opened on this line is never closed (missing closing ")`,
      file,
      line: start,
    };
  }
  if (err.code === 'CSV_INVALID_CLOSING_QUOTE' || err.code === 'INVALID_OPENING_QUOTE') {
    return {
      severity: 'error',
      code: 'bad-quote',
      message: 'a quote (") inside a field must be doubled ("") and quoted fields must end at a delimiter',
      file,
      ...(line ? { line } : {}),
    };
  }
  return { severity: 'error', code: 'csv-syntax', message: `cannot read the CSV: ${err.message ?? String(e)}`, file, ...(line ? { line } : {}) };
}
