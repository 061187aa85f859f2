// @vscode/test-cli configuration for contributors with a desktop VS Code and internet access (`npx vscode-test`
// downloads VS Code). It runs the SAME compiled integration suites as CI; CI itself runs them offline in code-server
// through scripts/run-integration.mjs, because downloading VS Code is not possible there.
//
//   node scripts/build.mjs --tests && npx vscode-test
import { defineConfig } from '@vscode/test-cli';
import { rmSync } from 'node:fs';
import { cp, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { packageHelperExtensions } from './scripts/lib/helperExtensions.mjs';

// Suites edit files in the workspace; they get a throwaway copy, never the fixture itself.
const workspace = await mkdtemp(path.join(os.tmpdir(), 'driftwatch-vscode-test-'));
await cp(path.resolve('test', 'fixtures', 'workspace'), workspace, { recursive: true });
process.on('exit', () => rmSync(workspace, { recursive: true, force: true }));
const helpers = await packageHelperExtensions();

export default defineConfig({
  label: 'integration',
  files: 'out/test/integration/**/*.test.js',
  workspaceFolder: workspace,
  installExtensions: helpers.map((h) => h.vsix),
  // No --disable-extensions: it would disable the helper extensions installed above.
  launchArgs: ['--disable-workspace-trust'],
  mocha: { ui: 'bdd', timeout: 30_000 },
});
