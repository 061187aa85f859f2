/**
 * A bare OTLP/HTTP metrics receiver for the upload tests: a real HTTP server on 127.0.0.1 that decodes JSON bodies
 * with JSON.parse and protobuf bodies with protobufjs over the OpenTelemetry metrics proto definitions (the subset of
 * opentelemetry-proto's fields the upload uses, with their field numbers), and flattens every data point to
 * `{ metric, attributes, value }`. Its behaviour per request is scripted (ok, 500, 429 + Retry-After, slow, hang).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import protobuf from 'protobufjs';

const OTLP_METRICS_PROTO = `
syntax = "proto3";
package otlp;
message ExportMetricsServiceRequest { repeated ResourceMetrics resource_metrics = 1; }
message ResourceMetrics { Resource resource = 1; repeated ScopeMetrics scope_metrics = 2; string schema_url = 3; }
message Resource { repeated KeyValue attributes = 1; uint32 dropped_attributes_count = 2; }
message ScopeMetrics { InstrumentationScope scope = 1; repeated Metric metrics = 2; string schema_url = 3; }
message InstrumentationScope { string name = 1; string version = 2; repeated KeyValue attributes = 3; uint32 dropped_attributes_count = 4; }
message Metric {
  string name = 1; string description = 2; string unit = 3;
  oneof data { Gauge gauge = 5; Sum sum = 7; Histogram histogram = 9; }
}
message Gauge { repeated NumberDataPoint data_points = 1; }
message Sum { repeated NumberDataPoint data_points = 1; int32 aggregation_temporality = 2; bool is_monotonic = 3; }
message Histogram { repeated HistogramDataPoint data_points = 1; int32 aggregation_temporality = 2; }
message NumberDataPoint {
  repeated KeyValue attributes = 7; fixed64 start_time_unix_nano = 2; fixed64 time_unix_nano = 3;
  oneof value { double as_double = 4; sfixed64 as_int = 6; }
  uint32 flags = 8;
}
message HistogramDataPoint {
  repeated KeyValue attributes = 9; fixed64 start_time_unix_nano = 2; fixed64 time_unix_nano = 3; fixed64 count = 4;
  optional double sum = 5; repeated fixed64 bucket_counts = 6; repeated double explicit_bounds = 7; uint32 flags = 10;
  optional double min = 11; optional double max = 12;
}
message KeyValue { string key = 1; AnyValue value = 2; }
message AnyValue {
  oneof value { string string_value = 1; bool bool_value = 2; int64 int_value = 3; double double_value = 4; ArrayValue array_value = 5; KeyValueList kvlist_value = 6; bytes bytes_value = 7; }
}
message ArrayValue { repeated AnyValue values = 1; }
message KeyValueList { repeated KeyValue values = 1; }
`;

const root = protobuf.parse(OTLP_METRICS_PROTO, { keepCase: false }).root;
const RequestType = root.lookupType('otlp.ExportMetricsServiceRequest');

/** One data point, flattened. Histogram points carry count, sum and bucket counts as `value`. */
export interface FlatPoint {
  metric: string;
  kind: 'sum' | 'gauge' | 'histogram';
  attributes: Record<string, string | number | boolean>;
  value: number | { count: number; sum: number | undefined; bucketCounts: number[]; explicitBounds: number[] };
}

export interface DecodedRequest {
  contentType: string;
  /** The request's Content-Encoding (`gzip` or `identity`); `raw` is always the decompressed body. */
  contentEncoding: string;
  authorization: string | undefined;
  raw: Buffer;
  resource: Record<string, string | number | boolean>;
  points: FlatPoint[];
}

type Json = Record<string, unknown>;

function anyValue(v: Json | undefined): string | number | boolean {
  if (!v) return '';
  if ('stringValue' in v) return String(v['stringValue']);
  if ('boolValue' in v) return Boolean(v['boolValue']);
  if ('intValue' in v) return Number(v['intValue']);
  if ('doubleValue' in v) return Number(v['doubleValue']);
  return JSON.stringify(v);
}

function attrs(list: unknown): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const kv of (list as Json[] | undefined) ?? []) out[String(kv['key'])] = anyValue(kv['value'] as Json | undefined);
  return out;
}

/** Flattens an ExportMetricsServiceRequest in its OTLP/JSON shape (protobuf is converted to the same shape). */
export function flatten(doc: Json): { resource: Record<string, string | number | boolean>; points: FlatPoint[] } {
  const points: FlatPoint[] = [];
  let resource: Record<string, string | number | boolean> = {};
  for (const rm of (doc['resourceMetrics'] as Json[] | undefined) ?? []) {
    resource = attrs((rm['resource'] as Json | undefined)?.['attributes']);
    for (const sm of (rm['scopeMetrics'] as Json[] | undefined) ?? []) {
      for (const m of (sm['metrics'] as Json[] | undefined) ?? []) {
        const name = String(m['name']);
        for (const kind of ['sum', 'gauge'] as const) {
          const data = m[kind] as Json | undefined;
          for (const p of (data?.['dataPoints'] as Json[] | undefined) ?? []) {
            points.push({ metric: name, kind, attributes: attrs(p['attributes']), value: Number(p['asInt'] ?? p['asDouble'] ?? 0) });
          }
        }
        const h = m['histogram'] as Json | undefined;
        for (const p of (h?.['dataPoints'] as Json[] | undefined) ?? []) {
          points.push({
            metric: name,
            kind: 'histogram',
            attributes: attrs(p['attributes']),
            value: {
              count: Number(p['count'] ?? 0),
              sum: p['sum'] === undefined ? undefined : Number(p['sum']),
              bucketCounts: ((p['bucketCounts'] as unknown[] | undefined) ?? []).map(Number),
              explicitBounds: ((p['explicitBounds'] as unknown[] | undefined) ?? []).map(Number),
            },
          });
        }
      }
    }
  }
  return { resource, points };
}

/** Decodes one request body by content type. Throws on a body that is not valid OTLP metrics. */
export function decodeOtlpMetrics(contentType: string, body: Buffer): { resource: Record<string, string | number | boolean>; points: FlatPoint[] } {
  if (contentType.startsWith('application/json')) return flatten(JSON.parse(body.toString('utf8')) as Json);
  if (contentType.startsWith('application/x-protobuf')) {
    const msg = RequestType.decode(body);
    const obj = RequestType.toObject(msg, { longs: String, bytes: String, defaults: false, oneofs: false }) as Json;
    return flatten(obj);
  }
  throw new Error(`unsupported content type ${contentType}`);
}

export type Behaviour = { status: number; retryAfter?: string; delayMs?: number } | 'hang';

export class OtlpTestReceiver {
  readonly requests: DecodedRequest[] = [];
  /** Answers for the next requests, in order; afterwards 200. */
  readonly script: Behaviour[] = [];
  /** Connections that were closed by the client before an answer. */
  aborted = 0;
  /** Idempotency keys accepted so far (a duplicate is answered 200 and counted once). */
  readonly accepted = new Map<string, number>();
  duplicates = 0;
  decodeErrors: string[] = [];
  private server: Server | undefined;
  private readonly hanging = new Set<ServerResponse>();

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const contentEncoding = String(req.headers['content-encoding'] ?? 'identity');
    let raw = Buffer.concat(chunks);
    if (contentEncoding === 'gzip') raw = gunzipSync(raw);
    if (req.url === '/driftwatch/v1/forget') {
      this.forgetRequests.push(JSON.parse(raw.toString('utf8')) as { teamId: string; installIds: string[] });
      res.writeHead(this.forgetStatus, { 'content-type': 'application/json' }).end(JSON.stringify({ deleted: 3 }));
      return;
    }
    const behaviour = this.script.shift() ?? { status: 200 };
    if (behaviour === 'hang') {
      this.hanging.add(res);
      res.on('close', () => {
        if (this.hanging.delete(res)) this.aborted++;
      });
      return;
    }
    if (behaviour.delayMs) await new Promise((r) => setTimeout(r, behaviour.delayMs));
    if (res.destroyed) {
      this.aborted++;
      return;
    }
    if (behaviour.status === 200) {
      const contentType = String(req.headers['content-type'] ?? '');
      try {
        const decoded = decodeOtlpMetrics(contentType, raw);
        this.requests.push({ contentType, contentEncoding, authorization: req.headers.authorization, raw, ...decoded });
        for (const p of decoded.points) {
          if (p.metric !== 'driftwatch.edits') continue;
          const key = String(p.attributes['driftwatch.idempotency_key']);
          if (this.accepted.has(key)) this.duplicates++;
          else this.accepted.set(key, Number(p.value));
        }
      } catch (err) {
        this.decodeErrors.push(String(err));
        res.writeHead(400).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      return;
    }
    res.writeHead(behaviour.status, behaviour.retryAfter ? { 'retry-after': behaviour.retryAfter } : {}).end();
  }

  readonly forgetRequests: { teamId: string; installIds: string[] }[] = [];
  forgetStatus = 200;

  /** Answers every hanging request with 200 (without recording it). */
  releaseHanging(): void {
    for (const res of this.hanging) res.writeHead(200).end('{}');
    this.hanging.clear();
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server?.closeAllConnections();
  }
}
