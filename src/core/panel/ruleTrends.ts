/**
 * Per-rule trends for the dashboard: for the rules that found the most in the range, findings per 100 changed lines
 * per chart period (the same periods and filters as the panel's series), from rollups only. A rule's rise is then
 * visible on its own, instead of only inside the all-rules findings line.
 */
import type { DailyRollup } from '../store/rollup.js';
import type { Day } from '../time/day.js';
import { matchesQuery } from './buildPanelData.js';
import type { PanelQuery, RuleTrend } from './panelData.js';
import { bucketOf, bucketStarts, rangeStart, resolveGranularity } from './periods.js';

/** How many rules get a trend (the top ones by findings in the range). */
export const RULE_TREND_LIMIT = 8;

export function buildRuleTrends(rollups: readonly DailyRollup[], query: PanelQuery, today: Day, limit = RULE_TREND_LIMIT): RuleTrend[] {
  const sorted = [...rollups].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const oldest = sorted.find((r) => Object.keys(r.buckets).length > 0)?.day;
  const since = rangeStart(query.range, today, oldest);
  const granularity = resolveGranularity(query.granularity, since, today);
  const starts = bucketStarts(since, today, granularity);
  const index = new Map(starts.map((d, i) => [d, i]));
  const lines = starts.map(() => 0);
  const rules = new Map<string, { severity: RuleTrend['severity']; total: number; open: number[] }>();
  for (const r of sorted) {
    if (r.day < since || r.day > today) continue;
    const i = index.get(bucketOf(r.day, granularity));
    if (i === undefined) continue;
    for (const b of Object.values(r.buckets)) {
      if (!matchesQuery(b, query)) continue;
      lines[i]! += b.linesAdded;
      for (const [ruleId, f] of Object.entries(b.findings)) {
        let row = rules.get(ruleId);
        if (!row) rules.set(ruleId, (row = { severity: f.severity, total: 0, open: starts.map(() => 0) }));
        row.open[i]! += f.open;
        row.total += f.open;
      }
    }
  }
  return [...rules.entries()]
    .filter(([, r]) => r.total > 0)
    .sort((a, b) => b[1].total - a[1].total || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([ruleId, r]) => ({
      ruleId,
      severity: r.severity,
      total: r.total,
      // Per 100 changed lines of the period; a period without assistant lines is a gap, not a zero.
      values: r.open.map((n, i) => (lines[i]! > 0 ? Math.round(((100 * n) / lines[i]!) * 1000) / 1000 : null)),
    }));
}
