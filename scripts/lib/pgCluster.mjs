// A throwaway PostgreSQL cluster for tests and benchmarks: Debian's postgresql binaries, initdb in a temp folder,
// loopback only, trust auth, durability off (it is thrown away). Owned by the `postgres` user when we are root,
// since initdb refuses to run as root.
import { chmod, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { run } from './proc.mjs';

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

/** argv running a PostgreSQL tool (as `postgres` when we are root). */
function pgCommand(bin, tool, args) {
  const exe = path.join(bin, tool);
  return asRoot ? ['runuser', '-u', 'postgres', '--', exe, ...args] : [exe, ...args];
}

/**
 * Starts a cluster; resolves with `{ url, version, restartArgv, stop() }`. `restartArgv` restarts the server in place
 * (fast shutdown), for fault tests.
 */
export async function startPgCluster() {
  const bin = await pgBin();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'driftwatch-pg-'));
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'log');
  const port = await freePort();
  if (asRoot) await chmod(dir, 0o777);
  const env = { ...process.env, LC_ALL: 'C' };
  const exec = (argv, capture = 'all') => run(argv[0], argv.slice(1), { capture, env });
  const fail = async (what, r) => {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`${what} failed: ${r.stdout}${await readFile(log, 'utf8').catch(() => '')}`);
  };
  const init = await exec(pgCommand(bin, 'initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']));
  if (init.code !== 0) await fail('initdb', init);
  const opts = `-h 127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c full_page_writes=off -c synchronous_commit=off`;
  const start = await exec(pgCommand(bin, 'pg_ctl', ['-D', data, '-l', log, '-o', opts, '-w', 'start']), true);
  if (start.code !== 0) await fail('pg_ctl start', start);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    version: path.basename(path.dirname(bin)),
    restartArgv: pgCommand(bin, 'pg_ctl', ['-D', data, '-l', log, '-o', opts, '-m', 'fast', '-w', 'restart']),
    async stop() {
      await exec(pgCommand(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']), true);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
