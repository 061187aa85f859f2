/** Starts the editor's lint worker as a Node worker thread (desktop, remote and code-server extension hosts). */
import { Worker } from 'node:worker_threads';
import type { HostToWorker, LintWorkerChannel, WorkerToHost } from '../core/lint/worker/lintWorkerProtocol.js';

/** `script` is the bundled worker, `dist/lintWorker.js` in the extension. */
export function startLintWorkerThread(script: string): LintWorkerChannel {
  const worker = new Worker(script, { name: 'driftwatch-lint' });
  // The worker must never keep an extension host alive that is shutting down.
  worker.unref();
  let stopping = false;
  return {
    sharedMemory: true,
    post: (m: HostToWorker) => worker.postMessage(m),
    onMessage: (listener) => worker.on('message', (m: WorkerToHost) => listener(m)),
    onExit: (listener) => {
      let told = false;
      const tell = (reason: string): void => {
        if (told || stopping) return;
        told = true;
        listener(reason);
      };
      worker.on('error', (err) => tell(err instanceof Error ? err.message : String(err)));
      worker.on('exit', (code) => tell(`exited with code ${code}`));
    },
    terminate: () => {
      stopping = true;
      void worker.terminate();
    },
  };
}
