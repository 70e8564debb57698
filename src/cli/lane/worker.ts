/**
 * The second thread of `rank`'s compact lane (see parallel.ts): reads blocks of the file, checks half
 * of the unit keys, ranks the components, puts runs of tied units in name order and writes every
 * other stripe of units, with the same pure functions as the main thread. Built to
 * dist/lane-worker.cjs.
 */
import { parentPort, receiveMessageOnPort } from 'node:worker_threads';
import { findDuplicate, UnitTexts } from '../../input/compact.js';
import { componentRanksOf, nameKeysOfParts, sortRuns } from '../../core/compact-ranking.js';
import { CompactUnitWriter } from '../../render/json.js';
import { CONSUMED, scanBlocks, type FromWorker, type ToWorker } from './protocol.js';

const port = parentPort!;
const reply = (message: FromWorker) => port.postMessage(message);

port.on('message', (message: ToWorker) => {
  if (message.kind === 'scan') {
    const parts = scanBlocks(message.bytes, message.plan, message.blocks, message.control);
    reply('fallback' in parts ? { kind: 'scanned', fallback: parts.fallback } : { kind: 'scanned', parts });
  } else if (message.kind === 'duplicates') {
    const found = findDuplicate(message.parts, message.lane, 2);
    reply({ kind: 'duplicates', found });
    // While main joins the parts: the name keys, which sorting needs later.
    if (!found) nameKeysOfParts(message.names.bytes, message.names.parts, message.names.prefix, message.names.keys);
  } else if (message.kind === 'componentRanks') {
    reply({ kind: 'componentRanks', ranks: componentRanksOf(message.table, message.maxima, message.ties) });
  } else if (message.kind === 'sort') {
    const { bytes, spans, flags, keys, order, runs, counter, spansOnly } = message;
    // Runs whose names and codes are all kept as offsets need nothing but the bytes (and, with
    // `spansOnly`, the others are main's).
    sortRuns(new UnitTexts(bytes, spans, flags, new Map(), true), keys, order, runs, () => Atomics.add(counter, 0, 1), spansOnly);
    reply({ kind: 'sorted' });
  } else {
    const { units, stripe, ahead, port: out, returns, control } = message;
    // A class does not survive the trip between threads; its data does.
    const t = units.table.texts;
    const writer = new CompactUnitWriter({ ...units, table: { ...units.table, texts: new UnitTexts(t.bytes, t.spans, t.flags, t.strings, t.hasCodes) } });
    const count = units.table.count;
    for (let start = stripe, taken = 0; start < count; start += 2 * stripe, taken++) {
      // Stay at most `ahead` stripes ahead of what main has written: memory stays bounded.
      for (let done = Atomics.load(control, CONSUMED); taken - done >= ahead; done = Atomics.load(control, CONSUMED)) Atomics.wait(control, CONSUMED, done);
      const end = Math.min(start + stripe, count);
      for (let i = start; i < end; ) {
        // A buffer main has written and sent back, else a new one: fresh memory costs page faults.
        const buf = (receiveMessageOnPort(returns)?.message as Uint8Array | undefined) ?? new Uint8Array(writer.chunkSize);
        const [next, written] = writer.fill(buf, i, end);
        out.postMessage({ bytes: buf.subarray(0, written), next }, [buf.buffer as ArrayBuffer]);
        i = next;
      }
    }
    out.close();
    returns.close();
  }
});
