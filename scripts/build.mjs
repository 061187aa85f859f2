#!/usr/bin/env node
// Builds every Driftwatch bundle with esbuild:
//   dist/extension.js        Node extension host (desktop, remote, code-server)
//   dist/teamEncoder.js      the team upload's OTLP encoder, required by dist/extension.js on first use
//   dist/web/extension.js    web extension host (vscode.dev): browser platform, no Node APIs
//   dist/lintWorker.js, dist/web/lintWorker.js   the editor's lint worker (worker thread / Web Worker)
//   dist/webview/main.js     the sidebar app (browser, IIFE) + main.css
//   dist/webview/evidence.js the "Prepare Drift Report" review page (browser, IIFE) + evidence.css
//   dist/cli.js              the `driftwatch` CLI's entry (turns on Node's compile cache, then loads dist/cliMain.js)
//   dist/cliMain.js          the CLI itself (export, lint, report, collect …) for a store folder without VS Code
//   dist/grammars/*.wasm     tree-sitter runtime and grammars, loaded lazily on first lint
//   dist/schema/*.json       JSON Schema generated from the zod event schemas
// Flags: --production (minify, no sourcemaps), --watch, --tests (also bundle the integration/web test suites).
import * as esbuild from 'esbuild';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');
const withTests = args.has('--tests');

const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));

const common = {
  bundle: true,
  define: { __DRIFTWATCH_VERSION__: JSON.stringify(pkg.version) },
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  target: 'es2022',
  absWorkingDir: root,
};

/** @type {esbuild.BuildOptions[]} */
const builds = [
  {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
    // web-tree-sitter and its wasm are loaded lazily with import() so activation stays cheap.
    // Its ESM build reads import.meta.url (createRequire) when it runs in Node; a CJS bundle must supply it.
    define: { ...common.define, 'import.meta.url': '__driftwatchImportMetaUrl' },
    banner: { js: 'var __driftwatchImportMetaUrl = require("url").pathToFileURL(__filename).href;' },
    metafile: true,
  },
  {
    // The team upload's OTLP encoder (OpenTelemetry packages): loaded by dist/extension.js on the first upload or
    // preview (Platform.loadTeamEncoder), so activation does not read it.
    ...common,
    entryPoints: ['src/core/team/teamEncoder.ts'],
    outfile: 'dist/teamEncoder.js',
    platform: 'node',
    format: 'cjs',
    metafile: true,
  },
  {
    ...common,
    entryPoints: ['src/extensionWeb.ts'],
    outfile: 'dist/web/extension.js',
    platform: 'browser',
    format: 'cjs',
    external: ['vscode'],
    mainFields: ['browser', 'module', 'main'],
    // csv-stringify's Node build uses the global Buffer, which the web worker host lacks; its browser build carries a
    // polyfill.
    alias: { 'csv-stringify/sync': 'csv-stringify/browser/esm/sync' },
    define: { ...common.define, 'process.env.NODE_ENV': production ? '"production"' : '"development"' },
    metafile: true,
  },
  {
    // The editor's lint worker on Node hosts (a worker_threads script, started on the first lint): the engine, the
    // rules and web-tree-sitter live here, off the extension host's thread.
    ...common,
    entryPoints: ['src/node/lintWorkerMain.ts'],
    outfile: 'dist/lintWorker.js',
    platform: 'node',
    format: 'cjs',
    define: { ...common.define, 'import.meta.url': '__driftwatchImportMetaUrl' },
    banner: { js: 'var __driftwatchImportMetaUrl = require("url").pathToFileURL(__filename).href;' },
    metafile: true,
  },
  {
    // The drift worker on Node hosts (a worker_threads script, started on the first drift evaluation): the drift
    // statistics run here, off the extension host's thread.
    ...common,
    entryPoints: ['src/node/driftWorkerMain.ts'],
    outfile: 'dist/driftWorker.js',
    platform: 'node',
    format: 'cjs',
    metafile: true,
  },
  {
    // The same worker for the web extension host, started as a nested Web Worker from a blob URL (a classic script).
    ...common,
    entryPoints: ['src/web/lintWorkerMain.ts'],
    outfile: 'dist/web/lintWorker.js',
    platform: 'browser',
    format: 'iife',
    mainFields: ['browser', 'module', 'main'],
    define: { ...common.define, 'process.env.NODE_ENV': production ? '"production"' : '"development"' },
    metafile: true,
  },
  {
    ...common,
    entryPoints: ['src/webview/main.ts'],
    outfile: 'dist/webview/main.js',
    platform: 'browser',
    format: 'iife',
    tsconfig: 'tsconfig.webview.json',
    loader: { '.css': 'css' },
    metafile: true,
  },
  {
    // The "Prepare Drift Report" review page (an editor tab), beside the sidebar app.
    ...common,
    entryPoints: ['src/webview/evidence/evidenceMain.ts'],
    outfile: 'dist/webview/evidence.js',
    platform: 'browser',
    format: 'iife',
    tsconfig: 'tsconfig.webview.json',
    loader: { '.css': 'css' },
    metafile: true,
  },
  {
    // The team collector's page (served by `driftwatch collect`), beside the CLI so dist/team/team.{js,css} ship with it.
    ...common,
    entryPoints: ['src/webview/team/teamMain.ts'],
    outfile: 'dist/team/team.js',
    platform: 'browser',
    format: 'iife',
    tsconfig: 'tsconfig.webview.json',
    loader: { '.css': 'css' },
    metafile: true,
  },
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cliMain.js',
    platform: 'node',
    format: 'cjs',
    // The collector's databases load files next to their own modules (PGlite's WASM and data) or optional natives
    // (pg-native): resolved from node_modules at run time, not bundled.
    external: ['@electric-sql/pglite', 'pg', 'pg-native'],
    // `driftwatch lint` loads web-tree-sitter's ESM build, which reads import.meta.url in Node (as in the extension).
    define: { ...common.define, 'import.meta.url': '__driftwatchImportMetaUrl' },
    banner: { js: 'var __driftwatchImportMetaUrl = require("url").pathToFileURL(__filename).href;' },
    metafile: true,
  },
  {
    // The `driftwatch` command: turns on Node's compile cache, then loads dist/cliMain.js (src/cli/entry.ts).
    ...common,
    entryPoints: ['src/cli/entry.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    external: ['./cliMain.js'],
    banner: { js: '#!/usr/bin/env node' },
  },
];

if (withTests) {
  const testEntries = async (dir) =>
    existsSync(path.join(root, dir))
      ? (await readdir(path.join(root, dir), { recursive: true }))
          .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
          .map((f) => path.join(dir, f))
      : [];
  const integration = await testEntries('test/integration');
  if (integration.length > 0) {
    builds.push({
      ...common,
      sourcemap: 'inline',
      minify: false,
      entryPoints: integration,
      outdir: 'out/test/integration',
      outbase: 'test/integration',
      platform: 'node',
      format: 'cjs',
      // mocha is required at run time from the project's node_modules inside the extension host.
      external: ['vscode', 'mocha'],
    });
  }
  const web = await testEntries('test/web');
  const webSuite = web.filter((f) => f.endsWith('suite.ts'));
  if (webSuite.length > 0) {
    builds.push({
      ...common,
      sourcemap: 'inline',
      minify: false,
      entryPoints: webSuite,
      outdir: 'out/test/web',
      outbase: 'test/web',
      platform: 'browser',
      format: 'cjs',
      external: ['vscode'],
      // mocha must be bundled: the web worker host cannot require from node_modules.
      define: { ...common.define, 'process.env.NODE_ENV': '"test"', global: 'globalThis' },
      inject: [],
      plugins: [umdAsScript(/[\\/]mocha[\\/]mocha\.js$/)],
    });
  }
}

/**
 * Loads a UMD browser build as a plain script that sets its global. mocha's package is `"type": "module"`, so esbuild
 * treats mocha.js as ESM and leaves its `typeof module` / `module.exports =` pointing at the bundle's OWN CommonJS
 * module: mocha would replace the suite's exports (VS Code then calls mocha's `run`, not ours). Shadowing `module`,
 * `exports` and `define` inside a function scope sends the UMD down its "set a global" branch.
 */
function umdAsScript(filter) {
  return {
    name: 'umd-as-script',
    setup(build) {
      build.onLoad({ filter }, async (args) => ({
        contents: `(function (module, exports, define) {\n${await readFile(args.path, 'utf8')}\n}).call(globalThis);\n`,
        loader: 'js',
      }));
    },
  };
}

async function copyAssets() {
  const grammars = path.join(root, 'dist', 'grammars');
  await mkdir(grammars, { recursive: true });
  const wasmDir = path.join(root, 'node_modules', '@vscode', 'tree-sitter-wasm', 'wasm');
  for (const name of ['tree-sitter-python.wasm', 'tree-sitter-typescript.wasm', 'tree-sitter-tsx.wasm', 'tree-sitter-javascript.wasm']) {
    await cp(path.join(wasmDir, name), path.join(grammars, name));
  }
  const runtimeWasm = path.join(root, 'node_modules', 'web-tree-sitter', 'web-tree-sitter.wasm');
  if (existsSync(runtimeWasm)) await cp(runtimeWasm, path.join(grammars, 'web-tree-sitter.wasm'));
  // The agent hook command (a POSIX sh script, so hooks do not depend on `node` on the user's PATH).
  await mkdir(path.join(root, 'dist', 'hooks'), { recursive: true });
  await cp(path.join(root, 'resources', 'hooks', 'driftwatch-hook.sh'), path.join(root, 'dist', 'hooks', 'driftwatch-hook.sh'));
}

async function generateJsonSchema() {
  // Bundle the schema module to a temp ESM file and ask zod for the JSON Schema of every record kind.
  const tmp = path.join(root, 'out', 'schema-gen.mjs');
  await esbuild.build({ ...common, sourcemap: false, minify: false, entryPoints: ['src/core/schema/jsonSchema.ts'], outfile: tmp, platform: 'node', format: 'esm' });
  const mod = await import(`${pathToFileURL(tmp).href}?t=${Date.now()}`);
  const dir = path.join(root, 'dist', 'schema');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, `events.v${mod.SCHEMA_VERSION}.schema.json`), JSON.stringify(mod.eventsJsonSchema(), null, 2) + '\n');
}

const started = Date.now();
// Start from an empty dist/ so files of an older build (source maps of a dev build, renamed bundles) never linger.
if (!watch) await rm(path.join(root, 'dist'), { recursive: true, force: true });
if (watch) {
  for (const b of builds) {
    const ctx = await esbuild.context(b);
    await ctx.watch();
  }
  await copyAssets();
  console.log('[build] watching…');
} else {
  const results = await Promise.all(builds.map((b) => esbuild.build(b)));
  await copyAssets();
  await generateJsonSchema();
  await mkdir(path.join(root, 'out'), { recursive: true });
  const sizes = {};
  for (const r of results) {
    if (!r.metafile) continue;
    for (const [file, info] of Object.entries(r.metafile.outputs)) if (!file.endsWith('.map')) sizes[file] = info.bytes;
  }
  await writeFile(path.join(root, 'out', 'bundle-sizes.json'), JSON.stringify(sizes, null, 2));
  console.log(`[build] ${builds.length} bundles in ${Date.now() - started} ms${production ? ' (production)' : ''}`);
}
