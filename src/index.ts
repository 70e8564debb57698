/**
 * par-score as a library: the model (exact decimals, scheme, table, scoring, ranking, comparison,
 * explanation), the reader (bytes -> table, with every problem located) and the writers. No file
 * system, no console: the caller reads the bytes and prints the output.
 *
 *   import { rankSources, renderJson } from 'par-score';
 *   const ranking = rankSources([{ name: '2023.csv', bytes }]);
 *   process.stdout.write(renderJson(ranking));
 */
import { getSchemeFileSchema } from './read/scheme-file.js';

export * from './model/decimal.js';
export * from './model/problem.js';
export * from './model/rank.js';
export * from './model/ranking.js';
export * from './model/stats.js';
export * from './model/text.js';
export * from './model/scheme.js';
export * from './model/table.js';
export * from './model/compare.js';
export * from './model/match.js';
export * from './model/trend.js';
export * from './model/explain.js';
export { decode } from './read/decode.js';
export { readCsv, sniffDelimiter, RecordScanner, type CsvFile, type CsvRow, type Delimiter } from './read/csv.js';
export { locateHeader, metaRole, type HeaderColumn, type LocatedHeader, type MetaRole } from './read/header.js';
export { parseCell, parseFlag, isNotApplicable, type Cell } from './read/cell.js';
export { readUnits, unitKey, type FilePart, type ReadOptions } from './read/units.js';
export { joinFiles } from './read/join.js';
export { builtinSchemes, findBuiltinScheme } from './read/builtin.js';
export { parseScheme, parseSchemeText, type SchemeFile } from './read/scheme-file.js';
/** The zod schema of a scheme file (the CLI makes it only when it reads one). */
export const schemeFileSchema = getSchemeFileSchema();
export { selectScheme, matchComponents } from './read/select.js';
export { loadTable, rankSources, validateSources, yearFromName, type LoadOptions, type LoadedTable, type RankSourcesOptions, type Source, type Validation } from './read/load.js';
export { readCrosswalk } from './read/crosswalk.js';
export { rankingJson, SCHEMA_VERSION } from './write/json.js';
export { renderJson, rankingJsonChunks } from './write/json-stream.js';
export { renderCsv, neutralise } from './write/csv.js';
export { renderMarkdown } from './write/markdown.js';
export { WORDS, LANGS, type Lang } from './write/words.js';
