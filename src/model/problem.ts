/**
 * Problems found in input: every stage collects all of them (not just the first) so a user can fix a
 * file in one pass. Each carries a stable `code` for scripts and, where known, file/line/column.
 */

/** An error stops the run; a warning is worth a look (and fails `validate --strict`); a note says what was done (a row skipped, totals within rounding). */
export type Severity = 'error' | 'warning' | 'note';

export interface Problem {
  readonly severity: Severity;
  /** Stable identifier, e.g. `value-above-max`; documented in the README. */
  readonly code: string;
  readonly message: string;
  readonly file?: string;
  /** 1-based line in the file. */
  readonly line?: number;
  /** 1-based field number in the row (the spreadsheet column). */
  readonly column?: number;
  /** The spreadsheet's row number, when it is not the line (a cell above holds a line break). */
  readonly row?: number;
  /** The spreadsheet cell (`Sheet1!C8`) or row (`Sheet1!8:8`), when the file is a workbook. */
  readonly cell?: string;
  /** What to do about it. */
  readonly hint?: string;
}

/** Exit code 1: the data (or a scheme file) is invalid. 2: the command was used wrongly. */
export type ExitCode = 1 | 2;

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Text from a file as a message may quote it: control characters (an ANSI escape, a backspace)
 * written as `\u001b`, so that nothing from the data acts on the terminal that shows the message.
 */
export function visible(text: string): string {
  return CONTROL.test(text) ? text.replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : text;
}

function shown(p: Problem): Problem {
  const message = visible(p.message);
  const hint = p.hint === undefined ? undefined : visible(p.hint);
  return message === p.message && hint === p.hint ? p : { ...p, message, ...(hint !== undefined ? { hint } : {}) };
}

export class ParScoreError extends Error {
  readonly problems: readonly Problem[];
  readonly exitCode: ExitCode;

  constructor(problems: readonly Problem[], exitCode: ExitCode = 1) {
    const safe = problems.map(shown);
    super(safe.map((p) => p.message).join('\n'));
    this.name = 'ParScoreError';
    this.problems = safe;
    this.exitCode = exitCode;
  }
}

export function usageError(code: string, message: string, hint?: string): ParScoreError {
  return new ParScoreError([{ severity: 'error', code, message, ...(hint ? { hint } : {}) }], 2);
}

/** Collects problems; `throwIfErrors` stops the pipeline when any error was found. */
export class ProblemLog {
  /**
   * How many problems a log keeps: a file where every cell is wrong has millions, and listing them
   * would exhaust memory; the rest are counted (and said, in one more problem).
   */
  static readonly LIMIT = 10_000;
  readonly problems: Problem[] = [];
  /** Problems past the limit: counted, not kept. */
  dropped = 0;
  private droppedErrors = 0;
  /** By file, where its rows and lines part (see `RecordScanner.shifts`): problems get their spreadsheet row. */
  readonly shifts = new Map<string, readonly number[]>();
  /** By file, the sheet a workbook's text was read from: problems get their cell. */
  readonly sheets = new Map<string, string>();

  private push(p: Problem): void {
    if (this.problems.length >= ProblemLog.LIMIT) {
      this.dropped++;
      if (p.severity === 'error') this.droppedErrors++;
      return;
    }
    this.problems.push(shown(this.located(p)));
  }

  /** Takes another log's problems (and its count of those past the limit). */
  absorb(other: { readonly problems: readonly Problem[]; readonly dropped?: number; readonly hasErrors?: boolean }): void {
    for (const p of other.problems) this.push(p);
    if (other instanceof ProblemLog) {
      this.dropped += other.dropped;
      this.droppedErrors += other.droppedErrors;
    }
  }

  error(code: string, message: string, where: Omit<Problem, 'severity' | 'code' | 'message'> = {}): void {
    this.push({ severity: 'error', code, message, ...where });
  }

  private located(p: Problem): Problem {
    if (p.file === undefined || p.line === undefined || p.row !== undefined || p.cell !== undefined) return p;
    const sheet = this.sheets.get(p.file);
    if (sheet !== undefined) return { ...p, cell: cellOf(sheet, p.line, p.column) };
    const shifts = this.shifts.get(p.file);
    if (!shifts) return p;
    let shift = 0;
    for (let k = 0; k < shifts.length && shifts[k]! <= p.line; k += 2) shift = shifts[k + 1]!;
    return shift === 0 ? p : { ...p, row: p.line - shift };
  }

  warn(code: string, message: string, where: Omit<Problem, 'severity' | 'code' | 'message'> = {}): void {
    this.push({ severity: 'warning', code, message, ...where });
  }

  note(code: string, message: string, where: Omit<Problem, 'severity' | 'code' | 'message'> = {}): void {
    this.push({ severity: 'note', code, message, ...where });
  }

  get errors(): Problem[] {
    return this.problems.filter((p) => p.severity === 'error');
  }

  /** Warnings and notes: what is reported without stopping. */
  get warnings(): Problem[] {
    return this.problems.filter((p) => p.severity !== 'error');
  }

  get hasErrors(): boolean {
    return this.droppedErrors > 0 || this.problems.some((p) => p.severity === 'error');
  }

  /** Input files in the order given, so problems are listed file by file in that order. */
  files: readonly string[] = [];

  throwIfErrors(exitCode: ExitCode = 1): void {
    if (!this.hasErrors) return;
    const more: Problem[] = this.dropped
      ? [{ severity: 'error', code: 'too-many-problems', message: `${this.dropped.toLocaleString('en-US')} more problems are not listed (the first ${ProblemLog.LIMIT.toLocaleString('en-US')} are): fix those and run again` }]
      : [];
    throw new ParScoreError([...sortProblems(this.problems, this.files), ...more], exitCode);
  }
}

/** Orders problems by file (in `files` order, then first seen), line, column, so messages read top to bottom. */
export function sortProblems(problems: readonly Problem[], files: readonly string[] = []): Problem[] {
  const fileOrder = new Map<string, number>();
  for (const f of files) if (!fileOrder.has(f)) fileOrder.set(f, fileOrder.size);
  for (const p of problems) if (p.file !== undefined && !fileOrder.has(p.file)) fileOrder.set(p.file, fileOrder.size);
  return problems
    .map((p, i) => ({ p, i }))
    .sort(
      (a, b) =>
        (fileOrder.get(a.p.file ?? '') ?? -1) - (fileOrder.get(b.p.file ?? '') ?? -1) ||
        (a.p.line ?? 0) - (b.p.line ?? 0) ||
        (a.p.column ?? 0) - (b.p.column ?? 0) ||
        a.i - b.i,
    )
    .map(({ p }) => p);
}

/** `Sheet1`, or `'Bảng 1'` quoted as Excel quotes a sheet name that is not a plain word. */
export function sheetRef(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** 1 -> A, 27 -> AA. */
export function columnLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The cell a problem points at: `Sheet1!C8`, or the row `Sheet1!8:8` when no column is known. */
export function cellOf(sheet: string, line: number, column?: number): string {
  return column !== undefined ? `${sheetRef(sheet)}!${columnLetters(column)}${line}` : `${sheetRef(sheet)}!${line}:${line}`;
}

/**
 * `file:line:column` (parts that are unknown are left out), and the spreadsheet row when it is not
 * the line; in a workbook, `file:Sheet1!C8`.
 */
export function formatLocation(p: Pick<Problem, 'file' | 'line' | 'column' | 'row' | 'cell'>): string {
  if (p.cell !== undefined && p.file !== undefined) return `${p.file}:${p.cell}`;
  const at = [p.file, p.line, p.file !== undefined && p.line !== undefined ? p.column : undefined].filter((x) => x !== undefined).join(':');
  return p.row !== undefined && p.line !== undefined ? `${at} (row ${p.row})` : at;
}
