#!/usr/bin/env node
// `npm test`: every test layer, in order, on a fresh machine as on a developer's.
//
//   lint         eslint + type-check (`npm run lint`), counted as one test
//   unit         mocha over test/unit (plain Node, no VS Code)
//   collector    the team collector suite on PGlite and on a throwaway PostgreSQL server   scripts/run-collector.mjs
//   build        the extension, web, webview and CLI bundles plus the compiled suites, counted as one test
//   integration  mocha INSIDE a real VS Code extension host (code-server + Chromium)   scripts/run-integration.mjs
//   e2e          Playwright against the real workbench UI                              scripts/run-e2e.mjs
//   package      `npm run package`, then the foundation E2E against the INSTALLED .vsix (what users get)
//   web          the browser bundle in VS Code's web worker extension host             scripts/run-web.mjs
//
// Installs what is missing first (npm dependencies; Chromium, Node 24 and code-server via scripts/ensure-deps.sh).
// Prints per-layer counts and times, then exactly one line `N passed, N failed`; exits non-zero if anything failed.
//
//   npm test -- --only unit,integration     run a subset (build is added when a later layer needs it)
//   npm test -- --skip e2e,web
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatMs, repoRoot, run, stopProcessGroup } from './lib/proc.mjs';

const LAYERS = ['lint', 'unit', 'collector', 'build', 'integration', 'e2e', 'package', 'web'];
const NEEDS_BUILD = new Set(['integration', 'e2e', 'web']);
const NEEDS_EDITOR = new Set(['integration', 'e2e', 'package', 'web']);
// A layer that hangs must not hold CI for ever; the whole suite normally takes a few minutes.
const LAYER_TIMEOUT_MS = Number(process.env.DRIFTWATCH_LAYER_TIMEOUT_MS ?? 15 * 60_000);

const { values: opts } = parseArgs({
  options: {
    only: { type: 'string' },
    skip: { type: 'string' },
  },
});

function parseList(value) {
  const names = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !LAYERS.includes(n));
  if (unknown.length > 0) {
    console.error(`unknown layer(s): ${unknown.join(', ')} (layers: ${LAYERS.join(', ')})`);
    process.exit(2);
  }
  return names;
}

const only = parseList(opts.only);
const skip = new Set(parseList(opts.skip));
const selected = LAYERS.filter((l) => (only.length === 0 || only.includes(l)) && !skip.has(l));
if (selected.some((l) => NEEDS_BUILD.has(l)) && !selected.includes('build') && !skip.has('build')) selected.splice(selected.indexOf(selected.find((l) => NEEDS_BUILD.has(l))), 0, 'build');

/**
 * Runs a layer's command with its output streamed through, and returns the counts from its closing
 * `N passed, N failed` line (or from a stats file for mocha). A layer that dies without counts is one failure.
 */
function runLayer(cmd, args, { env = process.env } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
    let last = '';
    let tail = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      tail = (tail + chunk.toString()).slice(-4096);
      const lines = tail.split('\n').filter((l) => l.trim());
      for (const l of lines) if (/^\d+ passed, \d+ failed$/.test(l.trim())) last = l.trim();
    });
    const timer = setTimeout(() => {
      console.log(`[test] ${cmd} ${args.join(' ')} exceeded ${formatMs(LAYER_TIMEOUT_MS)}; stopping it`);
      void stopProcessGroup(child.pid, { graceMs: 5_000 });
    }, LAYER_TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      const m = /^(\d+) passed, (\d+) failed$/.exec(last);
      resolve({ code: code ?? 1, passed: m ? Number(m[1]) : undefined, failed: m ? Number(m[2]) : undefined });
    });
  });
}

async function lint() {
  const r = await run('npm', ['run', '--silent', 'lint']);
  return { passed: r.code === 0 ? 1 : 0, failed: r.code === 0 ? 0 : 1 };
}

async function unit() {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'driftwatch-unit-'));
  const stats = path.join(tmp, 'stats.json');
  const r = await runLayer(process.execPath, [path.join('node_modules', 'mocha', 'bin', 'mocha.js'), '--reporter', path.join('scripts', 'lib', 'mochaStatsReporter.cjs')], {
    env: { ...process.env, DRIFTWATCH_TEST_STATS: stats },
  });
  let s;
  try {
    s = JSON.parse(await readFile(stats, 'utf8'));
  } catch {
    s = undefined;
  }
  await rm(tmp, { recursive: true, force: true });
  if (!s) return { passed: 0, failed: 1, note: `mocha exited with code ${r.code} without results` };
  // mocha exits non-zero for reasons other than failed tests too (e.g. a file that does not load).
  const extra = r.code !== 0 && s.failures === 0 ? 1 : 0;
  return { passed: s.passes, failed: s.failures + extra, ...(extra ? { note: `mocha exited with code ${r.code}` } : {}) };
}

async function build() {
  const r = await run(process.execPath, ['scripts/build.mjs', '--tests']);
  return { passed: r.code === 0 ? 1 : 0, failed: r.code === 0 ? 0 : 1 };
}

function runner(script, args = ['--no-build']) {
  return async () => {
    const r = await runLayer(process.execPath, [script, ...args]);
    if (r.passed === undefined) return { passed: 0, failed: 1, note: `${script} exited with code ${r.code} without a result line` };
    const extra = r.code !== 0 && r.failed === 0 ? 1 : 0;
    return { passed: r.passed, failed: r.failed + extra };
  };
}

const steps = {
  lint,
  unit,
  collector: runner('scripts/run-collector.mjs', []),
  build,
  integration: runner('scripts/run-integration.mjs'),
  e2e: runner('scripts/run-e2e.mjs'),
  package: runner('scripts/run-e2e.mjs', ['--vsix', 'test/e2e/foundation.e2e.ts']),
  web: runner('scripts/run-web.mjs'),
};

async function install() {
  if (!existsSync(path.join(repoRoot, 'node_modules', '.package-lock.json'))) {
    const ci = existsSync(path.join(repoRoot, 'package-lock.json'));
    console.log(`[test] installing npm dependencies (${ci ? 'npm ci' : 'npm install'})`);
    const r = await run('npm', [ci ? 'ci' : 'install', '--no-audit', '--no-fund'], { env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } });
    if (r.code !== 0) return false;
  }
  // The collector layer needs Debian's postgresql, which ensure-deps installs with the editor toolchain.
  if (selected.some((l) => NEEDS_EDITOR.has(l) || l === 'collector')) {
    const started = Date.now();
    const r = await run('bash', [path.join(repoRoot, 'scripts', 'ensure-deps.sh')], { capture: true });
    if (r.code !== 0) return false;
    const took = Date.now() - started;
    if (took > 2_000) console.log(`[test] ensure-deps installed the editor toolchain in ${formatMs(took)}`);
  }
  return true;
}

async function main() {
  const started = Date.now();
  const results = [];
  if (!(await install())) {
    console.log('[test] could not install dependencies');
    console.log('0 passed, 1 failed');
    process.exitCode = 1;
    return;
  }
  let buildFailed = false;
  for (const layer of selected) {
    if (buildFailed && NEEDS_BUILD.has(layer)) {
      results.push({ layer, passed: 0, failed: 1, ms: 0, note: 'not run: the build failed' });
      continue;
    }
    console.log(`\n━━ ${layer} ${'━'.repeat(Math.max(0, 70 - layer.length))}`);
    const t = Date.now();
    const r = await steps[layer]();
    results.push({ layer, ...r, ms: Date.now() - t });
    if (layer === 'build' && r.failed > 0) buildFailed = true;
  }
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  console.log(`\n━━ summary ${'━'.repeat(63)}`);
  console.log(`${'layer'.padEnd(13)}${'passed'.padStart(7)}${'failed'.padStart(7)}${'time'.padStart(12)}`);
  for (const r of results) {
    console.log(`${r.layer.padEnd(13)}${String(r.passed).padStart(7)}${String(r.failed).padStart(7)}${formatMs(r.ms).padStart(12)}${r.note ? `  ${r.note}` : ''}`);
  }
  console.log(`${'total'.padEnd(13)}${String(passed).padStart(7)}${String(failed).padStart(7)}${formatMs(Date.now() - started).padStart(12)}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

await main();
