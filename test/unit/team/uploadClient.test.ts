/**
 * The upload client end to end in Node: a real store with canary-laden records → buckets → OTLP bytes from the shared
 * encoder → the real queue and fetch transport → a bare OTLP receiver on 127.0.0.1 that decodes JSON and protobuf.
 * Faults: endpoint down, slow, 500, 429 with Retry-After; the queue stays bounded and nothing is counted twice.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { EventStore } from '../../../src/core/store/eventStore.js';
import { httpTransport } from '../../../src/core/team/httpTransport.js';
import { newInstallSecret } from '../../../src/core/team/installId.js';
import { BACKOFF_BASE_MS } from '../../../src/core/team/retryPolicy.js';
import { encodeTeamRequest } from '../../../src/core/team/teamEncoder.js';
import { buildDayRequest, queueEntryOf, type UploadFormat } from '../../../src/core/team/teamRequest.js';
import { ATTR, METRIC } from '../../../src/core/team/teamWire.js';
import { UploadQueue, type QueueItem } from '../../../src/core/team/uploadQueue.js';
import { addDays } from '../../../src/core/time/day.js';
import { ManualClock, systemClock, type Clock } from '../../../src/core/util/clock.js';
import { JsonlBackend } from '../../../src/node/jsonlBackend.js';
import { OtlpTestReceiver } from '../../support/otlpTestReceiver.js';
import { RecordingLogger } from '../../support/recordingLogger.js';
import { cellInputs, plantedCanaries } from '../../support/teamFixtures.js';

const DAY = '2026-11-20';
const start = (day: string, h: number) => Date.parse(`${day}T${String(h).padStart(2, '0')}:00:00Z`);
const tick = () => new Promise((r) => setTimeout(r, 5));

function assertNoCanary(text: string, where: string): void {
  assert.ok(plantedCanaries.length > 50, 'canaries were planted');
  for (const c of plantedCanaries) assert.ok(!text.includes(c), `canary ${c} leaked into ${where}`);
  assert.ok(!/CANARY/.test(text), `a canary-like string leaked into ${where}`);
}

describe('upload client against a bare OTLP receiver', function () {
  this.timeout(30_000);
  let dir: string;
  let store: EventStore;
  let receiver: OtlpTestReceiver;
  let base: string;
  const secret = newInstallSecret();
  const days = Array.from({ length: 10 }, (_, i) => addDays(DAY, -i));

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'dw-upload-'));
    store = await EventStore.open(new JsonlBackend(dir));
    for (const d of days) {
      store.append(cellInputs({ edits: 8, start: start(d, 9), assistantVersion: '1.4.2', model: 'gpt-4o' }));
      store.append(cellInputs({ edits: 6, start: start(d, 11), assistant: 'claude-code', model: 'claude-sonnet-4', language: 'typescript' }));
      store.append(cellInputs({ edits: 2, start: start(d, 13), assistantVersion: '1.4.2', model: 'gpt-4o', language: 'rust' }));
    }
    await store.flush();
    receiver = new OtlpTestReceiver();
    base = await receiver.start();
  });

  after(async () => {
    await receiver.stop();
    await store.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  beforeEach(() => {
    receiver.requests.length = 0;
    receiver.script.length = 0;
    receiver.accepted.clear();
    receiver.duplicates = 0;
  });

  async function request(day: string, format: UploadFormat) {
    return buildDayRequest(store, { day, secret, teamId: 'team-a', format }, encodeTeamRequest);
  }

  async function queueWith(options: { clock?: Clock; endpoint?: () => string; maxItems?: number; timeoutMs?: number; log?: RecordingLogger; saved?: { items: unknown } }) {
    const saved = options.saved ?? { items: undefined as unknown };
    const clock = options.clock ?? new ManualClock(Date.parse(`${DAY}T23:00:00Z`));
    const q = await UploadQueue.open({
      clock,
      logger: options.log ?? new RecordingLogger(),
      gate: () => true,
      random: () => 1,
      ...(options.maxItems !== undefined ? { maxItems: options.maxItems } : {}),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      persistence: { load: async () => saved.items, save: async (items: readonly QueueItem[]) => void (saved.items = JSON.parse(JSON.stringify(items))) },
      transport: httpTransport({ endpoint: options.endpoint ?? (() => `${base}/v1/metrics`), token: async () => 'tok-123', now: () => clock.now() }),
    });
    return { q, clock, saved };
  }

  for (const format of ['json', 'protobuf'] as const) {
    it(`delivers valid OTLP ${format}: raw attributes per point, the bucket values, k applied, bearer token`, async () => {
      const req = await request(DAY, format);
      const { q } = await queueWith({});
      await q.enqueue(queueEntryOf(req, 'team-a'));
      await q.idle();
      assert.equal(receiver.requests.length, 1);
      const got = receiver.requests[0]!;
      assert.equal(got.contentType, format === 'json' ? 'application/json' : 'application/x-protobuf');
      assert.equal(got.authorization, 'Bearer tok-123');
      assert.equal(got.contentEncoding, 'gzip', 'the body travels gzip-compressed');
      const edits = got.points.filter((p) => p.metric === METRIC.edits);
      assert.equal(edits.length, 2, 'two cells reach k; the 2-edit rust cell does not');
      for (const p of edits) {
        for (const key of [ATTR.installId, ATTR.teamId, ATTR.idempotencyKey, ATTR.day, ATTR.assistant, ATTR.assistantVersion, ATTR.model, ATTR.language]) {
          assert.ok(key in p.attributes, `${p.metric} carries ${key}`);
        }
        assert.equal(p.attributes[ATTR.installId], req.teamDay.installId);
        assert.equal(p.attributes[ATTR.day], DAY);
      }
      const byAssistant = Object.fromEntries(edits.map((p) => [p.attributes[ATTR.assistant], p]));
      assert.equal(byAssistant['copilot']!.value, 8);
      assert.equal(byAssistant['copilot']!.attributes[ATTR.assistantVersion], '1.4.2');
      assert.equal(byAssistant['copilot']!.attributes[ATTR.language], 'python');
      assert.equal(byAssistant['claude-code']!.value, 6);
      assert.equal(byAssistant['claude-code']!.attributes[ATTR.assistantVersion], '');
      assert.ok(!got.points.some((p) => p.attributes[ATTR.language] === 'rust'), 'no point of any metric includes the suppressed cell');
      const findings = got.points.filter((p) => p.metric === METRIC.findings);
      assert.deepEqual([...new Set(findings.map((p) => p.attributes[ATTR.ruleFamily]))].sort(), ['loop', 'oop']);
      assert.ok(got.points.some((p) => p.metric === METRIC.score && p.kind === 'histogram'));
      assertNoCanary(got.raw.toString('latin1'), `the ${format} request body`);
      assertNoCanary(got.raw.toString('utf8'), `the ${format} request body`);
    });
  }

  it('JSON and protobuf carry the same points', async () => {
    const { q } = await queueWith({});
    await q.enqueue(queueEntryOf(await request(DAY, 'json'), 'team-a'));
    await q.idle();
    await q.enqueue(queueEntryOf(await request(DAY, 'protobuf'), 'team-b'));
    await q.idle();
    const norm = (i: number) => JSON.stringify(receiver.requests[i]!.points.map((p) => [p.metric, p.attributes, p.value]).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)));
    assert.equal(norm(0), norm(1));
  });

  it('endpoint down, then 500, then 429 Retry-After: waits as told, keeps the queue bounded, and delivers each day once', async () => {
    const log = new RecordingLogger();
    let endpoint = 'http://127.0.0.1:9/v1/metrics'; // discard port: connection refused
    const clock = new ManualClock(Date.parse(`${DAY}T23:00:00Z`));
    const { q, saved } = await queueWith({ clock, endpoint: () => endpoint, maxItems: 5, log });
    for (const d of days) await q.enqueue(queueEntryOf(await request(d, 'protobuf'), 'team-a'));
    await q.idle();
    assert.equal(q.status().items, 5, 'bounded: the five newest days are kept');
    assert.ok(log.messages('warn').some((m) => m.includes('full')));
    assert.ok(q.list().every((i) => i.attempts <= 1));
    endpoint = `${base}/v1/metrics`;
    receiver.script.push({ status: 500 }, { status: 429, retryAfter: '600' });
    const settle = async () => {
      for (let i = 0; i < 4; i++) {
        await tick();
        await q.idle();
      }
    };
    // Advance exactly to the next due attempt (a larger jump would also fire the request's own timeout timer).
    const toNextAttempt = () => clock.advance(Math.max(0, (q.status().nextAttemptAt ?? clock.now()) - clock.now()));
    toNextAttempt(); // the first day's retry after "connection refused": answered 500
    await settle();
    assert.equal(receiver.script.length, 1, 'the 500 was served; the other days wait while the receiver is failing');
    assert.equal(q.status().nextAttemptAt! - clock.now(), 2 * BACKOFF_BASE_MS, 'the backoff doubled');
    toNextAttempt(); // second retry: answered 429 Retry-After 600 s
    await settle();
    assert.equal(receiver.script.length, 0);
    assert.equal(q.status().items, 5, 'nothing delivered yet');
    assert.equal(q.status().nextAttemptAt! - clock.now(), 600_000, 'Retry-After 600 s is longer than the backoff, so it rules');
    clock.advance(590_000);
    await settle();
    assert.equal(receiver.requests.length, 0, 'nothing sent before Retry-After elapsed');
    toNextAttempt();
    await settle();
    assert.equal(q.status().items, 0);
    const deliveredDays = new Set(receiver.requests.map((r) => r.points[0]!.attributes[ATTR.day]));
    assert.deepEqual([...deliveredDays].sort(), days.slice(0, 5).sort());
    assert.equal(receiver.duplicates, 0);
    assert.equal(receiver.accepted.size, 10, 'two cells × five days');
    assertNoCanary(JSON.stringify(saved.items ?? []), 'the persisted queue');
    assertNoCanary(log.lines.map((l) => l.message).join('\n'), 'the logs');
  });

  it('a slow endpoint is timed out and retried; a re-send repeats the idempotency keys so nothing counts twice', async () => {
    const { q } = await queueWith({ clock: systemClock, timeoutMs: 300 });
    receiver.script.push({ status: 200, delayMs: 1500 });
    await q.enqueue(queueEntryOf(await request(DAY, 'json'), 'team-a'));
    await q.idle();
    assert.equal(q.list()[0]?.attempts, 1);
    assert.match(q.list()[0]?.lastError ?? '', /timed out|abort/i);
    q.retryNow();
    await q.idle();
    assert.equal(q.status().items, 0);
    // The same day built again (e.g. "Upload Now" twice) carries the same keys: the receiver recognises the repeat.
    await q.enqueue(queueEntryOf(await request(DAY, 'json'), 'team-a'));
    await q.idle();
    assert.equal(receiver.accepted.size, 2);
    assert.equal(receiver.duplicates, 2, 'both cells recognised as repeats by their idempotency keys');
  });
});
