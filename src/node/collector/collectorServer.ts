/**
 * The team collector's HTTP service (`driftwatch collect`):
 *
 *   POST /v1/metrics              OTLP/HTTP metrics (JSON or protobuf, optional gzip), the team's bearer token
 *   POST /driftwatch/v1/forget    `{ teamId, installIds }` -> `{ deleted }` (deletion request, idempotent)
 *   GET  /driftwatch/v1/series    pooled series of the token's team (`?since=&until=&k=`), k-anonymous, with drift alerts
 *                                 (`&alerts=0` leaves them out: the team page's first chart needs only the cells)
 *   GET  /driftwatch/v1/alerts    the drift alerts alone (same parameters, and `watch`), cached per exact set of
 *                                 published cells and watch
 *   GET  /                        the team page (static; it asks the API with a token the viewer enters)
 *
 * Every request gets exactly one log line. Bad bodies are 4xx within bounded time and memory; a database that is
 * briefly away is retried, then answered 503 with Retry-After (OTLP clients retry), never with a crash.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as z from 'zod';
import { describeAlert, describeAlertTitle } from '../../core/drift/describeAlert.js';
import { detectDrift } from '../../core/drift/detectDrift.js';
import { DRIFT_DEFAULTS, DRIFT_WATCH, type DriftWatch } from '../../core/drift/driftDefaults.js';
import { ALERTS_PATH, FORGET_PATH, METRICS_PATH, pooledRollups, SERIES_PATH, teamAlerts, type AlertsResponse, type PooledCellData, type SeriesResponse, type TeamAlert } from '../../core/team/teamApi.js';
import { MIN_K } from '../../core/team/teamWire.js';
import { addDays } from '../../core/time/day.js';
import { decodeOtlpMetrics } from '../otlp/decodeOtlp.js';
import { OtlpBodyError } from '../otlp/otlpBodyError.js';
import { DEFAULT_OTLP_LIMITS, type OtlpLimits } from '../otlp/otlpLimits.js';
import { otlpSuccessResponse } from '../otlp/otlpResponse.js';
import { readOtlpBody } from '../otlp/readOtlpBody.js';
import { teamBucketsFromOtlp } from '../otlp/teamBucketsFromOtlp.js';
import { isTransientDbError } from './sqlClient.js';
import type { PooledQuery, TeamStore } from './teamStore.js';
import type { TeamTokens } from './teamTokens.js';

/** Limits for team uploads: a member's day is a few KB; 1,000 buckets of protobuf stay far below these. */
export const COLLECTOR_LIMITS: OtlpLimits = {
  ...DEFAULT_OTLP_LIMITS,
  maxBodyBytes: 2 * 1024 * 1024,
  maxDecodedBytes: 8 * 1024 * 1024,
  maxDepth: 16,
  maxStringBytes: 4096,
  maxItems: 200_000,
  timeBudgetMs: 1000,
};

export interface TeamPageAssets {
  /** Served at `/`, `/team.js` and `/team.css`. */
  readonly html: string;
  readonly js: string;
  readonly css: string;
}

export interface CollectorOptions {
  readonly store: TeamStore;
  readonly tokens: TeamTokens;
  readonly log: (line: string) => void;
  readonly page?: TeamPageAssets;
  /** How long to keep retrying a database that is away before answering 503. */
  readonly dbRetryMs?: number;
  /** "Today" for the series (tests and the demo pin it); defaults to the UTC date. */
  readonly today?: () => string;
  readonly limits?: OtlpLimits;
  /**
   * Browser origins allowed to call the API cross-origin (CORS): the web extension host (vscode.dev, code-server in
   * a browser) sends uploads with `fetch` from its own origin. Exact `scheme://host[:port]` strings; none by default,
   * so no other web page can make a visitor's browser talk to the collector.
   */
  readonly corsOrigins?: readonly string[];
}

/** Request headers a browser upload carries beyond the CORS-safelisted ones. */
const CORS_ALLOW_HEADERS = 'authorization, content-type, content-encoding';

const ForgetRequest = z.object({
  teamId: z.string().min(1).max(64),
  installIds: z.array(z.string().regex(/^[0-9a-f]{32}$/)).max(36),
});

/** An answer with a status and a short reason for the log line. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(reason);
  }
}

const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function send(res: ServerResponse, status: number, body: string | Uint8Array, contentType: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': String(typeof body === 'string' ? Buffer.byteLength(body) : body.length),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  send(res, status, JSON.stringify(value), 'application/json', headers);
}

function bearer(req: IncomingMessage, tokens: TeamTokens): string {
  const h = req.headers.authorization ?? '';
  const m = /^Bearer\s+(\S{1,512})$/i.exec(h);
  const team = m ? tokens.teamOf(m[1]!) : undefined;
  if (!team) throw new HttpError(401, h ? 'wrong token' : 'no token', { 'WWW-Authenticate': 'Bearer' });
  return team;
}

/** Retries an operation while the database is briefly away (restart, failover), up to `budgetMs`. */
async function withDbRetry<T>(run: () => Promise<T>, budgetMs: number): Promise<T> {
  const deadline = Date.now() + budgetMs;
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (e) {
      if (!isTransientDbError(e)) throw e;
      if (Date.now() > deadline) throw new HttpError(503, `database unavailable (${(e as Error).message.slice(0, 80)})`, { 'Retry-After': '5' });
      await new Promise((r) => setTimeout(r, Math.min(100 * 2 ** attempt, 1000)));
    }
  }
}

async function readSmallJson(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    req.resume();
    throw new HttpError(415, 'expected application/json');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      req.resume();
      throw new HttpError(413, `body exceeds ${maxBytes} bytes`);
    }
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'not JSON');
  }
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
/** Drift answers kept (a few teams × a few windows); each is a few KB. */
const ALERT_CACHE_ENTRIES = 64;

/** Creates the collector (not yet listening). */
export function createCollector(options: CollectorOptions): Server {
  const { store, tokens, log } = options;
  const limits = options.limits ?? COLLECTOR_LIMITS;
  const dbRetryMs = options.dbRetryMs ?? 15_000;
  const today = options.today ?? (() => new Date().toISOString().slice(0, 10));

  async function ingest(req: IncomingMessage, res: ServerResponse): Promise<string> {
    const team = bearer(req, tokens);
    const body = await readOtlpBody(req, limits);
    const decoded = teamBucketsFromOtlp(decodeOtlpMetrics(body.bytes, body.encoding, limits));
    const reasons = [...decoded.reasons];
    const mine = decoded.buckets.filter((b) => b.teamId === team);
    let rejected = decoded.rejectedPoints;
    if (mine.length < decoded.buckets.length) {
      reasons.push(`${decoded.buckets.length - mine.length} bucket(s) for another team than the token's`);
      rejected += decoded.buckets.length - mine.length;
    }
    if (mine.length === 0 && decoded.rejectedPoints + decoded.buckets.length > 0) {
      throw new HttpError(400, `no valid bucket: ${reasons.join('; ').slice(0, 300)}`);
    }
    const { inserted, duplicates } = await withDbRetry(() => store.insert(mine), dbRetryMs);
    const reply = otlpSuccessResponse('metrics', body.encoding, rejected, reasons.join('; ').slice(0, 500));
    send(res, 200, reply.body, reply.contentType);
    return `team=${team} buckets=${mine.length} inserted=${inserted} duplicates=${duplicates} rejectedPoints=${rejected}${reasons.length ? ` reasons=${JSON.stringify(reasons.join('; ').slice(0, 200))}` : ''}`;
  }

  async function forget(req: IncomingMessage, res: ServerResponse): Promise<string> {
    const team = bearer(req, tokens);
    const parsed = ForgetRequest.safeParse(await readSmallJson(req, 8192));
    if (!parsed.success) throw new HttpError(400, `invalid deletion request: ${parsed.error.issues[0]?.message ?? ''}`);
    if (parsed.data.teamId !== team) throw new HttpError(403, 'teamId is not the token\'s team');
    const deleted = await withDbRetry(() => store.forget(team, parsed.data.installIds), dbRetryMs);
    sendJson(res, 200, { deleted });
    return `team=${team} installIds=${parsed.data.installIds.length} deleted=${deleted}`;
  }

  function seriesQuery(req: IncomingMessage, url: URL): PooledQuery & { k: number } {
    const team = bearer(req, tokens);
    const until = url.searchParams.get('until') ?? today();
    const since = url.searchParams.get('since') ?? addDays(until, -89);
    const k = Number(url.searchParams.get('k') ?? MIN_K);
    if (!DAY_RE.test(since) || !DAY_RE.test(until) || since > until) throw new HttpError(400, 'since/until must be YYYY-MM-DD, since <= until');
    if (!Number.isInteger(k) || k < MIN_K || k > 1e6) throw new HttpError(400, `k must be a whole number >= ${MIN_K}`);
    return { teamId: team, since, until, k };
  }

  /** `watch=all|findings|survival`: which metrics may raise a team alert (as the members' driftwatch.drift.watch). */
  function watchOf(url: URL): DriftWatch {
    const watch = url.searchParams.get('watch') ?? 'all';
    if (!(DRIFT_WATCH as readonly string[]).includes(watch)) throw new HttpError(400, `watch must be one of ${DRIFT_WATCH.join(', ')}`);
    return watch as DriftWatch;
  }

  // The drift tests (Monte Carlo scans over pooled counts) cost far more than reading the cells, and their result is
  // a function of the published cells and the window alone: keep the last answers, keyed by a hash of exactly those.
  const alertCache = new Map<string, TeamAlert[]>();
  function alertsFor(q: PooledQuery, cells: readonly PooledCellData[], watch: DriftWatch): TeamAlert[] {
    const key = createHash('sha256').update(JSON.stringify([q.teamId, q.since, q.until, q.k, watch, cells])).digest('hex');
    const hit = alertCache.get(key);
    if (hit) {
      alertCache.delete(key); // re-insert: the Map's order is the recency order
      alertCache.set(key, hit);
      return hit;
    }
    const report = detectDrift(pooledRollups(cells), { today: q.until, ...DRIFT_DEFAULTS, watch });
    const alerts = teamAlerts(report, (a) => ({ title: describeAlertTitle(a), text: describeAlert(a) }));
    alertCache.set(key, alerts);
    if (alertCache.size > ALERT_CACHE_ENTRIES) alertCache.delete(alertCache.keys().next().value!);
    return alerts;
  }

  async function series(req: IncomingMessage, res: ServerResponse, url: URL): Promise<string> {
    const q = seriesQuery(req, url);
    const [cells, members] = await withDbRetry(() => Promise.all([store.pooledCells(q), store.membersPerDay(q)]), dbRetryMs);
    const withAlerts = url.searchParams.get('alerts') !== '0';
    const alerts = withAlerts ? alertsFor(q, cells, watchOf(url)) : undefined;
    const body: SeriesResponse = { teamId: q.teamId, since: q.since, until: q.until, k: q.k, cells, members, ...(alerts ? { alerts } : {}) };
    sendJson(res, 200, body);
    return `team=${q.teamId} cells=${cells.length} alerts=${alerts ? alerts.length : 'skipped'}`;
  }

  async function alerts(req: IncomingMessage, res: ServerResponse, url: URL): Promise<string> {
    const q = seriesQuery(req, url);
    const cells = await withDbRetry(() => store.pooledCells(q), dbRetryMs);
    const watch = watchOf(url);
    const body: AlertsResponse = { teamId: q.teamId, since: q.since, until: q.until, k: q.k, watch, alerts: alertsFor(q, cells, watch) };
    sendJson(res, 200, body);
    return `team=${q.teamId} cells=${cells.length} alerts=${body.alerts.length}`;
  }

  const corsOrigins = new Set(options.corsOrigins ?? []);
  const API_PATHS = new Set([METRICS_PATH, FORGET_PATH, SERIES_PATH, ALERTS_PATH]);

  /**
   * CORS for the API paths: a configured origin gets `Access-Control-Allow-Origin` on every answer and a 204 to its
   * preflight; any other origin's preflight gets 403 (and, lacking the header, the browser withholds every answer).
   * Returns the log detail when the request was a preflight (answered here), else undefined.
   */
  function cors(req: IncomingMessage, res: ServerResponse, path: string): string | undefined {
    const origin = req.headers.origin;
    if (!origin || !API_PATHS.has(path)) return undefined;
    const allowed = corsOrigins.has(origin);
    if (allowed) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
    }
    if (req.method !== 'OPTIONS') return undefined;
    req.resume();
    // The origin is the editor's web address, not a member's data; logged so an operator can see what to allow.
    const shown = JSON.stringify(origin.slice(0, 100));
    if (!allowed) throw new HttpError(403, `CORS preflight from origin ${shown}, which is not in --cors-origin`);
    res.writeHead(204, {
      'Access-Control-Allow-Methods': path === SERIES_PATH || path === ALERTS_PATH ? 'GET' : 'POST',
      'Access-Control-Allow-Headers': CORS_ALLOW_HEADERS,
      'Access-Control-Max-Age': '600',
      'Content-Length': '0',
    });
    res.end();
    return `CORS preflight from ${shown}`;
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<string> {
    const url = new URL(req.url ?? '/', 'http://collector.invalid');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    const preflight = cors(req, res, path);
    if (preflight !== undefined) return preflight;
    const only = (m: string): void => {
      if (method !== m) {
        req.resume();
        throw new HttpError(405, `${method} not allowed`, { Allow: m });
      }
    };
    if (path === METRICS_PATH) {
      only('POST');
      return ingest(req, res);
    }
    if (path === FORGET_PATH) {
      only('POST');
      return forget(req, res);
    }
    if (path === SERIES_PATH) {
      only('GET');
      return series(req, res, url);
    }
    if (path === ALERTS_PATH) {
      only('GET');
      return alerts(req, res, url);
    }
    const page = options.page;
    if (page && (path === '/' || path === '/team.js' || path === '/team.css')) {
      only('GET');
      const [body, type] = path === '/' ? [page.html, 'text/html; charset=utf-8'] : path === '/team.js' ? [page.js, 'text/javascript'] : [page.css, 'text/css'];
      send(res, 200, body, type, { 'Content-Security-Policy': CSP, 'Referrer-Policy': 'no-referrer' });
      return 'page';
    }
    req.resume();
    throw new HttpError(404, 'not found');
  }

  return createServer({ requestTimeout: 30_000, headersTimeout: 10_000 }, (req, res) => {
    const started = process.hrtime.bigint();
    const id = randomUUID().slice(0, 8);
    const line = (status: number, detail: string): void => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      // Method and path only (no query string, no headers): nothing a client sends beyond the route is logged verbatim.
      const path = (req.url ?? '').split('?')[0]!.slice(0, 80);
      log(`${id} ${req.method} ${JSON.stringify(path)} ${status} ${ms.toFixed(1)}ms ${detail}`);
    };
    route(req, res).then(
      (detail) => line(res.statusCode, detail),
      (e: unknown) => {
        let status: number;
        let reason: string;
        let headers: Record<string, string> = {};
        if (e instanceof HttpError) ({ status, reason, headers } = e);
        else if (e instanceof OtlpBodyError) ({ status, reason } = e);
        else if (isTransientDbError(e)) [status, reason, headers] = [503, 'database unavailable', { 'Retry-After': '5' }];
        else [status, reason] = [500, `internal error: ${e instanceof Error ? e.message.slice(0, 200) : String(e)}`];
        // OTLP clients read a google.rpc.Status; a JSON {error} is readable by people and scripts alike.
        sendJson(res, status, { error: reason }, headers);
        if (status >= 400 && status < 500 && !res.writableEnded) res.end();
        line(status, reason);
      },
    );
  });
}

/** Listens on host:port (port 0 picks one); resolves with the bound URL. */
export function listen(server: Server, host: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const a = server.address() as AddressInfo;
      resolve(`http://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}`);
    });
  });
}
