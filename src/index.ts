/**
 * par-score as a library: the pure pipeline (no file system, no console).
 *
 *   import { rankSources, renderJson } from 'par-score';
 *   const ranking = rankSources([{ name: '2023.csv', bytes }]);
 */
import { getSchemeFileSchema } from './scheme/schema.js';

export * from './core/decimal.js';
export * from './core/problem.js';
export * from './core/rank.js';
export * from './core/ranking.js';
export * from './core/summary.js';
export * from './core/text.js';
export { decode } from './input/decode.js';
export { readCsv, sniffDelimiter, type CsvFile, type CsvRow, type Delimiter } from './input/csv.js';
export { locateHeader, metaRole, type HeaderColumn, type LocatedHeader, type MetaRole } from './input/header.js';
export { parseCell, parseFlag, isNotApplicable, type Cell } from './input/number.js';
export { joinFiles, readUnits, unitKey, type CellRef, type ReadOptions, type Score, type UnitRow, type UnitTable } from './input/table.js';
export { builtinSchemes, findBuiltinScheme } from './scheme/builtin.js';
export { parseScheme, resolveScheme, type Band, type Component, type Label, type Scheme, type SchemeFile } from './scheme/schema.js';
/** The zod schema of a scheme file (the CLI makes it only when it reads one). */
export const schemeFileSchema = getSchemeFileSchema();
export { selectScheme, matchComponents } from './scheme/select.js';
export { loadTable, rankSources, type LoadOptions, type LoadedTable, type RankSourcesOptions, type Source } from './pipeline.js';
export { renderJson, renderJsonChunks, rankingJson, SCHEMA_VERSION } from './render/json.js';
export { renderCsv, neutralise } from './render/csv.js';
export { renderMarkdown } from './render/markdown.js';
export { WORDS, LANGS, type Lang } from './render/labels.js';
