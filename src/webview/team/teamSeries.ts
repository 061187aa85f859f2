/**
 * Pooled cells (the collector's series API) -> daily series for the team page's charts, one line per assistant, per
 * model or per assistant version. Only published cells reach the page, so every total and rate here is built from
 * published cells alone, whichever breakdown sums them.
 */
import type { PooledCellData, SeriesResponse } from '../../core/team/teamApi.js';
import { addDays } from '../../core/time/day.js';

export type TeamMetric = 'score' | 'acceptance' | 'survival' | 'arc' | 'fixRate' | 'findings' | 'edits';

/** What one line of a chart stands for. */
export type TeamBreakdown = 'assistant' | 'model' | 'version';

export const BREAKDOWN_LABELS: Record<TeamBreakdown, string> = { assistant: 'Assistant', model: 'Model', version: 'Assistant version' };

/** The line a cell belongs to: an assistant, a model, or an assistant at one version (an unknown version says so). */
export function breakdownKey(c: Pick<PooledCellData, 'assistant' | 'assistantVersion' | 'model'>, by: TeamBreakdown): string {
  if (by === 'model') return c.model || '(unknown model)';
  if (by === 'version') return `${c.assistant} ${c.assistantVersion || '(unknown version)'}`;
  return c.assistant;
}

interface Acc {
  edits: number;
  kept: number;
  decided: number;
  checked: number;
  unchanged: number;
  arcAccepted: number;
  arcRetained: number;
  fixed: number;
  findings: number;
  lines: number;
  scoreN: number;
  scoreSum: number;
}

export interface TeamSeries {
  readonly days: string[];
  readonly by: TeamBreakdown;
  /** The lines, sorted: assistants, models or "assistant version" labels. */
  readonly groups: string[];
  /** metric -> group -> value per day (null when no published cell that day). */
  readonly values: Record<TeamMetric, Record<string, (number | null)[]>>;
  readonly members: (number | null)[];
}

const ratio = (x: number, n: number): number | null => (n > 0 ? x / n : null);

export function teamSeries(r: SeriesResponse, by: TeamBreakdown = 'assistant'): TeamSeries {
  const days: string[] = [];
  for (let d = r.since; d <= r.until; d = addDays(d, 1)) days.push(d);
  const index = new Map(days.map((d, i) => [d, i]));
  const accs = new Map<string, Acc[]>();
  const add = (c: PooledCellData): void => {
    const key = breakdownKey(c, by);
    let list = accs.get(key);
    if (!list) accs.set(key, (list = days.map(() => ({ edits: 0, kept: 0, decided: 0, checked: 0, unchanged: 0, arcAccepted: 0, arcRetained: 0, fixed: 0, findings: 0, lines: 0, scoreN: 0, scoreSum: 0 }))));
    const a = list[index.get(c.day) ?? -1];
    if (!a) return;
    a.edits += c.edits;
    a.kept += c.accepted + c.modified;
    a.decided += c.accepted + c.modified + c.rejected + c.deleted;
    a.checked += c.survivalChecked;
    a.unchanged += c.survivalUnchanged;
    a.arcAccepted += c.arcAccepted;
    a.arcRetained += c.arcRetained;
    a.fixed += c.editsFixed;
    a.findings += c.findingsLoop + c.findingsOop;
    a.lines += c.linesAdded;
    a.scoreN += c.scoreCount;
    a.scoreSum += c.scoreSum;
  };
  r.cells.forEach(add);
  const groups = [...accs.keys()].sort();
  const values = { score: {}, acceptance: {}, survival: {}, arc: {}, fixRate: {}, findings: {}, edits: {} } as TeamSeries['values'];
  for (const name of groups) {
    const list = accs.get(name)!;
    values.score[name] = list.map((a) => ratio(a.scoreSum, a.scoreN));
    values.acceptance[name] = list.map((a) => ratio(a.kept, a.decided));
    values.survival[name] = list.map((a) => ratio(a.unchanged, a.checked));
    // Retained over accepted characters, pooled exactly (VS Code's ARC definition, README "ARC").
    values.arc[name] = list.map((a) => ratio(a.arcRetained, a.arcAccepted));
    values.fixRate[name] = list.map((a) => ratio(a.fixed, a.edits));
    values.findings[name] = list.map((a) => (a.lines > 0 ? (100 * a.findings) / a.lines : null));
    values.edits[name] = list.map((a) => (a.edits > 0 ? a.edits : null));
  }
  const memberByDay = new Map(r.members.map((m) => [m.day, m.members]));
  return { days, by, groups, values, members: days.map((d) => memberByDay.get(d) ?? null) };
}
