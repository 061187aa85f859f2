/**
 * Gzip for upload bodies with the platform's own `CompressionStream` (Node ≥ 18, browsers and the web extension
 * host), so the same code compresses on every host and no compression library enters the bundle. OTLP/HTTP
 * receivers accept `Content-Encoding: gzip` (the OpenTelemetry Collector and `driftwatch collect` both do).
 */

/** Gzips bytes; resolves with the compressed body. */
export async function gzipBody(bytes: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
