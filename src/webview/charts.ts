/**
 * Time-series charts with uPlot: small (≈50 KB), canvas-based and fast with thousands of points, MIT-licensed and
 * actively maintained; it draws gaps for missing days and lets us paint version markers in a draw hook. Colours come
 * from VS Code's theme CSS variables, re-read whenever the theme changes.
 */
import uPlot from 'uplot';
import type { Marker, PanelData } from '../core/panel/panelData.js';
import { h } from './dom.js';
import { daySeconds, fmtNum, fmtScore } from './format.js';
import { withBreaks } from './chartBreaks.js';

export interface ChartSpec {
  id: string;
  title: string;
  /** Unit words for the accessible summary. */
  unit: string;
  series: { label: string; values: (number | null)[]; colorVar: string; width?: number; dash?: number[] }[];
  format: (v: number | null) => string;
  range?: [number, number];
}

/** The charts the panel draws, in order. Rates are shown as percentages. */
export function chartSpecs(d: PanelData): ChartSpec[] {
  const pct = (xs: (number | null)[]) => xs.map((v) => (v === null ? null : Math.round(v * 1000) / 10));
  return [
    {
      id: 'score',
      title: 'Score (with components)',
      unit: 'points',
      format: (v) => fmtScore(v),
      range: [0, 100],
      series: [
        { label: 'Score', values: d.series.score, colorVar: '--vscode-charts-blue', width: 2.5 },
        { label: 'Lint', values: d.series.components.lint, colorVar: '--vscode-charts-orange', width: 1, dash: [4, 3] },
        { label: 'Diagnostics', values: d.series.components.diagnostics, colorVar: '--vscode-charts-red', width: 1, dash: [4, 3] },
        { label: 'Survival', values: d.series.components.survival, colorVar: '--vscode-charts-green', width: 1, dash: [4, 3] },
        { label: 'Fixes', values: d.series.components.fixes, colorVar: '--vscode-charts-purple', width: 1, dash: [4, 3] },
      ],
    },
    { id: 'acceptance', title: 'Acceptance', unit: 'percent', format: (v) => (v === null ? '—' : `${v.toFixed(0)}%`), range: [0, 100], series: [{ label: 'Acceptance', values: pct(d.series.acceptance), colorVar: '--vscode-charts-green', width: 2 }] },
    {
      id: 'survival',
      title: 'Survival at 5 min',
      unit: 'percent',
      format: (v) => (v === null ? '—' : `${v.toFixed(0)}%`),
      range: [0, 100],
      series: [
        { label: 'Unchanged at 5 min', values: pct(d.series.survival5m), colorVar: '--vscode-charts-blue', width: 2 },
        // VS Code's own measure beside ours, so the two can be compared (README "ARC").
        { label: 'ARC at 5 min (characters retained)', values: pct(d.series.arc5m), colorVar: '--vscode-charts-green', width: 2 },
      ],
    },
    { id: 'fixrate', title: 'Follow-up fix rate', unit: 'percent', format: (v) => (v === null ? '—' : `${v.toFixed(0)}%`), series: [{ label: 'Edits fixed by hand', values: pct(d.series.fixRate), colorVar: '--vscode-charts-purple', width: 2 }] },
    { id: 'findings', title: 'Findings per 100 lines', unit: 'findings per 100 lines', format: (v) => fmtNum(v), series: [{ label: 'Findings/100 lines', values: d.series.findingsPer100, colorVar: '--vscode-charts-orange', width: 2 }] },
    { id: 'rejected', title: 'Rejected proposals', unit: 'rejections', format: (v) => (v === null ? '—' : v.toFixed(0)), series: [{ label: 'Rejected', values: d.series.rejected, colorVar: '--vscode-charts-red', width: 2 }] },
  ];
}

function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.body).getPropertyValue(name).trim();
  return v || fallback;
}

/** Text alternative for a chart: latest value, range of values and the markers in view. */
export function chartSummary(spec: ChartSpec, buckets: readonly string[], markers: readonly Marker[]): string {
  const main = spec.series[0]!.values;
  const present = main.map((v, i) => [v, i] as const).filter((p): p is readonly [number, number] => p[0] !== null);
  if (present.length === 0) return `${spec.title}: no data in this range.`;
  const last = present[present.length - 1]!;
  const values = present.map((p) => p[0]);
  const markerText = markers.length > 0 ? ` Changes: ${markers.map((m) => `${m.label} on ${m.day}`).join('; ')}.` : '';
  return `${spec.title}, ${buckets.length} periods from ${buckets[0]} to ${buckets[buckets.length - 1]}: latest ${spec.format(last[0])} (${buckets[last[1]]}), lowest ${spec.format(Math.min(...values))}, highest ${spec.format(Math.max(...values))} ${spec.unit}.${markerText}`;
}

/** Owns the chart instances so they can be destroyed, resized and re-themed. */
export class Charts {
  private plots: uPlot[] = [];
  private readonly resize = new ResizeObserver(() => this.fit());
  /** Called with the period's index when the user clicks a chart (the dashboard lists that period's edits). */
  onPick: ((index: number) => void) | undefined;

  /** `tall` draws taller plots, for the full-size dashboard. */
  constructor(
    private readonly host: HTMLElement,
    private readonly options: { tall?: boolean } = {},
  ) {
    this.resize.observe(host);
  }

  render(d: PanelData): void {
    this.renderSpecs(chartSpecs(d), d.series.buckets, d.markers.filter((m) => m.day >= d.since && m.day <= d.until), d.ruleSetBreaks);
  }

  /**
   * Draws any chart specs over day buckets (the sidebar's charts, and the team page's pooled ones). `breaks` are
   * bucket days scored by other rules than the bucket before: the lines are cut there instead of joining them.
   */
  renderSpecs(specs: readonly ChartSpec[], buckets: readonly string[], markers: readonly Marker[], breaks: readonly string[] = []): void {
    this.destroy();
    const { xs, at } = withBreaks(buckets, breaks);
    const fg = cssVar('--vscode-foreground', '#888');
    const grid = cssVar('--vscode-editorWidget-border', 'rgba(128,128,128,0.25)');
    const markerColor = cssVar('--vscode-charts-yellow', '#c90');
    const rulesColor = cssVar('--vscode-charts-purple', '#b180d7');
    const font = `${cssVar('--vscode-font-size', '12px')} ${cssVar('--vscode-font-family', 'sans-serif')}`;
    const cards: HTMLElement[] = [];
    for (const spec of specs) {
      const target = h('div', { class: 'chart-canvas' });
      const card = h(
        'figure',
        { class: 'chart', testid: `chart-${spec.id}`, attrs: { role: 'img', 'aria-label': chartSummary(spec, buckets, markers) } },
        h('figcaption', {}, spec.title),
        target,
      );
      cards.push(card);
      this.host.append(card);
      const width = Math.max(200, this.host.clientWidth - 8);
      const opts: uPlot.Options = {
        width,
        height: (spec.id === 'score' ? 170 : 120) * (this.options.tall ? 1.6 : 1),
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
        legend: { show: spec.series.length > 1 },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: true }, y: spec.range ? { range: spec.range } : { range: (_u, min, max) => [Math.min(0, min ?? 0), Math.max(1, (max ?? 1) * 1.1)] } },
        axes: [
          { stroke: fg, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, font },
          { stroke: fg, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, font, size: 40 },
        ],
        series: [
          {},
          ...spec.series.map((s) => ({
            label: s.label,
            stroke: cssVar(s.colorVar, '#3794ff'),
            width: s.width ?? 2,
            ...(s.dash ? { dash: s.dash } : {}),
            spanGaps: false,
            points: { show: xs.length <= 40 && (s.width ?? 2) >= 2 },
            value: (_u: uPlot, v: number | null) => spec.format(v),
          })),
        ],
        hooks: {
          draw: [
            (u: uPlot) => {
              const ctx = u.ctx;
              ctx.save();
              ctx.strokeStyle = markerColor;
              ctx.fillStyle = markerColor;
              ctx.lineWidth = Math.max(1, devicePixelRatio);
              ctx.setLineDash([5 * devicePixelRatio, 4 * devicePixelRatio]);
              ctx.font = `${10 * devicePixelRatio}px ${cssVar('--vscode-font-family', 'sans-serif')}`;
              for (const m of markers) {
                const x = Math.round(u.valToPos(daySeconds(m.day), 'x', true));
                if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) continue;
                // Driftwatch's own rule changes in another colour: they are not the assistant's doing.
                ctx.strokeStyle = ctx.fillStyle = m.kind === 'rules' ? rulesColor : markerColor;
                ctx.beginPath();
                ctx.moveTo(x, u.bbox.top);
                ctx.lineTo(x, u.bbox.top + u.bbox.height);
                ctx.stroke();
                if (spec.id === 'score') ctx.fillText(m.kind === 'version' ? (m.label.split(' ').pop() ?? '') : m.kind === 'rules' ? 'rules' : 'model', x + 3 * devicePixelRatio, u.bbox.top + 10 * devicePixelRatio);
              }
              ctx.restore();
            },
          ],
        },
      };
      const data: uPlot.AlignedData = [xs, ...spec.series.map((s) => at.map((i) => (i === null ? null : (s.values[i] ?? null))))];
      const plot = new uPlot(opts, data, target);
      // The cursor snaps to the nearest plotted point; a click there picks its period (break points are not periods).
      plot.over.addEventListener('click', () => {
        const idx = plot.cursor.idx;
        const period = idx === null || idx === undefined ? null : (at[idx] ?? null);
        if (this.onPick && period !== null) this.onPick(period);
      });
      if (this.onPick) plot.over.style.cursor = 'pointer';
      this.plots.push(plot);
    }
    this.host.dataset['drawn'] = String(cards.length);
  }

  private fit(): void {
    const width = Math.max(200, this.host.clientWidth - 8);
    for (const p of this.plots) if (Math.abs(p.width - width) > 2) p.setSize({ width, height: p.height });
  }

  destroy(): void {
    for (const p of this.plots) p.destroy();
    this.plots = [];
    this.host.replaceChildren();
  }
}
