/**
 * The team page's assets: the bundle `scripts/build.mjs` writes to dist/team (next to dist/cli.js), or — when running
 * from sources (tests, `npm run collector:demo`) — the same entry bundled in memory with esbuild.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as Esbuild from 'esbuild';
import type { TeamPageAssets } from './collectorServer.js';

const HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Driftwatch team trend</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/team.css">
</head>
<body>
<noscript>The team page needs JavaScript.</noscript>
<script src="/team.js"></script>
</body>
</html>
`;

const ENTRY = path.join('src', 'webview', 'team', 'teamMain.ts');

async function bundleFromSources(root: string): Promise<{ js: string; css: string }> {
  // esbuild is a development dependency: only source checkouts reach this path.
  const esbuild = createRequire(path.join(root, 'package.json'))('esbuild') as typeof Esbuild;
  const out = await esbuild.build({
    entryPoints: [path.join(root, ENTRY)],
    bundle: true,
    write: false,
    outdir: path.join(root, 'out', 'team'),
    platform: 'browser',
    format: 'iife',
    minify: true,
    tsconfig: path.join(root, 'tsconfig.webview.json'),
    loader: { '.css': 'css' },
    logLevel: 'silent',
  });
  const js = out.outputFiles.find((f) => f.path.endsWith('.js'))?.text ?? '';
  const css = out.outputFiles.find((f) => f.path.endsWith('.css'))?.text ?? '';
  return { js, css };
}

/** Loads the page assets (built bundle first, sources as the fallback). */
export async function loadTeamPage(): Promise<TeamPageAssets> {
  const built = path.join(__dirname, 'team');
  if (existsSync(path.join(built, 'team.js'))) {
    const [js, css] = await Promise.all([readFile(path.join(built, 'team.js'), 'utf8'), readFile(path.join(built, 'team.css'), 'utf8')]);
    return { html: HTML, js, css };
  }
  let root = __dirname;
  while (!existsSync(path.join(root, ENTRY)) && path.dirname(root) !== root) root = path.dirname(root);
  return { html: HTML, ...(await bundleFromSources(root)) };
}
