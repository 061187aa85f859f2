import assert from 'node:assert/strict';
import { backoffDelay, BACKOFF_BASE_MS, BACKOFF_CAP_MS, classifyResponse, parseRetryAfter, retryDelay, type AttemptResult } from '../../../src/core/team/retryPolicy.js';
import { UploadQueue, type QueueItem } from '../../../src/core/team/uploadQueue.js';
import { ManualClock } from '../../../src/core/util/clock.js';
import { RecordingLogger } from '../../support/recordingLogger.js';

describe('retry policy', () => {
  it('doubles the backoff per attempt within [half, full] of the ceiling, up to the cap', () => {
    assert.equal(backoffDelay(1, () => 0), BACKOFF_BASE_MS / 2);
    assert.equal(backoffDelay(1, () => 1), BACKOFF_BASE_MS);
    assert.equal(backoffDelay(3, () => 1), 4 * BACKOFF_BASE_MS);
    assert.equal(backoffDelay(40, () => 1), BACKOFF_CAP_MS);
    const samples = Array.from({ length: 200 }, () => backoffDelay(2));
    assert.ok(samples.every((d) => d >= BACKOFF_BASE_MS && d <= 2 * BACKOFF_BASE_MS));
    assert.ok(new Set(samples).size > 50, 'jittered');
  });

  it('reads Retry-After as seconds or an HTTP date, capped', () => {
    const now = Date.UTC(2026, 0, 1);
    assert.equal(parseRetryAfter('120', now), 120_000);
    assert.equal(parseRetryAfter(new Date(now + 90_000).toUTCString(), now), 90_000);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter(null, now), undefined);
    assert.equal(parseRetryAfter('99999999', now), 24 * 3_600_000);
  });

  it('classifies answers: 2xx sent, 429/503 retried with Retry-After, 5xx retried, 400 dropped', () => {
    assert.deepEqual(classifyResponse(200, null, 0), { kind: 'sent', status: 200 });
    assert.deepEqual(classifyResponse(429, '30', 0), { kind: 'retry', reason: 'HTTP 429', retryAfterMs: 30_000 });
    assert.deepEqual(classifyResponse(503, '7', 0), { kind: 'retry', reason: 'HTTP 503', retryAfterMs: 7000 });
    assert.deepEqual(classifyResponse(500, '7', 0), { kind: 'retry', reason: 'HTTP 500' });
    assert.equal(classifyResponse(401, null, 0).kind, 'retry');
    assert.equal(classifyResponse(400, null, 0).kind, 'drop');
    assert.equal(classifyResponse(413, null, 0).kind, 'drop');
  });

  it('waits at least the Retry-After', () => {
    assert.equal(retryDelay(1, 3_600_000, () => 1), 3_600_000);
    assert.equal(retryDelay(1, 1000, () => 1), BACKOFF_BASE_MS);
  });
});

function memory(): { saved: unknown; persistence: { load(): Promise<unknown>; save(items: readonly QueueItem[]): Promise<void> } } {
  const box = { saved: undefined as unknown, persistence: undefined as never };
  box.persistence = {
    load: async () => box.saved,
    save: async (items: readonly QueueItem[]) => {
      box.saved = JSON.parse(JSON.stringify(items));
    },
  } as never;
  return box;
}

function item(day: string, teamId = 't'): Omit<QueueItem, 'attempts' | 'notBefore' | 'enqueuedAt'> {
  return { id: `${teamId}/${day}`, day, teamId, contentType: 'application/json', body: `{"day":"${day}"}`, bodyEncoding: 'utf8', buckets: 1 };
}

/** A transport whose answers the test scripts; records each attempt and can hang until aborted. */
function scripted(answers: (AttemptResult | 'hang')[]) {
  const calls: string[] = [];
  const transport = (i: QueueItem, signal: AbortSignal): Promise<AttemptResult> => {
    calls.push(i.day);
    const a = answers.shift() ?? { kind: 'sent', status: 200 };
    if (a === 'hang') {
      return new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));
    }
    return Promise.resolve(a);
  };
  return { calls, transport };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('upload queue', () => {
  it('persists before sending and survives a reload', async () => {
    const clock = new ManualClock(1000);
    const mem = memory();
    const q1 = await UploadQueue.open({ clock, persistence: mem.persistence, transport: scripted([]).transport, gate: () => false, logger: new RecordingLogger() });
    await q1.enqueue(item('2026-11-20'));
    assert.equal((mem.saved as QueueItem[]).length, 1);
    q1.dispose();
    const s = scripted([]);
    const q2 = await UploadQueue.open({ clock, persistence: mem.persistence, transport: s.transport, gate: () => true, logger: new RecordingLogger() });
    await q2.kick();
    assert.deepEqual(s.calls, ['2026-11-20']);
    assert.deepEqual(mem.saved, []);
  });

  it('is bounded: the oldest days are dropped with a log line', async () => {
    const log = new RecordingLogger();
    const mem = memory();
    const q = await UploadQueue.open({ clock: new ManualClock(), persistence: mem.persistence, transport: scripted([]).transport, gate: () => false, logger: log, maxItems: 3 });
    for (const d of ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05']) await q.enqueue(item(d));
    assert.deepEqual(q.list().map((i) => i.day), ['2026-11-03', '2026-11-04', '2026-11-05']);
    assert.equal(q.status().dropped, 2);
    assert.ok(log.messages('warn').some((l) => l.includes('dropped the payload for 2026-11-01')));
  });

  it('replaces a queued payload for the same team and day instead of sending both', async () => {
    const q = await UploadQueue.open({ clock: new ManualClock(), persistence: memory().persistence, transport: scripted([]).transport, gate: () => false, logger: new RecordingLogger() });
    await q.enqueue(item('2026-11-01'));
    await q.enqueue({ ...item('2026-11-01'), body: 'newer' });
    assert.deepEqual(q.list().map((i) => i.body), ['newer']);
  });

  it('backs off after failures, honours Retry-After, and sends each day once after recovery', async () => {
    const clock = new ManualClock(0);
    const s = scripted([
      { kind: 'retry', reason: 'ECONNREFUSED' },
      { kind: 'retry', reason: 'HTTP 500' },
      { kind: 'retry', reason: 'HTTP 429', retryAfterMs: 3_600_000 },
    ]);
    const q = await UploadQueue.open({ clock, persistence: memory().persistence, transport: s.transport, gate: () => true, logger: new RecordingLogger(), random: () => 1 });
    await q.enqueue(item('2026-11-01'));
    await q.idle();
    assert.deepEqual(s.calls, ['2026-11-01']);
    clock.advance(BACKOFF_BASE_MS - 1);
    await q.idle();
    assert.equal(s.calls.length, 1, 'not before the backoff');
    clock.advance(1);
    await tick();
    await q.idle();
    assert.equal(s.calls.length, 2);
    clock.advance(2 * BACKOFF_BASE_MS);
    await tick();
    await q.idle();
    assert.equal(s.calls.length, 3, 'third attempt answered 429 Retry-After 1 h');
    clock.advance(3_600_000 - 1);
    await tick();
    await q.idle();
    assert.equal(s.calls.length, 3, 'Retry-After honoured');
    clock.advance(1);
    await tick();
    await q.idle();
    assert.equal(s.calls.length, 4);
    assert.equal(q.status().items, 0);
    clock.advance(BACKOFF_CAP_MS * 4);
    await tick();
    await q.idle();
    assert.equal(s.calls.length, 4, 'nothing sent twice once delivered');
  });

  it('aborts a request that takes longer than the timeout and retries it', async () => {
    const clock = new ManualClock(0);
    const s = scripted(['hang']);
    const log = new RecordingLogger();
    const q = await UploadQueue.open({ clock, persistence: memory().persistence, transport: s.transport, gate: () => true, logger: log, timeoutMs: 5000, random: () => 0 });
    await q.enqueue(item('2026-11-01'));
    clock.advance(5000);
    await q.idle();
    assert.equal(q.list()[0]!.attempts, 1);
    assert.match(q.list()[0]!.lastError ?? '', /timed out/);
    clock.advance(BACKOFF_BASE_MS);
    await tick();
    await q.idle();
    assert.equal(q.status().items, 0);
  });

  it('drops a payload the receiver rejects for good (400) and goes on with the next', async () => {
    const s = scripted([{ kind: 'drop', reason: 'HTTP 400' }]);
    const gate = { open: false };
    const q = await UploadQueue.open({ clock: new ManualClock(), persistence: memory().persistence, transport: s.transport, gate: () => gate.open, logger: new RecordingLogger() });
    await q.enqueue(item('2026-11-01'));
    await q.enqueue(item('2026-11-02'));
    gate.open = true;
    await q.kick();
    assert.deepEqual(s.calls, ['2026-11-01', '2026-11-02']);
    assert.equal(q.status().items, 0);
  });

  describe('gate', () => {
    for (const [upload, telemetry] of [[false, false], [false, true], [true, false], [true, true]] as const) {
      it(`setting ${upload ? 'on' : 'off'} × telemetry ${telemetry ? 'on' : 'off'}: ${upload && telemetry ? 'sends' : 'sends nothing'}`, async () => {
        const s = scripted([]);
        const q = await UploadQueue.open({ clock: new ManualClock(), persistence: memory().persistence, transport: s.transport, gate: () => upload && telemetry, logger: new RecordingLogger() });
        await q.enqueue(item('2026-11-01'));
        await q.idle();
        assert.equal(s.calls.length, upload && telemetry ? 1 : 0);
        assert.equal(q.status().items, upload && telemetry ? 0 : 1, 'nothing is lost while closed');
      });
    }

    it('closing it aborts the request in flight and cancels the pending retry; reopening resumes', async () => {
      const clock = new ManualClock(0);
      const gate = { open: true };
      const s = scripted(['hang', { kind: 'retry', reason: 'HTTP 503', retryAfterMs: 10_000 }]);
      const q = await UploadQueue.open({ clock, persistence: memory().persistence, transport: s.transport, gate: () => gate.open, logger: new RecordingLogger(), random: () => 0 });
      await q.enqueue(item('2026-11-01'));
      assert.equal(q.status().sending, true);
      gate.open = false;
      q.gateChanged();
      await q.idle();
      assert.equal(q.status().sending, false);
      assert.equal(q.list()[0]!.attempts, 0, 'an abort by the gate is not a failed attempt');
      clock.advance(BACKOFF_CAP_MS);
      await tick();
      assert.equal(s.calls.length, 1, 'nothing sent while closed');
      gate.open = true;
      q.gateChanged();
      await q.idle();
      assert.equal(s.calls.length, 2, 'reopened: sent again, answered 503');
      gate.open = false;
      q.gateChanged();
      assert.equal(clock.pending, 0, 'the pending retry timer is cancelled');
      clock.advance(20_000);
      await tick();
      assert.equal(s.calls.length, 2);
    });
  });
});
