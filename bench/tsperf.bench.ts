/**
 * TypeScript/JavaScript lint speed (`npm run bench -- --only tsperf`): the TS rows of issue 10's targets, measured in
 * ONE run so the ratios share the machine's load. Prints medians and ratios; asserts nothing.
 *
 * 1. Lint vs tree-sitter parse alone (the floor), in-process, on real TypeScript: this repository's sources plus the
 *    sources of zod, @tanstack/query-core and immer from node_modules.
 * 2. ESLint 9 + typescript-eslint (comparable rules, no type information) vs the driftwatch CLI on this repository's
 *    sources, whole processes (needs `node scripts/build.mjs` for dist/cli.js), and the floor for that ratio: a process
 *    that only parses the same files on every core (bench/support/parseFloor.mjs).
 * 3. Scaling: the JS/TS pathological inputs (bench/pathological.ts) at 1k/2k/4k/8k and ordinary TypeScript at
 *    0.25–2 MB; each cell after the first carries its ratio to the cell before (linear growth doubles, ≈2x).
 *    `--only-scaling` runs section 3 alone.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Linter } from '../src/core/lint/engine.js';
import type { LintLanguageId } from '../src/core/lint/languages.js';
import { ALL_RULES } from '../src/core/lint/registry.js';
import { TreeSitterRuntime } from '../src/core/lint/treeSitter.js';
import { NodeWasmSource } from '../src/node/grammarFiles.js';
import { fmtMs, median, report, timeRuns } from './benchUtil.js';
import { PATHOLOGICAL } from './pathological.js';
import { ESLINT_CONFIG, parseFloorProcess, timeCommandIn, UNBOUNDED } from './support/lintPeers.js';
import { threadCount } from '../src/cli/lintPool.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const linter = new Linter(new TreeSitterRuntime(NodeWasmSource.forRoot(root)), ALL_RULES);

interface Sample {
  file: string;
  text: string;
}

function tsFiles(dir: string, skip?: (rel: string) => boolean): Sample[] {
  if (!existsSync(dir)) return [];
  const out: Sample[] = [];
  for (const rel of readdirSync(dir, { recursive: true }) as string[]) {
    if (!rel.endsWith('.ts') || rel.endsWith('.d.ts') || skip?.(rel)) continue;
    out.push({ file: path.join(dir, rel), text: readFileSync(path.join(dir, rel), 'utf8') });
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : 1));
}

const ownSources = (): Sample[] => tsFiles(path.join(root, 'src'), (rel) => rel.startsWith('webview'));
const npmSources = (): Sample[] =>
  ['zod/src', '@tanstack/query-core/src', 'immer/src'].flatMap((p) => tsFiles(path.join(root, 'node_modules', p), (rel) => rel.includes('test')));

const lineCount = (s: Sample[]): number => s.reduce((n, x) => n + x.text.split('\n').length, 0);

async function lintAll(samples: Sample[]): Promise<number> {
  let findings = 0;
  for (const s of samples) findings += (await linter.lintText(s.text, 'typescript')).findings.length;
  return findings;
}

async function parseAll(samples: Sample[]): Promise<void> {
  const g = await linter.grammar('typescript');
  for (const s of samples) g.parser.parse(s.text)?.delete();
}

const timeCommand = (cmd: string, args: string[], runs: number): number[] => timeCommandIn(root, cmd, args, runs);



async function timeLint(text: string, languageId: LintLanguageId, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const t = performance.now();
    const r = await linter.lintText(text, languageId, UNBOUNDED);
    times.push(performance.now() - t);
    if (r.skipped) return Number.NaN;
  }
  return median(times);
}

const row = (cells: Array<[string, number]>): string =>
  cells.map(([label, ms], i) => (Number.isNaN(ms) ? `${label}: skipped` : `${label}: ${fmtMs(ms)}${i > 0 ? ` (${(ms / cells[i - 1]![1]).toFixed(1)}x)` : ''}`)).join('  ');

async function scaling(ordinary: Sample[]): Promise<void> {
  for (const [name, input] of Object.entries(PATHOLOGICAL)) {
    if (input.languageId === 'python') continue;
    const sizes = name === 'superComments' ? [16, 32, 64, 128] : [1000, 2000, 4000, 8000];
    const cells: Array<[string, number]> = [];
    for (const n of sizes) cells.push([`${n >= 1000 ? `${n / 1000}k` : n}`, await timeLint(input.generate(n), input.languageId, 3)]);
    report(`scaling ${name} (${input.unit})`, row(cells));
  }
  const all = ordinary.map((s) => s.text).join('\n');
  const cells: Array<[string, number]> = [];
  for (const mb of [0.25, 0.5, 1, 2]) {
    let text = all;
    while (text.length < mb * 1024 * 1024) text += '\n' + all;
    cells.push([`${mb} MB`, await timeLint(text.slice(0, text.lastIndexOf('\n', mb * 1024 * 1024)), 'typescript', 3)]);
  }
  report('scaling ordinary typescript code', row(cells));
}

async function main(): Promise<void> {
  const own = ownSources();
  const npm = npmSources();
  const sample = [...own, ...npm];
  if (process.argv.includes('--only-scaling')) return scaling(sample);
  const summary: Array<[string, string, string]> = [];
  report('TypeScript sample', `${own.length} files of this repository + ${npm.length} of zod/query-core/immer, ${lineCount(sample)} lines`);
  await lintAll(sample.slice(0, 5));
  for (const [label, s] of [['this repository', own], ['zod/query-core/immer', npm], ['both', sample]] as const) {
    const lint = await timeRuns(5, () => lintAll(s));
    const parse = await timeRuns(5, () => parseAll(s));
    const r = median(lint) / median(parse);
    report(`lint / parse, ${label} (median of 5)`, `${fmtMs(median(lint))} / ${fmtMs(median(parse))} = ${r.toFixed(2)}x`);
    if (label === 'both') summary.push(['TypeScript: lint / tree-sitter parse, in-process', `${r.toFixed(2)}x`, '<= 1.5x']);
  }
  mkdirSync(path.join(root, 'out'), { recursive: true });
  const config = path.join(root, 'out', 'eslint.tsperf.config.mjs');
  writeFileSync(config, ESLINT_CONFIG);
  const files = own.map((s) => path.relative(root, s.file));
  const eslint = timeCommand(process.execPath, [path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--no-config-lookup', '-c', config, '--no-warn-ignored', ...files], 3);
  report('ESLint CLI + typescript-eslint, this repository (median of 3)', fmtMs(median(eslint)));
  const cli = path.join(root, 'dist', 'cli.js');
  if (existsSync(cli)) {
    const dw = timeCommand(process.execPath, [cli, 'lint', ...files], 3);
    report('driftwatch lint CLI, same files (median of 3)', fmtMs(median(dw)));
    // The floor no engine on this parser beats here: a process that only starts, loads the parser on every core and
    // parses the same files (bench/support/parseFloor.mjs).
    const floor = parseFloorProcess(root, 'typescript', own.map((s) => s.file), threadCount(files.length), 3);
    report('floor: a process that only parses, every core (median of 3)', `${fmtMs(floor)}  (ESLint / floor = ${(median(eslint) / floor).toFixed(1)}x)`);
    summary.push(['TypeScript: ESLint+ts-eslint / driftwatch lint CLI', `${(median(eslint) / median(dw)).toFixed(1)}x`, `>= 10x   floor here ${(median(eslint) / floor).toFixed(1)}x (ESLint / parse-only process)`]);
  } else report('driftwatch CLI', 'dist/cli.js missing: run `node scripts/build.mjs` for the CLI-to-CLI ratio');
  const all = sample.map((s) => s.text).join('\n');
  let mb1 = all;
  while (mb1.length < 1024 * 1024) mb1 += '\n' + all;
  mb1 = mb1.slice(0, mb1.lastIndexOf('\n', 1024 * 1024));
  summary.push(['TypeScript: 1 MB of ordinary code, lint (median of 3)', fmtMs(await timeLint(mb1, 'typescript', 3)), '< 1 s']);
  console.log('\ntarget ratios, this run (medians; whole processes for the CLI row):');
  for (const [label, value, target] of summary) console.log(`  ${label.padEnd(56)} ${value.padStart(9)}   target ${target}`);
  console.log('');
  await scaling(sample);
}

void main();
