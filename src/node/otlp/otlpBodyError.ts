/** Why an OTLP/HTTP body was refused, with the HTTP status to answer (never 5xx: the sender is at fault). */
export class OtlpBodyError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'OtlpBodyError';
  }
}
