/**
 * The install id and idempotency keys of the team upload (see the team wire contract).
 *
 * An install keeps one random secret next to its local store. The id it uploads under is HMAC-SHA256(secret,
 * "YYYY-MM") truncated to 32 hex digits, so ids of different months cannot be linked without the secret, and nothing
 * about the machine, path or user goes into it. "Forget My Uploaded Data" replaces the secret, which unlinks all
 * future ids from the past ones. WebCrypto (`globalThis.crypto.subtle`) keeps this usable in the web host.
 */

const encoder = new TextEncoder();

function hex(bytes: ArrayBuffer): string {
  let out = '';
  for (const b of new Uint8Array(bytes)) out += b.toString(16).padStart(2, '0');
  return out;
}

/** A fresh 256-bit secret as 64 lowercase hex digits. */
export function newInstallSecret(): string {
  const bytes = new Uint8Array(32);
  globalThis.crypto.getRandomValues(bytes);
  return hex(bytes.buffer);
}

/** Whether a stored value is a secret this build wrote (64 lowercase hex). */
export function isInstallSecret(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
}

/** The month (`YYYY-MM`) of a day (`YYYY-MM-DD`): the install id of an upload is the id of its day's month. */
export function monthOfDay(day: string): string {
  return day.slice(0, 7);
}

/** The install id for one month: HMAC-SHA256(secret, month), first 32 hex digits. */
export async function monthlyInstallId(secret: string, month: string): Promise<string> {
  if (!isInstallSecret(secret)) throw new Error('install secret must be 64 lowercase hex digits');
  if (!/^\d{4}-\d{2}$/.test(month)) throw new Error(`month must be YYYY-MM, got "${month}"`);
  const key = await globalThis.crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return hex(await globalThis.crypto.subtle.sign('HMAC', key, encoder.encode(month))).slice(0, 32);
}

/** The `n` months ending with `month` (newest first), for a deletion request covering past ids. */
export function recentMonths(month: string, n: number): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const total = y * 12 + (m - 1) - i;
    out.push(`${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

/** The cell a bucket describes, as the idempotency key hashes it. */
export interface CellKey {
  installId: string;
  day: string;
  assistant: string;
  assistantVersion: string;
  model: string;
  language: string;
}

/**
 * Idempotency key of one (install, day, cell): SHA-256 over the JSON array of the six values (JSON so no separator
 * inside a value can make two cells collide). A re-send of the same day repeats the same keys, so the collector
 * counts it once.
 */
export async function idempotencyKey(cell: CellKey): Promise<string> {
  const input = JSON.stringify([cell.installId, cell.day, cell.assistant, cell.assistantVersion, cell.model, cell.language]);
  return hex(await globalThis.crypto.subtle.digest('SHA-256', encoder.encode(input)));
}
