/**
 * OTLP/HTTP body decoding for receivers: metrics and logs, JSON and protobuf, under {@link OtlpLimits}. Anything
 * malformed or too large comes out as an {@link OtlpBodyError} carrying a 4xx status and a one-line reason; no
 * other exception escapes (a decoder bug becomes a 400, never a crash).
 */
import { decodeLogsJson, decodeMetricsJson } from './decodeOtlpJson.js';
import { decodeLogsProtobuf, decodeMetricsProtobuf } from './decodeOtlpProtobuf.js';
import { OtlpBodyError } from './otlpBodyError.js';
import { DecodeBudget, DEFAULT_OTLP_LIMITS, type OtlpLimits } from './otlpLimits.js';
import type { OtlpLogsRequest, OtlpMetricsRequest } from './otlpTypes.js';
import type { OtlpEncoding } from './readOtlpBody.js';

function guarded<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof OtlpBodyError) throw e;
    // RangeError (stack, invalid array length) or anything unforeseen from hostile input: the sender's fault.
    throw new OtlpBodyError(400, `undecodable body (${e instanceof Error ? e.name : 'error'})`);
  }
}

/** Decodes an ExportMetricsServiceRequest body (already inflated). */
export function decodeOtlpMetrics(bytes: Uint8Array, encoding: OtlpEncoding, limits: OtlpLimits = DEFAULT_OTLP_LIMITS): OtlpMetricsRequest {
  const budget = new DecodeBudget(limits);
  if (bytes.length > limits.maxDecodedBytes) throw new OtlpBodyError(413, `body exceeds ${limits.maxDecodedBytes} bytes`);
  return guarded(() => (encoding === 'json' ? decodeMetricsJson(bytes, budget) : decodeMetricsProtobuf(bytes, budget)));
}

/** Decodes an ExportLogsServiceRequest body (already inflated). */
export function decodeOtlpLogs(bytes: Uint8Array, encoding: OtlpEncoding, limits: OtlpLimits = DEFAULT_OTLP_LIMITS): OtlpLogsRequest {
  const budget = new DecodeBudget(limits);
  if (bytes.length > limits.maxDecodedBytes) throw new OtlpBodyError(413, `body exceeds ${limits.maxDecodedBytes} bytes`);
  return guarded(() => (encoding === 'json' ? decodeLogsJson(bytes, budget) : decodeLogsProtobuf(bytes, budget)));
}
