/**
 * `rank --format json` on one large clean file with two threads (the compact lane, docs/DECISIONS.md
 * 15 and 16). The work is the same pure functions the single-threaded lane runs, split by data:
 *
 *   main thread                              worker (dist/lane-worker.cjs)
 *   plan the header
 *   read blocks of rows, one at a time       the same, from a shared counter
 *   check keys falling in lane 0             check keys falling in lane 1
 *   join the blocks, rank                    rank each component
 *   put runs of equal totals in name order   the same, taking runs from a shared counter
 *   write stripes 0, 2, 4, ...               write stripes 1, 3, 5, ... as chunks, sent back
 *   hand every chunk to the output in order
 *
 * File bytes and columns are in shared memory; the worker's chunks are transferred, never copied,
 * and it stays at most a few stripes ahead of the output. Anything either thread declines sends the
 * file to the general path, as in the single-threaded lane; output is identical byte for byte (the
 * end-to-end tests compare both).
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { rankCompactUnsorted, sortRuns, sortStringRuns, type CompactRanking } from '../../core/compact-ranking.js';
import { findDuplicate, joinCompact, planCompact, sharedNamePrefix } from '../../input/compact.js';
import { compactLaneOptions, type RankSourcesOptions, type Source } from '../../pipeline.js';
import { compactDocumentEnds, CompactUnitWriter, type CompactUnits } from '../../render/json.js';
import { CONSUMED, scanBlocks, sharedColumns, type Chunk, type FromWorker, type ToWorker } from './protocol.js';

/**
 * Inputs from this size are ranked with two threads, when the machine has two cores (measured:
 * below about 18 MB, starting and warming up the second thread costs what it saves).
 */
export const PARALLEL_FROM = 20 * 1024 * 1024;
/** Blocks of rows the threads share out as they read. */
const BLOCKS = 16;
/** Units per stripe of output: about 6 MB of JSON at 8 components. */
const STRIPE = 4096;
/** Stripes the worker may write ahead of the output. */
const AHEAD = 2;

/** Threads for the compact lane: PAR_SCORE_THREADS=1|2 decides; else two for a large input, if there are two cores. */
export function laneThreads(size: number, env: NodeJS.ProcessEnv): number {
  if (env.PAR_SCORE_THREADS === '1' || env.PAR_SCORE_THREADS === '2') return Number(env.PAR_SCORE_THREADS);
  return size >= PARALLEL_FROM && availableParallelism() >= 2 ? 2 : 1;
}

/** The worker, with its replies as promises; an error or exit of the worker rejects what is pending. */
class Helper {
  private readonly worker: Worker;
  private pending: { resolve: (m: FromWorker) => void; reject: (e: Error) => void } | undefined;
  private failure: Error | undefined;
  private readonly listeners = new Set<(e: Error) => void>();

  constructor(file: string) {
    this.worker = new Worker(file);
    // The process waits for the worker only while a reply is due (see `request`); otherwise it ends
    // when the output is written, whatever the worker is doing.
    this.worker.unref();
    this.worker.on('message', (m: FromWorker) => {
      const p = this.pending;
      this.pending = undefined;
      this.worker.unref();
      p?.resolve(m);
    });
    const fail = (e: Error) => {
      this.failure ??= e;
      this.pending?.reject(e);
      this.pending = undefined;
      for (const l of this.listeners) l(e);
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`the second thread stopped (exit code ${code})`)));
  }

  send(message: ToWorker, transfer: (MessagePort | ArrayBuffer)[] = []): void {
    this.worker.postMessage(message, transfer);
  }

  request(message: ToWorker): Promise<FromWorker> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.pending = { resolve, reject };
      this.worker.ref();
      this.send(message);
    });
  }

  onFailure(listener: (e: Error) => void): () => void {
    if (this.failure) listener(this.failure);
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stop(): void {
    void this.worker.terminate();
  }
}

/** The worker's chunks, in the order sent, as promises. */
class Inbox {
  private readonly queue: Chunk[] = [];
  private waiting: { resolve: (c: Chunk) => void; reject: (e: Error) => void } | undefined;
  private failure: Error | undefined;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly port: MessagePort,
    helper: Helper,
  ) {
    port.on('message', (c: Chunk) => {
      const w = this.waiting;
      this.waiting = undefined;
      if (w) w.resolve(c);
      else this.queue.push(c);
    });
    this.unsubscribe = helper.onFailure((e) => {
      this.failure = e;
      this.waiting?.reject(e);
      this.waiting = undefined;
    });
  }

  next(): Promise<Chunk> {
    const c = this.queue.shift();
    if (c) return Promise.resolve(c);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  close(): void {
    this.unsubscribe();
    this.port.close();
  }
}

function shared(bytes: Uint8Array): Uint8Array {
  if (bytes.buffer instanceof SharedArrayBuffer) return bytes;
  const copy = new Uint8Array(new SharedArrayBuffer(bytes.length));
  copy.set(bytes);
  return copy;
}

function sharedCopy(array: Int8Array): Int8Array {
  const copy = new Int8Array(new SharedArrayBuffer(array.length));
  copy.set(array);
  return copy;
}

/**
 * Ranks one file in the compact lane with a second thread (`workerFile`); the output is the JSON
 * document as chunks, each valid until the next is asked for. Or why the general path must rank it.
 */
export async function rankInParallel(source: Source, options: RankSourcesOptions, workerFile = join(__dirname, 'lane-worker.cjs')): Promise<{ output: AsyncIterable<string | Uint8Array> } | { fallback: string; threadFailed?: true }> {
  let helper: Helper | undefined;
  let handedOver = false;
  try {
    helper = new Helper(workerFile);
    const bytes = shared(source.bytes);
    const lane = compactLaneOptions(source.name, options);
    const planned = planCompact(bytes, source.name, lane.read);
    if ('fallback' in planned) return planned;
    const { plan, scheme } = planned;

    // Blocks of rows, split after a line, taken by both threads one at a time.
    const blocks = [plan.dataStart];
    for (let b = 1; b < BLOCKS; b++) {
      const nl = bytes.indexOf(10, plan.dataStart + Math.floor(((bytes.length - plan.dataStart) * b) / BLOCKS));
      if (nl >= 0 && nl + 1 > blocks[blocks.length - 1]! && nl + 1 < bytes.length) blocks.push(nl + 1);
    }
    blocks.push(bytes.length);
    const scan = { bytes, plan, blocks: Int32Array.from(blocks), control: new Int32Array(new SharedArrayBuffer(8)) };
    const theirs = helper.request({ kind: 'scan', ...scan });
    const ours = scanBlocks(scan.bytes, scan.plan, scan.blocks, scan.control);
    const scanned = await theirs;
    if ('fallback' in ours) return ours;
    if (scanned.kind !== 'scanned') return { fallback: 'unexpected reply' };
    if ('fallback' in scanned) return scanned;
    const parts = [...ours, ...scanned.parts].sort((a, b) => a.block - b.block).map((p) => p.part);

    const keys = parts.map(({ count, hashes }) => ({ count, hashes }));
    // The worker makes the name keys after its half of the key check, while this thread joins.
    const names = sharedColumns.float64(parts.reduce((n, p) => n + p.count, 0));
    const named = { bytes, parts: parts.map(({ spans, flags, count }) => ({ spans, flags, count })), prefix: sharedNamePrefix(bytes, parts), keys: names };
    const theirKeys = helper.request({ kind: 'duplicates', parts: keys, lane: 1, names: named });
    const duplicate = findDuplicate(keys, 0, 2);
    const their = await theirKeys;
    if (duplicate || (their.kind === 'duplicates' && their.found)) return { fallback: 'a duplicate unit' };

    const table = joinCompact(bytes, plan, parts, sharedColumns);
    if ('fallback' in table) return table;
    // Component ranks on the worker (its reply also means the name keys are made), the rest of the
    // ranking here, side by side.
    const ties = lane.rank.ties === 'dense' ? 'dense' : 'competition';
    const { points, components, count, decimals } = table;
    const { spans, flags } = table.texts;
    const theirRanks = helper.request({ kind: 'componentRanks', table: { points, components, count, decimals }, maxima: plan.maxima, ties });
    const ranked = rankCompactUnsorted(table, scheme, lane.rank, [source.name], lane.year, sharedColumns);
    const componentRanks = await theirRanks;
    if ('fallback' in ranked) return ranked;
    if (componentRanks.kind !== 'componentRanks') return { fallback: 'unexpected reply' };
    const r: CompactRanking = { ...ranked.ranking, componentRanks: componentRanks.ranks };
    // Runs of equal totals into name order: runs with a name or code kept as a string (only this
    // thread has those) here first, then both threads take the others one by one.
    const counter = new Int32Array(new SharedArrayBuffer(4));
    const take = () => Atomics.add(counter, 0, 1);
    const spansOnly = table.texts.strings.size > 0;
    const sorted = helper.request({ kind: 'sort', bytes, spans, flags, keys: names, order: r.order, runs: ranked.runs, counter, spansOnly });
    if (spansOnly) sortStringRuns(table.texts, names, r.order, ranked.runs);
    sortRuns(table.texts, names, r.order, ranked.runs, take, spansOnly);
    await sorted;
    const units: CompactUnits = {
      scheme: r.scheme,
      table: r.table,
      max: r.max,
      order: r.order,
      rankAt: r.rankAt,
      bandOf: sharedCopy(r.bandOf),
      componentRanks: r.componentRanks,
    };
    const chunks = new MessageChannel();
    const returns = new MessageChannel();
    const control = new Int32Array(new SharedArrayBuffer(4));
    helper.send({ kind: 'render', units, stripe: STRIPE, ahead: AHEAD, port: chunks.port2, returns: returns.port2, control }, [chunks.port2, returns.port2]);
    handedOver = true;
    return { output: stripes(r, units, new Inbox(chunks.port1, helper), returns.port1, control, helper) };
  } catch (e) {
    // The second thread failed (it could not start, say): the single-threaded way still works.
    return { fallback: `the second thread failed: ${(e as Error).message}`, threadFailed: true };
  } finally {
    if (!handedOver) helper?.stop();
  }
}

/** The document: the even stripes written here, the odd ones taken from the worker, in order. */
async function* stripes(
  r: Parameters<typeof compactDocumentEnds>[0],
  units: CompactUnits,
  inbox: Inbox,
  returns: MessagePort,
  control: Int32Array,
  helper: Helper,
): AsyncGenerator<string | Uint8Array> {
  try {
    const [head, tail] = compactDocumentEnds(r);
    yield head;
    const writer = new CompactUnitWriter(units);
    const buf = new Uint8Array(writer.chunkSize);
    const count = r.table.count;
    for (let start = 0, s = 0; start < count; start += STRIPE, s++) {
      const end = Math.min(start + STRIPE, count);
      if (s % 2 === 0) {
        for (let i = start; i < end; ) {
          const [next, written] = writer.fill(buf, i, end);
          yield buf.subarray(0, written);
          i = next;
        }
      } else {
        for (let i = start; i < end; ) {
          const chunk = await inbox.next();
          yield chunk.bytes;
          // Written (the next chunk is asked for only then): the worker fills the buffer again.
          returns.postMessage(new Uint8Array(chunk.bytes.buffer), [chunk.bytes.buffer as ArrayBuffer]);
          i = chunk.next;
        }
        Atomics.add(control, CONSUMED, 1);
        Atomics.notify(control, CONSUMED);
      }
    }
    yield tail;
  } finally {
    inbox.close();
    returns.close();
    helper.stop();
  }
}
