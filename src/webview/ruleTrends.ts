/**
 * The dashboard's per-rule trends: one small chart per rule that found the most in the range (findings per 100
 * changed lines per period), so one rule's rise is visible on its own.
 */
import type { PanelData, RuleTrend } from '../core/panel/panelData.js';
import type { ChartSpec } from './charts.js';
import { fmtNum } from './format.js';

const COLOR: Record<RuleTrend['severity'], string> = { error: '--vscode-charts-red', warning: '--vscode-charts-orange', info: '--vscode-charts-blue' };

export function ruleTrendSpecs(d: PanelData): ChartSpec[] {
  return (d.ruleTrends ?? []).map((r) => ({
    id: `rule-${r.ruleId}`,
    title: `${r.ruleId} (${r.severity}, ${r.total} in range)`,
    unit: 'findings per 100 lines',
    format: (v) => fmtNum(v),
    series: [{ label: `${r.ruleId} per 100 lines`, values: r.values, colorVar: COLOR[r.severity], width: 2 }],
  }));
}
