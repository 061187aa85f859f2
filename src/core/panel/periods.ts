/**
 * Ranges and chart buckets over local days. Days are the capture-time local days the rollups are keyed by, so
 * bucketing is plain calendar arithmetic on `YYYY-MM-DD` strings and never depends on the viewer's time zone.
 */
import { addDays, daysBetween, type Day } from '../time/day.js';
import type { Granularity, PanelRange } from './panelData.js';

const RANGE_DAYS: Record<Exclude<PanelRange, 'all'>, number> = { '7d': 7, '30d': 30, '90d': 90 };

/** First day of a range ending `today` (inclusive). `all` starts at the oldest day with data (or today). */
export function rangeStart(range: PanelRange, today: Day, oldest: Day | undefined): Day {
  if (range === 'all') return oldest !== undefined && oldest < today ? oldest : today;
  return addDays(today, -(RANGE_DAYS[range] - 1));
}

/** Monday of the ISO week containing `day`. */
export function weekStart(day: Day): Day {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** Day buckets up to 90 days, week buckets beyond (a year of days is too dense to read). */
export function resolveGranularity(granularity: Granularity, since: Day, until: Day): 'day' | 'week' {
  if (granularity !== 'auto') return granularity;
  return daysBetween(since, until) + 1 > 92 ? 'week' : 'day';
}

/** Bucket start for a day. */
export function bucketOf(day: Day, granularity: 'day' | 'week'): Day {
  return granularity === 'day' ? day : weekStart(day);
}

/** Every bucket start from `since` to `until`, so empty periods show as gaps rather than disappearing. */
export function bucketStarts(since: Day, until: Day, granularity: 'day' | 'week'): Day[] {
  const out: Day[] = [];
  const step = granularity === 'day' ? 1 : 7;
  for (let d = bucketOf(since, granularity); d <= until; d = addDays(d, step)) out.push(d);
  return out;
}

/** The days of the chart period starting at `start` (one day, or the seven of its week), none after `until`. */
export function periodDays(start: Day, granularity: 'day' | 'week', until: Day): Day[] {
  const out: Day[] = [];
  const first = bucketOf(start, granularity);
  for (let i = 0; i < (granularity === 'day' ? 1 : 7); i++) {
    const d = addDays(first, i);
    if (d <= until) out.push(d);
  }
  return out;
}
