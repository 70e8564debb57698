/** What the ranking commands share: their common options, and ranking files and the previous year. */
import { compareRankings, type Comparison } from '../model/compare.js';
import { ParScoreError, ProblemLog, type Problem } from '../model/problem.js';
import type { Ranking } from '../model/ranking.js';
import type { Scheme } from '../model/scheme.js';
import type { TieRule } from '../model/rank.js';
import { builtinSchemes } from '../read/builtin.js';
import { readCrosswalk } from '../read/crosswalk.js';
import type { Delimiter } from '../read/csv.js';
import { loadYear, rankYear, type LoadedYear, type RankSourcesOptions } from '../read/load.js';
import { resolveSchemeOption, type Job } from './command.js';

/** The options of every command that reads score files. */
export const INPUT = ['scheme', 'delimiter', 'sheet', 'unitColumn', 'missing', 'dash', 'maxErrors', 'maxInputSize', 'quiet', 'color'] as const;
export const RANKING = ['ties', 'rankPrecision', 'totals'] as const;
export const YOY = ['prevScheme', 'prevSheet', 'crosswalk', 'mergeRule', 'failOnRankDrop'] as const;

interface RankingValues {
  readonly delimiter?: Delimiter | undefined;
  readonly unitColumn?: string | undefined;
  readonly missing: 'error' | 'zero';
  readonly dash?: 'na' | 'zero' | undefined;
  readonly ties?: TieRule;
  readonly rankPrecision?: number | undefined;
  readonly totals?: 'computed' | 'declared' | undefined;
}

/** The pipeline options a ranking command builds from its validated options. */
export function pipelineOptions(o: RankingValues, scheme: Scheme | undefined): RankSourcesOptions {
  return {
    ...(scheme ? { scheme } : { candidates: builtinSchemes() }),
    ...(o.delimiter ? { delimiter: o.delimiter } : {}),
    ...(o.unitColumn ? { unitColumn: o.unitColumn } : {}),
    missing: o.missing,
    ...(o.dash ? { dash: o.dash } : {}),
    ties: o.ties ?? 'competition',
    ...(o.rankPrecision !== undefined ? { rankPrecision: o.rankPrecision } : {}),
    ...(o.totals ? { totals: o.totals } : {}),
  };
}

/** Ranks the files of one year. */
export async function rankFiles(job: Job<RankingValues>, files: readonly string[], extra: Partial<RankSourcesOptions> = {}): Promise<Ranking> {
  const options = { ...pipelineOptions(job.o, job.scheme), ...extra };
  return rankYear(await loadFiles(job, files, undefined, options), options);
}

/**
 * Reads a year's files into a table. Its own function, so that the files' bytes are no longer
 * referenced once it returns: ranking a million units then needs some 60 MB less.
 */
async function loadFiles(job: Job<RankingValues>, files: readonly string[], which: Parameters<Job<RankingValues>['read']>[1], options: RankSourcesOptions): Promise<LoadedYear> {
  return loadYear(await job.read(files, which), options);
}

interface PreviousValues extends RankingValues {
  readonly scheme?: string | undefined;
  readonly prevScheme?: string | undefined;
  readonly prevSheet?: string | undefined;
  readonly crosswalk?: string | undefined;
  readonly mergeRule?: 'mean' | 'max' | 'sum' | undefined;
}

/** Ranks the previous year's files and compares `current` with them. */
export async function compareWithPrevious(job: Job<PreviousValues>, current: Ranking, prevFiles: readonly string[]): Promise<Comparison> {
  const o = job.o;
  const prevSchemeArg = o.prevScheme ?? o.scheme;
  const prevScheme = prevSchemeArg ? resolveSchemeOption(prevSchemeArg) : undefined;
  // Last year's scheme: the one asked for, else chosen from last year's own columns.
  const options = { ...pipelineOptions(o, prevScheme), ...(prevScheme ? {} : { candidates: builtinSchemes() }) };
  const previous = rankYear(await loadFiles(job, prevFiles, { sheet: o.prevSheet }, options), options);
  let crosswalk;
  if (o.crosswalk) {
    const [source] = await job.read([o.crosswalk], {});
    crosswalk = readCrosswalk(source!);
  }
  return compareRankings(current, previous, { ...(crosswalk ? { crosswalk } : {}), ...(o.mergeRule ? { mergeRule: o.mergeRule } : {}) }, new ProblemLog());
}

/** `--fail-on-rank-drop n`: a ParScoreError (exit 1) listing every unit that fell more than n places. */
export function rankDropFailure(c: Comparison, limit: number | undefined): ParScoreError | undefined {
  if (limit === undefined) return undefined;
  const fallen = c.units.filter((u) => u.rankChange !== undefined && -u.rankChange > limit);
  if (fallen.length === 0) return undefined;
  const problems: Problem[] = fallen
    .sort((a, b) => a.rankChange! - b.rankChange!)
    .map((u) => ({
      severity: 'error',
      code: 'rank-drop',
      message: `${u.unit.name}${u.unit.block ? ` (${u.unit.block})` : ''} fell ${-u.rankChange!} places (${u.previous!.rank} -> ${u.unit.rank}), more than --fail-on-rank-drop ${limit}`,
    }));
  return new ParScoreError(problems, 1);
}

/** Warnings of a ranked year and its comparison; `shown` are codes the output itself states. */
export function warningsOf(ranking: Ranking, comparison: Comparison | undefined, shown: readonly string[] = []): Problem[] {
  return [...ranking.warnings, ...(comparison?.warnings ?? []).filter((w) => !shown.includes(w.code))];
}
