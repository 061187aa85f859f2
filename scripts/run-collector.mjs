#!/usr/bin/env node
// The collector layer of `npm test`: starts ONE throwaway PostgreSQL cluster (scripts/lib/pgCluster.mjs), runs the
// collector suite (test/collector) on PGlite and on that server, then stops the cluster and removes its folder.
// Ends with exactly one `N passed, N failed` line.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startPgCluster } from './lib/pgCluster.mjs';
import { repoRoot } from './lib/proc.mjs';

async function main() {
  let cluster;
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'driftwatch-collector-'));
  let code = 1;
  try {
    cluster = await startPgCluster();
    console.log(`[collector] PostgreSQL ${cluster.version} at ${cluster.url}`);
    const stats = path.join(tmp, 'stats.json');
    const child = spawn(
      process.execPath,
      [path.join('node_modules', 'mocha', 'bin', 'mocha.js'), '--config', path.join('test', 'collector', '.mocharc.json'), '--reporter', path.join('scripts', 'lib', 'mochaStatsReporter.cjs')],
      {
        cwd: repoRoot,
        stdio: 'inherit',
        env: {
          ...process.env,
          DRIFTWATCH_TEST_STATS: stats,
          DRIFTWATCH_TEST_PG_URL: cluster.url,
          // How the suite restarts the server mid-ingest (JSON argv).
          DRIFTWATCH_TEST_PG_RESTART: JSON.stringify(cluster.restartArgv),
        },
      },
    );
    const exit = await new Promise((resolve) => child.on('close', (c) => resolve(c ?? 1)));
    const s = JSON.parse(await readFile(stats, 'utf8').catch(() => 'null'));
    const passed = s?.passes ?? 0;
    const failed = (s?.failures ?? 0) + (s === null || (exit !== 0 && s.failures === 0) ? 1 : 0);
    console.log(`${passed} passed, ${failed} failed`);
    code = failed > 0 ? 1 : 0;
  } catch (e) {
    console.error(`[collector] ${e instanceof Error ? e.message : String(e)}`);
    console.log('0 passed, 1 failed');
  } finally {
    await cluster?.stop();
    await rm(tmp, { recursive: true, force: true });
  }
  process.exitCode = code;
}

await main();
