/**
 * Messages between `rank`'s two threads in the compact lane (see parallel.ts). Everything large
 * travels as typed arrays over SharedArrayBuffers (shared, not copied) or as transferred buffers.
 */
import type { CompactPart, CompactPlan } from '../../input/compact.js';
import type { CompactUnits } from '../../render/json.js';

export type ToWorker =
  /** Read the rows in bytes [from, to) into a part in shared memory. */
  | { readonly kind: 'scan'; readonly bytes: Uint8Array; readonly plan: CompactPlan; readonly from: number; readonly to: number }
  /** Look for units with equal keys among those of `lane` (of two). */
  | { readonly kind: 'duplicates'; readonly parts: readonly Pick<CompactPart, 'count' | 'hashes'>[]; readonly lane: number }
  /**
   * Put runs of equal totals in name order, in `order` (shared), taking run numbers from
   * `counter[0]` as main does; runs with a name or code kept as a string are main's.
   */
  | {
      readonly kind: 'sort';
      readonly bytes: Uint8Array;
      readonly spans: Int32Array;
      readonly order: Int32Array;
      readonly runs: Int32Array;
      readonly counter: Int32Array;
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
  | { readonly kind: 'scanned'; readonly part: CompactPart }
  | { readonly kind: 'scanned'; readonly fallback: string }
  | { readonly kind: 'duplicates'; readonly found: boolean }
  | { readonly kind: 'sorted' };

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
};
