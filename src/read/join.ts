/**
 * The files of one year (appraisal from one office, survey from another) joined on the unit into
 * one table. A unit must be in every file; a component must come from exactly one file.
 */
import { format, normalize } from '../model/decimal.js';
import type { ProblemLog } from '../model/problem.js';
import type { Scheme } from '../model/scheme.js';
import type { DeclaredColumn, ScoreTable } from '../model/table.js';
import { nameKey, nearest, strippedNameKey } from '../model/text.js';
import { completeTree, missingNodes } from '../model/tree.js';
import type { FilePart } from './units.js';

function quote(header: string): string {
  return `"${header}"`;
}

/** The nodes of a file that no other node of it contains: what its declared total adds up. */
function topmost(scheme: Scheme, nodes: readonly number[]): number[] {
  const here = new Set(nodes);
  const inside = (n: number): boolean => {
    for (let p = scheme.nodes[n]!.parent; p >= 0; p = scheme.nodes[p]!.parent) if (here.has(p)) return true;
    return false;
  };
  return nodes.filter((n) => !inside(n));
}

/** The decimals of the scheme's maxima: the table's scale holds them as integers too. */
function schemeScale(scheme: Scheme): number {
  return scheme.nodes.reduce((s, n) => Math.max(s, n.max.scale), 0);
}

export function joinFiles(parts: readonly FilePart[], scheme: Scheme, log: ProblemLog): ScoreTable {
  const files = parts.map((p) => p.file);
  const [first, ...rest] = parts;
  const empty = (): ScoreTable => emptyTable(scheme, files);
  if (!first) return empty();
  // A file whose header could not be used has been reported; matching units against it would only add noise.
  if (parts.some((p) => p.broken)) return empty();
  const size = first.size;
  const owner = new Map<number, FilePart>();
  for (const node of first.nodes) owner.set(node, first);
  // For each later file, the row of each unit of the first file (-1 where it has none).
  const rowsOf = new Map<FilePart, Int32Array>();
  // The first file's columns, copied only when other files may fill them in.
  const own = <T>(column: readonly T[]): T[] => (rest.length > 0 ? [...column] : (column as T[]));
  const codes = own(first.codes);
  // Whether a unit took its code from a later file (the first file's codes are distinct: its reader refuses a code twice).
  let codesJoined = false;
  const blocks = own(first.blocks);
  const years = own(first.years);
  const ranked = first.ranked;

  for (const part of rest) {
    // A file that brings no new component is most likely another year, not another part of this one.
    if (part.nodes.length > 0 && part.nodes.every((n) => owner.has(n))) {
      log.error('duplicate-column', `${part.file} has the same score columns as ${owner.get(part.nodes[0]!)!.file}: files given together are joined as parts of one year`, {
        file: part.file,
        line: part.headerLine,
        hint: `to compare years, use \`par-score compare ${first.file} ${part.file}\` or \`par-score rank ${part.file} --prev ${first.file}\``,
      });
      continue;
    }
    for (const node of part.nodes) {
      const prior = owner.get(node);
      if (prior !== undefined) {
        log.error('duplicate-column', `the column for "${scheme.nodes[node]!.id}" is in both ${prior.file} and ${part.file}`, { file: part.file, line: part.headerLine });
      } else owner.set(node, part);
    }
    const byCode = new Map<string, number>();
    const byName = new Map<string, number>();
    const byStripped = new Map<string, number[]>();
    for (let i = 0; i < size; i++) {
      const code = codes[i];
      if (code !== undefined) byCode.set(code.toLowerCase(), i);
      byName.set(nameKey(first.names[i]!), i);
      const key = strippedNameKey(first.names[i]!);
      const list = byStripped.get(key);
      if (list) list.push(i);
      else byStripped.set(key, [i]);
    }
    const rows = new Int32Array(size).fill(-1);
    const unmatched: number[] = [];
    for (let r = 0; r < part.size; r++) {
      const code = part.codes[r];
      const name = part.names[r]!;
      const where = { file: part.file, line: part.lines[r]!, column: part.unitColumn };
      const byItsCode = code !== undefined ? byCode.get(code.toLowerCase()) : undefined;
      // The same name, else the same name without its administrative prefix or footnote mark
      // ("Huyện Bình Sơn" is "Bình Sơn (*)"), when that is one unit only.
      const alike = byItsCode === undefined && !byName.has(nameKey(name)) ? byStripped.get(strippedNameKey(name)) : undefined;
      if (alike && alike.length > 1) {
        log.error('ambiguous-unit', `${name} could be ${alike.map((i) => first.names[i]).join(' or ')} in ${first.file}`, { ...where, hint: 'write the name as in the first file, or add a code column (Mã) to both files' });
        continue;
      }
      const target = byItsCode ?? byName.get(nameKey(name)) ?? alike?.[0];
      // A code joins rows of the same unit: names that are not the same unit's mean a wrong code.
      if (byItsCode !== undefined && strippedNameKey(first.names[byItsCode]!) !== strippedNameKey(name)) {
        log.error('code-name-mismatch', `code ${code} is ${first.names[byItsCode]} in ${first.file} but ${name} here: a wrong code, or the files do not match`, where);
        continue;
      }
      if (target === undefined) {
        unmatched.push(r);
        continue;
      }
      if (rows[target] !== -1) {
        log.error('duplicate-unit', `${name} and ${part.names[rows[target]!]} (line ${part.lines[rows[target]!]}) are both ${first.names[target]} of ${first.file}`, { ...where, hint: 'remove the duplicate row' });
        continue;
      }
      rows[target] = r;
      // Code, block and year: the first file's, else this one's; two different ones are an error.
      const fields = [
        ['code', codes, part.codes],
        ['block', blocks, part.blocks],
        ['year', years, part.years],
      ] as const;
      for (const [what, mine, theirs] of fields) {
        const a = mine[target];
        const b = theirs[r];
        if (b === undefined) continue;
        if (a === undefined) {
          mine[target] = b;
          // A code from another file may be a code the first file gives to another unit.
          if (what === 'code') codesJoined = true;
        }
        else if (what === 'block' ? nameKey(a) !== nameKey(b) : a !== b) log.error('conflicting-value', `${first.names[target]}: ${what} is "${a}" in ${first.file} but "${b}" here`, { file: part.file, line: part.lines[r]!, column: part.unitColumn });
      }
      if (!part.ranked[r]) ranked[target] = 0;
    }
    // Units in one file only, each with the nearest name the other file has left over.
    const missing: number[] = [];
    for (let i = 0; i < size; i++) if (rows[i] === -1) missing.push(i);
    const didYouMean = (name: string, names: readonly string[]) => {
      const hit = nearest(strippedNameKey(name), names, (n) => [strippedNameKey(n)]);
      return hit !== undefined ? { hint: `did you mean ${hit}? Write the unit's name the same way in every file, or add a code column (Mã)` } : {};
    };
    const leftHere = unmatched.map((r) => part.names[r]!);
    const leftThere = missing.map((i) => first.names[i]!);
    for (const r of unmatched) {
      log.error('unit-not-in-all-files', `${part.names[r]} is in ${part.file} but not in ${first.file}`, { file: part.file, line: part.lines[r]!, column: part.unitColumn, ...didYouMean(part.names[r]!, leftThere) });
    }
    for (const i of missing) {
      log.error('unit-not-in-all-files', `${first.names[i]} is in ${first.file} but not in ${part.file}`, { file: first.file, line: first.lines[i]!, column: first.unitColumn, ...didYouMean(first.names[i]!, leftHere) });
    }
    rowsOf.set(part, rows);
  }

  // Every scoring node is given, or made of given children (a bonus or penalty column is optional: 0).
  const given = Uint8Array.from(scheme.nodes, (n) => (owner.has(n.index) ? 1 : 0));
  for (const c of missingNodes(scheme, given)) {
    const names = [c.id, c.label.vi, ...c.aliases.slice(0, 3)].map(quote).join(', ');
    log.error('missing-column', `no column for ${c.depth > 0 ? `"${c.path.join(' / ')}"` : `component "${c.id}"`} (maximum ${format(normalize(c.max))}); expected a header such as ${names}`, {
      file: first.file,
      line: first.headerLine,
      hint: parts.length > 1 ? 'it is in none of the files' : `check the header, or the scheme (--scheme ${scheme.id})`,
    });
  }

  const distinctYears = new Set(years.filter((y): y is string => y !== undefined));
  if (distinctYears.size > 1) {
    log.error('several-years', `the input holds several years (${[...distinctYears].join(', ')}); rank one year at a time`, { file: first.file });
  }
  const year = distinctYears.size === 1 ? [...distinctYears][0]! : undefined;

  // Every file's values at one scale, aligned with the first file's units.
  const scale = Math.max(schemeScale(scheme), ...parts.map((p) => p.scale));
  const aligned = (part: FilePart, values: Float64Array): Float64Array => {
    const f = 10 ** (scale - part.scale);
    const rows = rowsOf.get(part);
    // The first file's column at the table's scale is the table's column as it is.
    if (!rows && f === 1) return values;
    const out = new Float64Array(size);
    for (let i = 0; i < size; i++) {
      const r = rows ? rows[i]! : i;
      out[i] = r < 0 ? NaN : values[r]! * f;
    }
    return out;
  };
  // Totals are sums of integers at this scale: they must stay exact in a double.
  if (Number(scheme.max.units) * 10 ** (scale - scheme.max.scale) > Number.MAX_SAFE_INTEGER) {
    const part = parts.reduce((a, p) => (p.scale > a.scale ? p : a));
    log.error('too-precise', `the scores have ${scale} decimals: with a maximum of ${format(normalize(scheme.max))} points, totals would lose exactness`, {
      file: part.file,
      line: part.headerLine,
      hint: 'round the scores to the decimals the scheme uses',
    });
    return empty();
  }
  const points = scheme.nodes.map((n) => {
    const part = owner.get(n.index);
    if (part) return aligned(part, part.points[part.nodes.indexOf(n.index)]!);
    // A bonus or penalty no file gives is 0; another node is made of its children (model/tree.ts).
    return new Float64Array(size).fill(n.role === 'score' ? NaN : 0);
  });
  const decimals = Uint8Array.from(scheme.nodes, (n) => {
    const part = owner.get(n.index);
    return part ? part.decimals[part.nodes.indexOf(n.index)]! : 0;
  });
  const declared: DeclaredColumn[] = [];
  for (const part of parts) {
    if (part !== first && !rowsOf.has(part)) continue;
    const rows = rowsOf.get(part);
    const lines = new Int32Array(size);
    for (let i = 0; i < size; i++) {
      const r = rows ? rows[i]! : i;
      lines[i] = r < 0 ? 0 : part.lines[r]!;
    }
    for (const f of part.figures) {
      // Totals and maxima at the table's scale; an index and a rank as written.
      const raw = <A extends Uint8Array | Uint16Array | Float64Array>(a: A, missing: number): A => {
        if (!rows) return a;
        const out = new (a.constructor as new (n: number) => A)(size);
        for (let i = 0; i < size; i++) out[i] = rows[i]! < 0 ? missing : a[rows[i]!]!;
        return out;
      };
      const values = f.kind === 'total' || f.kind === 'max' ? aligned(part, f.values) : raw(f.values, NaN);
      declared.push({ kind: f.kind, header: f.header, nodes: topmost(scheme, part.nodes), values, decimals: raw(f.decimals, 0), terms: raw(f.terms, 0), partDecimals: raw(f.partDecimals, 0), file: part.file, column: f.column, lines });
    }
  }

  // The points of inner nodes from their children (and the checks of those given both ways).
  return completeTree({
    scheme,
    size,
    scale,
    names: first.names,
    codes,
    distinctCodes: !codesJoined,
    blocks,
    ranked,
    points,
    maxima: scheme.nodes.map(() => undefined),
    given,
    decimals,
    declared,
    originFile: new Uint16Array(size),
    originLine: first.lines,
    originColumn: new Int32Array(size).fill(first.unitColumn),
    files,
    ...(year !== undefined ? { year } : {}),
  }, log);
}

function emptyTable(scheme: Scheme, files: readonly string[]): ScoreTable {
  return {
    scheme,
    size: 0,
    scale: 0,
    names: [],
    codes: [],
    blocks: [],
    ranked: new Uint8Array(0),
    points: scheme.nodes.map(() => new Float64Array(0)),
    maxima: scheme.nodes.map(() => undefined),
    given: new Uint8Array(scheme.nodes.length),
    decimals: new Uint8Array(scheme.nodes.length),
    declared: [],
    originFile: new Uint16Array(0),
    originLine: new Int32Array(0),
    originColumn: new Int32Array(0),
    files,
  };
}
