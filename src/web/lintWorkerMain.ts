/**
 * Entry of the editor's lint worker in the web extension host (bundled to `dist/web/lintWorker.js`, started as a
 * nested Web Worker by src/web/lintWebWorker.ts): the host-independent session on the worker's global scope.
 */
import type { HostToWorker, WorkerToHost } from '../core/lint/worker/lintWorkerProtocol.js';
import { LintWorkerSession } from '../core/lint/worker/lintWorkerSession.js';

interface WorkerScope {
  postMessage(message: WorkerToHost): void;
  onmessage: ((event: { data: HostToWorker }) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;
const session = new LintWorkerSession((m) => scope.postMessage(m), { defer: (fn) => setTimeout(fn, 0) });
scope.onmessage = (event) => session.handle(event.data);
