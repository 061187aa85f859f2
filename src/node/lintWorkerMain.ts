/**
 * Entry of the editor's lint worker on Node extension hosts (bundled to `dist/lintWorker.js`, started with
 * `worker_threads` by src/node/lintWorkerThread.ts): the host-independent session on the worker's `parentPort`.
 */
import { parentPort } from 'node:worker_threads';
import type { HostToWorker } from '../core/lint/worker/lintWorkerProtocol.js';
import { LintWorkerSession } from '../core/lint/worker/lintWorkerSession.js';

const port = parentPort;
if (!port) throw new Error('lintWorkerMain runs only inside a worker thread');
// setImmediate runs after the poll phase, where the port's queued messages are dispatched: edits that arrived during a
// lint are applied before the next request is judged.
const session = new LintWorkerSession((m) => port.postMessage(m), { defer: (fn) => setImmediate(fn) });
port.on('message', (m: HostToWorker) => session.handle(m));
