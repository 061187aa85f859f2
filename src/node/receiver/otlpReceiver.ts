/**
 * The loopback OTLP/HTTP receiver: `POST /v1/logs` and `POST /v1/metrics`, JSON or protobuf, optionally gzip, bound to
 * 127.0.0.1 only and guarded by a random bearer token. Bodies are read and decoded by the shared OTLP decoder
 * (src/node/otlp, hard size/depth/time limits); every refusal is a 4xx with one log line, never a crash.
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeOtlpLogs, decodeOtlpMetrics } from '../otlp/decodeOtlp.js';
import { OtlpBodyError } from '../otlp/otlpBodyError.js';
import { DEFAULT_OTLP_LIMITS, type OtlpLimits } from '../otlp/otlpLimits.js';
import { otlpSuccessResponse } from '../otlp/otlpResponse.js';
import type { OtlpLogsRequest, OtlpMetricsRequest } from '../otlp/otlpTypes.js';
import { readOtlpBody } from '../otlp/readOtlpBody.js';

export interface OtlpReceiverOptions {
  /** 0 picks a free port. */
  readonly port: number;
  /** Only loopback addresses are accepted (127.0.0.1 by default). */
  readonly host?: string;
  readonly token: string;
  readonly limits?: OtlpLimits;
  /** Handles a decoded batch; returns how many items were not kept (reported as partial success, never an error). */
  onLogs(request: OtlpLogsRequest): void;
  onMetrics(request: OtlpMetricsRequest): void;
  log: { warn(message: string): void; debug(message: string): void };
}

export interface OtlpReceiver {
  readonly port: number;
  readonly url: string;
  /** Requests answered, by status (tests, status). */
  readonly stats: Map<number, number>;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

function isLoopbackPeer(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1' || (address?.startsWith('127.') ?? false);
}

/** Starts the receiver; rejects a non-loopback host outright. */
export async function startOtlpReceiver(options: OtlpReceiverOptions): Promise<OtlpReceiver> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) throw new Error(`the OTLP receiver only listens on loopback, not ${host}`);
  if (options.token.length < 16) throw new Error('the OTLP receiver needs a token of at least 16 characters');
  const limits = options.limits ?? DEFAULT_OTLP_LIMITS;
  const expected = Buffer.from(`Bearer ${options.token}`);
  const stats = new Map<number, number>();

  const answer = (res: ServerResponse, status: number, body: Uint8Array | string, contentType = 'application/json', extra: Record<string, string> = {}): void => {
    stats.set(status, (stats.get(status) ?? 0) + 1);
    if (res.headersSent) return;
    res.writeHead(status, { 'Content-Type': contentType, ...extra });
    res.end(body);
  };
  const refuse = (req: IncomingMessage, res: ServerResponse, status: number, reason: string, extra: Record<string, string> = {}): void => {
    const line = reason.replace(/\s+/g, ' ').slice(0, 300); // one log line, whatever the decoder's message holds
    options.log.warn(`otlp receiver: ${(req.method ?? '?').slice(0, 10)} ${(req.url ?? '').slice(0, 60).replace(/\s/g, '')} refused (${status}): ${line}`);
    answer(res, status, JSON.stringify({ code: status, message: line }), 'application/json', { Connection: 'close', ...extra });
    req.resume(); // drain (capped by the socket close) so the client sees the answer
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!isLoopbackPeer(req.socket.remoteAddress)) {
      stats.set(403, (stats.get(403) ?? 0) + 1);
      req.socket.destroy();
      return;
    }
    const path = (req.url ?? '').split('?')[0];
    const signal = path === '/v1/logs' ? 'logs' : path === '/v1/metrics' ? 'metrics' : undefined;
    if (!signal) return refuse(req, res, 404, 'only /v1/logs and /v1/metrics are served');
    if (req.method !== 'POST') return refuse(req, res, 405, 'only POST is accepted', { Allow: 'POST' });
    const auth = Buffer.from(req.headers.authorization ?? '');
    if (auth.length !== expected.length || !timingSafeEqual(auth, expected)) return refuse(req, res, 401, 'missing or wrong bearer token', { 'WWW-Authenticate': 'Bearer' });
    try {
      const body = await readOtlpBody(req, limits);
      if (signal === 'logs') options.onLogs(decodeOtlpLogs(body.bytes, body.encoding, limits));
      else options.onMetrics(decodeOtlpMetrics(body.bytes, body.encoding, limits));
      const ok = otlpSuccessResponse(signal, body.encoding);
      answer(res, 200, ok.body, ok.contentType);
    } catch (err) {
      if (err instanceof OtlpBodyError) return refuse(req, res, err.status, err.reason);
      options.log.warn(`otlp receiver: ${signal} batch failed: ${err instanceof Error ? err.message : String(err)}`);
      refuse(req, res, 400, 'the batch could not be handled');
    }
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      options.log.warn(`otlp receiver: request failed: ${String(err)}`);
      if (!res.headersSent) answer(res, 500, JSON.stringify({ code: 500, message: 'internal error' }));
    });
  });
  server.on('clientError', (_err, socket) => socket.destroy());
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
