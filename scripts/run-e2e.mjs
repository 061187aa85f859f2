#!/usr/bin/env node
// Runs the browser E2E suites (test/e2e/*.e2e.ts) with mocha under tsx. Each suite starts its own code-server session
// through test/e2e/session.ts; this script builds first and, with --vsix, packages Driftwatch and makes every session
// install the .vsix instead of loading the working tree.
//
//   node scripts/run-e2e.mjs [--no-build] [--vsix] [--grep PATTERN] [files…]
//
// Ends with `N passed, N failed`.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatMs, repoRoot, run } from './lib/proc.mjs';

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'no-build': { type: 'boolean', default: false },
    vsix: { type: 'boolean', default: false },
    grep: { type: 'string' },
  },
});

function finish(passes, failures, note, ms) {
  if (note) console.log(`[e2e] ${note}`);
  if (ms !== undefined) console.log(`[e2e] finished in ${formatMs(ms)}`);
  console.log(`${passes} passed, ${failures} failed`);
  process.exitCode = failures > 0 ? 1 : 0;
}

async function main() {
  const started = Date.now();
  const env = { ...process.env };
  if (opts.vsix) {
    const p = await run('npm', ['run', '--silent', 'package']);
    const vsix = path.join(repoRoot, 'out', 'driftwatch.vsix');
    if (p.code !== 0 || !existsSync(vsix)) return finish(0, 1, 'npm run package failed');
    env.DRIFTWATCH_E2E_VSIX = vsix;
  } else if (!opts['no-build']) {
    const b = await run(process.execPath, ['scripts/build.mjs']);
    if (b.code !== 0) return finish(0, 1, 'build failed');
  }
  const dir = path.join(repoRoot, 'test', 'e2e');
  const files = positionals.length > 0 ? positionals : (await readdir(dir)).filter((f) => f.endsWith('.e2e.ts')).sort().map((f) => path.join('test', 'e2e', f));
  if (files.length === 0) return finish(0, 1, 'no test/e2e/*.e2e.ts files');
  // Runs against the packaged extension keep their screenshots apart from the working-tree run's.
  const results = path.join(repoRoot, 'test-results', opts.vsix ? 'e2e-vsix' : 'e2e');
  await rm(results, { recursive: true, force: true });
  await mkdir(results, { recursive: true });
  env.DRIFTWATCH_E2E_RESULTS = results;

  const tmp = await mkdtemp(path.join(os.tmpdir(), 'driftwatch-e2e-stats-'));
  const statsFile = path.join(tmp, 'stats.json');
  const mochaArgs = [
    '--import',
    'tsx',
    path.join(repoRoot, 'node_modules', 'mocha', 'bin', 'mocha.js'),
    '--no-config',
    '--extension',
    'ts',
    '--timeout',
    '60000',
    '--reporter',
    path.join(repoRoot, 'scripts', 'lib', 'mochaStatsReporter.cjs'),
    ...(opts.grep ? ['--grep', opts.grep] : []),
    ...files,
  ];
  const result = await run(process.execPath, mochaArgs, { env: { ...env, DRIFTWATCH_TEST_STATS: statsFile } });
  let stats;
  try {
    stats = JSON.parse(await readFile(statsFile, 'utf8'));
  } catch {
    stats = undefined;
  }
  await rm(tmp, { recursive: true, force: true });
  if (!stats) return finish(0, 1, `mocha exited with code ${result.code} before reporting`, Date.now() - started);
  const extra = result.code !== 0 && stats.failures === 0 ? 1 : 0;
  return finish(stats.passes, stats.failures + extra, extra ? `mocha exited with code ${result.code}` : '', Date.now() - started);
}

await main();
