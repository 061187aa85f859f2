/**
 * The upload's view of the shared OTLP encoder (encodeTeamMetrics.ts, written with the collector): TeamBuckets →
 * request body plus its Content-Type. No resource facts beyond `service.name` are sent.
 */
import { encodeTeamMetrics } from './encodeTeamMetrics.js';
import type { TeamEncoder } from './teamRequest.js';

export const encodeTeamRequest: TeamEncoder = (buckets, format) => ({
  contentType: format === 'json' ? 'application/json' : 'application/x-protobuf',
  body: encodeTeamMetrics(buckets, format),
});
