/**
 * Pooled cells (the collector's series API) -> per-assistant daily series for the team page's charts. Only
 * published cells reach the page, so every total and rate here is built from published cells alone.
 */
import type { PooledCellData, SeriesResponse } from '../../core/team/teamApi.js';
import { addDays } from '../../core/time/day.js';

export type TeamMetric = 'score' | 'acceptance' | 'survival' | 'fixRate' | 'findings' | 'edits';

interface Acc {
  edits: number;
  kept: number;
  decided: number;
  checked: number;
  unchanged: number;
  fixed: number;
  findings: number;
  lines: number;
  scoreN: number;
  scoreSum: number;
}

export interface TeamSeries {
  readonly days: string[];
  readonly assistants: string[];
  /** metric -> assistant -> value per day (null when no published cell that day). */
  readonly values: Record<TeamMetric, Record<string, (number | null)[]>>;
  readonly members: (number | null)[];
}

const ratio = (x: number, n: number): number | null => (n > 0 ? x / n : null);

export function teamSeries(r: SeriesResponse): TeamSeries {
  const days: string[] = [];
  for (let d = r.since; d <= r.until; d = addDays(d, 1)) days.push(d);
  const index = new Map(days.map((d, i) => [d, i]));
  const accs = new Map<string, Acc[]>();
  const add = (c: PooledCellData): void => {
    let list = accs.get(c.assistant);
    if (!list) accs.set(c.assistant, (list = days.map(() => ({ edits: 0, kept: 0, decided: 0, checked: 0, unchanged: 0, fixed: 0, findings: 0, lines: 0, scoreN: 0, scoreSum: 0 }))));
    const a = list[index.get(c.day) ?? -1];
    if (!a) return;
    a.edits += c.edits;
    a.kept += c.accepted + c.modified;
    a.decided += c.accepted + c.modified + c.rejected + c.deleted;
    a.checked += c.survivalChecked;
    a.unchanged += c.survivalUnchanged;
    a.fixed += c.editsFixed;
    a.findings += c.findingsLoop + c.findingsOop;
    a.lines += c.linesAdded;
    a.scoreN += c.scoreCount;
    a.scoreSum += c.scoreSum;
  };
  r.cells.forEach(add);
  const assistants = [...accs.keys()].sort();
  const values = { score: {}, acceptance: {}, survival: {}, fixRate: {}, findings: {}, edits: {} } as TeamSeries['values'];
  for (const name of assistants) {
    const list = accs.get(name)!;
    values.score[name] = list.map((a) => ratio(a.scoreSum, a.scoreN));
    values.acceptance[name] = list.map((a) => ratio(a.kept, a.decided));
    values.survival[name] = list.map((a) => ratio(a.unchanged, a.checked));
    values.fixRate[name] = list.map((a) => ratio(a.fixed, a.edits));
    values.findings[name] = list.map((a) => (a.lines > 0 ? (100 * a.findings) / a.lines : null));
    values.edits[name] = list.map((a) => (a.edits > 0 ? a.edits : null));
  }
  const memberByDay = new Map(r.members.map((m) => [m.day, m.members]));
  return { days, assistants, values, members: days.map((d) => memberByDay.get(d) ?? null) };
}
