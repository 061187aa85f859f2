/**
 * `driftwatch collect --demo` / `npm run collector:demo`: the collector on 127.0.0.1 with the embedded database in a
 * temporary folder, and simulated members uploading 90 days through the real HTTP path (OTLP protobuf and JSON,
 * gzip), with a planted drift in one assistant.
 */
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { encodeTeamMetrics, TEAM_CONTENT_TYPE } from '../../core/team/encodeTeamMetrics.js';
import { METRICS_PATH } from '../../core/team/teamApi.js';
import { createCollector, listen } from './collectorServer.js';
import { simulateMemberDay, type SimulationOptions } from './simulateTeam.js';
import { openPglite } from './sqlClient.js';
import { loadTeamPage } from './teamPage.js';
import { TeamStore } from './teamStore.js';
import { teamTokens } from './teamTokens.js';

export interface DemoHandle {
  readonly url: string;
  readonly teamId: string;
  readonly token: string;
  readonly members: number;
  readonly uploaded: number;
  close(): Promise<void>;
}

/** Uploads a simulated team through HTTP, one request per member-day; returns the buckets sent. */
export async function uploadSimulation(url: string, token: string, sim: SimulationOptions, concurrency = 8): Promise<number> {
  const jobs: Array<[number, number]> = [];
  for (let d = 0; d < sim.days; d++) for (let m = 0; m < sim.members; m++) jobs.push([m, d]);
  let sent = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const [m, d] = jobs[next++]!;
      const buckets = simulateMemberDay(sim, m, d);
      if (buckets.length === 0) continue;
      // Alternate encodings like a mixed fleet of clients would.
      const format = (m + d) % 2 === 0 ? 'protobuf' : 'json';
      const body = gzipSync(encodeTeamMetrics(buckets, format));
      const res = await fetch(`${url}${METRICS_PATH}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': TEAM_CONTENT_TYPE[format], 'Content-Encoding': 'gzip' },
        body,
      });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`simulated upload answered ${res.status}`);
      sent += buckets.length;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return sent;
}

export async function runCollectorDemo(o: { dataDir: string; host: string; port: number; log: (line: string) => void; members?: number }): Promise<DemoHandle> {
  const teamId = 'demo-team';
  const token = randomBytes(18).toString('base64url');
  const store = await TeamStore.open(await openPglite(o.dataDir));
  const until = new Date().toISOString().slice(0, 10);
  // Per-request lines would be 1,000+ lines of upload noise: the demo logs a summary instead, then every request.
  let quiet = true;
  const server = createCollector({ store, tokens: teamTokens([[teamId, token]]), log: (l) => !quiet && o.log(l), page: await loadTeamPage(), today: () => until });
  const url = await listen(server, o.host, o.port);
  const members = o.members ?? 12;
  const uploaded = await uploadSimulation(url, token, { teamId, members, days: 90, until, driftAssistant: 'claude-code', driftDays: 7 });
  quiet = false;
  o.log(`demo: ${members} members uploaded ${uploaded} buckets over 90 days`);
  return {
    url,
    teamId,
    token,
    members,
    uploaded,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}
