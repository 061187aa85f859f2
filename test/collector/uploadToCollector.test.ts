/**
 * The extension's upload code against the REAL collector: a store of canary-laden records → buckets → OTLP bytes →
 * the persistent queue and the gzip fetch transport → a fault-injecting proxy → `driftwatch collect` (the CLI, its
 * own process, PGlite in a temporary folder). The proxy plays an endpoint that is down, answers 500 AFTER the
 * collector stored the upload, answers 429 with Retry-After, and is slow (the collector stores, the answer comes too
 * late); after recovery every day is stored exactly once, the queue stayed bounded, and no canary is in the queue,
 * the collector's logs or any table of its database (raw rows and the per-day pre-aggregate). A gzip bomb sent to
 * the same process is answered 413 with its peak memory barely moved.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { EventStore } from '../../src/core/store/eventStore.js';
import { SERIES_PATH, SeriesResponseSchema } from '../../src/core/team/teamApi.js';
import { httpTransport } from '../../src/core/team/httpTransport.js';
import { newInstallSecret } from '../../src/core/team/installId.js';
import { encodeTeamRequest } from '../../src/core/team/teamEncoder.js';
import { buildDayRequest, queueEntryOf, type DayRequest } from '../../src/core/team/teamRequest.js';
import { UploadQueue, type QueueItem } from '../../src/core/team/uploadQueue.js';
import { addDays } from '../../src/core/time/day.js';
import { ManualClock } from '../../src/core/util/clock.js';
import { openPglite } from '../../src/node/collector/sqlClient.js';
import { JsonlBackend } from '../../src/node/jsonlBackend.js';
import { RecordingLogger } from '../support/recordingLogger.js';
import { cellInputs, plantedCanaries } from '../support/teamFixtures.js';

const TEAM = 'team-real';
const TOKEN = 'token-team-real-0123456789';
const DAY = '2026-11-20';
const TIMEOUT_MS = 30_000;
const at = (day: string, h: number): number => Date.parse(`${day}T${String(h).padStart(2, '0')}:00:00Z`);
const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 5));

function assertNoCanary(text: string, where: string): void {
  assert.ok(plantedCanaries.length > 50, 'canaries were planted');
  for (const c of plantedCanaries) assert.ok(!text.includes(c), `canary ${c} leaked into ${where}`);
  assert.ok(!/CANARY/.test(text), `a canary-like string leaked into ${where}`);
}

/** `driftwatch collect` as its own process; resolves once it printed its URL. */
async function startCollectProcess(dbDir: string, tokenFile: string): Promise<{ child: ChildProcess; url: string; logs: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('src', 'cli', 'main.ts'), 'collect', '--port', '0', '--db', dbDir, '--token-file', tokenFile], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString('utf8')));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      const m = /collector on (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`driftwatch collect exited ${code}: ${err}`)));
  });
  return { child, url, logs: () => `${out}\n${err}` };
}

type Fault = { kind: 'status'; status: number; retryAfter?: string } | { kind: 'store-then-status'; status: number } | { kind: 'store-then-hold' };

/** A proxy in front of the collector whose next answers are scripted faults; afterwards it passes requests through. */
class FaultProxy {
  readonly script: Fault[] = [];
  readonly seen: Array<{ encoding: string; answered: number | 'held' }> = [];
  private readonly held: Array<() => void> = [];
  private server: Server | undefined;

  constructor(private readonly target: string) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private async forward(req: IncomingMessage, body: Buffer): Promise<Response> {
    const headers: Record<string, string> = {};
    for (const h of ['content-type', 'content-encoding', 'authorization']) if (req.headers[h]) headers[h] = String(req.headers[h]);
    return fetch(`${this.target}${req.url}`, { method: 'POST', headers, body });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const fault = this.script.shift();
    const entry = { encoding: String(req.headers['content-encoding'] ?? 'identity'), answered: 0 as number | 'held' };
    this.seen.push(entry);
    if (fault?.kind === 'status') {
      entry.answered = fault.status;
      res.writeHead(fault.status, fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {}).end();
      return;
    }
    const upstream = await this.forward(req, body);
    const reply = Buffer.from(await upstream.arrayBuffer());
    if (fault?.kind === 'store-then-status') {
      entry.answered = fault.status;
      res.writeHead(fault.status).end();
    } else if (fault?.kind === 'store-then-hold') {
      entry.answered = 'held';
      this.held.push(() => res.writeHead(upstream.status, { 'Content-Type': upstream.headers.get('content-type') ?? '' }).end(reply));
    } else {
      entry.answered = upstream.status;
      res.writeHead(upstream.status, { 'Content-Type': upstream.headers.get('content-type') ?? '' }).end(reply);
    }
  }

  /** Lets held answers go (the client gave up on them long ago). */
  release(): void {
    for (const send of this.held.splice(0)) send();
  }

  async stop(): Promise<void> {
    this.release();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

/** Peak resident memory of a process (Linux /proc), in bytes. */
async function peakRss(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

describe('upload client against the real collector (driftwatch collect on PGlite)', function () {
  let dir: string;
  let store: EventStore;
  let collect: Awaited<ReturnType<typeof startCollectProcess>>;
  let proxy: FaultProxy;
  let proxyUrl: string;
  const secret = newInstallSecret();
  const days = Array.from({ length: 10 }, (_, i) => addDays(DAY, -i));

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'dw-upload-collector-'));
    store = await EventStore.open(new JsonlBackend(path.join(dir, 'store')));
    for (const d of days) {
      store.append(cellInputs({ edits: 8, start: at(d, 9), assistantVersion: '1.4.2', model: 'gpt-4o' }));
      store.append(cellInputs({ edits: 6, start: at(d, 11), assistant: 'claude-code', model: 'claude-sonnet-4', language: 'typescript' }));
      store.append(cellInputs({ edits: 2, start: at(d, 13), assistantVersion: '1.4.2', model: 'gpt-4o', language: 'rust' }));
    }
    await store.flush();
    await writeFile(path.join(dir, 'tokens'), `${TEAM} ${TOKEN}\n`);
    collect = await startCollectProcess(path.join(dir, 'db'), path.join(dir, 'tokens'));
    proxy = new FaultProxy(collect.url);
    proxyUrl = await proxy.start();
  });

  after(async () => {
    await proxy?.stop();
    if (collect?.child.exitCode === null) collect.child.kill('SIGTERM');
    await store?.dispose();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('down, 500 after storing, 429 Retry-After, slow: bounded queue, gzip on the wire, every day stored exactly once, no canary anywhere', async () => {
    const log = new RecordingLogger();
    const clock = new ManualClock(Date.parse(`${DAY}T23:00:00Z`));
    let endpoint = 'http://127.0.0.1:9/v1/metrics'; // discard port: connection refused
    const saved = { items: undefined as unknown };
    const q = await UploadQueue.open({
      clock,
      logger: log,
      gate: () => true,
      random: () => 1,
      maxItems: 5,
      timeoutMs: TIMEOUT_MS,
      persistence: { load: async () => saved.items, save: async (items: readonly QueueItem[]) => void (saved.items = JSON.parse(JSON.stringify(items))) },
      transport: httpTransport({ endpoint: () => endpoint, token: async () => TOKEN, now: () => clock.now() }),
    });
    const requests = new Map<string, DayRequest>();
    for (const d of days) {
      const req = await buildDayRequest(store, { day: d, secret, teamId: TEAM, format: d.endsWith('0') ? 'json' : 'protobuf' }, encodeTeamRequest);
      requests.set(d, req);
      await q.enqueue(queueEntryOf(req, TEAM));
    }
    await q.idle();
    assert.equal(q.status().items, 5, 'bounded: the five newest days are kept while the endpoint is down');
    assert.ok(log.messages('warn').some((m) => m.includes('full')));

    const settle = async (): Promise<void> => {
      for (let i = 0; i < 6; i++) {
        await tick();
        await q.idle();
      }
    };
    const toNextAttempt = (): void => clock.advance(Math.max(0, (q.status().nextAttemptAt ?? clock.now()) - clock.now()));
    endpoint = `${proxyUrl}/v1/metrics`;
    proxy.script.push({ kind: 'store-then-status', status: 500 }, { kind: 'status', status: 429, retryAfter: '600' }, { kind: 'store-then-hold' });

    toNextAttempt(); // stored by the collector, but the client sees 500
    await settle();
    toNextAttempt(); // 429, Retry-After 600 s
    await settle();
    assert.equal(q.status().nextAttemptAt! - clock.now(), 600_000, 'Retry-After rules over the shorter backoff');
    clock.advance(600_000); // the slow attempt: stored, but the answer is held past the client's timeout
    for (let i = 0; i < 200 && !proxy.seen.some((s) => s.answered === 'held'); i++) await new Promise((r) => setTimeout(r, 20));
    assert.ok(proxy.seen.some((s) => s.answered === 'held'), 'the slow attempt reached the collector');
    clock.advance(TIMEOUT_MS); // the client's timeout fires and aborts the request
    await settle();
    assert.match(q.list()[0]?.lastError ?? '', /timed out/);
    proxy.release();
    for (let i = 0; i < 10 && q.status().items > 0; i++) {
      toNextAttempt();
      await settle();
    }
    assert.equal(q.status().items, 0, 'everything delivered after recovery');
    assert.ok(proxy.seen.every((s) => s.encoding === 'gzip'), 'every upload travelled gzip-compressed');

    // Exactly once: the collector holds each kept day's buckets once, though the oldest day reached it three times.
    const kept = days.slice(0, 5);
    const expected = kept.flatMap((d) => requests.get(d)!.teamDay.buckets);
    assert.equal(expected.length, 10, 'two cells reach k per day (the 2-edit rust cell is suppressed on the client)');
    const res = await fetch(`${collect.url}${SERIES_PATH}?since=${addDays(DAY, -9)}&until=${DAY}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    const series = SeriesResponseSchema.parse(await res.json());
    assert.deepEqual([...new Set(series.cells.map((c) => c.day))].sort(), [...kept].sort());
    for (const c of series.cells) {
      const mine = expected.filter((b) => b.day === c.day && b.assistant === c.assistant && b.model === c.model);
      assert.equal(c.edits, mine.reduce((a, b) => a + b.edits, 0), `${c.day} ${c.assistant}: edits counted once`);
      assert.equal(c.members, 1);
    }
    assert.ok(series.members.every((m) => m.members === 1));
    const logs = collect.logs();
    assert.ok(/inserted=0 duplicates=2/.test(logs), 'the collector saw and ignored the re-sends');

    // A gzip bomb (31 gzip members of 64 MiB of zeros each: 2 MB on the wire, ~2 GB inflated) to the same process.
    const member = gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
    const bomb = Buffer.concat(Array.from({ length: Math.floor((2 * 1024 * 1024 - 1) / member.length) }, () => member));
    const before = await peakRss(collect.child.pid!);
    const t0 = performance.now();
    const bombed = await fetch(`${collect.url}/v1/metrics`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/x-protobuf', 'Content-Encoding': 'gzip' }, body: bomb });
    const body = await bombed.text();
    const seconds = (performance.now() - t0) / 1000;
    assert.equal(bombed.status, 413, body);
    assert.ok(seconds < 10, `the bomb was refused after ${seconds.toFixed(1)} s`);
    const grew = (await peakRss(collect.child.pid!)) - before;
    assert.ok(grew < 64 * 1024 * 1024, `peak memory grew by ${(grew / 1048576).toFixed(0)} MiB for a ${(bomb.length / 1048576).toFixed(1)} MiB bomb`);

    // Privacy: no canary in the persisted queue, the client's logs, the collector's logs or any table it keeps.
    assertNoCanary(JSON.stringify(saved.items ?? []), 'the persisted queue');
    assertNoCanary(log.lines.map((l) => l.message).join('\n'), 'the client logs');
    collect.child.kill('SIGTERM');
    await new Promise((resolve) => (collect.child.exitCode !== null ? resolve(null) : collect.child.once('exit', resolve)));
    assertNoCanary(collect.logs(), 'the collector logs');
    const db = await openPglite(path.join(dir, 'db'));
    try {
      const tables = await db.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'");
      assert.ok(tables.rows.some((t) => t.name === 'team_day_cell'), 'the pre-aggregate is among the tables checked');
      for (const { name } of tables.rows) {
        const dump = await db.query<{ t: string }>(`SELECT coalesce(string_agg(x::text, E'\\n'), '') AS t FROM "${name}" x`);
        assertNoCanary(dump.rows[0]!.t, `table ${name}`);
      }
      const raw = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM team_bucket');
      assert.equal(raw.rows[0]!.n, expected.length, 'each bucket stored once');
    } finally {
      await db.close();
    }
  });
});
