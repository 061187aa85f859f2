/**
 * `driftwatch collect`: the self-hosted team collector (HTTP service, OTLP/HTTP metrics in, pooled series out).
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ALERTS_PATH, FORGET_PATH, METRICS_PATH, SERIES_PATH } from '../core/team/teamApi.js';
import { createCollector, listen } from '../node/collector/collectorServer.js';
import { runCollectorDemo } from '../node/collector/collectorDemo.js';
import { isPostgresUrl, openPglite, openPostgres, type SqlClient } from '../node/collector/sqlClient.js';
import { TeamStore } from '../node/collector/teamStore.js';
import { loadTeamPage } from '../node/collector/teamPage.js';
import { readTokenFile } from '../node/collector/teamTokens.js';
import { UsageError, type CliIo } from './cliSupport.js';

const HELP = `Usage: driftwatch collect [--host H] [--port N] [--db DIR|postgres://…] [--token-file F] [--cors-origin O]… [--demo]

  Runs the team collector: members' Driftwatch uploads arrive as OTLP/HTTP metrics, are de-duplicated and stored,
  and the team sees the pooled, k-anonymous trend on the page at /.

  --host H          address to bind (default 127.0.0.1; put TLS in a reverse proxy in front)
  --port N          port (default 4318, OTLP/HTTP's; 0 picks a free one)
  --db DIR|URL      a data folder for the embedded PostgreSQL (PGlite; created if missing, an empty folder is fine)
                    or a PostgreSQL URL (postgres://user:pass@host/db) for a real server (default ./driftwatch-team-db)
  --token-file F    one "TEAM_ID TOKEN" pair per line; uploads and API calls carry "Authorization: Bearer TOKEN"
  --cors-origin O   a browser origin (scheme://host[:port]) allowed to call the API cross-origin, e.g. the web
                    extension host's (vscode.dev, code-server in a browser); repeat for several; none by default.
                    A refused preflight is logged with its origin, so the operator sees what to allow
  --demo            embedded database in a temporary folder, simulated members uploading 90 days through HTTP

  HTTP API (Authorization: Bearer <team token>):
    POST ${METRICS_PATH}                 OTLP/HTTP metrics, application/json or application/x-protobuf, gzip allowed
    POST ${FORGET_PATH}      {"teamId":"…","installIds":["<32 hex>",…]} -> {"deleted":N}
    GET  ${SERIES_PATH}?since=YYYY-MM-DD&until=YYYY-MM-DD[&k=N][&alerts=0]
                                     pooled cells per day × assistant × version × model (only cells with >= k edits),
                                     members per day, drift alerts (left out with alerts=0)
    GET  ${ALERTS_PATH}?since=…&until=…[&k=N][&watch=all|findings|survival]
                                     the drift alerts alone; watch: which metrics may alert (default all)
    GET  /                           the team page
`;

export async function openTeamStore(db: string, log: (line: string) => void): Promise<TeamStore> {
  const sql: SqlClient = isPostgresUrl(db) ? openPostgres(db, log) : await openPglite(path.resolve(db));
  return TeamStore.open(sql);
}

export async function runCollectCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '4318' },
      db: { type: 'string' },
      'token-file': { type: 'string' },
      'cors-origin': { type: 'string', multiple: true, default: [] },
      demo: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    io.out.write(HELP);
    return 0;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0–65535, got "${values.port}"`);
  const log = (line: string): void => void io.err.write(`${new Date().toISOString()} ${line}\n`);
  if (values.demo) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'driftwatch-collector-demo-'));
    const demo = await runCollectorDemo({ dataDir: dir, host: values.host, port, log });
    io.out.write(`Driftwatch team collector demo: ${demo.url}/  (team "${demo.teamId}", token ${demo.token})\n`);
    io.out.write(`${demo.uploaded} buckets from ${demo.members} simulated members over 90 days; data in ${dir}\n`);
    await new Promise<void>((resolve) => process.once('SIGINT', resolve).once('SIGTERM', resolve));
    await demo.close();
    return 0;
  }
  if (!values['token-file']) throw new UsageError('--token-file is required (one "TEAM_ID TOKEN" pair per line)');
  const tokens = await readTokenFile(values['token-file']);
  if (tokens.teams.length === 0) throw new UsageError('the token file names no team');
  const store = await openTeamStore(values.db ?? 'driftwatch-team-db', log);
  const corsOrigins = values['cors-origin'] ?? [];
  for (const o of corsOrigins) {
    if (!/^https?:\/\/[^/\s]+$/.test(o)) throw new UsageError(`--cors-origin must be scheme://host[:port] without a path, got "${o}"`);
  }
  const server = createCollector({ store, tokens, log, page: await loadTeamPage(), corsOrigins });
  const url = await listen(server, values.host, port);
  io.out.write(`Driftwatch team collector on ${url}/ (${store.sql.engine}; teams: ${tokens.teams.length})\n`);
  await new Promise<void>((resolve) => process.once('SIGINT', resolve).once('SIGTERM', resolve));
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await store.close();
  return 0;
}
