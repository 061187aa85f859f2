import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import Ajv from 'ajv-draft-04';
import * as esbuild from 'esbuild';
import addFormats from 'ajv-formats';
import { runCli } from '../../support/runCli.js';
import { IN_PROCESS_BYTES, threadCount, threadsFor } from '../../../src/cli/lintPool.js';


/** The official SARIF 2.1.0 schema (OASIS rtm.5), as shipped by Microsoft's @microsoft/jest-sarif package. */
function sarifValidator(): (data: unknown) => string | undefined {
  const require = createRequire(__filename);
  const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as Record<string, unknown>;
  // The official schema's language pattern has a stray `]` that is only legal without the regex `u` flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return (data) => (validate(data) ? undefined : ajv.errorsText(validate.errors));
}

/** The CLI bundle, built the way scripts/build.mjs does (lint workers run the bundle itself). */
async function buildCliBundle(): Promise<string> {
  const bundle = path.join(process.cwd(), 'out', 'cli-test', 'cli.js');
  await esbuild.build({
    entryPoints: ['src/cli/main.ts'],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'error',
    define: { 'import.meta.url': '__driftwatchImportMetaUrl' },
    banner: { js: 'var __driftwatchImportMetaUrl = require("url").pathToFileURL(__filename).href;' },
  });
  return bundle;
}

describe('driftwatch lint (CLI)', () => {
  let dir: string;
  const rel = (p: string): string => path.relative(process.cwd(), path.join(dir, p)).split(path.sep).join('/');

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'dw-lint-'));
    await mkdir(path.join(dir, '.git'));
    await mkdir(path.join(dir, 'src'));
    await mkdir(path.join(dir, 'build'));
    await writeFile(path.join(dir, '.gitignore'), 'build/\n*.gen.py\n');
    await writeFile(path.join(dir, 'src', 'app.py'), 'def f(d):\n    for k in d.keys():\n        print(k)\n');
    await writeFile(path.join(dir, 'src', 'clean.py'), 'def f(d):\n    return list(d)\n');
    await writeFile(path.join(dir, 'src', 'skip.gen.py'), 'for k in d.keys():\n    pass\n');
    await writeFile(path.join(dir, 'build', 'out.py'), 'for k in d.keys():\n    pass\n');
    await writeFile(path.join(dir, 'src', 'bundle.min.js'), `var a=[${'1,'.repeat(8000)}];\n`);
    await writeFile(path.join(dir, 'src', 'blob.py'), Buffer.from([0x70, 0x00, 0x01, 0x02]));
    await writeFile(path.join(dir, 'src', 'notes.txt'), 'for k in d.keys(): pass\n');
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('emits SARIF 2.1.0 that validates against the official schema, with 1-based regions', async () => {
    const outFile = path.join(dir, 'report.sarif');
    const r = await runCli(['lint', dir, '--format', 'sarif', '--out', outFile]);
    assert.equal(r.code, 0, r.err);
    const log = JSON.parse(await readFile(outFile, 'utf8')) as { runs: { tool: { driver: { rules: { id: string; help: { text: string } }[] } }; results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[] }[] };
    const validate = sarifValidator();
    assert.equal(validate(log), undefined);
    // The validator is not vacuous: a level SARIF does not define is rejected.
    const broken = JSON.parse(JSON.stringify(log)) as typeof log;
    (broken.runs[0]?.results[0] as { level: string }).level = 'info';
    assert.match(validate(broken) ?? '', /level/);
    const run0 = log.runs[0];
    assert.ok(run0);
    assert.ok(run0.tool.driver.rules.some((d) => d.id === 'loop.redundant-dict-keys' && d.help.text.includes('docs/rules/loop.redundant-dict-keys.md')));
    assert.equal(run0.results.length, 1, 'only src/app.py has a finding (ignored and skipped files contribute none)');
    const result = run0.results[0];
    assert.equal(result?.ruleId, 'loop.redundant-dict-keys');
    assert.equal(result?.level, 'note');
    assert.equal(result?.locations[0]?.physicalLocation.artifactLocation.uri, rel('src/app.py'));
    assert.deepEqual(result?.locations[0]?.physicalLocation.region && { l: result.locations[0].physicalLocation.region.startLine, c: result.locations[0].physicalLocation.region.startColumn }, { l: 2, c: 14 });
  });

  it('honours .gitignore, skips binary and minified files, and says so', async () => {
    const r = await runCli(['lint', dir, '--format', 'json']);
    assert.equal(r.code, 0, r.err);
    const report = JSON.parse(r.out) as { files: { path: string; skipped?: string; findings: unknown[] }[] };
    const paths = report.files.map((f) => f.path).sort();
    assert.deepEqual(paths, [rel('src/app.py'), rel('src/blob.py'), rel('src/bundle.min.js'), rel('src/clean.py')]);
    assert.match(report.files.find((f) => f.path === rel('src/blob.py'))?.skipped ?? '', /binary/);
    assert.match(report.files.find((f) => f.path === rel('src/bundle.min.js'))?.skipped ?? '', /minified/);
    assert.match(r.err, /2 file\(s\) linted, 1 finding\(s\), 2 skipped/);
  });

  it('prints one text line per finding, restricted with --rules', async () => {
    const all = await runCli(['lint', path.join(dir, 'src', 'app.py')]);
    assert.equal(all.code, 0);
    assert.equal(all.out, `${rel('src/app.py')}:2:14: info loop.redundant-dict-keys: iterating \`d.keys()\`: a dict iterates its keys itself (Iterate \`d\` directly.)\n`);
    const none = await runCli(['lint', path.join(dir, 'src', 'app.py'), '--rules', 'loop.try-in-loop']);
    assert.equal(none.code, 0, 'findings or not, a run that happened exits 0');
    assert.equal(none.out, '');
  });

  it('reports a file it cannot read as skipped and lints the others, exit 0', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'dw-unreadable-'));
    try {
      await writeFile(path.join(folder, 'app.py'), 'for k in d.keys():\n    pass\n');
      // A sparse 3 GB file: real, listed by the folder walk, and unreadable in one piece (even for root).
      await writeFile(path.join(folder, 'huge.py'), '');
      await truncate(path.join(folder, 'huge.py'), 3 * 1024 ** 3);
      const r = await runCli(['lint', folder, '--format', 'json']);
      assert.equal(r.code, 0, r.err);
      const report = JSON.parse(r.out) as { files: { path: string; skipped?: string; findings: unknown[] }[] };
      const huge = report.files.find((f) => f.path.endsWith('huge.py'));
      assert.match(huge?.skipped ?? '', /^unreadable \(ERR_FS_FILE_TOO_LARGE\)$/);
      assert.equal(report.files.find((f) => f.path.endsWith('app.py'))?.findings.length, 1);
      assert.match(r.err, /1 file\(s\) linted, 1 finding\(s\), 1 skipped/);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('lints in worker threads (the CLI bundle) with exactly the in-process results', async function () {
    this.timeout(120_000);
    const bundle = await buildCliBundle();
    for (let i = 0; i < 6; i++) await writeFile(path.join(dir, 'src', `more${i}.py`), `def f${i}(d):\n    for k in d.keys():\n        print(k)\n`);
    try {
      const inProcess = await runCli(['lint', dir, '--format', 'json', '--jobs', '1']);
      const parallel = spawnSync(process.execPath, [bundle, 'lint', dir, '--format', 'json', '--jobs', '3'], { encoding: 'utf8' });
      assert.equal(parallel.status, 0, parallel.stderr);
      assert.equal(parallel.stdout, inProcess.out);
      assert.match(parallel.stderr, /8 file\(s\) linted, 7 finding\(s\), 2 skipped/);
    } finally {
      for (let i = 0; i < 6; i++) await rm(path.join(dir, 'src', `more${i}.py`));
    }
  });

  it('judges subclasses of a class in another linted file with its members known (cross-file class index), in workers too', async function () {
    this.timeout(120_000);
    const folder = await mkdtemp(path.join(os.tmpdir(), 'dw-lint-xfile-'));
    try {
      await mkdir(path.join(folder, 'reporters'));
      // CommonJS parent, exported whole; an ES-module child reaching it through an index re-export.
      await writeFile(path.join(folder, 'reporters', 'base.js'), 'module.exports = class Base {\n  epilogue() { return this.stats; }\n  color(c) { return this.palette[c]; }\n};\n');
      await writeFile(path.join(folder, 'reporters', 'spec.js'), "const Base = require('./base');\nclass Spec extends Base {\n  epilogue() { return 'done'; }\n  indent(n) { return ' '.repeat(n); }\n}\nmodule.exports = Spec;\n");
      await writeFile(path.join(folder, 'index.mjs'), "export { Widget } from './widget.mjs';\n");
      await writeFile(path.join(folder, 'widget.mjs'), 'export class Widget { draw() { return this.el; } }\n');
      await writeFile(path.join(folder, 'button.mjs'), "import { Widget } from './index.mjs';\nexport class Button extends Widget {\n  draw() { return 1; }\n  label(t) { return t.trim(); }\n}\n");
      await writeFile(path.join(folder, 'outside.js'), "const { Base } = require('some-package');\nclass Plugin extends Base { helper() { return 1; } }\n");
      const found = (out: string): string[] => out.trim().split('\n').filter(Boolean).map((l) => l.replace(/^.*?([\w.]+:\d+):\d+: \w+ (\S+):.*$/, '$1 $2'));
      const withIndex = await runCli(['lint', folder, '--rules', 'oop.method-not-using-self']);
      assert.equal(withIndex.code, 0, withIndex.err);
      // The helpers no ancestor declares are judged; overrides of the parent's members and the package subclass are not.
      assert.deepEqual(found(withIndex.out).sort(), ['button.mjs:4 oop.method-not-using-self', 'spec.js:4 oop.method-not-using-self']);
      const alone = await runCli(['lint', folder, '--rules', 'oop.method-not-using-self', '--no-class-index']);
      assert.equal(alone.out, '', 'each file alone: a public method of a subclass of an imported class may be an override');
      const otherRules = await runCli(['lint', folder, '--rules', 'loop.try-in-loop']);
      assert.equal(otherRules.out, '');
      const bundle = await buildCliBundle();
      const inProcess = await runCli(['lint', folder, '--format', 'json', '--jobs', '1']);
      const workers = spawnSync(process.execPath, [bundle, 'lint', folder, '--format', 'json', '--jobs', '2'], { encoding: 'utf8', cwd: process.cwd() });
      assert.equal(workers.status, 0, workers.stderr);
      assert.equal(workers.stdout, inProcess.out, 'summaries taken in worker threads build the same index');
      assert.match(inProcess.out, /Spec\.indent/);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('starts worker threads only for runs large enough to pay for them, and as many as --jobs asks', () => {
    // Default: a small run stays in the main thread; a large one gets a thread per core (at most one per file).
    assert.equal(threadsFor([1000, 2000, 3000]), 1);
    assert.equal(threadsFor([IN_PROCESS_BYTES - 10, 9]), 1);
    assert.equal(threadsFor([IN_PROCESS_BYTES, 10, 10]), threadCount(3));
    assert.equal(threadsFor([-1, IN_PROCESS_BYTES]), threadCount(2)); // an unreadable file counts as empty
    // --jobs is obeyed whatever the size, capped at one thread per file.
    assert.equal(threadsFor([10, 10, 10], 3), 3);
    assert.equal(threadsFor([10, 10], 8), 2);
    assert.equal(threadsFor([10, 10], 1), 1);
  });

  it('the entry turns on Node\'s compile cache where Node has one, and the CLI and its lint workers use it with the same results', async function () {
    this.timeout(120_000);
    const bundle = await buildCliBundle();
    const entry = path.join(path.dirname(bundle), 'entry.js');
    await esbuild.build({ entryPoints: ['src/cli/entry.ts'], outfile: entry, bundle: true, platform: 'node', format: 'cjs', logLevel: 'error', external: ['./cliMain.js'] });
    await writeFile(path.join(path.dirname(bundle), 'cliMain.js'), `module.exports = require('./cli.js');\n`);
    const cache = await mkdtemp(path.join(os.tmpdir(), 'dw-compile-cache-'));
    try {
      const inProcess = await runCli(['lint', dir, '--format', 'json', '--jobs', '1']);
      const viaEntry = spawnSync(process.execPath, [entry, 'lint', dir, '--format', 'json', '--jobs', '2'], { encoding: 'utf8', env: { ...process.env, NODE_COMPILE_CACHE: cache } });
      assert.equal(viaEntry.status, 0, viaEntry.stderr);
      assert.equal(viaEntry.stdout, inProcess.out);
      const hasCache = typeof (createRequire(__filename)('node:module') as { enableCompileCache?: unknown }).enableCompileCache === 'function';
      const written = (await readdir(cache, { recursive: true })).length;
      assert.equal(written > 0, hasCache, `Node ${process.version}: ${written} cache entries`);
    } finally {
      await rm(cache, { recursive: true, force: true });
    }
  });

  it('exits 2 on usage errors and 1 on I/O errors', async () => {
    assert.equal((await runCli(['lint'])).code, 2);
    assert.equal((await runCli(['lint', dir, '--format', 'xml'])).code, 2);
    assert.equal((await runCli(['lint', dir, '--rules', 'loop.nope'])).code, 2);
    assert.equal((await runCli(['lint', dir, '--jobs', '0'])).code, 2);
    const missing = await runCli(['lint', path.join(dir, 'does-not-exist')]);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /no such file or folder/);
  });
});
