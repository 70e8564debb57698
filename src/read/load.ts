/**
 * Bytes of the files of one year -> one table: decode, find each file's header, choose the scheme
 * from the headers (unless given), read every file's rows against it and join them. Every problem of
 * every file is collected before stopping. No file system: the caller reads the bytes.
 */
import { plausibilityChecks } from '../model/checks.js';
import { ParScoreError, ProblemLog, sortProblems, type Problem } from '../model/problem.js';
import { rankTable, type RankOptions, type Ranking } from '../model/ranking.js';
import type { Scheme } from '../model/scheme.js';
import type { ScoreTable } from '../model/table.js';
import { builtinSchemes } from './builtin.js';
import { RecordScanner, type Delimiter } from './csv.js';
import { locateHeader, type LocatedHeader } from './header.js';
import { joinFiles } from './join.js';
import { selectScheme } from './select.js';
import { readUnits, type FilePart } from './units.js';
import { delimiterOf, sourceText, type Source } from './workbook.js';

export type { Source };

export interface LoadOptions {
  /** The scheme to use; when absent one is chosen among `candidates` from the header. */
  readonly scheme?: Scheme;
  readonly candidates?: readonly Scheme[];
  readonly delimiter?: Delimiter;
  readonly unitColumn?: string;
  readonly missing?: 'error' | 'zero';
  /** What a lone dash in a score cell means (else what the scheme says, else an error). */
  readonly dash?: 'na' | 'zero';
  /** Go on past files that cannot be read, to report the problems of the others too (validate). */
  readonly collectAll?: boolean;
}

export interface LoadedTable {
  readonly table: ScoreTable;
  readonly scheme: Scheme;
  readonly log: ProblemLog;
  /** The year a title row above a header states, in the first file that has one. */
  readonly titleYear?: string;
}

/** Reads the rest of a file only to find a syntax error in it (when no scheme could be chosen). */
function syntaxProblems(h: LocatedHeader): ParScoreError | undefined {
  try {
    while (h.scanner.next());
    return undefined;
  } catch (e) {
    if (e instanceof ParScoreError) return e;
    throw e;
  }
}

/** Decodes, parses and validates the files of one year and joins them into one table. */
export function loadTable(sources: readonly Source[], options: LoadOptions = {}): LoadedTable {
  const log = new ProblemLog();
  log.files = sources.map((s) => s.name);
  const located: LocatedHeader[] = [];
  const unreadable = new ProblemLog();
  // A workbook's problems are placed in its sheet: `Sheet1!C8`.
  for (const s of sources) {
    if (s.sheet === undefined) continue;
    log.sheets.set(s.name, s.sheet);
    unreadable.sheets.set(s.name, s.sheet);
  }
  const take = (e: unknown) => {
    if (!(e instanceof ParScoreError)) throw e;
    unreadable.absorb(e);
  };
  for (const source of sources) {
    try {
      const h = locateHeader(new RecordScanner(sourceText(source), source.name, delimiterOf(source, options.delimiter)), options.unitColumn);
      if (h.empty) unreadable.error('empty-file', 'the file is empty (no header, no rows)', { file: source.name, line: 1 });
      else located.push(h);
    } catch (e) {
      take(e);
    }
  }
  const stopAtUnreadable = () => {
    log.absorb(unreadable);
    log.throwIfErrors();
  };
  if (unreadable.hasErrors && (!options.collectAll || located.length === 0)) stopAtUnreadable();

  let scheme: Scheme;
  try {
    scheme = options.scheme ?? selectScheme(options.candidates ?? builtinSchemes(), located.flatMap((h) => h.columns));
  } catch (e) {
    // No scheme fits the headers: a file that cannot be read at all says more than that.
    for (const h of located) {
      const bad = syntaxProblems(h);
      if (bad) unreadable.absorb(bad);
    }
    if (unreadable.hasErrors) stopAtUnreadable();
    // A workbook read on its first sheet by default may have the scores on another.
    const sheets = sources.filter((s) => s.otherSheets !== undefined);
    if (e instanceof ParScoreError && sheets.length > 0) {
      const more = sheets.map((s) => ({
        severity: 'warning' as const,
        code: 'first-sheet',
        message: `the first sheet ("${s.sheet}") was read; the workbook's sheets are ${s.otherSheets!.map((n) => `"${n}"`).join(', ')}`,
        file: s.name,
        hint: 'choose the sheet with --sheet (--prev-sheet for last year\'s files)',
      }));
      throw new ParScoreError([...e.problems, ...more], e.exitCode);
    }
    throw e;
  }

  const parts: FilePart[] = [];
  for (const h of located) {
    // Each file's problems apart: a file that turns out unreadable reports only why.
    const own = new ProblemLog();
    own.shifts.set(h.file, h.scanner.shifts);
    log.shifts.set(h.file, h.scanner.shifts);
    try {
      parts.push(readUnits(h, scheme, { missing: options.missing ?? 'error', dash: options.dash }, own));
      log.absorb(own);
    } catch (e) {
      take(e);
    }
  }
  if (unreadable.hasErrors) {
    // Joining makes sense only when every file could be read; unless asked for everything, the
    // reasons the files are unreadable are all there is to say.
    if (!options.collectAll) log.problems.length = 0;
    stopAtUnreadable();
  }
  const table = joinFiles(parts, scheme, log);
  log.throwIfErrors();
  const titleYear = located.find((h) => h.titleYear !== undefined)?.titleYear;
  return { table, scheme, log, ...(titleYear !== undefined ? { titleYear } : {}) };
}

export interface RankSourcesOptions extends LoadOptions, Partial<RankOptions> {
  /** The year, when the files have no year column (else taken from the first file name with one). */
  readonly year?: string;
}

/** "ket-qua-2023.csv" -> "2023": the first 19xx or 20xx standing alone in a file name. */
export function yearFromName(name: string): string | undefined {
  const base = name.split(/[\\/]/).pop() ?? name;
  return /(?<!\d)(19\d\d|20\d\d)(?!\d)/.exec(base)?.[1];
}

/** Loads the files and ranks them: the job of `par-score rank`. */
export function rankSources(sources: readonly Source[], options: RankSourcesOptions = {}): Ranking {
  return rankYear(loadYear(sources, options), options);
}

/** A year's files read: its table (with its year) and what reading them found. */
export interface LoadedYear {
  readonly table: ScoreTable;
  readonly log: ProblemLog;
}

/**
 * Reads a year's files into one table. The table holds nothing of the files' bytes: a caller that
 * lets go of them before ranking (the CLI) ranks without them in memory.
 */
export function loadYear(sources: readonly Source[], options: RankSourcesOptions = {}): LoadedYear {
  const loaded = loadTable(sources, options);
  // The year: as given, else a year column, else a title row's, else the first file name's.
  const year = options.year ?? loaded.table.year ?? loaded.titleYear ?? sources.map((s) => yearFromName(s.name)).find((y) => y !== undefined);
  return { table: year !== undefined ? { ...loaded.table, year } : loaded.table, log: loaded.log };
}

/** Ranks a year read by `loadYear`. */
export function rankYear(loaded: LoadedYear, options: Partial<RankOptions> = {}): Ranking {
  return rankTable(
    loaded.table,
    { ties: options.ties ?? 'competition', ...(options.rankPrecision !== undefined ? { rankPrecision: options.rankPrecision } : {}), ...(options.totals ? { totals: options.totals } : {}) },
    loaded.log,
  );
}

export interface Validation {
  readonly files: readonly string[];
  /** Errors and warnings, file by file, line by line. */
  readonly problems: readonly Problem[];
  /** Known when the data was valid. */
  readonly scheme?: Scheme;
  readonly units?: number;
  /** 2 when no scheme could be chosen from the columns (the problem says why); else 1 for errors. */
  readonly exitCode?: 1 | 2;
}

/**
 * Everything `rank` checks, going on past unreadable files, plus plausibility warnings (a unit at 0 or
 * at the maximum everywhere, one name with two codes). Never throws for invalid data.
 */
export function validateSources(sources: readonly Source[], options: RankSourcesOptions = {}): Validation {
  return validateYear(loadForValidation(sources, options), options);
}

/** A year read for validation with its files' names, or the report of why it could not be read. */
export type YearToValidate = (LoadedYear & { readonly files: readonly string[] }) | Validation;

/** The first half of `validateSources`: the sources can go once it returns. */
export function loadForValidation(sources: readonly Source[], options: RankSourcesOptions = {}): YearToValidate {
  const files = sources.map((s) => s.name);
  try {
    return { ...loadYear(sources, { ...options, collectAll: true }), files };
  } catch (e) {
    return failedValidation(e, files);
  }
}

/** The rest: the year read by `loadForValidation` ranked and checked (a year it could not read: its report). */
export function validateYear(year: YearToValidate, options: RankSourcesOptions = {}): Validation {
  if (!('table' in year)) return year;
  const { files } = year;
  try {
    const r = rankYear(year, options);
    const log = new ProblemLog();
    plausibilityChecks(r, log);
    return { files, problems: sortProblems([...r.warnings, ...log.problems], files), scheme: r.scheme, units: r.table.size };
  } catch (e) {
    return failedValidation(e, files);
  }
}

/** The report of data that cannot be validated further; anything else is thrown again. */
function failedValidation(e: unknown, files: readonly string[]): Validation {
  if (e instanceof ParScoreError && e.exitCode === 1) return { files, problems: e.problems };
  // No scheme fits the columns: still a report (a CI step that saves it must not get an empty file).
  if (e instanceof ParScoreError && e.problems.every((p) => p.code.startsWith('scheme-'))) return { files, problems: e.problems, exitCode: 2 };
  throw e;
}
