/**
 * Loopback OTLP receiver benchmarks (issue 9 §4). The receiver runs here exactly as in the extension host (HTTP server,
 * shared OTLP decoder, signal mapper, decision linker with its verdict ledger, EventStore on JSONL); the client is a
 * REAL OpenTelemetry log exporter in another process (bench/support/otlpLoad.ts). Records/s counts records handed to
 * the linker: an accepted Claude Code decision with no write to link waits up to 30 s before it is stored.
 *  1. throughput: 40,000 Claude Code tool_decision records sent as fast as the exporter can (batches of 512), JSON and
 *     protobuf → records/s stored;
 *  2. CPU of the receiving process while ingesting 1,000 records/s for 10 s (process.cpuUsage over wall time, % of one
 *     core), against the same process idle for 10 s as the baseline.
 * Run: npm run bench -- --only otlp
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DecisionLinker, type SignalRecord } from '../src/core/capture/decisionLinker.js';
import { VerdictLedger } from '../src/core/capture/verdictLedger.js';
import { systemClock } from '../src/core/util/clock.js';
import { EventStore } from '../src/core/store/eventStore.js';
import { JsonlBackend } from '../src/node/jsonlBackend.js';
import { AssistantSignalMapper } from '../src/node/receiver/assistantSignals.js';
import { startOtlpReceiver } from '../src/node/receiver/otlpReceiver.js';
import { report } from './benchUtil.js';

const root = path.resolve(__dirname, '..');
const TOKEN = 'bench-token-0123456789abcdef';

function load(url: string, wire: string, rate: number, amount: number, mode: 'rate' | 'burst'): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench/support/otlpLoad.ts'), url, TOKEN, wire, String(rate), String(amount), mode], { cwd: root, stdio: 'inherit' });
    p.on('error', reject);
    p.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`load generator exited ${code}`))));
  });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dw-otlp-bench-'));
  const store = await EventStore.open(new JsonlBackend(dir), { flushIntervalMs: 1000 });
  const mapper = new AssistantSignalMapper();
  const linker = new DecisionLinker({ clock: systemClock, ledger: new VerdictLedger(), editor: () => undefined, emit: (records) => store.append(records), log: { debug: () => undefined } });
  let stored = 0;
  let first = 0;
  let last = 0;
  const onBatch = (records: SignalRecord[]): void => {
    if (records.length === 0) return;
    if (first === 0) first = performance.now();
    linker.accept(records);
    stored += records.length;
    last = performance.now();
  };
  const rx = await startOtlpReceiver({
    port: 0,
    token: TOKEN,
    onLogs: (q) => onBatch(mapper.fromLogs(q, Date.now()).records),
    onMetrics: (q) => onBatch(mapper.fromMetrics(q, Date.now()).records),
    log: { warn: (m) => console.log(m), debug: () => undefined },
  });
  try {
    console.log(`receiver throughput (real exporter in another process; load ${os.loadavg()[0]!.toFixed(1)})`);
    for (const wire of ['json', 'protobuf']) {
      stored = 0;
      first = 0;
      await load(rx.url, wire, 0, 40_000, 'burst');
      const secs = (last - first) / 1000;
      report(`  ${wire}: ${stored.toLocaleString('en')} records handled`, `${secs.toFixed(2)} s → ${Math.round(stored / secs).toLocaleString('en')} records/s`);
    }

    console.log('\nreceiving process CPU (% of one core)');
    let c0 = process.cpuUsage();
    let t0 = performance.now();
    await new Promise((r) => setTimeout(r, 10_000));
    const idle = (process.cpuUsage(c0).user + process.cpuUsage(c0).system) / 1000 / (performance.now() - t0);
    stored = 0;
    c0 = process.cpuUsage();
    t0 = performance.now();
    await load(rx.url, 'protobuf', 1000, 10, 'rate');
    const used = process.cpuUsage(c0);
    const busy = (used.user + used.system) / 1000 / (performance.now() - t0);
    report('  idle (receiver listening, 10 s)', `${(idle * 100).toFixed(1)} %`);
    report(`  ingesting 1,000 records/s (10 s, ${stored.toLocaleString('en')} handled)`, `${(busy * 100).toFixed(1)} %`);
  } finally {
    linker.dispose();
    await rx.close();
    await store.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
