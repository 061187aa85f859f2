#!/usr/bin/env node
// The collector layer of `npm test`: starts ONE throwaway PostgreSQL cluster (Debian's postgresql; initdb in a temp
// folder, loopback only, trust auth, owned by the `postgres` user when run as root since initdb refuses root), runs
// the collector suite (test/collector) on PGlite and on that server, stops the cluster and removes its folder.
// Ends with exactly one `N passed, N failed` line.
import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { repoRoot, run } from './lib/proc.mjs';

async function pgBin() {
  const root = '/usr/lib/postgresql';
  const versions = (await readdir(root).catch(() => [])).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) throw new Error('PostgreSQL is not installed (scripts/ensure-deps.sh installs Debian postgresql)');
  return path.join(root, versions[0], 'bin');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const asRoot = process.getuid?.() === 0;
/** Runs a PostgreSQL tool as the `postgres` user when we are root. */
function pgCommand(bin, tool, args) {
  const exe = path.join(bin, tool);
  return asRoot ? ['runuser', ['-u', 'postgres', '--', exe, ...args]] : [exe, args];
}

async function main() {
  const bin = await pgBin();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'driftwatch-pg-'));
  const data = path.join(dir, 'data');
  const port = await freePort();
  if (asRoot) {
    await chmod(dir, 0o777);
  }
  const env = { ...process.env, LC_ALL: 'C' };
  let started = false;
  let code = 1;
  try {
    const init = await run(...pgCommand(bin, 'initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']), { capture: 'all', env });
    if (init.code !== 0) throw new Error(`initdb failed: ${init.stdout}`);
    const opts = `-h 127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c full_page_writes=off -c synchronous_commit=off`;
    const start = await run(...pgCommand(bin, 'pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-o', opts, '-w', 'start']), { capture: true, env });
    if (start.code !== 0) throw new Error(`pg_ctl start failed: ${start.stdout}${(await readFile(path.join(dir, 'log'), 'utf8').catch(() => ''))}`);
    started = true;
    console.log(`[collector] PostgreSQL (${path.basename(path.dirname(bin))}) on 127.0.0.1:${port}`);
    const stats = path.join(dir, 'stats.json');
    const child = spawn(
      process.execPath,
      [path.join('node_modules', 'mocha', 'bin', 'mocha.js'), '--config', path.join('test', 'collector', '.mocharc.json'), '--reporter', path.join('scripts', 'lib', 'mochaStatsReporter.cjs')],
      {
        cwd: repoRoot,
        stdio: 'inherit',
        env: {
          ...process.env,
          DRIFTWATCH_TEST_STATS: stats,
          DRIFTWATCH_TEST_PG_URL: `postgres://postgres@127.0.0.1:${port}/postgres`,
          // How the suite restarts the server mid-ingest (JSON argv).
          DRIFTWATCH_TEST_PG_RESTART: JSON.stringify(pgCommand(bin, 'pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-o', opts, '-m', 'fast', '-w', 'restart']).flat()),
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
    if (started) await run(...pgCommand(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']), { capture: true, env });
    await rm(dir, { recursive: true, force: true });
  }
  process.exitCode = code;
}

await main();
