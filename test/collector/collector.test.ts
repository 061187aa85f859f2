/**
 * The team collector on BOTH engines (PGlite and a real PostgreSQL started by scripts/run-collector.mjs): ingest
 * through real HTTP (raw OTLP bodies and the OpenTelemetry exporters), de-duplication, deletion, k-anonymity, tokens,
 * a database restart mid-ingest, and 10,000+ hostile bodies.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ExportResultCode } from '@opentelemetry/core';
import { OTLPMetricExporter as HttpJsonExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPMetricExporter as ProtoExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { encodeTeamMetrics, teamResourceMetrics } from '../../src/core/team/encodeTeamMetrics.js';
import { ALERTS_PATH, AlertsResponseSchema, FORGET_PATH, SERIES_PATH, SeriesResponseSchema } from '../../src/core/team/teamApi.js';
import type { TeamBucket } from '../../src/core/team/teamWire.js';
import { simulateMemberDay } from '../../src/node/collector/simulateTeam.js';
import { TeamStore } from '../../src/node/collector/teamStore.js';
import { sampleBucket } from '../unit/team/teamFixtures.js';
import { EventStore } from '../../src/core/store/eventStore.js';
import { newInstallSecret } from '../../src/core/team/installId.js';
import { encodeTeamRequest } from '../../src/core/team/teamEncoder.js';
import { buildDayRequest } from '../../src/core/team/teamRequest.js';
import { JsonlBackend } from '../../src/node/jsonlBackend.js';
import { cellInputs, plantedCanaries } from '../support/teamFixtures.js';
import { PG_URL, postRaw, restartPostgres, startCollector, TEAMS, upload, uploadSimulation, type Engine, type Running } from './collectorHarness.js';

const hex = (n: number, len: number): string => n.toString(16).padStart(len, '0');

/** A bucket of team A for member `m` on `day`, distinct idempotency key per (m, day, assistant). */
function bucket(m: number, day: string, over: Partial<TeamBucket> = {}): TeamBucket {
  const assistant = over.assistant ?? 'copilot';
  return sampleBucket(m, {
    day,
    installId: hex(0x1000 + m, 32),
    idempotencyKey: hex(m, 20) + day.replaceAll('-', '') + hex(assistant.length, 4) + '0'.repeat(32),
    ...over,
  });
}

async function getJson(url: string, path: string, token: string | null = TEAMS.a.token): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${url}${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  return { status: res.status, json: await res.json() };
}

async function forget(url: string, body: unknown, token: string = TEAMS.a.token): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${url}${FORGET_PATH}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}

const engines: Engine[] = PG_URL ? ['pglite', 'postgres'] : ['pglite'];

for (const engine of engines) {
  describe(`team collector on ${engine}`, function () {
    let c: Running;
    before(async () => {
      c = await startCollector(engine);
    });
    after(async () => {
      await c?.close();
    });

    it('ingests OTLP JSON, protobuf and gzip bodies through HTTP and pools them per day and assistant', async () => {
      const day = '2026-03-01';
      assert.equal(await upload(c.url, [bucket(1, day)], { format: 'json' }), 200);
      assert.equal(await upload(c.url, [bucket(2, day)], { format: 'protobuf' }), 200);
      assert.equal(await upload(c.url, [bucket(3, day)], { format: 'protobuf', gzip: true }), 200);
      assert.equal(await upload(c.url, [bucket(4, day)], { format: 'json', gzip: true }), 200);
      const cells = await c.store.pooledCells({ teamId: TEAMS.a.id, since: day, until: day });
      assert.equal(cells.length, 1);
      const expected = [1, 2, 3, 4].map((m) => bucket(m, day));
      assert.equal(cells[0]!.members, 4);
      assert.equal(cells[0]!.edits, expected.reduce((a, b) => a + b.edits, 0));
      assert.equal(cells[0]!.findingsOop, expected.reduce((a, b) => a + b.findings.oop, 0));
      assert.deepEqual(cells[0]!.scoreHistogram, expected[0]!.scoreHistogram.map((_, i) => expected.reduce((a, b) => a + b.scoreHistogram[i]!, 0)));
      assert.ok(c.logs.filter((l) => / 200 /.test(l) && /inserted=1/.test(l)).length >= 4);
    });

    it('pools ARC at 5 minutes exactly, serves it in the series API, and takes an older client without ARC as zeros', async () => {
      const day = '2026-03-09';
      const withArc = [bucket(161, day, { arcEdits: 9, arcAccepted: 1200, arcRetained: 900 }), bucket(162, day, { arcEdits: 4, arcAccepted: 300, arcRetained: 100 })];
      assert.equal(await upload(c.url, withArc, { format: 'protobuf' }), 200);
      // The same shape from a client that predates ARC: no driftwatch.arc_5m.* metrics in the request at all.
      const doc = JSON.parse(new TextDecoder().decode(encodeTeamMetrics([bucket(163, day)], 'json')));
      const scope = doc.resourceMetrics[0].scopeMetrics[0];
      scope.metrics = scope.metrics.filter((m: { name: string }) => !m.name.startsWith('driftwatch.arc_5m.'));
      assert.equal((await postRaw(c.url, new TextEncoder().encode(JSON.stringify(doc)))).status, 200);
      const q = { teamId: TEAMS.a.id, since: day, until: day };
      const [cell] = await c.store.pooledCells(q);
      assert.deepEqual([cell?.members, cell?.arcEdits, cell?.arcAccepted, cell?.arcRetained], [3, 13, 1500, 1000]);
      assert.deepEqual(await c.store.pooledCells(q), (await c.store.pooledFromRaw(q)).cells, 'the pre-aggregate equals the raw rows');
      const series = SeriesResponseSchema.parse((await getJson(c.url, `${SERIES_PATH}?since=${day}&until=${day}&alerts=0`)).json);
      assert.deepEqual([series.cells[0]?.arcAccepted, series.cells[0]?.arcRetained], [1500, 1000]);
      // More characters retained than accepted is impossible: that bucket is refused, the rest of the batch kept.
      const before = await c.store.count(TEAMS.a.id);
      const res = await postRaw(c.url, encodeTeamMetrics([bucket(164, day, { arcAccepted: 10, arcRetained: 11 }), bucket(165, day)], 'json'));
      assert.equal(res.status, 200);
      assert.match(res.body.toString(), /rejected/i);
      assert.equal(await c.store.count(TEAMS.a.id), before + 1);
      assert.ok(c.logs.some((l) => /more characters retained than accepted/.test(l)), 'the log names why');
    });

    it('accepts uploads from the real OpenTelemetry exporters (OTLP/HTTP JSON and protobuf)', async () => {
      const day = '2026-03-02';
      for (const [Exporter, m] of [[HttpJsonExporter, 11], [ProtoExporter, 12]] as const) {
        const exporter = new Exporter({ url: `${c.url}/v1/metrics`, headers: { Authorization: `Bearer ${TEAMS.a.token}` } });
        const code = await new Promise<ExportResultCode>((resolve) => exporter.export(teamResourceMetrics([bucket(m, day)]), (r) => resolve(r.code)));
        await exporter.shutdown();
        assert.equal(code, ExportResultCode.SUCCESS);
      }
      const cells = await c.store.pooledCells({ teamId: TEAMS.a.id, since: day, until: day });
      assert.equal(cells[0]?.members, 2);
    });

    it('a duplicate upload is answered 200 and changes nothing', async () => {
      const day = '2026-03-03';
      const batch = [bucket(21, day), bucket(22, day)];
      assert.equal(await upload(c.url, batch), 200);
      const before = await c.store.count(TEAMS.a.id);
      assert.equal(await upload(c.url, batch, { format: 'protobuf' }), 200);
      assert.equal(await upload(c.url, [batch[1]!]), 200);
      assert.equal(await c.store.count(TEAMS.a.id), before);
      assert.ok(c.logs.some((l) => /inserted=0 duplicates=2/.test(l)));
    });

    it('re-applies k-anonymity: pooled cells under k edits are not published, members are counted over published cells', async () => {
      const day = '2026-03-04';
      // copilot: two members, 2 edits each -> 4 < k=5, suppressed; cursor: 10 edits, published.
      const small = { edits: 2, accepted: 1, modified: 0, rejected: 1, deleted: 0, editsFixed: 0, survivalChecked: 2, survivalUnchanged: 1 };
      assert.equal(await upload(c.url, [bucket(31, day, small), bucket(32, day, small), bucket(33, day, { assistant: 'cursor' })]), 200);
      const cells = await c.store.pooledCells({ teamId: TEAMS.a.id, since: day, until: day });
      assert.deepEqual(cells.map((x) => x.assistant), ['cursor']);
      assert.deepEqual(await c.store.membersPerDay({ teamId: TEAMS.a.id, since: day, until: day }), [{ day, members: 1 }]);
      const api = await getJson(c.url, `${SERIES_PATH}?since=${day}&until=${day}`);
      const series = SeriesResponseSchema.parse(api.json);
      assert.deepEqual(series.cells.map((x) => x.assistant), ['cursor']);
      assert.equal((await getJson(c.url, `${SERIES_PATH}?since=${day}&until=${day}&k=2`)).status, 400);
      // A larger k suppresses more.
      const strict = SeriesResponseSchema.parse((await getJson(c.url, `${SERIES_PATH}?since=${day}&until=${day}&k=1000`)).json);
      assert.equal(strict.cells.length, 0);
    });

    it('a team sees only its own data; a bucket naming another team is rejected', async () => {
      const day = '2026-03-05';
      assert.equal(await upload(c.url, [bucket(41, day, { teamId: TEAMS.b.id })], { token: TEAMS.b.token }), 200);
      const b = SeriesResponseSchema.parse((await getJson(c.url, `${SERIES_PATH}?since=${day}&until=${day}`, TEAMS.b.token)).json);
      assert.equal(b.cells.length, 1);
      const a = SeriesResponseSchema.parse((await getJson(c.url, `${SERIES_PATH}?since=${day}&until=${day}`)).json);
      assert.equal(a.cells.length, 0);
      assert.equal(await upload(c.url, [bucket(42, day, { teamId: TEAMS.b.id })]), 400);
    });

    it('wrong or missing token: 401 on upload, API and deletion, each with a log line', async () => {
      const body = encodeTeamMetrics([bucket(51, '2026-03-06')], 'json');
      const before = c.logs.length;
      assert.equal((await postRaw(c.url, body, { token: null })).status, 401);
      assert.equal((await postRaw(c.url, body, { token: 'not-a-token-at-all' })).status, 401);
      assert.equal((await postRaw(c.url, body, { headers: { Authorization: 'Basic abc' }, token: null })).status, 401);
      assert.equal((await getJson(c.url, SERIES_PATH, null)).status, 401);
      assert.equal((await getJson(c.url, SERIES_PATH, 'wrong-token-0123456789')).status, 401);
      assert.equal((await forget(c.url, { teamId: TEAMS.a.id, installIds: [] }, 'wrong-token-0123456789')).status, 401);
      const lines = c.logs.slice(before);
      assert.equal(lines.filter((l) => / 401 /.test(l)).length, 6);
      assert.ok(!lines.some((l) => l.includes('not-a-token-at-all') || l.includes('wrong-token')), 'tokens are never logged');
      assert.equal(await c.store.count(TEAMS.a.id), await c.store.count(TEAMS.a.id));
    });

    it('deletion requests delete an install\'s rows, are idempotent, and are checked', async () => {
      const day = '2026-03-07';
      assert.equal(await upload(c.url, [bucket(61, day), bucket(61, '2026-03-08'), bucket(62, day)]), 200);
      const id = hex(0x1000 + 61, 32);
      const first = await forget(c.url, { teamId: TEAMS.a.id, installIds: [id, hex(0xdead, 32)] });
      assert.deepEqual(first, { status: 200, json: { deleted: 2 } });
      assert.deepEqual(await forget(c.url, { teamId: TEAMS.a.id, installIds: [id] }), { status: 200, json: { deleted: 0 } });
      const cells = await c.store.pooledCells({ teamId: TEAMS.a.id, since: day, until: '2026-03-08' });
      assert.deepEqual(cells.map((x) => [x.day, x.members]), [[day, 1]]);
      assert.equal((await forget(c.url, { teamId: TEAMS.b.id, installIds: [id] })).status, 403);
      assert.equal((await forget(c.url, { teamId: TEAMS.a.id, installIds: ['NOT-HEX'] })).status, 400);
      assert.equal((await forget(c.url, { teamId: TEAMS.a.id, installIds: Array.from({ length: 37 }, (_, i) => hex(i, 32)) })).status, 400);
    });

    it('the per-day pre-aggregate always equals the pooled raw rows: concurrent ingest, duplicates, mixed languages, small cells, deletions, any k', async () => {
      const team = TEAMS.b.id;
      const days = ['2026-01-10', '2026-01-11', '2026-01-12'];
      const buckets: TeamBucket[] = [];
      // 12 members; some with two languages in one cell, some in small cells (2 edits) that only larger ones lift over k.
      for (const day of days) {
        for (let m = 0; m < 12; m++) {
          const base = { teamId: team, assistant: m % 3 === 0 ? 'cursor' : 'copilot', assistantVersion: m % 4 === 0 ? '1.251.0' : '1.250.0' };
          buckets.push(bucket(200 + m, day, { ...base, edits: m % 5 === 0 ? 2 : 7 + m }));
          if (m % 2) buckets.push(bucket(200 + m, day, { ...base, language: 'python', idempotencyKey: hex(300 + m, 20) + day.replaceAll('-', '') + 'f'.repeat(36) }));
        }
      }
      // Four concurrent uploads of overlapping batches: every bucket arrives two or three times.
      const batches = [buckets.slice(0, 40), buckets.slice(20, 60), buckets.slice(50), buckets.filter((_, i) => i % 3 === 0)];
      const statuses = await Promise.all(batches.map((b, i) => upload(c.url, b, { token: TEAMS.b.token, format: i % 2 ? 'protobuf' : 'json' })));
      assert.deepEqual(statuses, [200, 200, 200, 200]);
      const check = async (label: string): Promise<void> => {
        for (const k of [5, 9, 30, 60]) {
          const q = { teamId: team, since: days[0]!, until: days[2]!, k };
          const raw = await c.store.pooledFromRaw(q);
          assert.deepEqual(await c.store.pooledCells(q), raw.cells, `${label}: cells at k=${k}`);
          assert.deepEqual(await c.store.membersPerDay(q), raw.members, `${label}: members at k=${k}`);
        }
      };
      await check('after ingest');
      const some = await c.store.pooledCells({ teamId: team, since: days[0]!, until: days[2]!, k: 30 });
      assert.ok(some.length > 0 && some.length < (await c.store.pooledCells({ teamId: team, since: days[0]!, until: days[2]! })).length, 'k=30 suppresses some cells but not all');
      assert.equal((await forget(c.url, { teamId: team, installIds: [hex(0x1000 + 203, 32), hex(0x1000 + 205, 32)] }, TEAMS.b.token)).status, 200);
      await check('after a deletion');
      // A store migrated from the raw-rows-only schema (version 1) back-fills the aggregate from its rows.
      await c.store.sql.query('DROP TABLE team_day_cell, team_cell_member, team_day_member, team_day');
      await c.store.sql.query('DELETE FROM driftwatch_migration WHERE version >= 2');
      await TeamStore.open(c.store.sql);
      await check('after the back-fill migration');
    });

    it('the series API names a planted drift in one assistant as exactly one alert', async () => {
      const sim = { teamId: TEAMS.a.id, members: 6, days: 60, until: '2026-06-29', driftAssistant: 'claude-code', driftDays: 7 };
      await uploadSimulation(c.url, sim);
      const series = SeriesResponseSchema.parse((await getJson(c.url, `${SERIES_PATH}?since=2026-05-01&until=2026-06-29`)).json);
      const alerts = series.alerts ?? [];
      assert.equal(alerts.length, 1, JSON.stringify(alerts.map((a) => a.title)));
      assert.equal(alerts[0]!.assistant, 'claude-code');
      assert.match(alerts[0]!.title, /1\.0\.31/);
      // The page's two requests: the cells without the drift tests, then the alerts alone (the same ones).
      const cellsOnly = SeriesResponseSchema.parse((await getJson(c.url, `${SERIES_PATH}?since=2026-05-01&until=2026-06-29&alerts=0`)).json);
      assert.equal(cellsOnly.alerts, undefined);
      assert.deepEqual(cellsOnly.cells, series.cells);
      const alone = AlertsResponseSchema.parse((await getJson(c.url, `${ALERTS_PATH}?since=2026-05-01&until=2026-06-29`)).json);
      assert.deepEqual(alone.alerts, alerts);
      assert.equal(alone.watch, 'all');
      // watch=survival: the whole budget on survival; the alert (survival fell from 75 % to 60 %) lists survival alone.
      const survival = AlertsResponseSchema.parse((await getJson(c.url, `${ALERTS_PATH}?since=2026-05-01&until=2026-06-29&watch=survival`)).json);
      assert.equal(survival.watch, 'survival');
      assert.deepEqual(survival.alerts.map((a) => a.assistant), ['claude-code']);
      assert.deepEqual([...new Set(survival.alerts[0]!.metrics.map((m) => m.metric))], ['survival5m']);
      assert.equal((await getJson(c.url, `${ALERTS_PATH}?watch=loops`)).status, 400);
      assert.equal((await getJson(c.url, ALERTS_PATH, 'wrong-token-0123456789')).status, 401);
      assert.ok(series.members.every((m) => m.members === sim.members));
    });

    if (engine === 'postgres') {
      it('PostgreSQL restarted mid-ingest: every upload lands exactly once (server retries, clients re-send on 503)', async () => {
        const sim = { teamId: TEAMS.a.id, members: 10, days: 20, until: '2025-12-31' };
        const batches: TeamBucket[][] = [];
        for (let d = 0; d < sim.days; d++) for (let m = 0; m < sim.members; m++) batches.push(simulateMemberDay(sim, m, d));
        const expected = batches.flat();
        let next = 0;
        let restarted: Promise<void> | undefined;
        const statuses: number[] = [];
        await Promise.all(
          Array.from({ length: 4 }, async () => {
            while (next < batches.length) {
              const i = next++;
              if (i === Math.floor(batches.length / 3)) restarted = restartPostgres();
              statuses.push(await upload(c.url, batches[i]!, { format: 'protobuf' }));
            }
          }),
        );
        await restarted;
        assert.ok(statuses.every((s) => s === 200), JSON.stringify(statuses.filter((s) => s !== 200)));
        // Re-sending everything (a client that did not see its answers) changes nothing either.
        for (const b of batches.slice(0, 20)) assert.equal(await upload(c.url, b), 200);
        const r = await c.store.sql.query<{ n: number; edits: number }>(
          "SELECT count(*)::int AS n, sum(edits)::int AS edits FROM team_bucket WHERE team_id = $1 AND day BETWEEN '2025-12-12' AND '2025-12-31'",
          [TEAMS.a.id],
        );
        assert.equal(r.rows[0]!.n, expected.length);
        assert.equal(r.rows[0]!.edits, expected.reduce((a, b) => a + b.edits, 0));
      });
    }

    it('10,000+ malformed and hostile bodies: each a 4xx with one log line, no 5xx, the service keeps serving', async () => {
      let seed = engine === 'pglite' ? 7 : 8;
      const rand = (n: number): number => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed % n;
      };
      const fuzzBuckets = [bucket(71, '2026-02-01', { teamId: TEAMS.fuzz.id }), bucket(72, '2026-02-01', { teamId: TEAMS.fuzz.id, assistant: 'cursor' })];
      const valid = { json: encodeTeamMetrics(fuzzBuckets, 'json'), protobuf: encodeTeamMetrics(fuzzBuckets, 'protobuf') };
      const hostile: Array<[Uint8Array, string, boolean]> = [
        [new TextEncoder().encode('['.repeat(20000) + ']'.repeat(20000)), 'application/json', false],
        [new TextEncoder().encode(`{"resourceMetrics":[{"scopeMetrics":[{"metrics":[{"name":"${'x'.repeat(1_500_000)}"}]}]}]}`), 'application/json', false],
        [Uint8Array.from([0x0a, 0x80, 0x80, 0x80, 0x80, 0x10, 1, 2, 3]), 'application/x-protobuf', false],
        [gzipSync(Buffer.alloc(40 * 1024 * 1024)), 'application/json', true],
        [Buffer.from('not gzip at all'), 'application/json', true],
        [valid.json, 'text/plain', false],
        [valid.json, 'application/x-www-form-urlencoded', false],
      ];
      const body = (i: number): [Uint8Array, string, boolean] => {
        if (i < hostile.length) return hostile[i]!;
        const format = i % 2 ? 'json' : 'protobuf';
        const src = valid[format];
        const type = format === 'json' ? 'application/json' : 'application/x-protobuf';
        switch (rand(4)) {
          case 0: // truncated
            return [src.subarray(0, rand(src.length - 1)), type, false];
          case 1: { // random bytes
            const b = new Uint8Array(1 + rand(600));
            for (let k = 0; k < b.length; k++) b[k] = rand(256);
            return [b, type, false];
          }
          case 2: { // mutated bytes
            const b = Uint8Array.from(src);
            for (let k = 0, n = 1 + rand(6); k < n; k++) b[rand(b.length)] = rand(256);
            return [b, type, rand(3) === 0];
          }
          default: { // JSON with wrong types in random places
            const doc = JSON.parse(new TextDecoder().decode(valid.json));
            const m = doc.resourceMetrics[0].scopeMetrics[0].metrics[rand(5)];
            const poison = [null, 'x', [], {}, -1, 1e300, true][rand(7)];
            if (rand(2)) m.sum.dataPoints[0].asInt = poison;
            else m.sum.dataPoints[0].attributes[rand(8)].value = { stringValue: poison };
            return [new TextEncoder().encode(JSON.stringify(doc)), 'application/json', rand(2) === 0];
          }
        }
      };
      const logStart = c.logs.length;
      const counts = { c4xx: 0, c200: 0, other: [] as number[] };
      let i = 0;
      let done = 0;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (counts.c4xx < 10_000 && i < 20_000) {
            const [b, type, gz] = body(i++);
            const r = await postRaw(c.url, b, { token: TEAMS.fuzz.token, contentType: type, headers: gz ? { 'Content-Encoding': 'gzip' } : {} });
            done++;
            if (r.status >= 400 && r.status < 500) counts.c4xx++;
            else if (r.status === 200) counts.c200++;
            else counts.other.push(r.status);
          }
        }),
      );
      assert.deepEqual(counts.other, [], 'no status besides 200 and 4xx');
      assert.ok(counts.c4xx >= 10_000, `only ${counts.c4xx} bodies refused`);
      const lines = c.logs.slice(logStart);
      assert.equal(lines.length, done, 'one log line per request');
      assert.equal(lines.filter((l) => / 4\d\d /.test(l)).length, counts.c4xx);
      // Still serving, and nothing hostile reached team A.
      assert.equal(await upload(c.url, [bucket(73, '2026-02-02')]), 200);
      assert.equal((await c.store.pooledCells({ teamId: TEAMS.a.id, since: '2026-02-01', until: '2026-02-01' })).length, 0);
    });
  });
}

// Privacy on both engines: what the extension builds from canary-laden records (code, replaced code, region text,
// paths, finding messages and keys, identifiers) reaches the database and the logs without any canary.
for (const engine of engines) {
  describe(`privacy canaries on ${engine}`, function () {
    let c: Running;
    let dir: string;
    let local: EventStore;
    before(async () => {
      c = await startCollector(engine);
      dir = await mkdtemp(path.join(os.tmpdir(), 'dw-canary-'));
      local = await EventStore.open(new JsonlBackend(dir));
    });
    after(async () => {
      await local?.dispose();
      await c?.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('an upload built by the extension from canary-laden records leaves no canary in any table or log line', async () => {
      const day = '2026-03-20';
      const start = Date.parse(`${day}T09:00:00Z`);
      local.append(cellInputs({ edits: 8, start, assistantVersion: '1.4.2', model: 'gpt-4o' }));
      local.append(cellInputs({ edits: 6, start: start + 3_600_000, assistant: 'claude-code', model: 'claude-sonnet-4', language: 'typescript' }));
      await local.flush();
      const req = await buildDayRequest(local, { day, secret: newInstallSecret(), teamId: TEAMS.a.id, format: 'protobuf' }, encodeTeamRequest);
      assert.equal(req.teamDay.buckets.length, 2, 'both cells reach k');
      const res = await postRaw(c.url, req.request.body, { format: 'protobuf', gzip: true });
      assert.equal(res.status, 200);
      assert.ok(plantedCanaries.length > 50, 'canaries were planted');
      const leaks = (text: string, where: string): void => {
        for (const k of plantedCanaries) assert.ok(!text.includes(k), `canary ${k} leaked into ${where}`);
        assert.ok(!/CANARY/.test(text), `a canary-like string leaked into ${where}`);
      };
      const tables = await c.sql.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()");
      assert.ok(tables.rows.some((t) => t.name === 'team_bucket') && tables.rows.some((t) => t.name === 'team_day_cell'), 'raw and pre-aggregated tables are among those checked');
      let rows = 0;
      for (const { name } of tables.rows) {
        const dump = await c.sql.query<{ t: string; n: number }>(`SELECT coalesce(string_agg(x::text, E'\\n'), '') AS t, count(*)::int AS n FROM "${name}" x`);
        rows += dump.rows[0]!.n;
        leaks(dump.rows[0]!.t, `table ${name}`);
      }
      assert.ok(rows > 2, 'the tables hold the upload');
      leaks(c.logs.join('\n'), 'the collector log');
    });
  });
}
