/**
 * Team collector benchmark: 1,000 simulated members × 90 days ingested through the real HTTP path on PGlite and on a
 * throwaway PostgreSQL server; then the team page's first chart's server work (the series API with that data).
 *
 * Each request carries one member's 9 days (a weekly-ish backlog), so 10,000 requests per engine. Printed: ingest
 * throughput (buckets/s), request latency p50/p99, and the series API's median time, with ratios against a baseline
 * measured in the same run (decoding the same bodies in-process without HTTP or a database), and the pooled queries
 * on the per-day pre-aggregate against the same result computed from the raw rows.
 *
 *   npm run bench -- --only collector        DRIFTWATCH_BENCH_MEMBERS=200 for a quicker run
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { encodeTeamMetrics, TEAM_CONTENT_TYPE } from '../src/core/team/encodeTeamMetrics.js';
import { ALERTS_PATH, METRICS_PATH, SERIES_PATH } from '../src/core/team/teamApi.js';
import { createCollector, listen } from '../src/node/collector/collectorServer.js';
import { simulateMemberDay } from '../src/node/collector/simulateTeam.js';
import { openPglite, openPostgres, type SqlClient } from '../src/node/collector/sqlClient.js';
import { TeamStore } from '../src/node/collector/teamStore.js';
import { teamTokens } from '../src/node/collector/teamTokens.js';
import { decodeOtlpMetrics } from '../src/node/otlp/decodeOtlp.js';
import { teamBucketsFromOtlp } from '../src/node/otlp/teamBucketsFromOtlp.js';
import { startPgCluster } from '../scripts/lib/pgCluster.mjs';
import { fmtMs, median, report } from './benchUtil.js';

const MEMBERS = Number(process.env.DRIFTWATCH_BENCH_MEMBERS ?? 1000);
const DAYS = 90;
const DAYS_PER_REQUEST = 9;
const UNTIL = '2026-06-29';
const TEAM = 'bench-team';
const TOKEN = 'bench-token-0123456789abcdef';
const CONCURRENCY = 16;

interface Body {
  readonly bytes: Uint8Array;
  readonly buckets: number;
}

function bodies(): Body[] {
  const sim = { teamId: TEAM, members: MEMBERS, days: DAYS, until: UNTIL, driftAssistant: 'cursor', driftDays: 7 };
  const out: Body[] = [];
  for (let m = 0; m < MEMBERS; m++) {
    for (let d0 = 0; d0 < DAYS; d0 += DAYS_PER_REQUEST) {
      const buckets = [];
      for (let d = d0; d < Math.min(DAYS, d0 + DAYS_PER_REQUEST); d++) buckets.push(...simulateMemberDay(sim, m, d));
      out.push({ bytes: encodeTeamMetrics(buckets, 'protobuf'), buckets: buckets.length });
    }
  }
  return out;
}

const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

interface EngineResult {
  perSecond: number;
  p50: number;
  p99: number;
  /** The team page's first request through HTTP: the series API without alerts (pooled queries, k, JSON). */
  seriesMs: number;
  /** The alerts API: the first call after ingest (drift tests run) and later calls (answered from the cache). */
  alertsColdMs: number;
  alertsCachedMs: number;
  /** Requests re-sent after a connection reset. */
  resent: number;
  /** The pooled queries alone: from the per-day pre-aggregate, and from the raw rows (the previous design). */
  aggregateMs: number;
  rawMs: number;
}

async function ingest(engine: string, sql: SqlClient, work: Body[]): Promise<EngineResult> {
  const store = await TeamStore.open(sql);
  const server = createCollector({ store, tokens: teamTokens([[TEAM, TOKEN]]), log: () => undefined, today: () => UNTIL });
  const url = await listen(server, '127.0.0.1', 0);
  const latencies: number[] = [];
  let resent = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < work.length) {
        const b = work[next++]!;
        const t = performance.now();
        // A kept-alive socket the server closes just as the client reuses it resets; the upload client re-sends
        // (idempotent), so the bench does too and counts it.
        for (let attempt = 0; ; attempt++) {
          try {
            const res = await fetch(`${url}${METRICS_PATH}`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': TEAM_CONTENT_TYPE.protobuf }, body: b.bytes });
            await res.arrayBuffer();
            if (res.status !== 200) throw new Error(`${engine}: upload answered ${res.status}`);
            break;
          } catch (e) {
            if (attempt >= 3 || !/fetch failed/.test(String(e))) throw e;
            resent++;
          }
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const total = work.reduce((a, b) => a + b.buckets, 0);
  latencies.sort((a, b) => a - b);
  // The team page's first chart: one series API call without the drift tests (server work: pooled queries, k, JSON).
  const get = async (p: string): Promise<number> => {
    const t = performance.now();
    const res = await fetch(`${url}${p}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${engine}: ${p} answered ${res.status}`);
    return performance.now() - t;
  };
  const window = `since=2026-04-01&until=${UNTIL}`;
  const seriesTimes: number[] = [];
  for (let i = 0; i < 7; i++) {
    const ms = await get(`${SERIES_PATH}?${window}&alerts=0`);
    if (i > 0) seriesTimes.push(ms);
  }
  // Then the page's second request: the alerts, cold (the drift tests run), then from the cache.
  const alertsColdMs = await get(`${ALERTS_PATH}?${window}`);
  const alertsTimes: number[] = [];
  for (let i = 0; i < 5; i++) alertsTimes.push(await get(`${ALERTS_PATH}?${window}`));
  const q = { teamId: TEAM, since: '2026-04-01', until: UNTIL };
  const aggregateTimes: number[] = [];
  const rawTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    let t0 = performance.now();
    await Promise.all([store.pooledCells(q), store.membersPerDay(q)]);
    aggregateTimes.push(performance.now() - t0);
    t0 = performance.now();
    await store.pooledFromRaw(q);
    rawTimes.push(performance.now() - t0);
  }
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  const stored = await store.count(TEAM);
  await store.close();
  if (stored !== total) throw new Error(`${engine}: stored ${stored} of ${total} buckets`);
  return { resent, perSecond: total / seconds, p50: pct(latencies, 0.5), p99: pct(latencies, 0.99), seriesMs: median(seriesTimes), alertsColdMs, alertsCachedMs: median(alertsTimes), aggregateMs: median(aggregateTimes), rawMs: median(rawTimes) };
}

function reportEngine(name: string, r: EngineResult, baseline: number, pglite?: EngineResult): void {
  const vsPglite = (a: number, b: number): string => (pglite ? `, ${(a / b).toFixed(2)}× PGlite` : '');
  report(`${name}: ingest through HTTP`, `${Math.round(r.perSecond)} buckets/s (${(r.perSecond / baseline).toFixed(3)}× baseline${vsPglite(r.perSecond, pglite?.perSecond ?? 1)}), request p50 ${fmtMs(r.p50)}, p99 ${fmtMs(r.p99)}${r.resent ? `, ${r.resent} re-sent after a connection reset` : ''}`);
  report(`${name}: series API, first chart (alerts=0)`, `${fmtMs(r.seriesMs)} median, client-measured (goal ≤ 200 ms of server work${vsPglite(r.seriesMs, pglite?.seriesMs ?? 1)})`);
  report(`${name}: alerts API (drift tests)`, `${fmtMs(r.alertsColdMs)} first call, ${fmtMs(r.alertsCachedMs)} median cached (${(r.alertsColdMs / r.alertsCachedMs).toFixed(1)}×)`);
  report(`${name}: pooled queries, pre-aggregate vs raw rows`, `${fmtMs(r.aggregateMs)} vs ${fmtMs(r.rawMs)} median (${(r.rawMs / r.aggregateMs).toFixed(1)}× faster)`);
}

async function main(): Promise<void> {
  const work = bodies();
  const total = work.reduce((a, b) => a + b.buckets, 0);
  report('workload', `${MEMBERS} members × ${DAYS} days = ${total} buckets in ${work.length} protobuf requests (${DAYS_PER_REQUEST} days each), ${CONCURRENCY} concurrent clients`);
  // Baseline: decoding and validating the same bodies in-process (no HTTP, no database).
  const t = performance.now();
  for (const b of work) teamBucketsFromOtlp(decodeOtlpMetrics(b.bytes, 'protobuf'));
  const baseline = total / ((performance.now() - t) / 1000);
  report('baseline: decode + validate in-process', `${Math.round(baseline)} buckets/s`);

  const dir = await mkdtemp(path.join(os.tmpdir(), 'driftwatch-bench-pglite-'));
  const pglite = await ingest('pglite', await openPglite(dir), work);
  reportEngine('PGlite', pglite, baseline);
  await rm(dir, { recursive: true, force: true });

  const cluster = await startPgCluster();
  try {
    const pg = await ingest('postgres', openPostgres(cluster.url, () => undefined), work);
    reportEngine(`PostgreSQL ${cluster.version}`, pg, baseline, pglite);
  } finally {
    await cluster.stop();
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
