/**
 * Agent-hook benchmarks (issue 9 §3):
 *  1. hook command latency as a whole process (spawn → payload on stdin → exit), median and p99, for the shipped POSIX
 *     sh command with a typical 2 KB PostToolUse payload and a 200 KB one; baselines in the same run: `/bin/true` (the
 *     floor: spawning any process) and `node -e ''` (what a Node hook would cost before doing anything). Measured
 *     twice: as the machine is (its 1-minute load average printed: "idle" only when that is near 0), and LOADED — two
 *     extra CPU-bound processes spinning for the whole series, as when an agent's build or tests run beside it;
 *  2. spool consumer throughput: records/s through validation (zod) and the proposal book, for Claude Code Pre+Post
 *     pairs, and the time the real SpoolFolder takes to read and delete 1,000 spool files.
 * Run: npm run bench -- --only hooks   (or npx tsx bench/hooks.bench.ts)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { VerdictLedger } from '../src/core/capture/verdictLedger.js';
import { parseSpoolRecord } from '../src/core/hooks/hookRecords.js';
import { ProposalBook } from '../src/core/hooks/proposalBook.js';
import { systemClock } from '../src/core/util/clock.js';
import { SpoolFolder } from '../src/node/hooks/spoolFolder.js';
import { claudePostEdit, claudePreEdit } from '../test/support/hookPayloads.js';
import { fmtMs, median, report } from './benchUtil.js';

const root = path.resolve(__dirname, '..');
const SCRIPT = path.join(root, 'resources', 'hooks', 'driftwatch-hook.sh');
const RUNS = Number(process.env['HOOK_BENCH_RUNS'] ?? 300);

function p99(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.99) - 1)]!;
}

function once(cmd: string, args: string[], input: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const p = spawn(cmd, args, { stdio: ['pipe', 'ignore', 'ignore'] });
    p.on('error', reject);
    p.on('close', () => resolve(performance.now() - t));
    p.stdin.on('error', () => undefined);
    p.stdin.end(input);
  });
}

async function series(cmd: string, args: string[], input: string, runs = RUNS): Promise<number[]> {
  for (let i = 0; i < 5; i++) await once(cmd, args, input);
  const out: number[] = [];
  for (let i = 0; i < runs; i++) out.push(await once(cmd, args, input));
  return out;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dw-hook-bench-'));
  try {
    const call = { session: 'bench', toolUseId: 'toolu_bench', file: '/home/dev/project/src/a.ts' };
    const typical = JSON.stringify(claudePostEdit(call, 'const a = 1;\n'.repeat(20), 'const a = 2;\n'.repeat(20), { line: 10 }));
    const large = JSON.stringify(claudePostEdit(call, 'x', 'y'.repeat(200_000)));
    console.log(`hook command latency (whole process, ${RUNS} sequential runs each; ${os.loadavg()[0]!.toFixed(1)} load)`);
    const floor = await series('/bin/true', [], '');
    const sh = await series('/bin/sh', [SCRIPT, dir, 'claude-code'], typical);
    const shLarge = await series('/bin/sh', [SCRIPT, dir, 'claude-code'], large, Math.min(RUNS, 100));
    const node = await series(process.execPath, ['-e', ''], typical, Math.min(RUNS, 100));
    const row = (label: string, v: number[]): void => report(label, `median ${fmtMs(median(v))}  p99 ${fmtMs(p99(v))}`);
    row('  /bin/true (spawn floor)', floor);
    row(`  driftwatch-hook.sh, ${(typical.length / 1024).toFixed(1)} KB PostToolUse`, sh);
    row(`  driftwatch-hook.sh, ${(large.length / 1024).toFixed(0)} KB PostToolUse`, shLarge);
    row("  node -e '' (a Node hook's start-up alone)", node);
    report('  ratio hook / spawn floor (median)', `${(median(sh) / median(floor)).toFixed(1)}×`);
    report('  ratio node start-up / hook (median)', `${(median(node) / median(sh)).toFixed(1)}×`);
    const spinners = [0, 1].map(() => spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }));
    try {
      await new Promise((r) => setTimeout(r, 500));
      const floorLoaded = await series('/bin/true', [], '');
      const shLoaded = await series('/bin/sh', [SCRIPT, dir, 'claude-code'], typical);
      console.log(`  loaded: 2 extra CPU-bound processes (load ${os.loadavg()[0]!.toFixed(1)} after the series)`);
      row('  /bin/true (spawn floor), loaded', floorLoaded);
      row(`  driftwatch-hook.sh, ${(typical.length / 1024).toFixed(1)} KB PostToolUse, loaded`, shLoaded);
      report('  ratio hook loaded / as-is (median)', `${(median(shLoaded) / median(sh)).toFixed(1)}×`);
    } finally {
      for (const p of spinners) p.kill('SIGKILL');
    }

    // Spool consumer throughput: validation + proposal book, in memory.
    const N = 20_000;
    const records: string[] = [];
    for (let i = 0; i < N / 2; i++) {
      const c = { ...call, toolUseId: `toolu_${i}`, file: `/w/src/m${i % 50}.ts` };
      records.push(JSON.stringify(claudePreEdit(c, `let v${i} = 0;`, `const v${i} = compute(${i});`)), JSON.stringify(claudePostEdit(c, `let v${i} = 0;`, `const v${i} = compute(${i});`, { line: i % 100 })));
    }
    // Validation alone, then validation + correlation on the real clock (timers armed as in the product; the book is
    // disposed at the end, which decides every call).
    const t0 = performance.now();
    for (let i = 0; i < records.length; i++) parseSpoolRecord(records[i]!, String(i));
    const parseMs = performance.now() - t0;
    let decided = 0;
    const book = new ProposalBook(systemClock, new VerdictLedger(), {
      uriOf: (f) => `file://${f}`,
      recordEdit: () => Promise.resolve('e'),
      recordEditNow: () => 'e',
      recordProposal: () => void decided++,
      log: { debug: () => undefined, info: () => undefined },
    });
    const t = performance.now();
    for (let i = 0; i < records.length; i++) {
      const r = parseSpoolRecord(records[i]!, String(i));
      if (r.ok && r.signal) book.accept(r.signal);
    }
    const ms = performance.now() - t;
    book.dispose();
    await book.settled();
    console.log('\nspool consumer');
    report(`  ${N} Claude Code records: validate (zod) only`, `${fmtMs(parseMs)}  → ${Math.round(N / (parseMs / 1000)).toLocaleString('en')} records/s`);
    report(`  ${N} Claude Code records: validate + correlate`, `${fmtMs(ms)}  → ${Math.round(N / (ms / 1000)).toLocaleString('en')} records/s (${decided} proposals decided)`);

    const spoolDir = mkdtempSync(path.join(os.tmpdir(), 'dw-spool-bench-'));
    const spool = new SpoolFolder(spoolDir);
    await spool.ensure();
    for (let i = 0; i < 1000; i++) writeFileSync(path.join(spoolDir, `${1_700_000_000_000_000_000 + i}-${i}-claude-code.json`), records[i]!);
    const t2 = performance.now();
    let read = 0;
    await spool.drain(() => void read++, () => undefined);
    const ms2 = performance.now() - t2;
    report('  SpoolFolder.drain: read + delete 1,000 spool files', `${fmtMs(ms2)}  → ${Math.round(read / (ms2 / 1000)).toLocaleString('en')} files/s`);
    rmSync(spoolDir, { recursive: true, force: true });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
