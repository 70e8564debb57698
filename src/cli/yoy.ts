/** Year-over-year options shared by `rank --prev` and `compare`. */
import { Option } from 'commander';
import * as z from 'zod/mini';
import { compareRankings, MERGE_RULES, type Comparison } from '../core/compare.js';
import { ParScoreError, ProblemLog, type Problem } from '../core/problem.js';
import type { Ranking } from '../core/ranking.js';
import { readCrosswalk } from '../input/crosswalk.js';
import { rankSources, type RankSourcesOptions } from '../pipeline.js';
import { builtinSchemes } from '../scheme/builtin.js';
import { readSources } from './io.js';
import { optionalText, wholeNumber } from './options.js';
import { resolveSchemeOption } from './scheme-option.js';

export const yoyOptionsSchema = {
  prevScheme: optionalText,
  crosswalk: optionalText,
  mergeRule: z.optional(z.enum(MERGE_RULES)),
  failOnRankDrop: z.optional(wholeNumber(0, 1_000_000)),
};

export function yoyOptions(): Option[] {
  return [
    new Option('--prev-scheme <id|file>', "the previous year's scheme, when it differs (default: as --scheme, or chosen from the columns)"),
    new Option('--crosswalk <file>', 'CSV of renamed and merged units: columns old,new (codes or names)'),
    new Option('--merge-rule <rule>', "combine a merged unit's predecessors: mean, max or sum (default: no change for merged units)").choices(MERGE_RULES),
    new Option('--fail-on-rank-drop <n>', 'exit 1 when any unit falls more than n places (units listed on stderr)'),
  ];
}

export type YoyCliOptions = { [K in keyof typeof yoyOptionsSchema]?: z.infer<(typeof yoyOptionsSchema)[K]> };

/** Ranks the previous year's files and compares `current` with them. */
export async function compareWithPrevious(
  current: Ranking,
  prevFiles: readonly string[],
  o: YoyCliOptions & { scheme?: string | undefined; maxInputSize?: number },
  rankOptions: RankSourcesOptions,
): Promise<Comparison> {
  const prevSchemeArg = o.prevScheme ?? o.scheme;
  const prevScheme = prevSchemeArg ? resolveSchemeOption(prevSchemeArg) : undefined;
  // Last year's scheme: the one asked for, else chosen from last year's own columns.
  const previous = rankSources(await readSources(prevFiles, o.maxInputSize), {
    ...rankOptions,
    ...(prevScheme ? { scheme: prevScheme } : { scheme: undefined, candidates: builtinSchemes() }),
  });
  let crosswalk;
  if (o.crosswalk) {
    const [source] = await readSources([o.crosswalk], o.maxInputSize);
    crosswalk = readCrosswalk(source!.bytes, source!.name);
  }
  return compareRankings(current, previous, {
    ...(crosswalk ? { crosswalk } : {}),
    ...(o.mergeRule ? { mergeRule: o.mergeRule } : {}),
  }, new ProblemLog());
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
