/**
 * Entry of the drift worker on Node extension hosts (bundled to `dist/driftWorker.js`, started with `worker_threads`
 * by src/node/driftWorkerThread.ts): runs the whole drift evaluation off the extension host's thread. One exact-tail
 * convolution of a busy year (500k edits) takes tens to hundreds of milliseconds and cannot be sliced finer without
 * changing the statistics; here it holds nothing the user waits on.
 */
import { parentPort } from 'node:worker_threads';
import { detectDrift } from '../core/drift/detectDrift.js';
import type { DailyRollup } from '../core/store/rollup.js';
import type { DriftWorkerReply, DriftWorkerRequest } from './driftWorkerThread.js';

const port = parentPort;
if (!port) throw new Error('driftWorkerMain runs only inside a worker thread');
/** Days received per evaluation, until its options arrive. */
const days = new Map<number, DailyRollup[]>();
port.on('message', (m: DriftWorkerRequest) => {
  if ('day' in m) {
    let list = days.get(m.id);
    if (!list) days.set(m.id, (list = []));
    list.push(m.day);
    return;
  }
  const rollups = days.get(m.id) ?? [];
  days.delete(m.id);
  let reply: DriftWorkerReply;
  try {
    reply = { id: m.id, report: detectDrift(rollups, m.options) };
  } catch (err) {
    reply = { id: m.id, error: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply);
});
