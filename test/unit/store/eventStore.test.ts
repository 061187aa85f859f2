import assert from 'node:assert/strict';
import { appendFile, mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { EventStore, type StoreBackend } from '../../../src/core/store/eventStore.js';
import { ManualClock } from '../../../src/core/util/clock.js';
import { JsonlBackend } from '../../../src/node/jsonlBackend.js';
import type { DriftEvent } from '../../../src/core/schema/events.js';
import { editInput, refOf } from '../../support/builders.js';
import { RecordingLogger } from '../../support/recordingLogger.js';

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

/** Lets pending promise callbacks (an in-flight flush) run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
}

/** Polls until `check` passes (real file I/O completes on its own schedule). */
async function eventually(check: () => Promise<void>, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

describe('EventStore over JSONL files', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'dw-store-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('stamps records and writes them to one JSONL file per local day', async () => {
    const store = await EventStore.open(new JsonlBackend(dir, { writerId: 'w1' }));
    const [a] = store.append(editInput({ ts: Date.UTC(2026, 10, 20, 23, 30), tz: 0 }));
    store.append(editInput({ ts: Date.UTC(2026, 10, 20, 23, 30), tz: 60 })); // 00:30 local on the 21st
    await store.flush();
    assert.equal(a?.schema, 1);
    assert.match(a!.id, /^edit\d+$/);
    assert.deepEqual((await readdir(path.join(dir, 'events'))).sort(), ['2026-11-20.w1.jsonl', '2026-11-21.w1.jsonl']);
    const lines = (await readFile(path.join(dir, 'events', '2026-11-20.w1.jsonl'), 'utf8')).trim().split('\n');
    assert.equal(lines.length, 1);
    assert.equal(JSON.parse(lines[0]!).kind, 'assistant-edit');
    await store.dispose();
  });

  it('writes buffered records after the flush interval without an explicit flush', async () => {
    const clock = new ManualClock(Date.UTC(2026, 10, 20, 10));
    const store = await EventStore.open(new JsonlBackend(dir, { writerId: 'w1' }), { clock, flushIntervalMs: 1000 });
    store.append(editInput({ ts: clock.now() }));
    await settle();
    assert.deepEqual(await readdir(dir).catch(() => []), [], 'nothing is written before the interval');
    clock.advance(1000);
    await eventually(async () => {
      const content = await readFile(path.join(dir, 'events', '2026-11-20.w1.jsonl'), 'utf8');
      assert.equal(content.trim().split('\n').length, 1);
    });
    await store.dispose();
  });

  it('rejects invalid records with a warning instead of throwing, and keeps the valid ones', async () => {
    const log = new RecordingLogger();
    const store = await EventStore.open(new JsonlBackend(dir), { logger: log });
    const accepted = store.append([editInput({ linesAdded: -1 } as never), editInput()]);
    assert.equal(accepted.length, 1);
    assert.equal(log.messages('warn').length, 1);
    assert.match(log.messages('warn')[0]!, /rejected invalid assistant-edit record \(linesAdded/);
    await store.dispose();
  });

  it('skips and counts corrupt and truncated lines without losing any valid record', async () => {
    const backend = new JsonlBackend(dir, { writerId: 'w1' });
    const store = await EventStore.open(backend);
    store.append([editInput({ id: 'keep1' }), editInput({ id: 'keep2' })]);
    await store.dispose();
    const file = backend.dayFile('2026-11-20');
    await appendFile(file, 'this is not json\n{"schema":1,"id":"bad","kind":"assistant-edit"}\n{"schema":1,"id":"trunc","ts":17');
    const log = new RecordingLogger();
    // The same writer id again (a reused id must not glue its first new record onto the truncated line).
    const reopened = await EventStore.open(new JsonlBackend(dir, { writerId: 'w1' }), { logger: log });
    // A new record appended after the truncated line must not be glued onto it.
    reopened.append(editInput({ id: 'keep3' }));
    const ids = (await collect(reopened.read())).map((e) => e.id);
    assert.deepEqual(ids, ['keep1', 'keep2', 'keep3']);
    assert.equal(reopened.health().corruptLines, 3);
    const warns = log.messages('warn');
    assert.ok(warns.some((w) => /skipped 3 corrupt line\(s\) in 2026-11-20\.w1\.jsonl/.test(w)), warns.join('\n'));
    await reopened.dispose();
  });

  it('preserves records from a future schema version instead of dropping them', async () => {
    await mkdir(path.join(dir, 'events'), { recursive: true });
    const future = { schema: 2, id: 'f1', ts: Date.UTC(2026, 10, 20), tz: 0, kind: 'assistant-edit', newField: { x: 1 } };
    const unknownKind = { schema: 1, id: 'f2', ts: Date.UTC(2026, 10, 20), tz: 0, kind: 'hook-session' };
    await writeFile(path.join(dir, 'events', '2026-11-20.jsonl'), `${JSON.stringify(future)}\n${JSON.stringify(unknownKind)}\n`);
    const store = await EventStore.open(new JsonlBackend(dir), { readOnly: true });
    const raw = await collect(store.readRaw());
    assert.deepEqual(
      raw.map((r) => r.decoded.type),
      ['future', 'future'],
    );
    assert.deepEqual(JSON.parse(raw[0]!.line), future);
    assert.equal(store.health().corruptLines, 0);
  });

  it('keeps records in memory while writes fail, logs once, and writes them when the disk recovers', async () => {
    // A file where the events folder should be makes every append fail with ENOTDIR/EEXIST, as a broken disk would.
    await writeFile(path.join(dir, 'events'), 'not a folder');
    const log = new RecordingLogger();
    const clock = new ManualClock(Date.UTC(2026, 10, 20, 10));
    const store = await EventStore.open(new JsonlBackend(dir), { logger: log, clock });
    store.append([editInput({ id: 'w1' }), editInput({ id: 'w2' })]);
    await store.flush();
    await store.flush();
    assert.equal(store.health().pending, 2);
    assert.ok(store.health().writeFailures >= 1);
    const errors = log.messages('error');
    assert.equal(errors.length, 1, 'one clear log line, not one per retry');
    assert.match(errors[0]!, /cannot write to .*keeping 2 records in memory/);
    await rm(path.join(dir, 'events'));
    await store.flush();
    assert.equal(store.health().pending, 0);
    assert.deepEqual((await collect(store.read())).map((e) => e.id), ['w1', 'w2']);
    await store.dispose();
  });

  it('strips code text at code level noCode', async () => {
    const backend = new JsonlBackend(dir);
    const store = await EventStore.open(backend, { codeLevel: 'noCode' });
    store.append(editInput({ replacedText: 'old' }));
    await store.flush();
    const content = await readFile(backend.dayFile('2026-11-20'), 'utf8');
    assert.doesNotMatch(content, /range\(len/);
    assert.doesNotMatch(content, /"text"|"replacedText"/);
    await store.dispose();
  });

  describe('daily rollups', () => {
    function editAndFollowUps(id: string, ts: number): Parameters<EventStore['append']>[0] {
      const ref = refOf({ id, ts });
      return [
        editInput({ id, ts }),
        { kind: 'edit-outcome', ts: ts + 1000, tz: 0, ref, outcome: 'modified' },
        { kind: 'survival', ts: ts + 300_000, tz: 0, ref, checkpoint: 300, distanceRatio: 0.5, unchanged: false, fourGramSurvival: 0.6, regionDeleted: false },
        { kind: 'follow-up-fix', ts: ts + 60_000, tz: 0, ref, fixIndex: 1, provenance: 'typed', charsChanged: 5, msSinceEdit: 60_000 },
        { kind: 'finding', ts: ts + 2000, tz: 0, ref, findingKey: 'k1', ruleId: 'loop.manual-index', severity: 'info', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } }, status: 'open', at: 0 },
      ] as never;
    }

    it('are updated incrementally and equal a rebuild from raw events', async () => {
      const store = await EventStore.open(new JsonlBackend(dir));
      store.append(editAndFollowUps('e1', Date.UTC(2026, 10, 20, 10)));
      store.append(editAndFollowUps('e2', Date.UTC(2026, 10, 21, 10)));
      await store.dispose();
      const incremental = (await EventStore.open(new JsonlBackend(dir))).rollups();
      await rm(path.join(dir, 'rollups'), { recursive: true });
      const rebuilt = await EventStore.open(new JsonlBackend(dir));
      assert.deepEqual(rebuilt.rollups(), incremental);
      const b = Object.values(incremental[0]!.buckets)[0]!;
      assert.equal(b.edits, 1);
      assert.equal(b.outcomes.modified, 1);
      assert.deepEqual(b.survival['300'], { n: 1, unchanged: 0, fourGramSum: 0.6 });
      assert.equal(b.fixes.editsFixed, 1);
      assert.equal(b.findings['loop.manual-index']?.open, 1);
    });

    it('count a record under the day of its edit, even when it is written after midnight', async () => {
      const store = await EventStore.open(new JsonlBackend(dir, { writerId: 'w1' }));
      store.append(editAndFollowUps('late', Date.UTC(2026, 10, 20, 23, 58)));
      await store.flush();
      const rollups = store.rollups();
      assert.deepEqual(rollups.map((r) => r.day), ['2026-11-20']);
      assert.equal(Object.values(rollups[0]!.buckets)[0]!.survival['300']?.n, 1);
      assert.deepEqual(await readdir(path.join(dir, 'events')), ['2026-11-20.w1.jsonl', '2026-11-21.w1.jsonl']);
      await store.dispose();
    });

    it('are repaired on open after a crash between the append and the rollup save', async () => {
      const store = await EventStore.open(new JsonlBackend(dir), { rollupSaveIntervalMs: 60_000 });
      store.append(editAndFollowUps('c1', Date.UTC(2026, 10, 20, 10)));
      await store.flush();
      await store.saveRollups();
      store.append(editAndFollowUps('c2', Date.UTC(2026, 10, 20, 11)));
      await store.flush(); // raw written, rollups not saved: the "crash" happens here
      const log = new RecordingLogger();
      const reopened = await EventStore.open(new JsonlBackend(dir), { logger: log });
      assert.equal(Object.values(reopened.rollups()[0]!.buckets)[0]!.edits, 2);
      assert.ok(log.messages('info').some((m) => /rebuilt rollups for 1 day/.test(m)));
      await reopened.dispose();
      await store.dispose();
    });

    it('rebuild a month whose rollup file is corrupt', async () => {
      const store = await EventStore.open(new JsonlBackend(dir));
      store.append(editAndFollowUps('r1', Date.UTC(2026, 10, 20, 10)));
      await store.dispose();
      await writeFile(path.join(dir, 'rollups', '2026-11.json'), '{"v":1,"days":');
      const reopened = await EventStore.open(new JsonlBackend(dir));
      assert.equal(Object.values(reopened.rollups()[0]!.buckets)[0]!.edits, 1);
      await reopened.dispose();
    });
  });

  it('retention removes raw days and rollups older than the limit', async () => {
    const store = await EventStore.open(new JsonlBackend(dir));
    store.append([editInput({ ts: Date.UTC(2026, 0, 1, 12) }), editInput({ ts: Date.UTC(2026, 10, 20, 12) })]);
    await store.flush();
    const removed = await store.applyRetention(30, '2026-11-27');
    assert.equal(removed, 1);
    assert.deepEqual(await store.days(), ['2026-11-20']);
    assert.deepEqual(store.rollups().map((r) => r.day), ['2026-11-20']);
    await store.dispose();
    const reopened = await EventStore.open(new JsonlBackend(dir));
    assert.deepEqual(reopened.rollups().map((r) => r.day), ['2026-11-20']);
  });

  it('a read-only store never writes', async () => {
    const store = await EventStore.open(new JsonlBackend(dir));
    store.append(editInput());
    await store.dispose();
    await rm(path.join(dir, 'rollups'), { recursive: true });
    const ro = await EventStore.open(new JsonlBackend(dir), { readOnly: true });
    assert.equal(ro.rollups().length, 1, 'repaired in memory');
    assert.deepEqual(ro.append(editInput()), []);
    await ro.dispose();
    assert.deepEqual(await readdir(path.join(dir, 'rollups')).catch(() => []), []);
  });

  it('notifies listeners of accepted records', async () => {
    const store = await EventStore.open(new JsonlBackend(dir));
    const seen: DriftEvent[] = [];
    store.onDidAppend((events) => seen.push(...events));
    store.append([editInput(), editInput({ charsInserted: -5 } as never)]);
    assert.equal(seen.length, 1);
    await store.dispose();
  });
});

describe('EventStore with a failing backend', () => {
  it('drops the oldest records beyond the memory bound and says so', async () => {
    const failing: StoreBackend = {
      location: 'memory://full-disk',
      appendLines: async () => {
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      },
      readLines: async function* () {},
      listPartitions: async () => [],
      partitionFingerprint: async () => 'missing',
      deleteDay: async () => {},
      loadRollupMonths: async () => new Map(),
      saveRollupMonth: async () => {},
      deleteRollupMonth: async () => {},
    };
    const log = new RecordingLogger();
    const store = await EventStore.open(failing, { logger: log, maxBuffered: 3, clock: new ManualClock(0) });
    store.append([editInput({ id: 'a' }), editInput({ id: 'b' })]);
    await store.flush();
    store.append([editInput({ id: 'c' }), editInput({ id: 'd' })]);
    const h = store.health();
    assert.equal(h.pending, 3);
    assert.equal(h.droppedWhileFailing, 1);
    assert.equal(h.lastWriteError, 'ENOSPC: no space left on device');
    const errors = log.messages('error');
    assert.ok(errors.some((e) => /1 buffered records dropped.*ENOSPC/.test(e)), errors.join('\n'));
  });
});
