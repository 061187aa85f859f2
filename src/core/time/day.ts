/**
 * Calendar days. Records carry their capture-time UTC offset (`tz`, minutes east of UTC), so "which day" is the
 * user's local day when the record was made, independent of the machine's time zone when it is read back.
 */

/** A local calendar day as `YYYY-MM-DD`. */
export type Day = string;

const DAY_MS = 86_400_000;

/** The local day of an instant, given the UTC offset in minutes (east positive, as `-Date#getTimezoneOffset()`). */
export function dayOf(ts: number, tzMinutes: number): Day {
  return new Date(ts + tzMinutes * 60_000).toISOString().slice(0, 10);
}

/** The current UTC offset (minutes east of UTC) of the runtime's time zone at `ts`. */
export function localTzOffset(ts: number): number {
  // `|| 0` turns the -0 of UTC into 0, so records compare equal with what they read back as.
  return -new Date(ts).getTimezoneOffset() || 0;
}

export function isDay(value: string): value is Day {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/** Days between two days (b − a). */
export function daysBetween(a: Day, b: Day): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

export function addDays(day: Day, n: number): Day {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Inclusive list of days from `from` to `to`. */
export function dayRange(from: Day, to: Day): Day[] {
  const out: Day[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}
