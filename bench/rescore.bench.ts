/**
 * Re-scoring throughput (`npm run bench -- --only rescore`): a 30-day demo history scored by legacy rules (about
 * 1,400 assistant edits with their code) is re-scored under this build's rules, and the time is compared with plain
 * lint of exactly the same texts in the same run — the floor, since re-scoring is lint plus reading the store, scoring
 * and writing one record per edit. Also measured with the extension's low-priority pause between edits (what a user
 * waits in the background), with the longest event-loop stall seen meanwhile (a 5 ms interval timer's worst lateness:
 * how long the extension host could not answer). Medians of 3 runs, each on a fresh copy of the store; prints ratios,
 * asserts nothing.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDemoHistory } from '../src/core/demo/demoHistory.js';
import { Linter } from '../src/core/lint/engine.js';
import { ALL_RULES } from '../src/core/lint/registry.js';
import { TreeSitterRuntime } from '../src/core/lint/treeSitter.js';
import { dedent, type SnippetLinter } from '../src/core/rescore/rescoreEdit.js';
import { lowPriority } from '../src/core/rescore/lowPriority.js';
import { rescoreStore } from '../src/core/rescore/rescoreStore.js';
import { EventStore } from '../src/core/store/eventStore.js';
import { NodeWasmSource } from '../src/node/grammarFiles.js';
import { JsonlBackend } from '../src/node/jsonlBackend.js';
import { fmtMs, median, report } from './benchUtil.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const linter = new Linter(new TreeSitterRuntime(NodeWasmSource.forRoot(root)), ALL_RULES);
const lint: SnippetLinter = async (text, language) => (await linter.lintText(text, language)).findings;
const RUNS = 3;

/** Measures the worst lateness of a 5 ms timer while `fn` runs: the longest the event loop was held. */
async function worstStall<T>(fn: () => Promise<T>): Promise<{ result: T; stallMs: number }> {
  let worst = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 5);
    last = now;
  }, 5);
  try {
    const result = await fn();
    return { result, stallMs: worst };
  } finally {
    clearInterval(timer);
  }
}

async function main(): Promise<void> {
  const base = await mkdtemp(path.join(os.tmpdir(), 'dw-bench-rescore-'));
  try {
    const seed = path.join(base, 'seed');
    const store = await EventStore.open(new JsonlBackend(seed), { refreshIntervalMs: 0 });
    const texts: { text: string; language: string }[] = [];
    let batch = [];
    for (const e of generateDemoHistory({ days: 30, endTs: Date.UTC(2026, 10, 30, 17), volume: 1, seed: 11, ruleSet: null })) {
      if (e.kind === 'assistant-edit' && e.text !== undefined) texts.push({ text: e.language === 'python' ? dedent(e.text) : e.text, language: e.language });
      batch.push(e);
      if (batch.length >= 5000) {
        store.append(batch);
        batch = [];
      }
    }
    store.append(batch);
    await store.dispose();
    const chars = texts.reduce((n, t) => n + t.text.length, 0);
    console.log(`${texts.length} assistant edits with code (${(chars / 1024).toFixed(0)} KB) over 30 days, scored by legacy rules`);

    // Warm the grammars once (the first parse compiles wasm lazily).
    for (const t of texts.slice(0, 50)) await lint(t.text, t.language);

    const plain: number[] = [];
    const full: number[] = [];
    const gentle: number[] = [];
    const stalls: number[] = [];
    const stallsFull: number[] = [];
    let edits = 0;
    for (let run = 0; run < RUNS; run++) {
      let t = performance.now();
      for (const x of texts) await lint(x.text, x.language);
      plain.push(performance.now() - t);

      for (const [times, pause] of [
        [full, undefined],
        [gentle, lowPriority()],
      ] as const) {
        const dir = path.join(base, `run${run}-${times === full ? 'full' : 'gentle'}`);
        await cp(seed, dir, { recursive: true });
        const copy = await EventStore.open(new JsonlBackend(dir), { refreshIntervalMs: 0 });
        t = performance.now();
        const { result: s, stallMs } = await worstStall(() => rescoreStore({ store: copy, ruleSet: linter.ruleSet, lint, ...(pause ? { pause } : {}) }));
        times.push(performance.now() - t);
        (pause ? stalls : stallsFull).push(stallMs);
        edits = s.rescored;
        await copy.dispose();
        await rm(dir, { recursive: true, force: true });
      }
    }
    // The same timer with no work at all: how late it fires on this machine anyway (other processes' load).
    const idle = await worstStall(() => new Promise((r) => setTimeout(r, 5_000)));
    const p = median(plain);
    const f = median(full);
    const g = median(gentle);
    report('plain lint of the same texts (baseline)', `${fmtMs(p)}  (${Math.round((texts.length / p) * 1000)} texts/s)`);
    report('re-score, full speed (CLI)', `${fmtMs(f)}  (${Math.round((edits / f) * 1000)} edits/s)  ${(f / p).toFixed(2)}x plain lint`);
    report('re-score, low priority (extension host)', `${fmtMs(g)}  (${Math.round((edits / g) * 1000)} edits/s)  ${(g / p).toFixed(2)}x plain lint`);
    report('longest event-loop stall, full speed / low priority / idle', `${fmtMs(median(stallsFull))} / ${fmtMs(median(stalls))} / ${fmtMs(idle.stallMs)}`);
  } finally {
    await rm(base, { recursive: true, force: true });
  }
}

void main();
