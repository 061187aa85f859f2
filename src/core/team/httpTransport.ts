/**
 * The upload's HTTP transport over `fetch` (native in Node ≥ 18, browsers and the web extension host): POSTs one
 * queued body, gzip-compressed, with the bearer token and classifies the answer for the queue. Endpoint and token are looked up at
 * each attempt, so a changed setting or token applies to the next retry.
 */
import { checkEndpoint } from './endpoint.js';
import { gzipBody } from './gzipBody.js';
import { classifyResponse, type AttemptResult } from './retryPolicy.js';
import { bodyOf } from './teamRequest.js';
import type { QueueItem, Transport } from './uploadQueue.js';

export interface HttpTransportOptions {
  endpoint: () => string;
  token: () => Promise<string | undefined>;
  now: () => number;
  fetch?: typeof fetch;
  /** Send the body gzip-compressed (`Content-Encoding: gzip`); on unless a receiver is known not to take it. */
  gzip?: boolean;
}

export function httpTransport(o: HttpTransportOptions): Transport {
  const doFetch = o.fetch ?? ((input, init) => globalThis.fetch(input, init));
  return async (item: QueueItem, signal: AbortSignal): Promise<AttemptResult> => {
    const ep = checkEndpoint(o.endpoint());
    if (!ep.ok) return { kind: 'retry', reason: ep.reason };
    const token = await o.token();
    if (!token) return { kind: 'retry', reason: 'no upload token is set (run "Driftwatch: Set Upload Token")' };
    // Compressed per attempt rather than in the queue, so the queue on disk stays readable (and checkable) text.
    const gzip = o.gzip ?? true;
    const headers: Record<string, string> = { 'Content-Type': item.contentType, Authorization: `Bearer ${token}` };
    if (gzip) headers['Content-Encoding'] = 'gzip';
    const res = await doFetch(ep.url, { method: 'POST', headers, body: gzip ? await gzipBody(bodyOf(item)) : bodyOf(item), signal });
    const result = classifyResponse(res.status, res.headers.get('retry-after'), o.now());
    if (result.kind === 'sent' && (res.headers.get('content-type') ?? '').includes('json')) {
      try {
        const body = (await res.json()) as { partialSuccess?: { rejectedDataPoints?: number | string } };
        const rejected = Number(body.partialSuccess?.rejectedDataPoints ?? 0);
        if (rejected > 0) return { ...result, rejectedPoints: rejected };
      } catch {
        // An empty or non-JSON 200 is still a delivery.
      }
    } else {
      await res.body?.cancel().catch(() => undefined);
    }
    return result;
  };
}
