/** Shared helpers of the collector suite: one collector per engine, raw and OTLP-exporter clients, log capture. */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { encodeTeamMetrics, TEAM_CONTENT_TYPE, type TeamWireFormat } from '../../src/core/team/encodeTeamMetrics.js';
import { METRICS_PATH } from '../../src/core/team/teamApi.js';
import type { TeamBucket } from '../../src/core/team/teamWire.js';
import { createCollector, listen, type TeamPageAssets } from '../../src/node/collector/collectorServer.js';
import { simulateMemberDay, type SimulationOptions } from '../../src/node/collector/simulateTeam.js';
import { openPglite, openPostgres, type SqlClient } from '../../src/node/collector/sqlClient.js';
import { TeamStore } from '../../src/node/collector/teamStore.js';
import { teamTokens } from '../../src/node/collector/teamTokens.js';

export type Engine = 'pglite' | 'postgres';
export const PG_URL = process.env.DRIFTWATCH_TEST_PG_URL;

export const TEAMS = {
  a: { id: 'team-a', token: 'token-team-a-0123456789' },
  b: { id: 'team-b', token: 'token-team-b-0123456789' },
  fuzz: { id: 'team-fuzz', token: 'token-team-fuzz-01234567' },
} as const;

export interface Running {
  readonly url: string;
  readonly store: TeamStore;
  /** The SQL client under the store (tests read every table through it). */
  readonly sql: SqlClient;
  readonly logs: string[];
  readonly server: Server;
  close(): Promise<void>;
}

/** Opens the engine's store (a fresh schema on PostgreSQL) and starts a collector on a free loopback port. */
export async function startCollector(engine: Engine, today = '2026-03-31', page?: TeamPageAssets, corsOrigins: readonly string[] = []): Promise<Running> {
  let dir: string | undefined;
  let store: TeamStore;
  let sql: SqlClient;
  const logs: string[] = [];
  const log = (line: string): void => void logs.push(line);
  if (engine === 'pglite') {
    dir = await mkdtemp(path.join(os.tmpdir(), 'driftwatch-pglite-'));
    sql = await openPglite(dir);
    store = await TeamStore.open(sql);
  } else {
    if (!PG_URL) throw new Error('DRIFTWATCH_TEST_PG_URL is not set (scripts/run-collector.mjs starts PostgreSQL)');
    sql = openPostgres(PG_URL, log);
    await sql.query('DROP TABLE IF EXISTS team_bucket, team_day_cell, team_cell_member, team_day_member, team_day, driftwatch_migration');
    store = await TeamStore.open(sql);
  }
  const tokens = teamTokens(Object.values(TEAMS).map((t) => [t.id, t.token] as const));
  const server = createCollector({ store, tokens, log, today: () => today, dbRetryMs: 20_000, corsOrigins, ...(page ? { page } : {}) });
  const url = await listen(server, '127.0.0.1', 0);
  return {
    url,
    store,
    sql,
    logs,
    server,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface PostOptions {
  readonly token?: string | null;
  readonly format?: TeamWireFormat;
  readonly gzip?: boolean;
  readonly contentType?: string;
  readonly headers?: Record<string, string>;
}

/** POSTs raw bytes to /v1/metrics. */
export async function postRaw(url: string, body: Uint8Array, o: PostOptions = {}): Promise<{ status: number; body: Buffer; contentType: string }> {
  const headers: Record<string, string> = { 'Content-Type': o.contentType ?? TEAM_CONTENT_TYPE[o.format ?? 'json'], ...o.headers };
  if (o.token !== null) headers.Authorization = `Bearer ${o.token ?? TEAMS.a.token}`;
  if (o.gzip) headers['Content-Encoding'] = 'gzip';
  const res = await fetch(`${url}${METRICS_PATH}`, { method: 'POST', headers, body: o.gzip ? gzipSync(body) : body });
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()), contentType: res.headers.get('content-type') ?? '' };
}

/** Encodes and POSTs buckets like the upload client does; retries on 503 as OTLP clients do. */
export async function upload(url: string, buckets: readonly TeamBucket[], o: PostOptions = {}): Promise<number> {
  const body = encodeTeamMetrics(buckets, o.format ?? 'json');
  for (let attempt = 0; ; attempt++) {
    try {
      const r = await postRaw(url, body, o);
      if (r.status !== 503 || attempt >= 20) return r.status;
    } catch (e) {
      if (attempt >= 20) throw e;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Runs the PostgreSQL restart command scripts/run-collector.mjs provides. */
export function restartPostgres(): Promise<void> {
  const argv = JSON.parse(process.env.DRIFTWATCH_TEST_PG_RESTART ?? '[]') as string[];
  if (argv.length === 0) return Promise.reject(new Error('DRIFTWATCH_TEST_PG_RESTART is not set'));
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0]!, argv.slice(1), { stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`pg_ctl restart exited ${code}`))));
  });
}

/** Uploads every member-day of a simulation, `concurrency` requests at a time; each must be answered 200. */
export async function uploadSimulation(url: string, sim: SimulationOptions, format: TeamWireFormat | 'mixed' = 'mixed', concurrency = 6): Promise<void> {
  const batches: TeamBucket[][] = [];
  for (let d = 0; d < sim.days; d++) for (let m = 0; m < sim.members; m++) batches.push(simulateMemberDay(sim, m, d));
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < batches.length) {
        const i = next++;
        const b = batches[i]!;
        const f = format === 'mixed' ? (i % 2 ? 'protobuf' : 'json') : format;
        if (b.length) {
          const status = await upload(url, b, { format: f });
          if (status !== 200) throw new Error(`simulated upload answered ${status}`);
        }
      }
    }),
  );
}
