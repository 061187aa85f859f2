/**
 * Whole stores: valid records spread over several partitions of a day (several windows), mixed with garbage,
 * truncated and out-of-range lines, over-long-line markers, future-version records and duplicates (a partition copied
 * beside itself). Properties: nothing throws; every valid record is read exactly once and counted once in the
 * rollups; every rejected line is counted and the log names it (one line per damaged partition whose counts sum to
 * the rejected lines).
 */
import assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { EventStore, type StoredLine } from '../../../src/core/store/eventStore.js';
import { MemoryBackend } from '../../support/memoryBackend.js';
import { RecordingLogger } from '../../support/recordingLogger.js';
import type { FuzzFamily } from '../registry.js';
import { extremeNumber, recordWithId } from './records.js';

type Bad = { kind: 'garbage'; text: string } | { kind: 'truncated'; cut: number } | { kind: 'extreme'; value: number } | { kind: 'long' };

interface StoreInput {
  valid: { off: number; kind: number; partition: number }[];
  bad: { bad: Bad; partition: number; at: number }[];
  duplicates: number[];
  future: number;
}

const bad: fc.Arbitrary<Bad> = fc.oneof(
  fc.string({ minLength: 1, maxLength: 80 }).filter((s) => s.trim() !== '').map((text) => ({ kind: 'garbage' as const, text: `#${text}` })),
  fc.integer({ min: 1, max: 200 }).map((cut) => ({ kind: 'truncated' as const, cut })),
  extremeNumber.filter((n) => !(Number.isSafeInteger(n) && n >= 0 && n <= 253_402_300_799_999)).map((value) => ({ kind: 'extreme' as const, value })),
  fc.constant({ kind: 'long' as const }),
);

export const storePartitions: FuzzFamily<StoreInput> = {
  name: 'store.partitions',
  runs: 600,
  arbitrary: fc.record({
    valid: fc.array(fc.record({ off: fc.integer({ min: 0, max: 23 * 60 }), kind: fc.nat(2), partition: fc.nat(2) }), { maxLength: 25 }),
    bad: fc.array(fc.record({ bad, partition: fc.nat(2), at: fc.nat(30) }), { maxLength: 8 }),
    duplicates: fc.array(fc.nat(30), { maxLength: 6 }),
    future: fc.nat(3),
  }),
  async check(input) {
    const day = '2026-11-18';
    const lines: StoredLine[][] = [[], [], []];
    const records = input.valid.map((v, i) => ({ rec: recordWithId(`r${i}`, v.off, v.kind), partition: v.partition }));
    for (const { rec, partition } of records) lines[partition]!.push(JSON.stringify(rec));
    // Duplicates: the same line again in another partition (a copied file) — must count once.
    for (const d of input.duplicates) {
      const r = records[d % Math.max(1, records.length)];
      if (r) lines[(r.partition + 1) % 3]!.push(JSON.stringify(r.rec));
    }
    for (let f = 0; f < input.future; f++) lines[f % 3]!.push(JSON.stringify({ schema: 7, id: `future${f}`, ts: 1, tz: 0, kind: 'assistant-edit' }));
    for (const { bad: b, partition, at } of input.bad) {
      const target = lines[partition]!;
      const base = JSON.stringify(recordWithId(`bad-${at}`, at, at));
      const line: StoredLine =
        b.kind === 'garbage'
          ? b.text
          : b.kind === 'truncated'
            ? base.slice(0, Math.min(b.cut, base.length - 1))
            : b.kind === 'extreme'
              ? base.replace(/"ts":\d+/, `"ts":${JSON.stringify(b.value) ?? 'null'}`)
              : { skipped: 'line of 99999999 bytes is longer than the limit' };
      target.splice(at % (target.length + 1), 0, line);
    }
    const backend = new MemoryBackend();
    lines.forEach((l, i) => backend.put(day, `${day}.w${i}.jsonl`, l));
    const log = new RecordingLogger();
    const store = await EventStore.open(backend, { logger: log, readOnly: true });
    const ids: string[] = [];
    for await (const e of store.read()) ids.push(e.id);
    assert.deepEqual([...ids].sort(), records.map((r) => r.rec.id).sort(), 'every valid record exactly once');
    const edits = store.rollups().reduce((n, r) => n + Object.values(r.buckets).reduce((m, b) => m + b.edits, 0), 0);
    assert.equal(edits, records.filter((r) => r.rec.kind === 'assistant-edit').length, 'rollups count each edit once');
    assert.equal(store.health().corruptLines, input.bad.length, 'every rejected line is counted');
    const logged = log
      .messages('warn')
      .map((m) => /skipped (\d+) corrupt line/.exec(m)?.[1])
      .filter((n): n is string => n !== undefined);
    assert.equal(logged.reduce((n, c) => n + Number(c), 0), input.bad.length, 'the log names every rejected line');
    assert.equal(logged.length, new Set(input.bad.map((b) => b.partition)).size, 'one log line per damaged partition');
  },
};
