/**
 * From a store to one day's team buckets: reads the records of the day (and the next partition, where late survival
 * checkpoints land), splits by assistant version and applies k. The CLI's `driftwatch payload`, the extension's
 * preview and its daily upload all call this, so they agree byte for byte.
 */
import type { EventStore } from '../store/eventStore.js';
import { addDays, dayOf, localTzOffset, type Day } from '../time/day.js';
import { monthOfDay, monthlyInstallId } from './installId.js';
import { buildTeamDay, type TeamDay } from './teamBuckets.js';
import { versionedBuckets } from './versionedRollup.js';
import type { DriftEvent } from '../schema/events.js';

export interface TeamDayRequest {
  day: Day;
  /** The install's secret (see installId.ts). */
  secret: string;
  teamId: string;
  k?: number;
}

export interface TeamDayResult extends TeamDay {
  installId: string;
}

/** Reads the store and builds the day's buckets. */
export async function teamDayFromStore(store: EventStore, request: TeamDayRequest): Promise<TeamDayResult> {
  const records: DriftEvent[] = [];
  for await (const e of store.read({ since: request.day, until: addDays(request.day, 1) })) records.push(e);
  const installId = await monthlyInstallId(request.secret, monthOfDay(request.day));
  const result = await buildTeamDay(versionedBuckets(records, request.day), {
    day: request.day,
    installId,
    teamId: request.teamId,
    ...(request.k !== undefined ? { k: request.k } : {}),
  });
  return { ...result, installId };
}

/** Minutes after midnight before yesterday counts as complete (its last edits' 15-minute checkpoints have landed). */
export const DAY_SETTLE_MS = 30 * 60_000;

/** The latest local day whose records are complete at `now`: yesterday, once {@link DAY_SETTLE_MS} have passed. */
export function latestCompleteDay(now: number): Day {
  const t = now - DAY_SETTLE_MS;
  return addDays(dayOf(t, localTzOffset(t)), -1);
}
