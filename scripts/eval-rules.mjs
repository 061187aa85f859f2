#!/usr/bin/env node
// Evaluates the lint rules on the labelled corpus under test/corpus/<language>/<rule-id>/…
// A line that should produce a finding ends with a marker comment: `# expect: <rule-id>` (Python) or
// `// expect: <rule-id>` (TS/JS); several ids may be separated by commas. A file without a marker for its folder's
// rule is a negative case for that rule.
//
// Case level: one case per (file, rule) for the folder's rule and every rule marked in the file; predicted positive
// when the rule reports anything in the file. Line level: expected marker lines vs finding start lines.
// Prints per-rule, per-family and per-language/family precision and recall.
//
// Usage: npm run eval:rules [-- --lang python] [--rule loop.try-in-loop] [--verbose] [--json FILE]
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadLintEngine } from './lib/lintEngineBundle.mjs';
import { repoRoot, scriptArgs } from './lib/scriptArgs.mjs';

const root = repoRoot;
const { argv, opt } = scriptArgs();
const onlyLang = opt('--lang');
const onlyRule = opt('--rule');
const verbose = argv.includes('--verbose');
const jsonOut = opt('--json');

// Bundle the engine (TypeScript sources) once into an ESM module we can import.
const { engine, linter } = await loadLintEngine(root, 'eval-engine');

const corpus = path.join(root, 'test', 'corpus');
const files = (await readdir(corpus, { recursive: true })).filter((f) => engine.languageForFileName(f)).sort();
const MARKER = /(?:#|\/\/)\s*expect:\s*([a-z]+\.[a-z0-9-]+(?:\s*,\s*[a-z]+\.[a-z0-9-]+)*)/;

const zero = () => ({ tp: 0, fp: 0, fn: 0, tn: 0, ltp: 0, lfp: 0, lfn: 0, cases: 0 });
const perRule = new Map(); // key `${lang}\t${rule}`
const mismatches = [];
let casesTotal = 0;
const started = performance.now();
for (const rel of files) {
  const parts = rel.split(path.sep);
  if (parts.length < 3) continue;
  const [lang, folderRule] = parts;
  if (onlyLang && lang !== onlyLang) continue;
  const languageId = engine.languageForFileName(rel);
  const text = await readFile(path.join(corpus, rel), 'utf8');
  const expected = new Map(); // rule -> Set(line)
  text.split('\n').forEach((line, i) => {
    const m = MARKER.exec(line);
    if (!m) return;
    for (const id of m[1].split(',').map((s) => s.trim())) {
      if (!expected.has(id)) expected.set(id, new Set());
      expected.get(id).add(i + 1);
    }
  });
  const result = await linter.lintText(text, languageId);
  if (result.skipped) console.warn(`[eval] ${rel} skipped: ${result.skipped.reason}`);
  const found = new Map();
  for (const f of result.findings) {
    if (!found.has(f.ruleId)) found.set(f.ruleId, new Set());
    found.get(f.ruleId).add(f.range.start.line + 1);
  }
  const rules = new Set([...(engine.ruleMeta(folderRule) ? [folderRule] : []), ...expected.keys()]);
  for (const rule of rules) {
    if (onlyRule && rule !== onlyRule) continue;
    const key = `${lang}\t${rule}`;
    if (!perRule.has(key)) perRule.set(key, zero());
    const c = perRule.get(key);
    c.cases++;
    casesTotal++;
    const exp = expected.get(rule) ?? new Set();
    const got = found.get(rule) ?? new Set();
    if (exp.size > 0 && got.size > 0) c.tp++;
    else if (exp.size > 0) c.fn++;
    else if (got.size > 0) c.fp++;
    else c.tn++;
    for (const l of got) {
      if (exp.has(l)) c.ltp++;
      else {
        c.lfp++;
        mismatches.push(`FP ${rel}:${l} ${rule}`);
      }
    }
    for (const l of exp) {
      if (!got.has(l)) {
        c.lfn++;
        mismatches.push(`FN ${rel}:${l} ${rule}`);
      }
    }
  }
}
const elapsed = performance.now() - started;

const ratio = (a, b) => (b === 0 ? NaN : a / b);
const fmt = (x) => (Number.isNaN(x) ? '   -' : x.toFixed(2));
const row = (label, c) =>
  `${label.padEnd(48)} ${String(c.cases).padStart(5)} ${String(c.tp).padStart(4)} ${String(c.fp).padStart(4)} ${String(c.fn).padStart(4)}  P ${fmt(ratio(c.tp, c.tp + c.fp))}  R ${fmt(ratio(c.tp, c.tp + c.fn))}   line P ${fmt(ratio(c.ltp, c.ltp + c.lfp))} R ${fmt(ratio(c.ltp, c.ltp + c.lfn))}`;
const add = (a, b) => {
  for (const k of Object.keys(a)) a[k] += b[k];
  return a;
};

console.log(`${'language / rule'.padEnd(48)} cases   TP   FP   FN`);
const families = new Map();
const langFamilies = new Map();
for (const [key, c] of [...perRule].sort()) {
  const [lang, rule] = key.split('\t');
  console.log(row(`${lang} ${rule}`, c));
  const fam = rule.slice(0, rule.indexOf('.'));
  if (!families.has(fam)) families.set(fam, zero());
  add(families.get(fam), c);
  const lf = `${lang} ${fam}`;
  if (!langFamilies.has(lf)) langFamilies.set(lf, zero());
  add(langFamilies.get(lf), c);
}
console.log('\nper language and family');
for (const [k, c] of [...langFamilies].sort()) console.log(row(k, c));
console.log('\nper family (all languages)');
for (const [k, c] of [...families].sort()) console.log(row(k, c));
console.log(`\n${casesTotal} cases in ${files.length} files, linted in ${elapsed.toFixed(0)} ms`);
if (verbose) for (const m of mismatches) console.log(m);
if (jsonOut) {
  const obj = {};
  for (const [k, c] of perRule) obj[k.replace('\t', ' ')] = c;
  await writeFile(jsonOut, JSON.stringify({ perRule: obj, families: Object.fromEntries(families), languageFamilies: Object.fromEntries(langFamilies) }, null, 2));
}
