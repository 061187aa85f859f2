/**
 * One day's upload request, built the same way for the CLI's `driftwatch payload`, the extension's preview and the
 * queue: store → k-anonymous buckets → OTLP bytes (JSON or protobuf) from the shared encoder.
 */
import type { EventStore } from '../store/eventStore.js';
import type { Day } from '../time/day.js';
import { teamDayFromStore, type TeamDayResult } from './teamPayload.js';
import type { TeamBucket } from './teamWire.js';
import type { QueueItem } from './uploadQueue.js';

export type UploadFormat = 'json' | 'protobuf';

export interface EncodedRequest {
  contentType: 'application/json' | 'application/x-protobuf';
  body: Uint8Array;
}

/** TeamBuckets → an OTLP ExportMetricsServiceRequest body (the collector helper's encodeTeamMetrics). */
export type TeamEncoder = (buckets: readonly TeamBucket[], format: UploadFormat) => EncodedRequest;

export interface DayRequest {
  day: Day;
  teamDay: TeamDayResult;
  request: EncodedRequest;
  /** The JSON encoding of the same buckets, pretty-printed: what the user is shown before consenting. */
  previewJson: string;
}

/** Builds the day's buckets and encodes them. */
export async function buildDayRequest(
  store: EventStore,
  options: { day: Day; secret: string; teamId: string; k?: number; format: UploadFormat },
  encode: TeamEncoder,
): Promise<DayRequest> {
  const teamDay = await teamDayFromStore(store, options);
  const request = encode(teamDay.buckets, options.format);
  const json = options.format === 'json' ? request : encode(teamDay.buckets, 'json');
  const previewJson = JSON.stringify(JSON.parse(new TextDecoder().decode(json.body)), null, 2);
  return { day: options.day, teamDay, request, previewJson };
}

function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** The queue entry for a built request (JSON kept as text so the queue on disk stays inspectable). */
export function queueEntryOf(req: DayRequest, teamId: string): Omit<QueueItem, 'attempts' | 'notBefore' | 'enqueuedAt'> {
  const isJson = req.request.contentType === 'application/json';
  return {
    id: `${teamId}/${req.day}`,
    day: req.day,
    teamId,
    contentType: req.request.contentType,
    body: isJson ? new TextDecoder().decode(req.request.body) : toBase64(req.request.body),
    bodyEncoding: isJson ? 'utf8' : 'base64',
    buckets: req.teamDay.buckets.length,
  };
}

/** The request body bytes of a queue entry. */
export function bodyOf(item: QueueItem): Uint8Array<ArrayBuffer> {
  if (item.bodyEncoding === 'utf8') return new TextEncoder().encode(item.body);
  const bin = atob(item.body);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
