#!/usr/bin/env node
// `npm run package:proposed`: a .vsix whose manifest declares the proposed API Driftwatch can use
// (textDocumentChangeReason), for users who start VS Code with `--enable-proposed-api driftwatch.driftwatch`.
// Not for the Marketplace (it refuses such extensions); `npm run package` builds that one.
import path from 'node:path';
import { stageProposedExtension } from './lib/proposedApi.mjs';
import { repoRoot, run } from './lib/proc.mjs';

const build = await run(process.execPath, ['scripts/build.mjs', '--production']);
if (build.code !== 0) process.exit(build.code ?? 1);
const staged = await stageProposedExtension(path.join(repoRoot, 'out', 'proposed'));
const out = path.join(repoRoot, 'out', 'driftwatch-proposed.vsix');
const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
// The same README links as `npm run package`.
const r = await run(
  process.execPath,
  [vsce, 'package', '--no-dependencies', '--baseContentUrl', 'https://driftwatch.invalid/driftwatch/blob/main', '--baseImagesUrl', 'https://driftwatch.invalid/driftwatch/raw/main', '--out', out],
  { cwd: staged },
);
if (r.code === 0) console.log(`[package:proposed] ${path.relative(repoRoot, out)} (declares enabledApiProposals; install with --install-extension, start with --enable-proposed-api driftwatch.driftwatch)`);
process.exit(r.code ?? 1);
