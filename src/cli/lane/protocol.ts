/**
 * What `rank`'s two threads in the compact lane (see parallel.ts) share: their messages, the shared
 * memory columns and the block reader both run. Everything large travels as typed arrays over
 * SharedArrayBuffers (shared, not copied) or as transferred buffers.
 */
import type { ComponentRanks } from '../../core/compact-ranking.js';
import { scanCompact, type CompactPart, type CompactPlan, type CompactTable } from '../../input/compact.js';
import type { CompactUnits } from '../../render/json.js';
import type { MessagePort } from 'node:worker_threads';

export type ToWorker =
  /**
   * Read blocks of rows (block b is bytes [blocks[b], blocks[b + 1])) into parts in shared memory,
   * taking block numbers from `control[0]` as main does, until none is left or `control[1]` says stop.
   */
  | { readonly kind: 'scan'; readonly bytes: Uint8Array; readonly plan: CompactPlan; readonly blocks: Int32Array; readonly control: Int32Array }
  /**
   * Look for units with equal keys among those of `lane` (of two); after replying, fill `names.keys`
   * with the `nameKeys` of the parts (done by the reply to the next request).
   */
  | {
      readonly kind: 'duplicates';
      readonly parts: readonly Pick<CompactPart, 'count' | 'hashes'>[];
      readonly lane: number;
      readonly names: { readonly bytes: Uint8Array; readonly parts: readonly Pick<CompactPart, 'spans' | 'flags' | 'count'>[]; readonly prefix: number; readonly keys: Float64Array };
    }
  /** Rank each component of the table's points (see `componentRanksOf`). */
  | {
      readonly kind: 'componentRanks';
      readonly table: Pick<CompactTable, 'points' | 'components' | 'count' | 'decimals'>;
      readonly maxima: readonly number[];
      readonly ties: 'competition' | 'dense';
    }
  /**
   * Put runs of equal totals in name order, in `order` (shared), taking run numbers from
   * `counter[0]` as main does; with `spansOnly`, runs with a name or code kept as a string are main's.
   */
  | {
      readonly kind: 'sort';
      readonly bytes: Uint8Array;
      readonly spans: Int32Array;
      readonly flags: Uint8Array;
      readonly keys: Float64Array;
      readonly order: Int32Array;
      readonly runs: Int32Array;
      readonly counter: Int32Array;
      readonly spansOnly: boolean;
    }
  /**
   * Write the units of every other stripe, from the second, as chunks on `port`, into the buffers
   * main sends back on `returns` once written (or new ones); at most `ahead` stripes ahead of
   * `control[CONSUMED]`, the stripes main has taken so far.
   */
  | {
      readonly kind: 'render';
      readonly units: CompactUnits;
      readonly stripe: number;
      readonly ahead: number;
      readonly port: MessagePort;
      readonly returns: MessagePort;
      readonly control: Int32Array;
    };

export type FromWorker =
  | { readonly kind: 'scanned'; readonly parts: readonly BlockPart[] }
  | { readonly kind: 'scanned'; readonly fallback: string }
  | { readonly kind: 'duplicates'; readonly found: boolean }
  | { readonly kind: 'componentRanks'; readonly ranks: ComponentRanks[] }
  | { readonly kind: 'sorted' };

/** A block of rows, read. */
export interface BlockPart {
  readonly block: number;
  readonly part: CompactPart;
}

/** Indexes in the scan's `control`: the next block to take, and whether to stop (a block was declined). */
export const NEXT_BLOCK = 0;
export const STOP = 1;

/**
 * Reads blocks taken one at a time from `control` (shared by the threads), so that a thread that
 * started late or runs slower simply reads fewer; stops all at the first block declined.
 */
export function scanBlocks(bytes: Uint8Array, plan: CompactPlan, blocks: Int32Array, control: Int32Array): BlockPart[] | { fallback: string } {
  const done: BlockPart[] = [];
  for (let b = Atomics.add(control, NEXT_BLOCK, 1); b < blocks.length - 1 && Atomics.load(control, STOP) === 0; b = Atomics.add(control, NEXT_BLOCK, 1)) {
    const part = scanCompact(bytes, plan, blocks[b]!, blocks[b + 1]!, sharedColumns);
    if ('fallback' in part) {
      Atomics.store(control, STOP, 1);
      return part;
    }
    done.push({ block: b, part });
  }
  return done;
}

/** A chunk of the worker's stripes: its bytes, and the listing position it stopped at. */
export interface Chunk {
  readonly bytes: Uint8Array;
  readonly next: number;
}

/** Index in `control` of the count of the worker's stripes that main has written. */
export const CONSUMED = 0;

/** Typed arrays in shared memory: both threads see them, nothing is copied. */
export const sharedColumns = {
  int32: (length: number) => new Int32Array(new SharedArrayBuffer(4 * length)),
  float64: (length: number) => new Float64Array(new SharedArrayBuffer(8 * length)),
  uint8: (length: number) => new Uint8Array(new SharedArrayBuffer(length)),
};
