/**
 * Hard limits for decoding OTLP/HTTP request bodies from untrusted senders. Every limit turns into a 4xx answer
 * (see {@link OtlpBodyError}), so a hostile body costs bounded time and memory and never a crash.
 */
import { OtlpBodyError } from './otlpBodyError.js';

export interface OtlpLimits {
  /** Bytes on the wire (compressed when gzip). Above: 413. */
  readonly maxBodyBytes: number;
  /** Bytes after gunzip. Above: 413. */
  readonly maxDecodedBytes: number;
  /** Nesting of JSON objects/arrays, and of protobuf messages (AnyValue arrays/kvlists nest without bound). Above: 400. */
  readonly maxDepth: number;
  /** Longest string (or bytes) value, in bytes. Above: 413. */
  readonly maxStringBytes: number;
  /** Most repeated entries in total (data points, log records, attributes, array values). Above: 413. */
  readonly maxItems: number;
  /** Wall-clock budget for decoding one body, in milliseconds. Above: 413. */
  readonly timeBudgetMs: number;
}

/** Defaults that fit OTLP from SDKs and collectors (batches of a few MB) and nothing hostile. */
export const DEFAULT_OTLP_LIMITS: OtlpLimits = {
  maxBodyBytes: 4 * 1024 * 1024,
  maxDecodedBytes: 16 * 1024 * 1024,
  maxDepth: 64,
  maxStringBytes: 1024 * 1024,
  maxItems: 1_000_000,
  timeBudgetMs: 2000,
};

/** Counts work against the item and time limits while one body is decoded. */
export class DecodeBudget {
  private items = 0;
  private readonly deadline: number;

  constructor(readonly limits: OtlpLimits, now: () => number = Date.now) {
    this.now = now;
    this.deadline = now() + limits.timeBudgetMs;
  }

  private readonly now: () => number;

  /** Accounts for one more repeated entry; checks the clock every 1024 entries (Date.now is not free). */
  item(): void {
    this.items++;
    if (this.items > this.limits.maxItems) throw new OtlpBodyError(413, `more than ${this.limits.maxItems} entries`);
    if ((this.items & 1023) === 0) this.checkTime();
  }

  checkTime(): void {
    if (this.now() > this.deadline) throw new OtlpBodyError(413, `decoding took longer than ${this.limits.timeBudgetMs} ms`);
  }

  depth(depth: number): void {
    if (depth > this.limits.maxDepth) throw new OtlpBodyError(400, `nested deeper than ${this.limits.maxDepth}`);
  }

  stringBytes(length: number): void {
    if (length > this.limits.maxStringBytes) throw new OtlpBodyError(413, `a string of ${length} bytes exceeds ${this.limits.maxStringBytes}`);
  }
}
