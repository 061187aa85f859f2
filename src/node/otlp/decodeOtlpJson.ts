/**
 * OTLP/JSON (https://opentelemetry.io/docs/specs/otlp/#json-protobuf-encoding) -> the decoded shapes of ./otlpTypes.
 * Keys are lowerCamelCase (snake_case is accepted too, as the Collector does); 64-bit integers may be strings or
 * numbers; trace and span ids are hex; bytes values base64; enums integers. The text is guarded (depth, string
 * length) before JSON.parse, so the recursive walk here is bounded.
 */
import { guardJson } from './jsonGuard.js';
import { OtlpBodyError } from './otlpBodyError.js';
import type { DecodeBudget } from './otlpLimits.js';
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
  OtlpScope,
  OtlpValue,
} from './otlpTypes.js';

type Obj = Record<string, unknown>;

function bad(reason: string): never {
  throw new OtlpBodyError(400, `JSON: ${reason}`);
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function snake(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** A field by its lowerCamelCase name or its proto (snake_case) name. */
function field(o: Obj, key: string): unknown {
  const v = o[key];
  if (v !== undefined) return v;
  return Object.hasOwn(o, snake(key)) ? o[snake(key)] : undefined;
}

function obj(o: Obj, key: string, what: string): Obj | undefined {
  const v = field(o, key);
  if (v === undefined || v === null) return undefined;
  if (!isObj(v)) bad(`${what}.${key} is not an object`);
  return v;
}

function list(o: Obj, key: string, what: string, budget: DecodeBudget): unknown[] {
  const v = field(o, key);
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) bad(`${what}.${key} is not an array`);
  for (let i = 0; i < v.length; i++) budget.item();
  return v;
}

function str(o: Obj, key: string, what: string): string {
  const v = field(o, key);
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') bad(`${what}.${key} is not a string`);
  return v;
}

function num(v: unknown, what: string): number {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^-?\d{1,20}$/.test(v)) return Number(v);
  // Doubles may be sent as the strings "NaN", "Infinity", "-Infinity" (proto3 JSON).
  if (v === 'NaN') return NaN;
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  return bad(`${what} is not a number`);
}

function optNum(o: Obj, key: string, what: string): number | undefined {
  const v = field(o, key);
  return v === undefined || v === null ? undefined : num(v, `${what}.${key}`);
}

/** Unix nanos: a decimal string or a number; kept as a decimal string. */
function nanos(o: Obj, key: string, what: string): string {
  const v = field(o, key);
  if (v === undefined || v === null) return '0';
  if (typeof v === 'string' && /^\d{1,20}$/.test(v)) return BigInt(v).toString();
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return String(v);
  if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return BigInt(Math.trunc(v)).toString();
  return bad(`${what}.${key} is not a timestamp`);
}

function anyValue(v: unknown, budget: DecodeBudget): OtlpValue {
  if (v === undefined || v === null) return null;
  if (!isObj(v)) bad('AnyValue is not an object');
  if (typeof v.stringValue === 'string' || typeof v.string_value === 'string') return str(v, 'stringValue', 'AnyValue');
  const b = field(v, 'boolValue');
  if (b !== undefined) {
    if (typeof b !== 'boolean') bad('AnyValue.boolValue is not a boolean');
    return b;
  }
  const i = field(v, 'intValue');
  if (i !== undefined) return num(i, 'AnyValue.intValue');
  const d = field(v, 'doubleValue');
  if (d !== undefined) return num(d, 'AnyValue.doubleValue');
  const arr = obj(v, 'arrayValue', 'AnyValue');
  if (arr) return list(arr, 'values', 'ArrayValue', budget).map((x) => anyValue(x, budget));
  const kv = obj(v, 'kvlistValue', 'AnyValue');
  if (kv) return { kvlist: attributes(kv, 'values', budget) };
  const bytes = field(v, 'bytesValue');
  if (bytes !== undefined) {
    if (typeof bytes !== 'string' || !/^[A-Za-z0-9+/_-]*={0,2}$/.test(bytes)) bad('AnyValue.bytesValue is not base64');
    return new Uint8Array(Buffer.from(bytes, 'base64'));
  }
  return null;
}

function attributes(o: Obj, key: string, budget: DecodeBudget): OtlpKeyValue[] {
  return list(o, key, 'attributes', budget).map((kv) => {
    if (!isObj(kv)) bad('KeyValue is not an object');
    return { key: str(kv, 'key', 'KeyValue'), value: anyValue(field(kv, 'value'), budget) };
  });
}

function resource(o: Obj | undefined, budget: DecodeBudget): OtlpResource {
  return { attributes: o ? attributes(o, 'attributes', budget) : [] };
}

function scope(o: Obj | undefined, budget: DecodeBudget): OtlpScope {
  if (!o) return { name: '', version: '', attributes: [] };
  return { name: str(o, 'name', 'scope'), version: str(o, 'version', 'scope'), attributes: attributes(o, 'attributes', budget) };
}

function numberPoint(p: unknown, budget: DecodeBudget): OtlpNumberPoint {
  if (!isObj(p)) bad('data point is not an object');
  const asInt = field(p, 'asInt');
  const asDouble = field(p, 'asDouble');
  return {
    attributes: attributes(p, 'attributes', budget),
    startTimeUnixNano: nanos(p, 'startTimeUnixNano', 'point'),
    timeUnixNano: nanos(p, 'timeUnixNano', 'point'),
    value: asInt !== undefined ? num(asInt, 'asInt') : asDouble !== undefined ? num(asDouble, 'asDouble') : 0,
    isInt: asInt !== undefined,
  };
}

function histogramPoint(p: unknown, budget: DecodeBudget): OtlpHistogramPoint {
  if (!isObj(p)) bad('data point is not an object');
  return {
    attributes: attributes(p, 'attributes', budget),
    startTimeUnixNano: nanos(p, 'startTimeUnixNano', 'point'),
    timeUnixNano: nanos(p, 'timeUnixNano', 'point'),
    count: optNum(p, 'count', 'point') ?? 0,
    sum: optNum(p, 'sum', 'point'),
    bucketCounts: list(p, 'bucketCounts', 'point', budget).map((c) => num(c, 'bucketCounts')),
    explicitBounds: list(p, 'explicitBounds', 'point', budget).map((c) => num(c, 'explicitBounds')),
    min: optNum(p, 'min', 'point'),
    max: optNum(p, 'max', 'point'),
  };
}

function metric(m: unknown, budget: DecodeBudget): OtlpMetric {
  if (!isObj(m)) bad('metric is not an object');
  const sum = obj(m, 'sum', 'metric');
  const gauge = obj(m, 'gauge', 'metric');
  const histogram = obj(m, 'histogram', 'metric');
  let data: OtlpMetricData;
  if (sum) {
    data = {
      kind: 'sum',
      temporality: optNum(sum, 'aggregationTemporality', 'sum') ?? 0,
      monotonic: field(sum, 'isMonotonic') === true,
      points: list(sum, 'dataPoints', 'sum', budget).map((p) => numberPoint(p, budget)),
    };
  } else if (gauge) {
    data = { kind: 'gauge', points: list(gauge, 'dataPoints', 'gauge', budget).map((p) => numberPoint(p, budget)) };
  } else if (histogram) {
    data = {
      kind: 'histogram',
      temporality: optNum(histogram, 'aggregationTemporality', 'histogram') ?? 0,
      points: list(histogram, 'dataPoints', 'histogram', budget).map((p) => histogramPoint(p, budget)),
    };
  } else {
    const other = obj(m, 'exponentialHistogram', 'metric') ?? obj(m, 'summary', 'metric');
    data = { kind: 'other', pointCount: other ? list(other, 'dataPoints', 'metric', budget).length : 0 };
  }
  return { name: str(m, 'name', 'metric'), description: str(m, 'description', 'metric'), unit: str(m, 'unit', 'metric'), data };
}

function parse(bytes: Uint8Array, budget: DecodeBudget): Obj {
  guardJson(bytes, budget.limits);
  budget.checkTime();
  let doc: unknown;
  try {
    doc = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
  } catch (e) {
    bad(`not JSON (${(e as Error).message.slice(0, 80)})`);
  }
  if (!isObj(doc)) bad('the request is not an object');
  return doc;
}

/** OTLP/JSON ExportMetricsServiceRequest -> {@link OtlpMetricsRequest}. Throws OtlpBodyError. */
export function decodeMetricsJson(bytes: Uint8Array, budget: DecodeBudget): OtlpMetricsRequest {
  const doc = parse(bytes, budget);
  const resourceMetrics = list(doc, 'resourceMetrics', 'request', budget).map((rm) => {
    if (!isObj(rm)) bad('resourceMetrics entry is not an object');
    return {
      resource: resource(obj(rm, 'resource', 'resourceMetrics'), budget),
      scopeMetrics: list(rm, 'scopeMetrics', 'resourceMetrics', budget).map((sm) => {
        if (!isObj(sm)) bad('scopeMetrics entry is not an object');
        return { scope: scope(obj(sm, 'scope', 'scopeMetrics'), budget), metrics: list(sm, 'metrics', 'scopeMetrics', budget).map((m) => metric(m, budget)) };
      }),
    };
  });
  budget.checkTime();
  return { resourceMetrics };
}

function hexId(o: Obj, key: string): string {
  const v = str(o, key, 'logRecord');
  if (!/^[0-9a-fA-F]*$/.test(v)) bad(`logRecord.${key} is not hex`);
  return v.toLowerCase();
}

function logRecord(l: unknown, budget: DecodeBudget): OtlpLogRecord {
  if (!isObj(l)) bad('logRecord is not an object');
  return {
    timeUnixNano: nanos(l, 'timeUnixNano', 'logRecord'),
    observedTimeUnixNano: nanos(l, 'observedTimeUnixNano', 'logRecord'),
    severityNumber: optNum(l, 'severityNumber', 'logRecord') ?? 0,
    severityText: str(l, 'severityText', 'logRecord'),
    eventName: str(l, 'eventName', 'logRecord'),
    body: anyValue(field(l, 'body'), budget),
    attributes: attributes(l, 'attributes', budget),
    traceId: hexId(l, 'traceId'),
    spanId: hexId(l, 'spanId'),
  };
}

/** OTLP/JSON ExportLogsServiceRequest -> {@link OtlpLogsRequest}. Throws OtlpBodyError. */
export function decodeLogsJson(bytes: Uint8Array, budget: DecodeBudget): OtlpLogsRequest {
  const doc = parse(bytes, budget);
  const resourceLogs = list(doc, 'resourceLogs', 'request', budget).map((rl) => {
    if (!isObj(rl)) bad('resourceLogs entry is not an object');
    return {
      resource: resource(obj(rl, 'resource', 'resourceLogs'), budget),
      scopeLogs: list(rl, 'scopeLogs', 'resourceLogs', budget).map((sl) => {
        if (!isObj(sl)) bad('scopeLogs entry is not an object');
        return { scope: scope(obj(sl, 'scope', 'scopeLogs'), budget), logRecords: list(sl, 'logRecords', 'scopeLogs', budget).map((l) => logRecord(l, budget)) };
      }),
    };
  });
  budget.checkTime();
  return { resourceLogs };
}
