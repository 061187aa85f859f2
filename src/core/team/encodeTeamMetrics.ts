/**
 * TeamBucket[] -> OTLP ExportMetricsServiceRequest bytes (JSON and protobuf).
 *
 * The buckets become SDK-shaped ResourceMetrics (what a MeterProvider's reader would hand an exporter) and the
 * OpenTelemetry serializers turn those into the wire bytes, so the upload speaks exactly the OTLP an
 * OpenTelemetry Collector expects. Platform-neutral: no Node APIs, runs in the web extension host too.
 */
import { ValueType, type Attributes, type HrTime } from '@opentelemetry/api';
import { JsonMetricsSerializer, ProtobufMetricsSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AggregationTemporality,
  DataPointType,
  type DataPoint,
  type Histogram,
  type MetricData,
  type ResourceMetrics,
} from '@opentelemetry/sdk-metrics';
import { ATTR, METRIC, SCORE_BOUNDS, TEAM_SCOPE, TEAM_SERVICE_NAME, type TeamBucket } from './teamWire.js';

/** Resource facts sent once per request besides `service.name`. */
export interface TeamResourceInfo {
  /** Driftwatch version, sent as `service.version`. */
  readonly serviceVersion?: string;
}

export type TeamWireFormat = 'json' | 'protobuf';

/** Content-Type header for each wire format (OTLP/HTTP). */
export const TEAM_CONTENT_TYPE: Readonly<Record<TeamWireFormat, string>> = {
  json: 'application/json',
  protobuf: 'application/x-protobuf',
};

const DAY_MS = 86_400_000;

/** Quantiles sent on {@link METRIC.scoreQuantile}. */
export const SCORE_QUANTILES: readonly number[] = [0.25, 0.5, 0.75];

/**
 * The day's bounds as HrTime. The bucket only knows its day label (the member's local day), so the point times
 * are that label's UTC midnight to the next: the `driftwatch.day` attribute, not the timestamp, is authoritative.
 */
function dayBounds(day: string): [HrTime, HrTime] {
  const start = Date.parse(`${day}T00:00:00Z`);
  const toHr = (ms: number): HrTime => [Math.floor(ms / 1000), 0];
  return [toHr(start), toHr(start + DAY_MS)];
}

function pointAttributes(b: TeamBucket): Attributes {
  return {
    [ATTR.installId]: b.installId,
    [ATTR.teamId]: b.teamId,
    [ATTR.idempotencyKey]: b.idempotencyKey,
    [ATTR.day]: b.day,
    [ATTR.assistant]: b.assistant,
    [ATTR.assistantVersion]: b.assistantVersion,
    [ATTR.model]: b.model,
    [ATTR.language]: b.language,
  };
}

/**
 * Score quantile estimated from the histogram by linear interpolation inside the bucket holding it (scores are
 * 0–100; bucket 0 spans [0, 5]). Returns undefined for an empty histogram.
 */
export function histogramQuantile(counts: readonly number[], q: number): number | undefined {
  const total = counts.reduce((a, c) => a + c, 0);
  if (total === 0) return undefined;
  const rank = q * total;
  let seen = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i] ?? 0;
    if (c > 0 && seen + c >= rank) {
      const lo = i === 0 ? 0 : SCORE_BOUNDS[i - 1]!;
      const hi = SCORE_BOUNDS[i] ?? 100;
      return lo + ((hi - lo) * (rank - seen)) / c;
    }
    seen += c;
  }
  return 100;
}

interface Series {
  readonly name: string;
  readonly unit: string;
  readonly type: DataPointType.SUM | DataPointType.GAUGE;
  readonly valueType: ValueType;
  readonly points: DataPoint<number>[];
}

/**
 * Builds the SDK-shaped ResourceMetrics for the buckets: one metric per {@link METRIC} name, one point per bucket
 * (two for the findings metrics, one per rule family; three for the quantile gauge). Rate gauges are left out for a
 * bucket whose denominator is zero rather than sent as NaN.
 */
export function teamResourceMetrics(buckets: readonly TeamBucket[], info: TeamResourceInfo = {}): ResourceMetrics {
  const sums = new Map<string, Series>();
  const series = (name: string, unit: string, type: Series['type'], valueType: ValueType): Series => {
    let s = sums.get(name);
    if (!s) {
      s = { name, unit, type, valueType, points: [] };
      sums.set(name, s);
    }
    return s;
  };
  const sum = (name: string, unit: string): Series => series(name, unit, DataPointType.SUM, ValueType.INT);
  const gauge = (name: string, unit: string): Series => series(name, unit, DataPointType.GAUGE, ValueType.DOUBLE);
  // Fixed metric order, independent of which buckets carry which gauges.
  const counts: Array<[string, keyof TeamBucket, string]> = [
    [METRIC.edits, 'edits', '{edit}'],
    [METRIC.accepted, 'accepted', '{edit}'],
    [METRIC.modified, 'modified', '{edit}'],
    [METRIC.rejected, 'rejected', '{edit}'],
    [METRIC.deleted, 'deleted', '{edit}'],
    [METRIC.proposalsRejected, 'proposalsRejected', '{proposal}'],
    [METRIC.survivalChecked, 'survivalChecked', '{edit}'],
    [METRIC.survivalUnchanged, 'survivalUnchanged', '{edit}'],
    [METRIC.editsFixed, 'editsFixed', '{edit}'],
    [METRIC.linesAdded, 'linesAdded', '{line}'],
    [METRIC.arcEdits, 'arcEdits', '{edit}'],
    [METRIC.arcAccepted, 'arcAccepted', '{char}'],
    [METRIC.arcRetained, 'arcRetained', '{char}'],
  ];
  for (const [name, , unit] of counts) sum(name, unit);
  sum(METRIC.findings, '{finding}');
  for (const name of [METRIC.acceptanceRate, METRIC.rejectionRate, METRIC.survivalRate, METRIC.fixRate, METRIC.arcRate]) gauge(name, '1');
  gauge(METRIC.findingsPer100Lines, '{finding}/100{line}');
  gauge(METRIC.scoreQuantile, '1');

  const histogramPoints: DataPoint<Histogram>[] = [];
  for (const b of buckets) {
    const [startTime, endTime] = dayBounds(b.day);
    const attributes = pointAttributes(b);
    const at = (value: number, extra: Attributes = {}): DataPoint<number> => ({
      startTime,
      endTime,
      attributes: { ...attributes, ...extra },
      value,
    });
    // Gauges carry the day's end as both times (a gauge has no meaningful start).
    const gaugeAt = (value: number, extra: Attributes = {}): DataPoint<number> => ({ ...at(value, extra), startTime: endTime });
    for (const [name, key] of counts) sums.get(name)!.points.push(at(b[key] as number));
    for (const family of ['loop', 'oop'] as const) {
      sums.get(METRIC.findings)!.points.push(at(b.findings[family], { [ATTR.ruleFamily]: family }));
    }
    const decided = b.accepted + b.modified + b.rejected + b.deleted;
    if (decided > 0) {
      sums.get(METRIC.acceptanceRate)!.points.push(gaugeAt((b.accepted + b.modified) / decided));
      sums.get(METRIC.rejectionRate)!.points.push(gaugeAt(b.rejected / decided));
    }
    if (b.survivalChecked > 0) sums.get(METRIC.survivalRate)!.points.push(gaugeAt(b.survivalUnchanged / b.survivalChecked));
    if (b.edits > 0) sums.get(METRIC.fixRate)!.points.push(gaugeAt(b.editsFixed / b.edits));
    if (b.arcAccepted > 0) sums.get(METRIC.arcRate)!.points.push(gaugeAt(b.arcRetained / b.arcAccepted));
    if (b.linesAdded > 0) {
      for (const family of ['loop', 'oop'] as const) {
        sums.get(METRIC.findingsPer100Lines)!.points.push(gaugeAt((100 * b.findings[family]) / b.linesAdded, { [ATTR.ruleFamily]: family }));
      }
    }
    for (const q of SCORE_QUANTILES) {
      const v = histogramQuantile(b.scoreHistogram, q);
      if (v !== undefined) sums.get(METRIC.scoreQuantile)!.points.push(gaugeAt(v, { [ATTR.quantile]: q }));
    }
    histogramPoints.push({
      startTime,
      endTime,
      attributes,
      value: {
        buckets: { boundaries: [...SCORE_BOUNDS], counts: [...b.scoreHistogram] },
        count: b.scoreCount,
        sum: b.scoreSum,
      },
    });
  }

  const metrics: MetricData[] = [];
  for (const s of sums.values()) {
    if (s.points.length === 0) continue;
    const descriptor = { name: s.name, description: '', unit: s.unit, valueType: s.valueType };
    if (s.type === DataPointType.SUM) {
      metrics.push({
        descriptor,
        aggregationTemporality: AggregationTemporality.DELTA,
        dataPointType: DataPointType.SUM,
        isMonotonic: true,
        dataPoints: s.points,
      });
    } else {
      metrics.push({
        descriptor,
        aggregationTemporality: AggregationTemporality.DELTA,
        dataPointType: DataPointType.GAUGE,
        dataPoints: s.points,
      });
    }
  }
  if (histogramPoints.length > 0) {
    metrics.push({
      descriptor: { name: METRIC.score, description: '', unit: '1', valueType: ValueType.DOUBLE },
      aggregationTemporality: AggregationTemporality.DELTA,
      dataPointType: DataPointType.HISTOGRAM,
      dataPoints: histogramPoints,
    });
  }
  const resourceAttributes: Attributes = { 'service.name': TEAM_SERVICE_NAME };
  if (info.serviceVersion) resourceAttributes['service.version'] = info.serviceVersion;
  return {
    resource: resourceFromAttributes(resourceAttributes),
    scopeMetrics: [{ scope: { name: TEAM_SCOPE }, metrics }],
  };
}

/**
 * Encodes buckets as one OTLP ExportMetricsServiceRequest in the given wire format (OpenTelemetry's own
 * serializers). Send with {@link TEAM_CONTENT_TYPE}[format].
 */
export function encodeTeamMetrics(buckets: readonly TeamBucket[], format: TeamWireFormat, info: TeamResourceInfo = {}): Uint8Array {
  const rm = teamResourceMetrics(buckets, info);
  const bytes = format === 'json' ? JsonMetricsSerializer.serializeRequest(rm) : ProtobufMetricsSerializer.serializeRequest(rm);
  if (!bytes) throw new Error('OpenTelemetry serializer returned no bytes');
  return bytes;
}
