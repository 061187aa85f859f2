#!/usr/bin/env node
// `npm start`: Driftwatch in a real VS Code (code-server) in your browser, offline.
//
// Installs what is missing (npm dependencies; Chromium, Node 24 and code-server via scripts/ensure-deps.sh), packages
// the extension (`npm run package` → out/driftwatch.vsix), installs it into a persistent code-server profile in the
// cache folder, copies samples/workspace to a work folder (once; your edits survive restarts) and serves the editor on
// 127.0.0.1. Ctrl+C stops code-server with SIGTERM first, so Driftwatch flushes its store before exit.
//
//   npm start                         the sample workspace and your persistent Driftwatch history
//   npm start -- --demo               a separate, clearly labelled demo profile with a generated 90-day history
//   npm start -- --port 8080          a fixed port (default: a free one)
//   npm start -- --fresh              reset the profile and work folder of the chosen mode first
//   npm start -- --fake-assistant     also install the test helper that offers inline completions, so capture has
//                                     something to record without a real assistant (no network needed)
import { existsSync } from 'node:fs';
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { globalStorageDir, installExtension, prepareProfile, profileDirs, startCodeServer } from './lib/codeServer.mjs';
import { cacheRoot, ensureDeps } from './lib/deps.mjs';
import { installHelperExtensions } from './lib/helperExtensions.mjs';
import { repoRoot, run } from './lib/proc.mjs';

const { values: opts } = parseArgs({
  options: {
    demo: { type: 'boolean', default: false },
    port: { type: 'string', default: '0' },
    fresh: { type: 'boolean', default: false },
    'fake-assistant': { type: 'boolean', default: false },
  },
});

const log = (m) => console.log(`[start] ${m}`);
const mode = opts.demo ? 'demo' : 'default';
const home = path.join(cacheRoot(), 'start', mode);
const dirs = profileDirs(path.join(home, 'profile'));
const workspace = path.join(home, 'workspace');

const SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': 'off',
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
  'workbench.startupEditor': 'readme',
  ...(opts.demo ? { 'window.title': '[DEMO DATA] ${rootName} — Driftwatch' } : {}),
};

/**
 * The demo history comes from the panel's own generator (src/core/demo), bundled on the fly so this script needs no
 * TypeScript loader. Records are written as the store writes them: one JSONL file per local day.
 */
async function seedDemo() {
  const esbuild = await import('esbuild');
  const entry = path.join(repoRoot, 'out', 'start', 'demoEntry.ts');
  const bundle = path.join(repoRoot, 'out', 'start', 'demo.mjs');
  await mkdir(path.dirname(entry), { recursive: true });
  await writeFile(
    entry,
    [
      `export { DEMO_DRIFT, demoHistory } from ${JSON.stringify(path.join(repoRoot, 'src', 'core', 'demo', 'demoHistory.ts'))};`,
      `export { demoWorkspaceFiles } from ${JSON.stringify(path.join(repoRoot, 'src', 'core', 'demo', 'demoWorkspace.ts'))};`,
      `export { DriftEvent } from ${JSON.stringify(path.join(repoRoot, 'src', 'core', 'schema', 'events.ts'))};`,
      `export { dayOf } from ${JSON.stringify(path.join(repoRoot, 'src', 'core', 'time', 'day.ts'))};`,
    ].join('\n'),
  );
  await esbuild.build({ entryPoints: [entry], outfile: bundle, bundle: true, platform: 'node', format: 'esm', logLevel: 'warning' });
  const demo = await import(`${pathToFileURL(bundle).href}?t=${Date.now()}`);

  const now = Date.now();
  const records = demo.demoHistory({ days: 90, endTs: now, seed: 7, drift: demo.DEMO_DRIFT, tz: -new Date(now).getTimezoneOffset() });
  const byDay = new Map();
  for (const r of records) {
    const parsed = demo.DriftEvent.parse(r);
    const day = demo.dayOf(parsed.ts, parsed.tz);
    if (!byDay.has(day)) byDay.set(day, []);
    byDay.get(day).push(JSON.stringify(parsed));
  }
  // The demo profile's store is replaced on every --demo start, so the history always ends today.
  const store = globalStorageDir(dirs);
  await rm(store, { recursive: true, force: true });
  await mkdir(path.join(store, 'events'), { recursive: true });
  for (const [day, lines] of byDay) await writeFile(path.join(store, 'events', `${day}.jsonl`), lines.join('\n') + '\n');

  // The files the demo edits point into, so "open" on a recent edit lands on real code.
  for (const f of demo.demoWorkspaceFiles()) {
    const file = path.join(workspace, ...f.path.split('/'));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, f.text);
  }
  await writeFile(
    path.join(workspace, 'DEMO-DATA.md'),
    '# Demo data\n\nThis window runs a separate Driftwatch profile whose history is GENERATED (90 days, three simulated\nassistants, a planted quality drop for claude-code after version 1.0.31). It is not a record of real editing.\nRun `npm start` without `--demo` for your own profile.\n',
  );
  log(`seeded a generated demo history: ${records.length} records over ${byDay.size} days (assistants: copilot, claude-code, cursor)`);
}

async function main() {
  if (!existsSync(path.join(repoRoot, 'node_modules', '.package-lock.json'))) {
    log('installing npm dependencies');
    const ci = existsSync(path.join(repoRoot, 'package-lock.json'));
    const r = await run('npm', [ci ? 'ci' : 'install', '--no-audit', '--no-fund'], { env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } });
    if (r.code !== 0) throw new Error('npm install failed');
  }
  await ensureDeps();

  log('packaging the extension (npm run package)');
  const pkg = await run('npm', ['run', '--silent', 'package'], { capture: true });
  const vsix = path.join(repoRoot, 'out', 'driftwatch.vsix');
  if (pkg.code !== 0 || !existsSync(vsix)) throw new Error('npm run package failed (run it directly to see why)');

  if (opts.fresh) await rm(home, { recursive: true, force: true });
  await prepareProfile(dirs, SETTINGS);
  if (!existsSync(workspace)) await cp(path.join(repoRoot, 'samples', 'workspace'), workspace, { recursive: true });
  await installExtension(dirs, vsix);
  log(`installed ${path.relative(repoRoot, vsix)} into ${dirs.extensionsDir}`);
  if (opts['fake-assistant']) {
    const ids = await installHelperExtensions(dirs);
    log(`installed test helper extension(s): ${ids.join(', ') || 'none found'}`);
  }
  if (opts.demo) await seedDemo();

  const port = Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535, not ${opts.port}`);
  const server = await startCodeServer(dirs, { smokeTestDriver: false, port });
  const url = `${server.url}/?folder=${encodeURIComponent(workspace)}`;
  console.log('');
  console.log(`  Driftwatch ${opts.demo ? '(DEMO DATA — generated history, separate profile) ' : ''}is running in code-server:`);
  console.log('');
  console.log(`    ${url}`);
  console.log('');
  console.log(`  workspace: ${workspace}`);
  console.log(`  store:     ${globalStorageDir(dirs)}`);
  console.log(`  log:       ${dirs.log}`);
  console.log('  Press Ctrl+C to stop (the store is flushed first).');
  console.log('');

  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping code-server`);
    await server.stop();
    log('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  // Keep running until a signal arrives or code-server exits by itself.
  const timer = setInterval(() => {
    if (server.exited && !stopping) {
      log(`code-server exited unexpectedly; see ${dirs.log}`);
      clearInterval(timer);
      process.exit(1);
    }
  }, 1000);
}

main().catch((err) => {
  console.error(`[start] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
