/**
 * Real OpenTelemetry JS exporters (logs and metrics, OTLP/HTTP JSON and protobuf, optionally gzip) emitting records
 * shaped like Claude Code's and Copilot Chat's, for tests and benchmarks of the loopback receiver.
 */
import { SeverityNumber } from '@opentelemetry/api-logs';
import { OTLPLogExporter as JsonLogExporter } from '@opentelemetry/exporter-logs-otlp-http';
import { OTLPLogExporter as ProtoLogExporter } from '@opentelemetry/exporter-logs-otlp-proto';
import { OTLPMetricExporter as JsonMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPMetricExporter as ProtoMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchLogRecordProcessor, LoggerProvider } from '@opentelemetry/sdk-logs';
import { AggregationTemporality, MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';

export type Wire = 'json' | 'protobuf';

export interface ClientOptions {
  url: string;
  token: string | undefined;
  wire: Wire;
  gzip?: boolean;
  service: 'claude-code' | 'copilot-chat';
}

function exporterConfig(o: ClientOptions, signal: 'logs' | 'metrics'): Record<string, unknown> {
  return {
    url: `${o.url}/v1/${signal}`,
    headers: o.token !== undefined ? { Authorization: `Bearer ${o.token}` } : {},
    ...(o.gzip ? { compression: 'gzip' } : {}),
    timeoutMillis: 10_000,
  };
}

/** A logger provider exporting to the receiver; `emit` sends one event, `flush` pushes the batch now. */
export function logClient(o: ClientOptions): { emit(name: string, attributes: Record<string, string | number | boolean>): void; flush(): Promise<void>; shutdown(): Promise<void> } {
  const exporter = o.wire === 'json' ? new JsonLogExporter(exporterConfig(o, 'logs')) : new ProtoLogExporter(exporterConfig(o, 'logs'));
  const provider = new LoggerProvider({
    resource: resourceFromAttributes({ 'service.name': o.service, 'service.version': o.service === 'claude-code' ? '2.0.14' : '0.32.0' }),
    processors: [new BatchLogRecordProcessor({ exporter, maxExportBatchSize: 512, scheduledDelayMillis: 60_000, maxQueueSize: 100_000 })],
  });
  const logger = provider.getLogger(o.service === 'claude-code' ? 'com.anthropic.claude_code.events' : 'copilot-chat');
  return {
    emit: (name, attributes) =>
      logger.emit({
        eventName: name,
        body: name,
        severityNumber: SeverityNumber.INFO,
        attributes: { 'event.name': name.replace(/^claude_code\./, ''), 'event.timestamp': new Date().toISOString(), ...attributes },
      }),
    flush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
}

/** Claude Code's `claude_code.tool_decision` attributes. */
export function toolDecision(tool: string, decision: 'accept' | 'reject', extra: Record<string, string> = {}): Record<string, string> {
  return { 'session.id': 'sess-otel-1', tool_name: tool, decision, source: decision === 'accept' ? 'user_temporary' : 'user_reject', ...extra };
}

/** A meter provider with Claude Code's `claude_code.code_edit_tool.decision` counter. */
export function metricClient(o: ClientOptions, temporality: 'delta' | 'cumulative' = 'delta'): { add(n: number, attributes: Record<string, string>): void; flush(): Promise<void>; shutdown(): Promise<void> } {
  const t = temporality === 'delta' ? AggregationTemporality.DELTA : AggregationTemporality.CUMULATIVE;
  const config = { ...exporterConfig(o, 'metrics'), temporalityPreference: t };
  const exporter = o.wire === 'json' ? new JsonMetricExporter(config) : new ProtoMetricExporter(config);
  const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 });
  const provider = new MeterProvider({ resource: resourceFromAttributes({ 'service.name': o.service }), readers: [reader] });
  const counter = provider.getMeter('com.anthropic.claude_code').createCounter('claude_code.code_edit_tool.decision', { description: 'Count of code editing tool permission decisions' });
  return {
    add: (n, attributes) => counter.add(n, attributes),
    flush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
}
