#!/usr/bin/env node
// Differential harness: runs the peer linters (pylint, ruff, ESLint + typescript-eslint + unicorn, oxlint) and
// Driftwatch on the same real code — the Python standard library, Debian's Python packages, TypeScript/JavaScript
// sources of npm packages — maps peer rule ids to Driftwatch rules through test/peers/mapping.json and prints, per
// Driftwatch rule and language, the sites both flag, only a peer flags, and only Driftwatch flags.
// Writes test-results/peers/report.json (every site, machine-readable).
//
// With --score it instead scores Driftwatch against the hand-labelled cases in test/peers/labels.json (no peers run):
// precision/recall per family and language. That is the held-out measurement; the labels were reviewed by hand from
// this harness's disagreements and agreements.
//
// Usage:
//   npm run eval:peers                        # sampled corpus (≈ 700 files), all peers
//   npm run eval:peers -- --full              # every file of every source
//   npm run eval:peers -- --lang python       # one language (python | typescript | javascript)
//   npm run eval:peers -- --show loop.try-in-loop [--kind peer-only|driftwatch-only|both] [--limit 20]
//   npm run eval:peers -- --score [--verbose]
// Peers that are not installed are reported and skipped (pylint: `apt-get install pylint`; the npm ones are
// devDependencies). Third-party sources are read where they are installed and never copied into the repository.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadLintEngine } from './lib/lintEngineBundle.mjs';
import { repoRoot, scriptArgs } from './lib/scriptArgs.mjs';
import { buildSites, summariseSites, summariseRows, scoreLabels, precisionRecall, baseLanguage, familyOf } from './lib/peerAgreement.mjs';

const root = repoRoot;
const { argv, opt } = scriptArgs();
const full = argv.includes('--full');
const onlyLang = opt('--lang');
const show = opt('--show');
const showKind = opt('--kind');
const showLimit = Number(opt('--limit') ?? 15);
const verbose = argv.includes('--verbose');
// --no-class-index: judge every file alone (the editor's view), for comparison with the project run.
const useClassIndex = !argv.includes('--no-class-index');
const reportFile = opt('--json') ?? path.join(root, 'test-results', 'peers', 'report.json');
const mapping = JSON.parse(await readFile(path.join(root, 'test', 'peers', 'mapping.json'), 'utf8'));
const labelsFile = path.join(root, 'test', 'peers', 'labels.json');

// Where the real code lives. A file is named `<alias>:<relative path>` everywhere (report, labels), so results are
// comparable across machines that install the same versions.
const PYTHON_STDLIB = ['/usr/lib/python3.11'].find((d) => existsSync(d));
const ALIASES = {
  stdlib: PYTHON_STDLIB,
  debpy: '/usr/lib/python3/dist-packages',
  npm: path.join(root, 'node_modules'),
};
const SOURCES = [
  { alias: 'stdlib', language: 'python', dirs: ['.'], depth: 1, max: 80 },
  { alias: 'debpy', language: 'python', dirs: ['.'], depth: 9, max: 60 },
  { alias: 'npm', language: 'typescript', dirs: ['zod/src/v4', 'immer/src', '@tanstack/query-core/src', '@tanstack/form-core/src', '@azure/msal-common/src', '@azure/msal-node/src'], depth: 9, max: 320 },
  { alias: 'npm', language: 'javascript', dirs: ['eslint/lib', '@typescript-eslint/eslint-plugin/dist/rules'], depth: 9, max: 250 },
  // Class-heavy JavaScript (hand-written: undici, mocha, tapable, eslint-scope, istanbul-reports; compiled from TS:
  // the OpenTelemetry metrics SDK), so the JS oop family has real sites to compare on.
  { alias: 'npm', language: 'javascript', dirs: ['undici/lib', 'mocha/lib', 'tapable/lib', 'eslint-scope/lib', 'istanbul-reports/lib', '@opentelemetry/sdk-metrics/build/src'], depth: 9, max: 300 },
];
const EXT = { python: ['.py'], typescript: ['.ts', '.tsx'], javascript: ['.js', '.cjs', '.mjs'] };
const SKIP_DIR = /(^|\/)(tests?|__tests__|__pycache__|node_modules|test_\w+)(\/|$)/;

const resolveAlias = (name) => {
  const colon = name.indexOf(':');
  return path.join(ALIASES[name.slice(0, colon)], name.slice(colon + 1));
};
const lineHash = (text, line) => createHash('sha256').update((text.split('\n')[line - 1] ?? '').trim()).digest('hex').slice(0, 12);

async function listSource(src) {
  const base = ALIASES[src.alias];
  if (!base || !existsSync(base)) return [];
  const out = [];
  for (const dir of src.dirs) {
    const abs = path.join(base, dir);
    if (!existsSync(abs)) {
      console.warn(`[peers] ${src.alias}:${dir} is not installed; skipped`);
      continue;
    }
    for (const rel of await readdir(abs, { recursive: src.depth > 1 })) {
      const relPath = path.join(dir, rel).replace(/^\.\//, '');
      if (relPath.split('/').length - (dir === '.' ? 0 : dir.split('/').length) > src.depth) continue;
      if (!EXT[src.language].some((e) => relPath.endsWith(e)) || relPath.endsWith('.d.ts') || SKIP_DIR.test(relPath)) continue;
      if (/(\.test|\.spec|_test)\.\w+$/.test(relPath)) continue;
      out.push(`${src.alias}:${relPath}`);
    }
  }
  out.sort();
  if (full || out.length <= src.max) return out;
  // Deterministic even sample across the sorted list, so every package is represented.
  const step = out.length / src.max;
  return Array.from({ length: src.max }, (_, i) => out[Math.floor(i * step)]);
}

function runProcess(cmd, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: options.cwd ?? root, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    const errs = [];
    child.stdout.on('data', (d) => chunks.push(d));
    child.stderr.on('data', (d) => errs.push(d));
    child.on('error', (error) => resolve({ code: -1, stdout: '', stderr: String(error) }));
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(chunks).toString('utf8'), stderr: Buffer.concat(errs).toString('utf8') }));
  });
}

// ---------- peers ----------
const rulesOf = (peer, language) => [...new Set(mapping.rows.filter((r) => r.peer === peer && (!language || r.languages.includes(language))).map((r) => r.rule))];

async function runPylint(files) {
  const bin = ['/usr/bin/pylint'].find((b) => existsSync(b));
  if (!bin) return { skipped: 'pylint is not installed (apt-get install pylint)' };
  const byAbs = new Map(files.map((f) => [resolveAlias(f), f]));
  const args = ['--rcfile=/dev/null', '--persistent=n', '--score=n', '--output-format=json', '-j', '2', '--disable=all', `--enable=${rulesOf('pylint').join(',')}`,
    '--load-plugins=pylint.extensions.no_self_use,pylint.extensions.for_any_all,pylint.extensions.set_membership', ...byAbs.keys()];
  const res = await runProcess(bin, args, { cwd: '/' });
  let items;
  try {
    items = JSON.parse(res.stdout || '[]');
  } catch {
    return { skipped: `pylint output was not JSON (exit ${res.code}): ${res.stderr.slice(0, 300)}` };
  }
  const findings = [];
  for (const m of items) {
    const file = byAbs.get(path.resolve('/', m.path));
    if (file) findings.push({ tool: 'pylint', rule: m.symbol, file, line: m.line, language: 'python' });
  }
  return { findings, version: (await runProcess(bin, ['--version'])).stdout.split('\n')[0] };
}

async function runRuff(files) {
  let ruff;
  try {
    ruff = await import('@astral-sh/ruff-wasm-nodejs');
  } catch {
    return { skipped: '@astral-sh/ruff-wasm-nodejs is not installed' };
  }
  // Rule codes for the names in the mapping; preview enables the FURB/PLR rules still in preview. py310: PERF203 is
  // only enforced before 3.11 (zero-cost try), and the harness wants its opinion.
  const select = ['PERF101', 'PERF102', 'PERF203', 'PERF401', 'PERF402', 'PERF403', 'B019', 'B023', 'B024', 'B027', 'SIM110', 'SIM118', 'FURB113', 'FURB122', 'FURB129',
    'FURB142', 'FURB148', 'FURB189', 'FURB192', 'RUF012', 'RUF015', 'RUF017', 'C419', 'PLR6301', 'PLR1733', 'PLR1736', 'PLC0206', 'PLW0211', 'PLW0642', 'PLW1641', 'PLR0904', 'SLF001', 'PLR6201'];
  const ws = new ruff.Workspace({ 'target-version': 'py310', lint: { select, preview: true } }, ruff.PositionEncoding.Utf16);
  const wanted = new Set(rulesOf('ruff'));
  const findings = [];
  for (const file of files) {
    let diags;
    try {
      diags = ws.check(await readFile(resolveAlias(file), 'utf8'));
    } catch (err) {
      console.warn(`[peers] ruff failed on ${file}: ${String(err).slice(0, 200)}`);
      continue;
    }
    for (const d of diags) if (wanted.has(d.code)) findings.push({ tool: 'ruff', rule: d.code, file, line: d.start_location.row, language: 'python' });
  }
  return { findings, version: ruff.Workspace.version() };
}

async function runEslint(files) {
  let ESLint, tseslint, unicorn;
  try {
    ({ ESLint } = await import('eslint'));
    tseslint = (await import('typescript-eslint')).default;
    unicorn = (await import('eslint-plugin-unicorn')).default;
  } catch (err) {
    return { skipped: `ESLint, typescript-eslint or eslint-plugin-unicorn is missing: ${err.message}` };
  }
  const rules = {};
  for (const r of rulesOf('eslint')) rules[r] = 'warn';
  const eslint = new ESLint({
    cwd: ALIASES.npm,
    ignore: false,
    allowInlineConfig: false, // the sources disable rules inline for their own reasons; we want the rule's opinion
    overrideConfigFile: true,
    overrideConfig: [
      // typescript-eslint's parser for JavaScript too: its rules (no-useless-constructor) read TS-only AST fields.
      { files: ['**/*.js', '**/*.cjs', '**/*.mjs', '**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser } },
      { files: ['**/*.js', '**/*.cjs', '**/*.mjs', '**/*.ts', '**/*.tsx'], plugins: { '@typescript-eslint': tseslint.plugin, unicorn }, rules, linterOptions: { reportUnusedDisableDirectives: 'off' } },
    ],
  });
  const byAbs = new Map(files.map((f) => [resolveAlias(f), f]));
  const results = await eslint.lintFiles([...byAbs.keys()]);
  const findings = [];
  for (const r of results) {
    const file = byAbs.get(r.filePath);
    for (const m of r.messages) {
      if (!m.ruleId) {
        if (m.fatal) console.warn(`[peers] eslint could not parse ${file}: ${m.message}`);
        continue;
      }
      findings.push({ tool: 'eslint', rule: m.ruleId, file, line: m.line, language: file.endsWith('.ts') || file.endsWith('.tsx') ? 'typescript' : 'javascript' });
    }
  }
  return { findings, version: `ESLint ${ESLint.version}` };
}

async function runOxlint(files) {
  const bin = path.join(root, 'node_modules', '.bin', 'oxlint');
  if (!existsSync(bin)) return { skipped: 'oxlint is not installed' };
  const byAbs = new Map(files.map((f) => [resolveAlias(f), f]));
  const deny = rulesOf('oxlint').flatMap((r) => ['-D', r]);
  const findings = [];
  const list = [...byAbs.keys()];
  for (let i = 0; i < list.length; i += 200) {
    const res = await runProcess(bin, ['-A', 'all', ...deny, '--no-ignore', '--format', 'json', '--threads', '2', ...list.slice(i, i + 200)], { cwd: ALIASES.npm });
    let out;
    try {
      out = JSON.parse(res.stdout);
    } catch {
      return { skipped: `oxlint output was not JSON (exit ${res.code}): ${res.stderr.slice(0, 300)}` };
    }
    for (const d of out.diagnostics ?? []) {
      const file = byAbs.get(path.resolve(ALIASES.npm, d.filename));
      // codes look like `eslint(no-await-in-loop)` / `unicorn(prefer-set-has)`
      const rule = /\(([^)]+)\)/.exec(d.code ?? '')?.[1];
      // Several labels (accumulator, loop, spread): the spread is where the problem is reported.
      const labels = d.labels ?? [];
      const line = (labels.find((l) => /spread/i.test(l.label ?? '')) ?? labels[0])?.span?.line;
      if (file && rule && line) findings.push({ tool: 'oxlint', rule, file, line, language: file.endsWith('.ts') || file.endsWith('.tsx') ? 'typescript' : 'javascript' });
    }
  }
  return { findings, version: (await runProcess(bin, ['--version'])).stdout.trim() };
}

// ---------- Driftwatch ----------
// Lints the files as ONE project run, like `driftwatch lint`: a first pass takes the JS/TS class summaries, and the
// files whose out-of-file class lineage the cross-file index resolves are re-judged with the rules it serves.
async function runDriftwatch(files, { linter, engine }) {
  const texts = new Map();
  const perFile = new Map();
  const summaries = [];
  const languageOf = (file) => (file.endsWith('.py') ? 'python' : file.endsWith('.ts') ? 'typescript' : file.endsWith('.tsx') ? 'typescriptreact' : 'javascript');
  for (const file of files) {
    const text = await readFile(resolveAlias(file), 'utf8');
    texts.set(file, text);
    const languageId = languageOf(file);
    let summary;
    const inspect = useClassIndex && engine.indexesLanguage(languageId) ? { inspect: (ctx) => (summary = engine.summarizeClasses(ctx)) } : {};
    const result = await linter.lintText(text, languageId, { maxBytes: 4 * 1024 * 1024, ...inspect });
    if (result.skipped) console.warn(`[peers] driftwatch skipped ${file}: ${result.skipped.reason}`);
    perFile.set(file, result.findings);
    if (summary) summaries.push([resolveAlias(file), summary]);
  }
  // The parents of the sampled files' classes live in sibling files the sample may have left out: follow the relative
  // specifiers their lineages name (on disk, as `driftwatch lint` on the whole package would see them) and summarise
  // those files too. Their findings are not reported (they are not in the run's file list).
  if (useClassIndex) {
    const known = new Set(summaries.map(([abs]) => abs));
    const queue = [...summaries];
    let context = 0;
    while (queue.length > 0 && context < 2000) {
      const [from, s] = queue.shift();
      for (const spec of engine.lineageSources(s)) {
        const abs = engine.moduleCandidates(from, spec).find((c) => !c.endsWith('.d.ts') && existsSync(c) && statSync(c).isFile());
        if (!abs || known.has(abs)) continue;
        known.add(abs);
        const languageId = languageOf(abs);
        if (!engine.indexesLanguage(languageId)) continue;
        let summary;
        const r = await linter.lintText(await readFile(abs, 'utf8'), languageId, { maxBytes: 4 * 1024 * 1024, rules: [], inspect: (ctx) => (summary = engine.summarizeClasses(ctx)) });
        if (r.skipped || !summary) continue;
        summaries.push([abs, summary]);
        queue.push([abs, summary]);
        context++;
      }
    }
    if (verbose) console.warn(`[peers] class index: ${context} sibling files summarised for context`);
  }
  if (summaries.length > 1) {
    const index = new engine.ClassIndex(summaries);
    let relinted = 0;
    for (const file of files) {
      const abs = resolveAlias(file);
      if (!engine.indexesLanguage(languageOf(file)) || !index.improves(abs)) continue;
      const again = await linter.lintText(texts.get(file), languageOf(file), { maxBytes: 4 * 1024 * 1024, rules: engine.CLASS_INDEX_RULES, project: { file: abs, classes: index } });
      if (again.skipped) continue;
      perFile.set(file, engine.replaceRuleFindings(perFile.get(file), again.findings, engine.CLASS_INDEX_RULES));
      relinted++;
    }
    if (verbose) console.warn(`[peers] class index: ${summaries.length} summaries, ${relinted} files re-judged`);
  }
  const findings = [];
  for (const [file, list] of perFile) {
    const languageId = languageOf(file);
    for (const f of list) findings.push({ rule: f.ruleId, file, line: f.range.start.line + 1, language: languageId, message: f.message });
  }
  return { findings, texts };
}

const fmt = (x) => (Number.isNaN(x) ? '   -' : x.toFixed(2));

// ---------- --score: held-out measurement on labelled cases ----------
if (argv.includes('--score')) {
  const loaded = await loadLintEngine(root, 'eval-peers-engine');
  const labels = JSON.parse(await readFile(labelsFile, 'utf8')).cases.filter((c) => !onlyLang || baseLanguage(c.language) === onlyLang);
  const files = [...new Set(labels.map((l) => l.file))];
  const { findings, texts } = await runDriftwatch(files.filter((f) => existsSync(resolveAlias(f))), loaded);
  const dwByFile = new Map();
  for (const f of findings) {
    if (!dwByFile.has(f.file)) dwByFile.set(f.file, []);
    dwByFile.get(f.file).push(f);
  }
  let drifted = 0;
  for (const l of labels) {
    const text = texts.get(l.file);
    if (!text || (l.hash && lineHash(text, l.line) !== l.hash)) {
      drifted++;
      if (verbose) console.warn(`[peers] ${l.file}:${l.line} is missing or changed since it was labelled`);
    }
  }
  const row = (k, c) => {
    const pr = precisionRecall(c);
    return `${k.padEnd(46)} ${String(c.tp + c.fp + c.fn + c.tn).padStart(5)} ${String(c.tp).padStart(4)} ${String(c.fp).padStart(4)} ${String(c.fn).padStart(4)} ${String(c.tn).padStart(4)}  P ${fmt(pr.precision)}  R ${fmt(pr.recall)}`;
  };
  const { cases, perGroup } = scoreLabels(labels, dwByFile);
  console.log(`${'all labelled cases: group'.padEnd(46)} cases   TP   FP   FN   TN`);
  const keys = [...perGroup.keys()];
  for (const k of keys.filter((k) => k.includes('.')).sort()) console.log(row(k, perGroup.get(k)));
  // The sets: "dev" cases drove the rule fixes (not independent); "heldout" cases were labelled after the last fix.
  const sets = [...new Set(labels.map((l) => l.set ?? 'dev'))].sort();
  const inSet = (l, set) => (set === 'all' ? true : set === 'heldout*' ? (l.set ?? 'dev').startsWith('heldout') : (l.set ?? 'dev') === set);
  for (const set of [...sets, 'heldout*', 'all']) {
    const subset = labels.filter((l) => inSet(l, set));
    if (subset.length === 0) continue;
    const { perGroup: g } = scoreLabels(subset, dwByFile);
    console.log(`\n${set} set (${subset.length} cases): per language and family`);
    for (const k of [...g.keys()].filter((k) => !k.includes('.') && !k.startsWith('all ')).sort()) console.log(row(k, g.get(k)));
    for (const k of [...g.keys()].filter((k) => k.startsWith('all ')).sort()) console.log(row(k, g.get(k)));
  }
  const bySource = new Map();
  for (const l of labels) bySource.set(`${l.set ?? 'dev'}/${l.by}`, (bySource.get(`${l.set ?? 'dev'}/${l.by}`) ?? 0) + 1);
  console.log(`\n${labels.length} labelled cases in ${files.length} files; sampled as: ${[...bySource].sort().map(([k, v]) => `${k} ${v}`).join(', ')}`);
  if (drifted) console.log(`${drifted} labelled lines are missing or changed on this machine (different package versions?): their outcome is unreliable`);
  if (verbose) for (const c of cases.filter((c) => c.outcome === 'fp' || c.outcome === 'fn')) console.log(`${c.outcome.toUpperCase()} ${c.file}:${c.line} ${c.rule}  (${c.by}) ${c.note ?? ''}`);
  await mkdir(path.dirname(reportFile), { recursive: true });
  await writeFile(reportFile.replace(/report\.json$/, 'score.json'), JSON.stringify({ cases, perGroup: Object.fromEntries(perGroup) }, null, 2));
  process.exit(0);
}

// ---------- differential run ----------
const started = performance.now();
const files = { python: [], typescript: [], javascript: [] };
for (const src of SOURCES) {
  if (onlyLang && src.language !== onlyLang) continue;
  files[src.language].push(...(await listSource(src)));
}
const all = [...files.python, ...files.typescript, ...files.javascript];
console.log(`[peers] ${files.python.length} Python, ${files.typescript.length} TypeScript, ${files.javascript.length} JavaScript files`);

const peersRun = new Set();
const peerFindings = [];
const versions = {};
const timings = {};
const peerJobs = [
  ['pylint', ['python'], () => runPylint(files.python)],
  ['ruff', ['python'], () => runRuff(files.python)],
  ['eslint', ['typescript', 'javascript'], () => runEslint([...files.typescript, ...files.javascript])],
  ['oxlint', ['typescript', 'javascript'], () => runOxlint([...files.typescript, ...files.javascript])],
];
// Peer results are cached per tool, keyed by the file list and the mapped rules (pylint alone takes minutes), so
// re-running after a Driftwatch fix only re-lints with Driftwatch. --fresh ignores the cache.
const cacheDir = path.join(root, 'test-results', 'peers', 'cache');
for (const [tool, languages, job] of peerJobs) {
  if (!languages.some((l) => files[l].length)) continue;
  const t0 = performance.now();
  const key = createHash('sha256').update(JSON.stringify([tool, languages.map((l) => files[l]), rulesOf(tool)])).digest('hex').slice(0, 16);
  const cacheFile = path.join(cacheDir, `${tool}-${key}.json`);
  let res;
  if (!argv.includes('--fresh') && existsSync(cacheFile)) res = { ...JSON.parse(await readFile(cacheFile, 'utf8')), cached: true };
  else {
    res = await job();
    res.ms = Math.round(performance.now() - t0);
    if (!res.skipped) {
      await mkdir(cacheDir, { recursive: true });
      await writeFile(cacheFile, JSON.stringify(res));
    }
  }
  timings[tool] = res.ms;
  if (res.skipped) {
    console.warn(`[peers] ${tool} skipped: ${res.skipped}`);
    continue;
  }
  versions[tool] = res.version;
  for (const l of languages) if (files[l].length) peersRun.add(`${tool}\t${l}`);
  peerFindings.push(...res.findings);
  console.log(`[peers] ${tool}: ${res.findings.length} findings in ${(timings[tool] / 1000).toFixed(1)} s (${res.version})${res.cached ? ' [cached]' : ''}`);
}
const t0 = performance.now();
const dw = await runDriftwatch(all, await loadLintEngine(root, 'eval-peers-engine'));
timings.driftwatch = Math.round(performance.now() - t0);
console.log(`[peers] driftwatch: ${dw.findings.length} findings in ${(timings.driftwatch / 1000).toFixed(1)} s`);

const { sites, unmappedPeer } = buildSites({ rows: mapping.rows, peerFindings, dwFindings: dw.findings, peersRun });
const perRule = summariseSites(sites);
const perRow = summariseRows(sites);

console.log(`\n${'language  Driftwatch rule'.padEnd(50)} both  peer-only  dw-only   agree`);
const famTotals = new Map();
for (const [key, c] of [...perRule].sort()) {
  const [language, rule] = key.split('\t');
  const agree = c.both / (c.both + c.peerOnly + c.dwOnly);
  console.log(`${`${language.padEnd(11)}${rule}`.padEnd(50)} ${String(c.both).padStart(4)} ${String(c.peerOnly).padStart(10)} ${String(c.dwOnly).padStart(8)}   ${fmt(agree)}`);
  const fk = `${language} ${familyOf(rule)}`;
  const t = famTotals.get(fk) ?? { both: 0, peerOnly: 0, dwOnly: 0 };
  t.both += c.both;
  t.peerOnly += c.peerOnly;
  t.dwOnly += c.dwOnly;
  famTotals.set(fk, t);
}
console.log('\nper language and family');
for (const [k, c] of [...famTotals].sort()) console.log(`${k.padEnd(50)} ${String(c.both).padStart(4)} ${String(c.peerOnly).padStart(10)} ${String(c.dwOnly).padStart(8)}`);
console.log(`\n${'peer rule (language)'.padEnd(70)} hits  also flagged by Driftwatch`);
for (const [key, c] of [...perRow].sort()) {
  const [peer, language] = key.split('\t');
  console.log(`${`${peer} (${language})`.padEnd(70)} ${String(c.hits).padStart(4)}  ${c.matched}`);
}
if (unmappedPeer) console.log(`(${unmappedPeer} peer findings of rules not mapped for their language were ignored)`);
console.log(`\ntimes (ms): ${Object.entries(timings).map(([k, v]) => `${k} ${v}`).join(', ')}; total ${Math.round(performance.now() - started)}`);

if (show) {
  const picked = sites.filter((s) => s.rule === show && (!showKind || s.kind === showKind)).slice(0, showLimit);
  for (const s of picked) {
    const text = dw.texts.get(s.file).split('\n');
    console.log(`\n== ${s.kind} ${s.file}:${s.line} ${s.rule} ${s.peers.join(' ')}`);
    for (let i = Math.max(1, s.line - 3); i <= Math.min(text.length, s.line + 4); i++) console.log(`${String(i).padStart(6)}${i === s.line ? '>' : ' '} ${text[i - 1]}`);
  }
}

await mkdir(path.dirname(reportFile), { recursive: true });
await writeFile(
  reportFile,
  JSON.stringify(
    {
      versions,
      timings,
      files: { python: files.python.length, typescript: files.typescript.length, javascript: files.javascript.length },
      perRule: Object.fromEntries([...perRule].map(([k, v]) => [k.replace('\t', ' '), v])),
      perPeerRule: Object.fromEntries([...perRow].map(([k, v]) => [k.replace('\t', ' '), v])),
      sites: sites.map((s) => ({ ...s, hash: lineHash(dw.texts.get(s.file), s.line) })),
    },
    null,
    1,
  ),
);
console.log(`report: ${path.relative(root, reportFile)}`);
