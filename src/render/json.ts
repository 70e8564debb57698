/**
 * The JSON contract (schemaVersion 1). Every key is always present (null when it does not apply), so
 * scripts never need to test for existence. Numbers are rounded to the scheme's precision and printed
 * from their decimal text: 82.84, never 82.84000000000001.
 */
import { percentToJsonNumber, roundSafe, scaledJsonText, toJsonNumber, toRatio, type Decimal, type Ratio } from '../core/decimal.js';
import type { Problem } from '../core/problem.js';
import type { BandCount, Ranking, RankOptions, UnitResult } from '../core/ranking.js';
import { componentRank, type CompactRanking } from '../core/compact-ranking.js';
import { reasonText, type Comparison, type PreviousValues, type UnitChange } from '../core/compare.js';
import type { Stats } from '../core/summary.js';
import type { Band, Scheme } from '../scheme/schema.js';
import { COMPACT_SCALE, toScaled } from '../input/compact.js';

export const SCHEMA_VERSION = 1;

type Num = number | null;

function n(value: Decimal | Ratio | undefined, places: number): Num {
  return value === undefined ? null : toJsonNumber(value, places);
}

function band(b: Band | undefined) {
  return b ? { id: b.id, label: b.label } : null;
}

function statsJson(s: Stats | undefined, places: number) {
  return {
    units: s?.count ?? 0,
    mean: n(s?.mean, places),
    median: n(s?.median, places),
    min: n(s?.min, places),
    max: n(s?.max, places),
  };
}

function bandsJson(counts: readonly BandCount[]) {
  return counts.map((c) => ({ id: c.band?.id ?? null, label: c.band?.label ?? null, count: c.count }));
}

export function problemJson(p: Problem) {
  return {
    severity: p.severity,
    code: p.code,
    message: p.message,
    file: p.file ?? null,
    line: p.line ?? null,
    column: p.column ?? null,
    hint: p.hint ?? null,
  };
}

export function previousJson(v: PreviousValues, places: number) {
  return {
    unit: v.name,
    code: v.code ?? null,
    block: v.block ?? null,
    rank: v.rank ?? null,
    of: v.of,
    total: n(v.total, places),
    index: n(v.index, places),
    band: band(v.band),
  };
}

export function changeJson(c: UnitChange | undefined, places: number) {
  if (!c) return { previous: null, change: null };
  return {
    previous: c.previous ? previousJson(c.previous, places) : null,
    change: {
      status: c.status,
      rank: c.rankChange ?? null,
      index: n(c.indexChange, places),
      note: c.note ?? null,
      predecessors: c.predecessors.map((x) => previousJson(x, places)),
    },
  };
}

export function comparisonJson(c: Comparison) {
  const p = c.current.scheme.precision;
  return {
    year: c.previous.year ?? null,
    files: c.previous.files,
    scheme: c.previous.scheme.id,
    comparable: c.comparable,
    reasons: c.reasons.map(reasonText),
    mergeRule: c.mergeRule ?? null,
    counts: c.counts,
    mean: { previous: n(c.previous.stats?.mean, p), current: n(c.current.stats?.mean, p), change: n(c.meanChange, p) },
  };
}

export function unitJson(r: Ranking, u: UnitResult, change?: UnitChange, compared = false) {
  const p = r.scheme.precision;
  return {
    rank: u.rank ?? null,
    of: u.rankedCount,
    unit: u.name,
    code: u.code ?? null,
    block: u.block ?? null,
    ranked: u.ranked,
    total: n(u.total, p),
    max: n(u.max, p),
    index: n(u.index, p),
    band: band(u.band),
    components: Object.fromEntries(
      u.components.map((c) => [
        c.id,
        {
          applicable: c.applicable,
          points: n(c.points, p),
          max: n(c.max, p),
          index: n(c.index, p),
          rank: c.rank ?? null,
        },
      ]),
    ),
    ...(compared ? changeJson(change, p) : { previous: null, change: null }),
  };
}

export function schemeJson(r: { readonly scheme: Scheme }) {
  const s = r.scheme;
  return {
    id: s.id,
    title: s.title,
    level: s.level ?? null,
    source: s.source ?? null,
    precision: s.precision,
    components: s.components.map((c) => ({ id: c.id, label: c.label, max: toJsonNumber(c.max, 6), part: c.part ?? null })),
    bands: s.bands.map((b) => ({ id: b.id, min: toJsonNumber(toRatio(b.min), 6), label: b.label })),
  };
}

/** What the document says besides its units: the same for the general and the compact lane. */
interface DocumentHead {
  readonly scheme: Scheme;
  readonly options: RankOptions;
  readonly files: readonly string[];
  readonly year?: string;
  readonly stats?: Stats;
  readonly ranked: number;
  readonly bands: readonly BandCount[];
  readonly blocks: readonly { readonly name: string; readonly stats?: Stats; readonly ranked: number; readonly bands: readonly BandCount[] }[];
  readonly warnings: readonly Problem[];
}

function documentJson<U>(h: DocumentHead, units: U[], comparison?: Comparison) {
  const p = h.scheme.precision;
  return {
    schemaVersion: SCHEMA_VERSION,
    scheme: schemeJson(h),
    year: h.year ?? null,
    files: h.files,
    options: { ties: h.options.ties, rankPrecision: h.options.rankPrecision ?? null },
    units,
    summary: {
      ...statsJson(h.stats, p),
      ranked: h.ranked,
      bands: bandsJson(h.bands),
      blocks: h.blocks.map((b) => ({ block: b.name, ...statsJson(b.stats, p), ranked: b.ranked, bands: bandsJson(b.bands) })),
    },
    comparison: comparison ? comparisonJson(comparison) : null,
    dropped: comparison ? comparison.dropped.map((d) => previousJson(d, p)) : [],
    warnings: [...h.warnings, ...(comparison?.warnings.filter((w) => !h.warnings.includes(w)) ?? [])].map(problemJson),
  };
}

function rankingHead(r: Ranking): DocumentHead {
  return {
    ...r,
    ranked: r.units.filter((u) => u.ranked).length,
    blocks: r.blocks
      .filter((b) => b.name !== undefined)
      .map((b) => ({ name: b.name!, ...(b.stats ? { stats: b.stats } : {}), ranked: b.units.filter((u) => u.ranked).length, bands: b.bands })),
  };
}

export function rankingJson(r: Ranking, comparison?: Comparison, withUnits = true) {
  const changes = new Map((comparison?.units ?? []).map((c) => [c.unit, c]));
  return documentJson(rankingHead(r), withUnits ? r.units.map((u) => unitJson(r, u, changes.get(u), comparison !== undefined)) : [], comparison);
}

/** `JSON.stringify` of a string or null; plain text (no quote, backslash, control character or surrogate) is only quoted. */
function str(x: string | null): string {
  if (x === null) return 'null';
  for (let i = 0; i < x.length; i++) {
    const c = x.charCodeAt(i);
    if (c < 32 || c === 34 || c === 92 || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(x);
  }
  return `"${x}"`;
}
const num = (x: number | null) => (x === null ? 'null' : String(x));

/** A value as `JSON.stringify(value, null, 2)` prints it at nesting depth `depth` (2 spaces each). */
function nested(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);
}

function bandText(b: Band | undefined): string {
  return b ? `{${I4}  "id": ${str(b.id)},${I4}  "label": ${nested(b.label, 4)}${I4}}` : 'null';
}

const I4 = '\n      ';

/** A component's entry inside a unit's text (numbers already printed). */
function componentText(id: string, applicable: boolean, points: string, max: string, index: string, rank: string): string {
  return `${I4}  ${str(id)}: {${I4}    "applicable": ${applicable},${I4}    "points": ${points},${I4}    "max": ${max},${I4}    "index": ${index},${I4}    "rank": ${rank}${I4}  }`;
}

/** A unit's text from its parts printed as JSON: the one template both lanes fill. */
function unitText(
  rank: string,
  of: number,
  name: string,
  code: string,
  block: string,
  ranked: boolean,
  total: string,
  max: string,
  index: string,
  band: string,
  components: string,
  previous: string,
  change: string,
): string {
  return (
    `    {${I4}"rank": ${rank},${I4}"of": ${of},${I4}"unit": ${name},${I4}"code": ${code},${I4}"block": ${block},${I4}"ranked": ${ranked},` +
    `${I4}"total": ${total},${I4}"max": ${max},${I4}"index": ${index},${I4}"band": ${band},${I4}"components": ${components},` +
    `${I4}"previous": ${previous},${I4}"change": ${change}\n    }`
  );
}

/**
 * One unit exactly as `JSON.stringify(unitJson(...), null, 2)` prints it inside the document's
 * `units` array (depth 2), written directly: no object per unit, no generic printer. The optional
 * year-over-year parts go through JSON.stringify. A test compares both on generated rankings.
 */
export function unitJsonText(r: Ranking, u: UnitResult, change: UnitChange | undefined, compared: boolean): string {
  const p = r.scheme.precision;
  const components = u.components.length
    ? `{${u.components
        .map((c) =>
          componentText(
            c.id,
            c.applicable,
            num(n(c.points, p)),
            num(n(c.max, p)),
            num(c.applicable ? percentToJsonNumber(c.points!, c.max!, p) : null),
            num(c.rank ?? null),
          ),
        )
        .join(',')}${I4}}`
    : '{}';
  const yoy = compared ? changeJson(change, p) : { previous: null, change: null };
  return unitText(
    num(u.rank ?? null),
    u.rankedCount,
    str(u.name),
    str(u.code ?? null),
    str(u.block ?? null),
    u.ranked,
    num(n(u.total, p)),
    num(n(u.max, p)),
    num(n(u.index, p)),
    bandText(u.band),
    components,
    nested(yoy.previous, 3),
    nested(yoy.change, 3),
  );
}

/** The document around its units, in pieces: `units` come one batch of texts at a time. */
function* documentChunks(doc: unknown, count: number, unit: (i: number) => string): Generator<string> {
  const text = JSON.stringify(doc, null, 2);
  const marker = '\n  "units": [],\n';
  const at = text.indexOf(marker);
  yield `${text.slice(0, at)}\n  "units": [\n`;
  let batch = '';
  const last = count - 1;
  for (let i = 0; i <= last; i++) {
    batch += `${unit(i)}${i < last ? ',' : ''}\n`;
    if (batch.length > 1 << 16) {
      yield batch;
      batch = '';
    }
  }
  yield `${batch}  ],\n${text.slice(at + marker.length)}\n`;
}

/**
 * The JSON document in pieces, unit by unit, so a large ranking is never one giant string or object
 * tree in memory. Joined, the pieces are exactly `JSON.stringify(rankingJson(r), null, 2)` + newline.
 */
export function* renderJsonChunks(r: Ranking, comparison?: Comparison): Generator<string> {
  if (r.units.length === 0) {
    yield `${JSON.stringify(rankingJson(r, comparison), null, 2)}\n`;
    return;
  }
  const changes = new Map((comparison?.units ?? []).map((c) => [c.unit, c]));
  yield* documentChunks(rankingJson(r, comparison, false), r.units.length, (i) =>
    unitJsonText(r, r.units[i]!, changes.get(r.units[i]!), comparison !== undefined),
  );
}

/** Bytes of a JSON string: quote, text, quote; `str` decides whether the text needs escapes. */
function encodeString(x: string | null, into: Uint8Array, at: number, encoder: TextEncoder): number {
  return encoder.encodeInto(str(x), into.subarray(at)).written;
}

/**
 * Writes a unit's name or code as a JSON string at `at`, returning where it ends: from the file's
 * bytes when kept as offsets (UTF-8 of printable ASCII and letters JSON leaves as they are: only
 * `"` and `\\` would need escaping, and those go through `str`), else the kept string, else null.
 */
function writeCell(bytes: Uint8Array, s: number, e: number, kept: string | undefined, into: Uint8Array, at: number, encoder: TextEncoder): number {
  if (e > s) {
    let o = at;
    into[o++] = 34;
    for (let i = s; i < e; i++) {
      const c = bytes[i]!;
      if (c === 34 || c === 92) return at + encodeString(new TextDecoder().decode(bytes.subarray(s, e)), into, at, encoder);
      into[o++] = c;
    }
    into[o++] = 34;
    return o;
  }
  return at + encodeString(kept ?? null, into, at, encoder);
}

/** Largest number of distinct values a component's cache of entries is an array for (else a map by rank). */
const DENSE_ENTRIES = 1 << 16;

/** What the compact lane's unit writer reads: a `CompactRanking` without its summary. */
export type CompactUnits = Pick<CompactRanking, 'scheme' | 'table' | 'max' | 'order' | 'rankAt' | 'bandOf' | 'componentRanks'>;

/** Units gathered at a time, in listing order, from the ranking's arrays. */
const GATHER = 1024;

/**
 * Writes the compact lane's units as UTF-8 bytes, exactly as `renderJsonChunks` prints them. Numbers
 * are printed from exact scaled integers, and the bytes that follow from a value are made once per
 * distinct value: a component's entry follows from its points (equal points, equal rank), and a
 * unit's rank, total, index and band from its rank. Independent writers (one per thread) write the
 * same bytes for the same units.
 */
export class CompactUnitWriter {
  /** Buffer size for `fill`: at least 1 MiB, and room for several units of the longest kind. */
  readonly chunkSize: number;
  private readonly reserve: number;
  private readonly encoder = new TextEncoder();
  private readonly shell: readonly string[];
  private readonly betweenNameAndCode: Uint8Array;
  private readonly endBetween: Uint8Array;
  private readonly endLast: Uint8Array;
  private readonly bands: readonly string[];
  // A unit's opening (up to its name) and middle (after its code), by rank.
  // (Filled with undefined up front: an array filled out of order would turn into a slow dictionary.)
  private readonly unitHeads: (Uint8Array | undefined)[];
  private readonly unitMiddles: (Uint8Array | undefined)[];
  // A component's entry, by points / step when the values are few, else by rank.
  private readonly dense: ((Uint8Array | undefined)[] | undefined)[] = [];
  private readonly sparse: Map<number, Uint8Array>[] = [];
  private readonly entryText: ((points: number, rank: number) => Uint8Array)[];
  private readonly step: number;
  private readonly components: number;
  // The units of [blockStart, blockEnd) in listing order: points unit after unit, name and code
  // offsets. The listing order is unrelated to the file's: gathering a block in one tight pass
  // costs a fraction of reading every value scattered while writing.
  private blockStart = 0;
  private blockEnd = 0;
  private readonly rows: Int32Array | Float64Array;
  private readonly spans = new Int32Array(4 * GATHER);
  /** (Keeps `gather`'s reads of the names from being left out.) */
  private touched = 0;

  constructor(private readonly cr: CompactUnits) {
    const { scheme, table } = cr;
    const p = scheme.precision;
    const scale = 10 ** COMPACT_SCALE;
    this.step = 10 ** (COMPACT_SCALE - table.decimals);
    this.components = table.components;
    this.rows = table.points instanceof Int32Array ? new Int32Array(table.components * GATHER) : new Float64Array(table.components * GATHER);
    const bytes = (text: string) => this.encoder.encode(text);
    const fixed = (q: number | undefined) => scaledJsonText(q!, p);
    this.bands = scheme.bands.map((b) => bandText(b));
    const HOLE = '\u0000';
    this.shell = unitText(HOLE, table.count, HOLE, HOLE, 'null', true, HOLE, num(n(cr.max, p)), HOLE, HOLE, HOLE, 'null', 'null').split(HOLE);
    this.betweenNameAndCode = bytes(this.shell[2]!);
    this.endBetween = bytes(`${I4}}${this.shell[7]},\n`);
    this.endLast = bytes(`${I4}}${this.shell[7]}\n`);
    this.unitHeads = new Array<Uint8Array | undefined>(table.count + 1).fill(undefined);
    this.unitMiddles = new Array<Uint8Array | undefined>(table.count + 1).fill(undefined);
    let reserve = 4096 + 2 * 6 * 1000;
    this.entryText = scheme.components.map((c, k) => {
      const max = toScaled(c.max);
      const [before, between, after, end] = componentText(c.id, true, HOLE, num(n(c.max, p)), HOLE, HOLE).split(HOLE);
      reserve += 3 * (before!.length + between!.length + after!.length + end!.length) + 64;
      this.dense.push(max / this.step < DENSE_ENTRIES ? new Array<Uint8Array | undefined>(Math.floor(max / this.step) + 1).fill(undefined) : undefined);
      this.sparse.push(new Map());
      return (points: number, rank: number) =>
        bytes(`${k > 0 ? ',' : ''}${before}${fixed(roundSafe(points, scale, p))}${between}${fixed(roundSafe(points * 100, max, p))}${after}${rank}${end}`);
    });
    this.reserve = reserve + 3 * (this.shell.join('').length + Math.max(0, ...this.bands.map((b) => b.length)));
    this.chunkSize = Math.max(1 << 20, 4 * this.reserve);
  }

  private entry(k: number, u: number, points: number): Uint8Array {
    const byPoints = this.dense[k];
    if (byPoints !== undefined) {
      const key = points / this.step;
      let text = byPoints[key];
      if (text === undefined) byPoints[key] = text = this.entryText[k]!(points, componentRank(this.cr.componentRanks[k]!, u, points));
      return text;
    }
    const rank = componentRank(this.cr.componentRanks[k]!, u, points);
    let text = this.sparse[k]!.get(rank);
    if (text === undefined) this.sparse[k]!.set(rank, (text = this.entryText[k]!(points, rank)));
    return text;
  }

  private unitTexts(u: number, rank: number): void {
    const { table, bandOf, max, scheme } = this.cr;
    const p = scheme.precision;
    const t = table.totals[u]!;
    const band = bandOf[u]!;
    const shell = this.shell;
    const fixed = (q: number | undefined) => scaledJsonText(q!, p);
    this.unitHeads[rank] = this.encoder.encode(`${shell[0]}${rank}${shell[1]}`);
    this.unitMiddles[rank] = this.encoder.encode(
      `${shell[3]}${fixed(roundSafe(t, 10 ** COMPACT_SCALE, p))}${shell[4]}${fixed(roundSafe(t * 100, toScaled(max), p))}${shell[5]}${band < 0 ? 'null' : this.bands[band]!}${shell[6]}{`,
    );
  }

  private gather(from: number): void {
    const { order, table } = this.cr;
    const { points, components } = table;
    const unitSpans = table.texts.spans;
    const rows = this.rows;
    const spans = this.spans;
    this.blockStart = from;
    this.blockEnd = Math.min(from + GATHER, table.count);
    for (let i = from, at = 0, s = 0; i < this.blockEnd; i++) {
      const u = order[i]!;
      for (let k = 0, src = u * components; k < components; k++) rows[at++] = points[src + k]!;
      for (let j = 0, src = 4 * u; j < 4; j++) spans[s++] = unitSpans[src + j]!;
    }
    // The first byte of each name, read here where the reads of many units overlap, brings the
    // names (scattered over the file) into the cache before `fill` copies them one unit at a time,
    // where each would wait for its own.
    const file = table.texts.bytes;
    let touched = 0;
    for (let s = 0; s < 4 * (this.blockEnd - from); s += 4) touched += file[spans[s]!] ?? 0;
    this.touched = touched;
  }

  /**
   * Writes the units at listing positions [from, to) into `buf` (of `chunkSize` bytes) while they
   * surely fit; returns the position it stopped at and the bytes written.
   */
  fill(buf: Uint8Array, from: number, to: number): [number, number] {
    const { order, rankAt, table } = this.cr;
    const file = table.texts.bytes;
    const strings = table.texts.strings;
    const last = table.count - 1;
    const k0 = this.components;
    const limit = buf.length - this.reserve;
    const encoder = this.encoder;
    let off = 0;
    let i = from;
    for (; i < to && off <= limit; i++) {
      if (i < this.blockStart || i >= this.blockEnd) this.gather(i);
      const b = i - this.blockStart;
      const u = order[i]!;
      const rank = rankAt[i]!;
      if (this.unitHeads[rank] === undefined) this.unitTexts(u, rank);
      const head = this.unitHeads[rank]!;
      const middle = this.unitMiddles[rank]!;
      buf.set(head, off);
      off = writeCell(file, this.spans[4 * b]!, this.spans[4 * b + 1]!, strings.get(2 * u), buf, off + head.length, encoder);
      buf.set(this.betweenNameAndCode, off);
      off = writeCell(file, this.spans[4 * b + 2]!, this.spans[4 * b + 3]!, strings.get(2 * u + 1), buf, off + this.betweenNameAndCode.length, encoder);
      buf.set(middle, off);
      off += middle.length;
      for (let k = 0, at = b * k0; k < k0; k++, at++) {
        const e = this.entry(k, u, this.rows[at]!);
        buf.set(e, off);
        off += e.length;
      }
      const end = i < last ? this.endBetween : this.endLast;
      buf.set(end, off);
      off += end.length;
    }
    return [i, off];
  }
}

/** The compact lane's document around its units: the text before the first unit and after the last. */
export function compactDocumentEnds(cr: CompactRanking): [string, string] {
  const doc = JSON.stringify(documentJson({ ...cr, ranked: cr.table.count, blocks: [], warnings: [] }, []), null, 2);
  const marker = '\n  "units": [],\n';
  const at = doc.indexOf(marker);
  return [`${doc.slice(0, at)}\n  "units": [\n`, `  ],\n${doc.slice(at + marker.length)}\n`];
}

/**
 * The same document for a ranking of the compact lane, byte for byte (a differential test checks
 * it), as UTF-8 chunks of about 1 MiB, each valid until the next one is asked for (write it, or
 * copy it, before going on).
 */
export function* renderCompactJsonChunks(cr: CompactRanking): Generator<string | Uint8Array> {
  const [head, tail] = compactDocumentEnds(cr);
  yield head;
  const writer = new CompactUnitWriter(cr);
  // One buffer, filled again for each chunk: a chunk is valid until the next one is asked for.
  const buf = new Uint8Array(writer.chunkSize);
  for (let i = 0; i < cr.table.count; ) {
    const [next, written] = writer.fill(buf, i, cr.table.count);
    yield buf.subarray(0, written);
    i = next;
  }
  yield tail;
}

export function renderJson(r: Ranking, comparison?: Comparison): string {
  return [...renderJsonChunks(r, comparison)].join('');
}
