// The drift worker started from its TypeScript source (benchmarks run without a build): registers tsx in the worker
// thread, then loads the same entry the extension bundles to dist/driftWorker.js.
import { register } from 'tsx/esm/api';

register();
await import('../../src/node/driftWorkerMain.ts');
