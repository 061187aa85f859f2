/**
 * Reads an OTLP/HTTP request body from a Node request: Content-Type (JSON or protobuf), optional
 * `Content-Encoding: gzip`, with the wire size and the decompressed size capped (413 past either, without reading
 * or inflating further — a gzip bomb stops at the cap).
 */
import type { IncomingMessage } from 'node:http';
import { gunzip } from 'node:zlib';
import { OtlpBodyError } from './otlpBodyError.js';
import type { OtlpLimits } from './otlpLimits.js';

export type OtlpEncoding = 'json' | 'protobuf';

export interface OtlpBody {
  readonly encoding: OtlpEncoding;
  /** The decompressed body. */
  readonly bytes: Uint8Array;
  /** Bytes received on the wire. */
  readonly wireBytes: number;
}

/** Maps a Content-Type header to the OTLP encoding; 415 for anything else. */
export function otlpEncodingOf(contentType: string | undefined): OtlpEncoding {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json') return 'json';
  if (type === 'application/x-protobuf' || type === 'application/protobuf') return 'protobuf';
  throw new OtlpBodyError(415, `unsupported content type ${JSON.stringify(type.slice(0, 80))}`);
}

/** Reads the whole body up to `maxBytes`; stops reading (and drains nothing more into memory) past it. */
function readCapped(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    return Promise.reject(new OtlpBodyError(413, `body of ${declared} bytes exceeds ${maxBytes}`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (err: Error | undefined, body?: Buffer): void => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      if (err) {
        // Discard the rest without buffering it so the connection can still carry the 413 answer.
        req.resume();
        reject(err);
      } else resolve(body!);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > maxBytes) finish(new OtlpBodyError(413, `body exceeds ${maxBytes} bytes`));
      else chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => finish(undefined, Buffer.concat(chunks, size)));
    req.once('error', (e) => finish(new OtlpBodyError(400, `body could not be read: ${e.message}`)));
    req.once('aborted', () => finish(new OtlpBodyError(400, 'request aborted')));
  });
}

/** Inflates gzip with the output capped: zlib stops at `maxOutputLength` instead of inflating a bomb. */
export function gunzipCapped(bytes: Uint8Array, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    gunzip(bytes, { maxOutputLength: maxBytes }, (err, out) => {
      if (!err) resolve(out);
      else if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
        reject(new OtlpBodyError(413, `body inflates beyond ${maxBytes} bytes`));
      } else reject(new OtlpBodyError(400, `gzip: ${err.message}`));
    });
  });
}

/**
 * Reads, checks and (for gzip) inflates one OTLP/HTTP body. Throws {@link OtlpBodyError} (415 content type or
 * encoding, 413 too large, 400 unreadable).
 */
export async function readOtlpBody(req: IncomingMessage, limits: OtlpLimits): Promise<OtlpBody> {
  let encoding: OtlpEncoding;
  try {
    encoding = otlpEncodingOf(req.headers['content-type']);
  } catch (e) {
    req.resume();
    throw e;
  }
  const contentEncoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (contentEncoding !== 'gzip' && contentEncoding !== 'identity') {
    req.resume();
    throw new OtlpBodyError(415, `unsupported content encoding ${JSON.stringify(contentEncoding.slice(0, 40))}`);
  }
  const wire = await readCapped(req, limits.maxBodyBytes);
  const bytes = contentEncoding === 'gzip' ? await gunzipCapped(wire, limits.maxDecodedBytes) : wire;
  if (bytes.length > limits.maxDecodedBytes) throw new OtlpBodyError(413, `body exceeds ${limits.maxDecodedBytes} bytes`);
  return { encoding, bytes, wireBytes: wire.length };
}
