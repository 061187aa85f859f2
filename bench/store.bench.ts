/**
 * Store benchmarks (issue 2):
 *  1. append throughput for 100k events through EventStore (validation + rollups + batched JSONL writes) vs the floor:
 *     pre-serialised lines appended with one fs.appendFile per 1,000 lines;
 *  2. one year of history: the panel's read path (open with persisted rollups + rollups(range)) vs scanning the raw
 *     JSONL (streaming every line, parsing and aggregating it);
 *  3. activation cost of the production bundle: require() of dist/extension.js vs an empty module, in fresh processes;
 *  4. bundle sizes (main, web, webview, CLI, grammars) — tree-sitter WASM must not be in the main bundle.
 * Run: npm run bench -- --only store   (or npx tsx bench/store.bench.ts)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { appendFile, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { EventStore } from '../src/core/store/eventStore.js';
import { applyToRollups, type DailyRollup } from '../src/core/store/rollup.js';
import { decodeLine } from '../src/core/store/recordCodec.js';
import { generateDemoHistory } from '../src/core/demo/demoHistory.js';
import type { DriftEventInput } from '../src/core/schema/events.js';
import { dayOf } from '../src/core/time/day.js';
import { JsonlBackend } from '../src/node/jsonlBackend.js';
import { fmtMs, median, report, timeRuns } from './benchUtil.js';

const root = path.resolve(__dirname, '..');
const N = 100_000;

function syntheticEdits(n: number, start: number): DriftEventInput[] {
  const out: DriftEventInput[] = [];
  for (let i = 0; i < n; i++) {
    out.push({
      kind: 'assistant-edit',
      ts: start + i * 1000,
      tz: 0,
      provenance: 'ai-inline',
      channel: 'inline-heuristic',
      assistant: i % 3 === 0 ? 'copilot' : i % 3 === 1 ? 'claude-code' : 'cursor',
      assistantVersion: '1.0.0',
      language: i % 2 ? 'python' : 'typescript',
      file: `src/module${i % 50}.py`,
      range: { start: { line: i % 400, character: 4 }, end: { line: (i % 400) + 3, character: 0 } },
      linesAdded: 3,
      linesRemoved: 0,
      charsInserted: 96,
      charsReplaced: 0,
      text: 'for item in items:\n    total += item.price * item.quantity\n    seen.add(item.id)\n',
    } as DriftEventInput);
  }
  return out;
}

async function appendThroughput(): Promise<void> {
  console.log(`\n-- append ${N.toLocaleString()} events --`);
  const events = syntheticEdits(N, Date.UTC(2026, 10, 20));
  const lines = events.map((e) => JSON.stringify({ schema: 1, id: 'x'.repeat(32), ...e }));
  const floor = await timeRuns(3, async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dw-bench-floor-'));
    const file = path.join(dir, 'day.jsonl');
    for (let i = 0; i < lines.length; i += 1000) await appendFile(file, lines.slice(i, i + 1000).join('\n') + '\n');
    await rm(dir, { recursive: true, force: true });
  });
  let worstFlush = 0;
  const store = await timeRuns(3, async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dw-bench-store-'));
    const s = await EventStore.open(new JsonlBackend(dir), { flushIntervalMs: 1000 });
    // Producers append in small bursts (a few records per edit); flush every 1,000 like the 1 s timer would.
    for (let i = 0; i < events.length; i += 1000) {
      s.append(events.slice(i, i + 1000));
      const t = performance.now();
      await s.flush();
      worstFlush = Math.max(worstFlush, performance.now() - t);
    }
    await s.dispose();
    await rm(dir, { recursive: true, force: true });
  });
  const fm = median(floor);
  const sm = median(store);
  report('floor: fs.appendFile per 1,000 pre-serialised lines', `${fmtMs(fm)}  (${Math.round(N / (fm / 1000)).toLocaleString()} events/s)`);
  report('EventStore.append (validate + rollup) + batched flush', `${fmtMs(sm)}  (${Math.round(N / (sm / 1000)).toLocaleString()} events/s)`);
  report('ratio store / floor', `${(sm / fm).toFixed(2)}×`);
  report('worst single flush of 1,000 events', fmtMs(worstFlush));
}

async function yearOfHistory(): Promise<void> {
  console.log('\n-- one year of history: rollups vs raw scan --');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dw-bench-year-'));
  const endTs = Date.UTC(2026, 10, 27, 18);
  const events = path.join(dir, 'events');
  await mkdir(events, { recursive: true });
  // Write the demo generator's lean year straight to day files (as the store would have over a year).
  const byDay = new Map<string, string[]>();
  let records = 0;
  let edits = 0;
  let n = 0;
  for (const e of generateDemoHistory({ days: 365, endTs, detail: 'lean', volume: 12, codeText: false })) {
    const day = dayOf(e.ts, e.tz);
    let arr = byDay.get(day);
    if (!arr) byDay.set(day, (arr = []));
    arr.push(JSON.stringify({ ...e, id: `r${n++}` }));
    records++;
    if (e.kind === 'assistant-edit') edits++;
  }
  for (const [day, ls] of byDay) await writeFile(path.join(events, `${day}.jsonl`), ls.join('\n') + '\n');
  byDay.clear();
  const size = (await Promise.all((await readdir(events)).map((f) => stat(path.join(events, f))))).reduce((a, s) => a + s.size, 0);
  report('history', `${records.toLocaleString()} records, ${edits.toLocaleString()} assistant edits, ${(size / 1e6).toFixed(0)} MB JSONL`);

  // First open derives every rollup from raw data and persists them (what an upgrade or lost rollups cost once).
  const t0 = performance.now();
  const first = await EventStore.open(new JsonlBackend(dir));
  await first.dispose();
  report('first open: rollups derived from raw and saved (once)', fmtMs(performance.now() - t0));

  const since = '2025-11-28';
  const until = '2026-11-27';
  const viaRollups = await timeRuns(5, async () => {
    const s = await EventStore.open(new JsonlBackend(dir), { readOnly: true });
    return s.rollups(since, until).length;
  });
  const viaScan = await timeRuns(3, async () => {
    const backend = new JsonlBackend(dir);
    const map = new Map<string, DailyRollup>();
    for (const part of await backend.listPartitions()) {
      for await (const line of backend.readLines(part)) {
        if (typeof line !== 'string') continue;
        const d = decodeLine(line);
        if (d.type === 'event') applyToRollups(map, d.event);
      }
    }
    return map.size;
  }, 0);
  const r = median(viaRollups);
  const sc = median(viaScan);
  report('open store + read 365 daily rollups (median of 5)', fmtMs(r));
  report('scan raw JSONL and aggregate the same (median of 3)', fmtMs(sc));
  report('ratio scan / rollups', `${(sc / r).toFixed(0)}×`);
  await rm(dir, { recursive: true, force: true });
}

function bundleAndActivation(): void {
  console.log('\n-- production bundle --');
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--production'], { cwd: root, stdio: 'inherit' });
  // A fresh process per measurement: require() of the bundle (with a stub for the `vscode` module, which only the
  // editor provides) versus require() of an empty module. Activation itself is measured in the real editor (see README).
  const probe = (target: string): number => {
    const code = `
      const Module = require('module');
      const orig = Module._resolveFilename;
      Module._resolveFilename = function (req, ...rest) { return req === 'vscode' ? require.resolve('./bench/vscodeStub.cjs') : orig.call(this, req, ...rest); };
      const t = process.hrtime.bigint();
      require(${JSON.stringify(target)});
      process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));`;
    const r = spawnSync(process.execPath, ['-e', code], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    return Number(r.stdout);
  };
  const empty = path.join(os.tmpdir(), 'dw-empty-module.js');
  execFileSync(process.execPath, ['-e', `require('fs').writeFileSync(${JSON.stringify(empty)}, 'module.exports = {};')`]);
  const base: number[] = [];
  const main: number[] = [];
  for (let i = 0; i < 9; i++) {
    base.push(probe(empty));
    main.push(probe(path.join(root, 'dist', 'extension.js')));
  }
  report('require() empty module (median of 9, fresh processes)', fmtMs(median(base)));
  report('require() dist/extension.js (median of 9)', fmtMs(median(main)));
  const sizes: [string, string][] = [
    ['main bundle dist/extension.js', 'dist/extension.js'],
    ['web bundle dist/web/extension.js', 'dist/web/extension.js'],
    ['webview dist/webview/main.js', 'dist/webview/main.js'],
    ['CLI dist/cli.js', 'dist/cli.js'],
  ];
  for (const [label, file] of sizes) {
    try {
      const bytes = Number(execFileSync('stat', ['-c', '%s', path.join(root, file)], { encoding: 'utf8' }).trim());
      report(label, `${(bytes / 1024).toFixed(0)} KB`);
    } catch {
      report(label, 'missing');
    }
  }
  const grammars = execFileSync('du', ['-sk', path.join(root, 'dist', 'grammars')], { encoding: 'utf8' }).split('\t')[0];
  report('tree-sitter runtime + grammars (lazy, dist/grammars)', `${grammars} KB`);
  // Inlined WASM would appear as base64 of the "\0asm" magic number.
  const inlined = readFileSync(path.join(root, 'dist', 'extension.js'), 'utf8').includes('AGFzbQ');
  report('main bundle embeds WASM bytes?', inlined ? 'YES (regression)' : 'no (loaded lazily from dist/grammars)');
}

async function main(): Promise<void> {
  await appendThroughput();
  await yearOfHistory();
  bundleAndActivation();
}

void main();
