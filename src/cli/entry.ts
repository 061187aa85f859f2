/**
 * The `driftwatch` command's entry (dist/cli.js): a few lines that turn on Node's module compile cache (Node ≥ 22.1;
 * a no-op before) and then load the CLI bundle (dist/cliMain.js). The bundle is 2 MB of JavaScript; with the cache,
 * its compiled code is reused from the second run on instead of compiled again in every process and in every lint
 * worker thread (they inherit the cache folder through NODE_COMPILE_CACHE). The cache holds V8 code for Driftwatch's
 * own bundle only, under the OS temp folder (Node's default; NODE_COMPILE_CACHE overrides it, and
 * NODE_DISABLE_COMPILE_CACHE=1 turns it off).
 */
import nodeModule from 'node:module';

interface CompileCacheResult {
  directory?: string;
}
const enable = (nodeModule as { enableCompileCache?: () => CompileCacheResult }).enableCompileCache;
try {
  const directory = enable?.().directory;
  if (directory !== undefined && process.env.NODE_COMPILE_CACHE === undefined) process.env.NODE_COMPILE_CACHE = directory;
} catch {
  // A quiet optimisation: without it the CLI only starts slower.
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after the cache is on, by design
(require('./cliMain.js') as { start(): void }).start();
