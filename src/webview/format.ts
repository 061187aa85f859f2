/** Number and date formatting for the panel. Missing values read as an em dash, never as 0. */

export const DASH = '—';

export function fmtScore(v: number | null | undefined): string {
  return v === null || v === undefined ? DASH : v.toFixed(0);
}

export function fmtPct(v: number | null | undefined, digits = 0): string {
  return v === null || v === undefined ? DASH : `${(v * 100).toFixed(digits)}%`;
}

export function fmtNum(v: number | null | undefined, digits = 1): string {
  return v === null || v === undefined ? DASH : v.toFixed(digits);
}

export function fmtSigned(v: number | null | undefined, digits = 1): string {
  if (v === null || v === undefined) return DASH;
  const s = v.toFixed(digits);
  return v > 0 ? `+${s}` : s;
}

/** Local date-time of an instant in the viewer's time zone, short. */
export function fmtTime(ts: number): string {
  const d = new Date(ts);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Epoch seconds of a `YYYY-MM-DD` day at UTC midnight: chart x values (axes are drawn in UTC, so a day stays a day). */
export function daySeconds(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / 1000;
}
