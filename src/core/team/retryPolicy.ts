/**
 * When to try an upload again: exponential backoff with jitter, bounded, and a server's `Retry-After` honoured as a
 * lower bound. Pure functions so the schedule is tested on a manual clock.
 */

export const BACKOFF_BASE_MS = 60_000;
export const BACKOFF_CAP_MS = 6 * 3_600_000;
/** A `Retry-After` further out than this is treated as this (a misconfigured server cannot park the queue for weeks). */
export const RETRY_AFTER_CAP_MS = 24 * 3_600_000;

/**
 * Delay before attempt `attempt + 1` after `attempt` failures (attempt ≥ 1): base·2^(attempt−1), capped, with "equal
 * jitter" — half fixed, half random — so a team's installs spread out after a collector outage but none retries early.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, Math.min(30, attempt - 1)));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** `Retry-After` as milliseconds from `now`: delta-seconds or an HTTP-date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Math.min(RETRY_AFTER_CAP_MS, Number(v) * 1000);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.min(RETRY_AFTER_CAP_MS, Math.max(0, at - now));
}

/** What to do with a queued payload after one attempt. */
export type AttemptResult =
  | { kind: 'sent'; status: number; rejectedPoints?: number }
  | { kind: 'retry'; reason: string; retryAfterMs?: number }
  | { kind: 'drop'; reason: string };

/**
 * Classifies an HTTP answer. 2xx: delivered (a duplicate is answered 200 and counts nothing twice). 408, 425, 429 and
 * 5xx: transient, retried (429/503 with their `Retry-After`); 401/403 too (the user may set the right token). Any other 4xx: this payload will never be accepted
 * (bad token, bad request), so it is dropped with a log line instead of blocking the queue forever.
 */
export function classifyResponse(status: number, retryAfter: string | null | undefined, now: number): AttemptResult {
  if (status >= 200 && status < 300) return { kind: 'sent', status };
  if (status === 408 || status === 425 || status === 429 || status >= 500) {
    const ms = status === 429 || status === 503 ? parseRetryAfter(retryAfter, now) : undefined;
    return { kind: 'retry', reason: `HTTP ${status}`, ...(ms !== undefined ? { retryAfterMs: ms } : {}) };
  }
  // A refused token is usually fixed by setting the right one: keep the data and retry on the backoff schedule.
  if (status === 401 || status === 403) return { kind: 'retry', reason: `HTTP ${status}: the team token was refused` };
  return { kind: 'drop', reason: `HTTP ${status}` };
}

/** The delay after a failed attempt: the backoff, or the server's `Retry-After` when that is longer. */
export function retryDelay(attempt: number, retryAfterMs: number | undefined, random: () => number = Math.random): number {
  return Math.max(backoffDelay(attempt, random), retryAfterMs ?? 0);
}
