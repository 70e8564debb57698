/**
 * The whole pure pipeline: bytes of one or more files -> validated table -> ranking. No file system,
 * no console: the CLI reads the bytes and renders the result; library users can do the same.
 */
import { ParScoreError, ProblemLog, sortProblems, type Problem } from './core/problem.js';
import { plausibilityChecks } from './core/checks.js';
import { rankTable, type RankOptions, type Ranking } from './core/ranking.js';
import { decode } from './input/decode.js';
import { readCsv, type Delimiter } from './input/csv.js';
import { locateHeader, type LocatedHeader } from './input/header.js';
import { joinFiles, readUnits, type UnitTable } from './input/table.js';
import { builtinSchemes } from './scheme/builtin.js';
import { readCompact, type CompactReadOptions } from './input/compact.js';
import { rankCompact, type CompactRanking } from './core/compact-ranking.js';
import type { Scheme } from './scheme/schema.js';
import { selectScheme } from './scheme/select.js';

export interface Source {
  /** Shown in messages: a path, or `<stdin>`. */
  readonly name: string;
  readonly bytes: Uint8Array;
  /** The bytes already decoded (see `decodeSource`); then `bytes` may be empty. */
  readonly text?: string;
}

/**
 * The source with its text decoded and its bytes let go (half the memory of a large input), or the
 * source itself when it cannot be decoded: reading it then reports why, as usual.
 */
export function decodeSource(source: Source): Source {
  if (source.text !== undefined) return source;
  try {
    return { name: source.name, bytes: new Uint8Array(0), text: decode(source.bytes, source.name) };
  } catch (e) {
    if (e instanceof ParScoreError) return source;
    throw e;
  }
}

export interface LoadOptions {
  /** The scheme to use; when absent one is chosen among `candidates` from the header. */
  readonly scheme?: Scheme;
  readonly candidates?: readonly Scheme[];
  readonly delimiter?: Delimiter;
  readonly unitColumn?: string;
  readonly missing?: 'error' | 'zero';
  /** Go on past files that cannot be read, to report the problems of the others too (validate). */
  readonly collectAll?: boolean;
}

export interface LoadedTable {
  readonly table: UnitTable;
  readonly scheme: Scheme;
  readonly log: ProblemLog;
}

/** Decodes, parses and validates the files of one year and joins them into one table. */
export function loadTable(sources: readonly Source[], options: LoadOptions = {}): LoadedTable {
  const log = new ProblemLog();
  log.files = sources.map((s) => s.name);
  const located: LocatedHeader[] = [];
  for (const source of sources) {
    try {
      const text = source.text ?? decode(source.bytes, source.name);
      const csv = readCsv(text, source.name, options.delimiter);
      if (csv.rows.length === 0) {
        log.error('empty-file', 'the file is empty (no header, no rows)', { file: source.name, line: 1 });
        continue;
      }
      located.push(locateHeader(csv, options.unitColumn));
    } catch (e) {
      if (!(e instanceof ParScoreError)) throw e;
      log.problems.push(...e.problems);
    }
  }
  const unreadable = log.hasErrors;
  if (unreadable && (!options.collectAll || located.length === 0)) log.throwIfErrors();

  const scheme = options.scheme ?? selectScheme(options.candidates ?? builtinSchemes(), located.flatMap((h) => h.columns));
  const parts = located.map((h) => readUnits(h, scheme, { missing: options.missing ?? 'error' }, log));
  // Joining makes sense only when every file could be read.
  if (unreadable) log.throwIfErrors();
  const table = joinFiles(parts, scheme, log);
  log.throwIfErrors();
  return { table, scheme, log };
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
  const loaded = loadTable(sources, options);
  const { scheme, log } = loaded;
  const year = options.year ?? loaded.table.year ?? sources.map((s) => yearFromName(s.name)).find((y) => y !== undefined);
  const table = year !== undefined ? { ...loaded.table, year } : loaded.table;
  return rankTable(
    table,
    scheme,
    { ties: options.ties ?? 'competition', ...(options.rankPrecision !== undefined ? { rankPrecision: options.rankPrecision } : {}) },
    log,
  );
}

/**
 * The compact lane of `rank` (see input/compact.ts and core/compact-ranking.ts): the same results as
 * `rankSources` for one clean file, computed over typed arrays in a fraction of the time and memory.
 * Returns why it does not apply otherwise (any problem, warning, or option it leaves to the general
 * path); the caller then runs `rankSources`, which reports everything as usual.
 */
export function rankSourcesCompact(sources: readonly Source[], options: RankSourcesOptions = {}): { ranking: CompactRanking } | { fallback: string } {
  const [source, ...others] = sources;
  if (!source || others.length > 0) return { fallback: 'several files' };
  if (source.text !== undefined) return { fallback: 'the file was decoded already' };
  const lane = compactLaneOptions(source.name, options);
  const read = readCompact(source.bytes, source.name, lane.read);
  if ('fallback' in read) return read;
  return rankCompact(read.table, read.scheme, lane.rank, [source.name], lane.year);
}

/** What the compact lane's reader and ranker take from `rank`'s options, for a file named `name`. */
export function compactLaneOptions(name: string, options: RankSourcesOptions): { read: CompactReadOptions; rank: RankOptions; year?: string } {
  const year = options.year ?? yearFromName(name);
  return {
    read: {
      candidates: options.candidates ?? builtinSchemes(),
      ...(options.scheme ? { scheme: options.scheme } : {}),
      ...(options.delimiter ? { delimiter: options.delimiter } : {}),
      ...(options.unitColumn !== undefined ? { unitColumn: options.unitColumn } : {}),
    },
    rank: { ties: options.ties ?? 'competition', ...(options.rankPrecision !== undefined ? { rankPrecision: options.rankPrecision } : {}) },
    ...(year !== undefined ? { year } : {}),
  };
}

export interface Validation {
  readonly files: readonly string[];
  /** Errors and warnings, file by file, line by line. */
  readonly problems: readonly Problem[];
  /** Known when the data was valid. */
  readonly scheme?: Scheme;
  readonly units?: number;
}

/**
 * Everything `rank` checks, going on past unreadable files, plus plausibility warnings (a unit at 0 or
 * at the maximum everywhere, one name with two codes). Never throws for invalid data.
 */
export function validateSources(sources: readonly Source[], options: RankSourcesOptions = {}): Validation {
  const files = sources.map((s) => s.name);
  try {
    const r = rankSources(sources, { ...options, collectAll: true });
    const log = new ProblemLog();
    plausibilityChecks(r, log);
    return { files, problems: sortProblems([...r.warnings, ...log.problems], files), scheme: r.scheme, units: r.units.length };
  } catch (e) {
    if (e instanceof ParScoreError && e.exitCode === 1) return { files, problems: e.problems };
    throw e;
  }
}
