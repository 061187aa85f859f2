/**
 * Decoded OTLP, the same shape whether the body was JSON or protobuf. Only what receivers need is kept: exemplars,
 * schema URLs, flags and dropped counts are skipped. Timestamps are decimal strings of Unix nanoseconds (int64 does
 * not fit a double); 64-bit counts are numbers (exact up to 2^53, far beyond what any sender counts per point).
 */

/** An OTLP AnyValue: string, bool, int/double (number), bytes, array or key-value list; `null` when unset. */
export type OtlpValue = string | number | boolean | null | Uint8Array | OtlpValue[] | OtlpKeyValueList;
export interface OtlpKeyValueList {
  readonly kvlist: OtlpKeyValue[];
}
export interface OtlpKeyValue {
  readonly key: string;
  readonly value: OtlpValue;
}

export interface OtlpResource {
  readonly attributes: OtlpKeyValue[];
}
export interface OtlpScope {
  readonly name: string;
  readonly version: string;
  readonly attributes: OtlpKeyValue[];
}

export interface OtlpNumberPoint {
  readonly attributes: OtlpKeyValue[];
  readonly startTimeUnixNano: string;
  readonly timeUnixNano: string;
  readonly value: number;
  /** True when sent as as_int. */
  readonly isInt: boolean;
}
export interface OtlpHistogramPoint {
  readonly attributes: OtlpKeyValue[];
  readonly startTimeUnixNano: string;
  readonly timeUnixNano: string;
  readonly count: number;
  readonly sum: number | undefined;
  readonly bucketCounts: number[];
  readonly explicitBounds: number[];
  readonly min: number | undefined;
  readonly max: number | undefined;
}

/** OTLP AggregationTemporality: 0 unspecified, 1 delta, 2 cumulative. */
export type OtlpTemporality = number;

export type OtlpMetricData =
  | { readonly kind: 'sum'; readonly temporality: OtlpTemporality; readonly monotonic: boolean; readonly points: OtlpNumberPoint[] }
  | { readonly kind: 'gauge'; readonly points: OtlpNumberPoint[] }
  | { readonly kind: 'histogram'; readonly temporality: OtlpTemporality; readonly points: OtlpHistogramPoint[] }
  /** Exponential histogram, summary, or no data: kept by name so a receiver can count and reject it. */
  | { readonly kind: 'other'; readonly pointCount: number };

export interface OtlpMetric {
  readonly name: string;
  readonly description: string;
  readonly unit: string;
  readonly data: OtlpMetricData;
}
export interface OtlpScopeMetrics {
  readonly scope: OtlpScope;
  readonly metrics: OtlpMetric[];
}
export interface OtlpResourceMetrics {
  readonly resource: OtlpResource;
  readonly scopeMetrics: OtlpScopeMetrics[];
}
/** ExportMetricsServiceRequest. */
export interface OtlpMetricsRequest {
  readonly resourceMetrics: OtlpResourceMetrics[];
}

export interface OtlpLogRecord {
  readonly timeUnixNano: string;
  readonly observedTimeUnixNano: string;
  readonly severityNumber: number;
  readonly severityText: string;
  readonly eventName: string;
  readonly body: OtlpValue;
  readonly attributes: OtlpKeyValue[];
  /** Lowercase hex, '' when absent. */
  readonly traceId: string;
  readonly spanId: string;
}
export interface OtlpScopeLogs {
  readonly scope: OtlpScope;
  readonly logRecords: OtlpLogRecord[];
}
export interface OtlpResourceLogs {
  readonly resource: OtlpResource;
  readonly scopeLogs: OtlpScopeLogs[];
}
/** ExportLogsServiceRequest. */
export interface OtlpLogsRequest {
  readonly resourceLogs: OtlpResourceLogs[];
}

export type OtlpSignal = 'metrics' | 'logs';

/** Looks an attribute up by key (first wins). */
export function otlpAttribute(attributes: readonly OtlpKeyValue[], key: string): OtlpValue | undefined {
  for (const kv of attributes) if (kv.key === key) return kv.value;
  return undefined;
}
