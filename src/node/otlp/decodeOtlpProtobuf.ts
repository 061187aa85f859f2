/**
 * OTLP protobuf (ExportMetricsServiceRequest / ExportLogsServiceRequest) -> the decoded shapes of ./otlpTypes.
 * Field numbers from opentelemetry-proto (common/v1, resource/v1, metrics/v1, logs/v1). Unknown fields are skipped;
 * a known field with the wrong wire type is a 400.
 */
import type { DecodeBudget } from './otlpLimits.js';
import { ProtobufReader, WIRE_I64, WIRE_LEN, WIRE_VARINT } from './protobufReader.js';
import type {
  OtlpHistogramPoint,
  OtlpKeyValue,
  OtlpLogRecord,
  OtlpLogsRequest,
  OtlpMetric,
  OtlpMetricData,
  OtlpMetricsRequest,
  OtlpNumberPoint,
  OtlpResource,
  OtlpResourceLogs,
  OtlpResourceMetrics,
  OtlpScope,
  OtlpScopeLogs,
  OtlpScopeMetrics,
  OtlpValue,
} from './otlpTypes.js';

const hex = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');

function anyValue(r: ProtobufReader, depth: number): OtlpValue {
  r.budget.depth(depth);
  let value: OtlpValue = null;
  while (!r.done()) {
    const [field, wire] = r.tag();
    switch (field) {
      case 1:
        r.expect(wire, WIRE_LEN, 'AnyValue.string_value');
        value = r.string();
        break;
      case 2:
        r.expect(wire, WIRE_VARINT, 'AnyValue.bool_value');
        value = r.varint() !== 0;
        break;
      case 3:
        r.expect(wire, WIRE_VARINT, 'AnyValue.int_value');
        value = r.int64();
        break;
      case 4:
        r.expect(wire, WIRE_I64, 'AnyValue.double_value');
        value = r.double();
        break;
      case 5: {
        r.expect(wire, WIRE_LEN, 'AnyValue.array_value');
        const sub = r.message();
        const values: OtlpValue[] = [];
        while (!sub.done()) {
          const [f, w] = sub.tag();
          if (f === 1) {
            sub.expect(w, WIRE_LEN, 'ArrayValue.values');
            sub.budget.item();
            values.push(anyValue(sub.message(), depth + 2));
          } else sub.skip(w);
        }
        value = values;
        break;
      }
      case 6: {
        r.expect(wire, WIRE_LEN, 'AnyValue.kvlist_value');
        const sub = r.message();
        const kvlist: OtlpKeyValue[] = [];
        while (!sub.done()) {
          const [f, w] = sub.tag();
          if (f === 1) {
            sub.expect(w, WIRE_LEN, 'KeyValueList.values');
            sub.budget.item();
            kvlist.push(keyValue(sub.message(), depth + 2));
          } else sub.skip(w);
        }
        value = { kvlist };
        break;
      }
      case 7:
        r.expect(wire, WIRE_LEN, 'AnyValue.bytes_value');
        value = r.bytesField();
        break;
      default:
        r.skip(wire);
    }
  }
  return value;
}

function keyValue(r: ProtobufReader, depth: number): OtlpKeyValue {
  r.budget.depth(depth);
  let key = '';
  let value: OtlpValue = null;
  while (!r.done()) {
    const [field, wire] = r.tag();
    if (field === 1) {
      r.expect(wire, WIRE_LEN, 'KeyValue.key');
      key = r.string();
    } else if (field === 2) {
      r.expect(wire, WIRE_LEN, 'KeyValue.value');
      value = anyValue(r.message(), depth + 1);
    } else r.skip(wire);
  }
  return { key, value };
}

/** Reads one repeated KeyValue entry into `into`. */
function attribute(r: ProtobufReader, wire: number, depth: number, into: OtlpKeyValue[]): void {
  r.expect(wire, WIRE_LEN, 'attributes');
  r.budget.item();
  into.push(keyValue(r.message(), depth));
}

function resource(r: ProtobufReader, depth: number): OtlpResource {
  const attributes: OtlpKeyValue[] = [];
  while (!r.done()) {
    const [field, wire] = r.tag();
    if (field === 1) attribute(r, wire, depth + 1, attributes);
    else r.skip(wire);
  }
  return { attributes };
}

function scope(r: ProtobufReader, depth: number): OtlpScope {
  let name = '';
  let version = '';
  const attributes: OtlpKeyValue[] = [];
  while (!r.done()) {
    const [field, wire] = r.tag();
    if (field === 1) {
      r.expect(wire, WIRE_LEN, 'InstrumentationScope.name');
      name = r.string();
    } else if (field === 2) {
      r.expect(wire, WIRE_LEN, 'InstrumentationScope.version');
      version = r.string();
    } else if (field === 3) attribute(r, wire, depth + 1, attributes);
    else r.skip(wire);
  }
  return { name, version, attributes };
}

function numberPoint(r: ProtobufReader, depth: number): OtlpNumberPoint {
  const attributes: OtlpKeyValue[] = [];
  let startTimeUnixNano = '0';
  let timeUnixNano = '0';
  let value = 0;
  let isInt = false;
  while (!r.done()) {
    const [field, wire] = r.tag();
    switch (field) {
      case 7:
        attribute(r, wire, depth + 1, attributes);
        break;
      case 2:
        r.expect(wire, WIRE_I64, 'NumberDataPoint.start_time_unix_nano');
        startTimeUnixNano = r.fixed64String();
        break;
      case 3:
        r.expect(wire, WIRE_I64, 'NumberDataPoint.time_unix_nano');
        timeUnixNano = r.fixed64String();
        break;
      case 4:
        r.expect(wire, WIRE_I64, 'NumberDataPoint.as_double');
        value = r.double();
        isInt = false;
        break;
      case 6:
        r.expect(wire, WIRE_I64, 'NumberDataPoint.as_int');
        value = r.sfixed64();
        isInt = true;
        break;
      default:
        r.skip(wire);
    }
  }
  return { attributes, startTimeUnixNano, timeUnixNano, value, isInt };
}

function histogramPoint(r: ProtobufReader, depth: number): OtlpHistogramPoint {
  const attributes: OtlpKeyValue[] = [];
  let startTimeUnixNano = '0';
  let timeUnixNano = '0';
  let count = 0;
  let sum: number | undefined;
  let min: number | undefined;
  let max: number | undefined;
  const bucketCounts: number[] = [];
  const explicitBounds: number[] = [];
  while (!r.done()) {
    const [field, wire] = r.tag();
    switch (field) {
      case 9:
        attribute(r, wire, depth + 1, attributes);
        break;
      case 2:
        r.expect(wire, WIRE_I64, 'HistogramDataPoint.start_time_unix_nano');
        startTimeUnixNano = r.fixed64String();
        break;
      case 3:
        r.expect(wire, WIRE_I64, 'HistogramDataPoint.time_unix_nano');
        timeUnixNano = r.fixed64String();
        break;
      case 4:
        r.expect(wire, WIRE_I64, 'HistogramDataPoint.count');
        count = r.fixed64Number();
        break;
      case 5:
        r.expect(wire, WIRE_I64, 'HistogramDataPoint.sum');
        sum = r.double();
        break;
      case 6:
        r.packed64(wire, (s) => s.fixed64Number(), bucketCounts);
        break;
      case 7:
        r.packed64(wire, (s) => s.double(), explicitBounds);
        break;
      case 11:
        r.expect(wire, WIRE_I64, 'HistogramDataPoint.min');
        min = r.double();
        break;
      case 12:
        r.expect(wire, WIRE_I64, 'HistogramDataPoint.max');
        max = r.double();
        break;
      default:
        r.skip(wire);
    }
  }
  return { attributes, startTimeUnixNano, timeUnixNano, count, sum, bucketCounts, explicitBounds, min, max };
}

/** Sum, Gauge and Histogram share: 1 data_points, 2 aggregation_temporality, 3 is_monotonic (Sum only). */
function numberData(r: ProtobufReader, depth: number, kind: 'sum' | 'gauge'): OtlpMetricData {
  const points: OtlpNumberPoint[] = [];
  let temporality = 0;
  let monotonic = false;
  while (!r.done()) {
    const [field, wire] = r.tag();
    if (field === 1) {
      r.expect(wire, WIRE_LEN, 'data_points');
      r.budget.item();
      points.push(numberPoint(r.message(), depth + 1));
    } else if (field === 2 && kind === 'sum') {
      r.expect(wire, WIRE_VARINT, 'aggregation_temporality');
      temporality = r.varint();
    } else if (field === 3 && kind === 'sum') {
      r.expect(wire, WIRE_VARINT, 'is_monotonic');
      monotonic = r.varint() !== 0;
    } else r.skip(wire);
  }
  return kind === 'sum' ? { kind, temporality, monotonic, points } : { kind, points };
}

function histogramData(r: ProtobufReader, depth: number): OtlpMetricData {
  const points: OtlpHistogramPoint[] = [];
  let temporality = 0;
  while (!r.done()) {
    const [field, wire] = r.tag();
    if (field === 1) {
      r.expect(wire, WIRE_LEN, 'data_points');
      r.budget.item();
      points.push(histogramPoint(r.message(), depth + 1));
    } else if (field === 2) {
      r.expect(wire, WIRE_VARINT, 'aggregation_temporality');
      temporality = r.varint();
    } else r.skip(wire);
  }
  return { kind: 'histogram', temporality, points };
}

/** Counts the data_points (field 1) of a metric kind this decoder does not model. */
function otherData(r: ProtobufReader): OtlpMetricData {
  let pointCount = 0;
  while (!r.done()) {
    const [field, wire] = r.tag();
    if (field === 1) {
      r.budget.item();
      pointCount++;
    }
    r.skip(wire);
  }
  return { kind: 'other', pointCount };
}

function metric(r: ProtobufReader, depth: number): OtlpMetric {
  let name = '';
  let description = '';
  let unit = '';
  let data: OtlpMetricData = { kind: 'other', pointCount: 0 };
  while (!r.done()) {
    const [field, wire] = r.tag();
    switch (field) {
      case 1:
        r.expect(wire, WIRE_LEN, 'Metric.name');
        name = r.string();
        break;
      case 2:
        r.expect(wire, WIRE_LEN, 'Metric.description');
        description = r.string();
        break;
      case 3:
        r.expect(wire, WIRE_LEN, 'Metric.unit');
        unit = r.string();
        break;
      case 5:
        r.expect(wire, WIRE_LEN, 'Metric.gauge');
        data = numberData(r.message(), depth + 1, 'gauge');
        break;
      case 7:
        r.expect(wire, WIRE_LEN, 'Metric.sum');
        data = numberData(r.message(), depth + 1, 'sum');
        break;
      case 9:
        r.expect(wire, WIRE_LEN, 'Metric.histogram');
        data = histogramData(r.message(), depth + 1);
        break;
      case 10:
      case 11:
        r.expect(wire, WIRE_LEN, 'Metric data');
        data = otherData(r.message());
        break;
      default:
        r.skip(wire);
    }
  }
  return { name, description, unit, data };
}

/** Decodes one resource-level container: field 1 resource, field 2 repeated scope container. */
function resourceContainer<S>(r: ProtobufReader, scopeItem: (r: ProtobufReader) => S): { resource: OtlpResource; scopes: S[] } {
  let res: OtlpResource = { attributes: [] };
  const scopes: S[] = [];
  while (!r.done()) {
    const [field, wire] = r.tag();
    if (field === 1) {
      r.expect(wire, WIRE_LEN, 'resource');
      res = resource(r.message(), 2);
    } else if (field === 2) {
      r.expect(wire, WIRE_LEN, 'scope entry');
      r.budget.item();
      scopes.push(scopeItem(r.message()));
    } else r.skip(wire);
  }
  return { resource: res, scopes };
}

/** Decodes one scope-level container: field 1 scope, field 2 repeated item. */
function scopeContainer<T>(r: ProtobufReader, item: (r: ProtobufReader) => T): { scope: OtlpScope; items: T[] } {
  let sc: OtlpScope = { name: '', version: '', attributes: [] };
  const items: T[] = [];
  while (!r.done()) {
    const [field, wire] = r.tag();
    if (field === 1) {
      r.expect(wire, WIRE_LEN, 'scope');
      sc = scope(r.message(), 3);
    } else if (field === 2) {
      r.expect(wire, WIRE_LEN, 'item');
      r.budget.item();
      items.push(item(r.message()));
    } else r.skip(wire);
  }
  return { scope: sc, items };
}

function topLevel<T>(bytes: Uint8Array, budget: DecodeBudget, item: (r: ProtobufReader) => T): T[] {
  const r = new ProtobufReader(bytes, budget);
  const out: T[] = [];
  while (!r.done()) {
    const [field, wire] = r.tag();
    if (field === 1) {
      r.expect(wire, WIRE_LEN, 'resource entry');
      budget.item();
      out.push(item(r.message()));
    } else r.skip(wire);
  }
  budget.checkTime();
  return out;
}

/** Protobuf ExportMetricsServiceRequest -> {@link OtlpMetricsRequest}. Throws OtlpBodyError. */
export function decodeMetricsProtobuf(bytes: Uint8Array, budget: DecodeBudget): OtlpMetricsRequest {
  const resourceMetrics = topLevel<OtlpResourceMetrics>(bytes, budget, (rm) => {
    const { resource: res, scopes } = resourceContainer<OtlpScopeMetrics>(rm, (sm) => {
      const { scope: sc, items } = scopeContainer(sm, (m) => metric(m, 4));
      return { scope: sc, metrics: items };
    });
    return { resource: res, scopeMetrics: scopes };
  });
  return { resourceMetrics };
}

function logRecord(r: ProtobufReader, depth: number): OtlpLogRecord {
  let timeUnixNano = '0';
  let observedTimeUnixNano = '0';
  let severityNumber = 0;
  let severityText = '';
  let eventName = '';
  let body: OtlpValue = null;
  const attributes: OtlpKeyValue[] = [];
  let traceId = '';
  let spanId = '';
  while (!r.done()) {
    const [field, wire] = r.tag();
    switch (field) {
      case 1:
        r.expect(wire, WIRE_I64, 'LogRecord.time_unix_nano');
        timeUnixNano = r.fixed64String();
        break;
      case 11:
        r.expect(wire, WIRE_I64, 'LogRecord.observed_time_unix_nano');
        observedTimeUnixNano = r.fixed64String();
        break;
      case 2:
        r.expect(wire, WIRE_VARINT, 'LogRecord.severity_number');
        severityNumber = r.varint();
        break;
      case 3:
        r.expect(wire, WIRE_LEN, 'LogRecord.severity_text');
        severityText = r.string();
        break;
      case 5:
        r.expect(wire, WIRE_LEN, 'LogRecord.body');
        body = anyValue(r.message(), depth + 1);
        break;
      case 6:
        attribute(r, wire, depth + 1, attributes);
        break;
      case 9:
        r.expect(wire, WIRE_LEN, 'LogRecord.trace_id');
        traceId = hex(r.bytesField());
        break;
      case 10:
        r.expect(wire, WIRE_LEN, 'LogRecord.span_id');
        spanId = hex(r.bytesField());
        break;
      case 12:
        r.expect(wire, WIRE_LEN, 'LogRecord.event_name');
        eventName = r.string();
        break;
      default:
        r.skip(wire);
    }
  }
  return { timeUnixNano, observedTimeUnixNano, severityNumber, severityText, eventName, body, attributes, traceId, spanId };
}

/** Protobuf ExportLogsServiceRequest -> {@link OtlpLogsRequest}. Throws OtlpBodyError. */
export function decodeLogsProtobuf(bytes: Uint8Array, budget: DecodeBudget): OtlpLogsRequest {
  const resourceLogs = topLevel<OtlpResourceLogs>(bytes, budget, (rl) => {
    const { resource: res, scopes } = resourceContainer<OtlpScopeLogs>(rl, (sl) => {
      const { scope: sc, items } = scopeContainer(sl, (l) => logRecord(l, 4));
      return { scope: sc, logRecords: items };
    });
    return { resource: res, scopeLogs: scopes };
  });
  return { resourceLogs };
}
