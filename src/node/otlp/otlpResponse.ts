/**
 * OTLP/HTTP success responses (Export{Metrics,Logs}ServiceResponse) in the request's encoding. Both messages have
 * the same wire shape: field 1 partial_success { 1 rejected_<items> int64, 2 error_message string }.
 */
import type { OtlpEncoding } from './readOtlpBody.js';
import type { OtlpSignal } from './otlpTypes.js';

function varint(n: number): number[] {
  const out: number[] = [];
  let v = Math.max(0, Math.floor(n));
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
  return out;
}

/** Body and Content-Type of a 200 answer; `rejected` > 0 reports a partial success with the message. */
export function otlpSuccessResponse(
  signal: OtlpSignal,
  encoding: OtlpEncoding,
  rejected = 0,
  errorMessage = '',
): { body: Uint8Array; contentType: string } {
  if (encoding === 'json') {
    const key = signal === 'metrics' ? 'rejectedDataPoints' : 'rejectedLogRecords';
    const doc = rejected > 0 || errorMessage ? { partialSuccess: { [key]: String(rejected), errorMessage } } : {};
    return { body: new TextEncoder().encode(JSON.stringify(doc)), contentType: 'application/json' };
  }
  if (rejected === 0 && !errorMessage) return { body: new Uint8Array(0), contentType: 'application/x-protobuf' };
  const message = new TextEncoder().encode(errorMessage);
  const inner = [...(rejected > 0 ? [0x08, ...varint(rejected)] : []), ...(message.length ? [0x12, ...varint(message.length), ...message] : [])];
  return { body: Uint8Array.from([0x0a, ...varint(inner.length), ...inner]), contentType: 'application/x-protobuf' };
}
