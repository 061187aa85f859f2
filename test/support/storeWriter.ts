/**
 * A real writer process for multi-writer and fault-injection tests: opens the store folder with the real JSONL
 * backend, as one extension host (window) does, and appends assistant edits with their follow-up records.
 *
 *   node --import tsx test/support/storeWriter.ts <storeDir> <idPrefix> <edits> [batch] [pauseMs]
 *
 * Prints `flushed <n>` after each flush (n = edits on disk so far), so a test that kills the process knows which
 * records must have survived, and `done` after a clean dispose.
 */
import { EventStore } from '../../src/core/store/eventStore.js';
import { JsonlBackend } from '../../src/node/jsonlBackend.js';
import { editInput, refOf } from './builders.js';

async function main(): Promise<void> {
  const [dir, prefix, editsArg, batchArg, pauseArg] = process.argv.slice(2);
  if (!dir || !prefix || !editsArg) throw new Error('usage: storeWriter <dir> <prefix> <edits> [batch] [pauseMs]');
  const edits = Number(editsArg);
  const batch = Number(batchArg ?? 20);
  const pauseMs = Number(pauseArg ?? 1);
  // Short rollup-save interval: kills land during rollup saves too.
  const store = await EventStore.open(new JsonlBackend(dir), { flushIntervalMs: 5, rollupSaveIntervalMs: 3, refreshIntervalMs: 0 });
  const base = Date.UTC(2026, 10, 20, 8);
  for (let i = 0; i < edits; i += batch) {
    const records = [];
    for (let k = i; k < Math.min(edits, i + batch); k++) {
      const id = `${prefix}-${k}`;
      // Spread over two days (and across midnight) so several partitions and rollup days are involved.
      const ts = base + k * 97_000;
      records.push(editInput({ id, ts, tz: 0 }));
      records.push({ kind: 'edit-outcome', id: `${id}-o`, ts: ts + 1000, tz: 0, ref: refOf({ id, ts }), outcome: 'accepted' } as const);
    }
    store.append(records);
    await store.flush();
    process.stdout.write(`flushed ${Math.min(edits, i + batch)}\n`);
    if (pauseMs > 0) await new Promise((r) => setTimeout(r, pauseMs));
  }
  await store.dispose();
  process.stdout.write('done\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`storeWriter failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
