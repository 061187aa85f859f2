/**
 * The evidence bundle as files: `report.md` (what a vendor reads), `report.json` (the same facts, machine-readable)
 * and one SVG chart per metric under `charts/`. Pure: the CLI and the editor write the list with their own file
 * APIs, so both produce byte-identical bundles.
 */
import { formatMetricValue } from '../drift/describeAlert.js';
import type { DriftMetric } from '../drift/detectDrift.js';
import { ruleMeta } from '../lint/ruleCatalog.js';
import type { EvidenceBundle, EvidenceMetric } from './evidenceBundle.js';
import { renderSvgChart } from './svgChart.js';

export interface EvidenceFile {
  /** Relative to the bundle folder, `/`-separated. */
  path: string;
  content: string;
}

export const REPORT_MARKDOWN = 'report.md';
export const REPORT_JSON = 'report.json';

interface ChartSpec {
  metric: DriftMetric;
  file: string;
  title: string;
  series: (b: EvidenceBundle) => readonly (number | null)[];
  format: (v: number) => string;
  ceiling?: number;
}

const CHARTS: readonly ChartSpec[] = [
  { metric: 'findings', file: 'charts/findings-per-100-lines.svg', title: 'Findings per 100 changed lines (daily)', series: (b) => b.series.findingsPer100, format: (v) => v.toFixed(1) },
  { metric: 'survival5m', file: 'charts/survival-5min.svg', title: 'Edits unchanged after 5 minutes (daily)', series: (b) => b.series.survival5m, format: (v) => `${Math.round(v * 100)}%`, ceiling: 1 },
  { metric: 'acceptance', file: 'charts/acceptance.svg', title: 'Edits kept (daily)', series: (b) => b.series.acceptance, format: (v) => `${Math.round(v * 100)}%`, ceiling: 1 },
  { metric: 'fixRate', file: 'charts/follow-up-fix-rate.svg', title: 'Edits fixed by hand afterwards (daily)', series: (b) => b.series.fixRate, format: (v) => `${Math.round(v * 100)}%`, ceiling: 1 },
  { metric: 'score', file: 'charts/score.svg', title: 'Mean edit score, 0–100 (daily)', series: (b) => b.series.score, format: (v) => v.toFixed(0), ceiling: 100 },
];

function wholeAssistant(b: EvidenceBundle, metric: DriftMetric): EvidenceMetric | undefined {
  return b.metrics.find((m) => m.metric === metric && m.model === undefined);
}

/** Where a rule's documentation page is copied in the bundle. */
export function ruleDocFile(ruleId: string): string {
  return `rules/${ruleId}.md`;
}

/** The documentation pages the bundle should carry: those of its listed rules that Driftwatch knows. */
export function ruleDocsToCopy(b: EvidenceBundle): { ruleId: string; docPath: string }[] {
  return b.rules.flatMap((r) => {
    const meta = RULE_ID.test(r.ruleId) ? ruleMeta(r.ruleId) : undefined;
    return meta ? [{ ruleId: r.ruleId, docPath: meta.docPath }] : [];
  });
}

const RULE_ID = /^[a-z]+\.[a-z0-9-]+$/;

/**
 * Every file of the bundle: charts, the rules' documentation pages (`ruleDocs`: rule id → the page's Markdown, read by
 * the caller from Driftwatch's own files, so a vendor needs nothing else), then the JSON, the Markdown last.
 */
export function evidenceFiles(b: EvidenceBundle, ruleDocs: ReadonlyMap<string, string> = new Map()): EvidenceFile[] {
  const files: EvidenceFile[] = [];
  const markers = b.changes.map((c) => ({ day: c.day, label: `${c.kind} ${c.from ?? '?'} → ${c.to ?? '?'}` }));
  const charts: { spec: ChartSpec; file: string }[] = [];
  for (const spec of CHARTS) {
    const values = spec.series(b);
    if (!values.some((v) => v !== null)) continue;
    const m = wholeAssistant(b, spec.metric);
    files.push({
      path: spec.file,
      content: renderSvgChart({
        title: `${b.assistant}: ${spec.title}`,
        days: b.series.days,
        values,
        format: spec.format,
        ...(spec.ceiling !== undefined ? { ceiling: spec.ceiling } : {}),
        changePoint: b.windows.changePoint,
        ...(m ? { before: { since: m.before.since, until: m.before.until, value: m.before.value }, after: { since: m.after.since, until: m.after.until, value: m.after.value } } : {}),
        markers,
      }),
    });
    charts.push({ spec, file: spec.file });
  }
  const docs = new Set<string>();
  for (const { ruleId } of ruleDocsToCopy(b)) {
    const page = ruleDocs.get(ruleId);
    if (page === undefined) continue;
    files.push({ path: ruleDocFile(ruleId), content: page });
    docs.add(ruleId);
  }
  files.push({ path: REPORT_JSON, content: JSON.stringify({ ...b, charts: charts.map((c) => ({ metric: c.spec.metric, file: c.file })), ruleDocs: [...docs].map((id) => ({ ruleId: id, file: ruleDocFile(id) })) }, null, 2) + '\n' });
  files.push({ path: REPORT_MARKDOWN, content: renderEvidenceMarkdown(b, charts.map((c) => ({ title: c.spec.title, file: c.file })), docs) });
  return files;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}`;

/** The effect with its 95% interval in the metric's own unit. */
export function formatEffect(m: Pick<EvidenceMetric, 'effect'>): string {
  const e = m.effect;
  if (e.name === 'rate-ratio') return `rate ratio ${e.value.toFixed(2)}× (95% CI ${e.ci[0].toFixed(2)}–${e.ci[1].toFixed(2)})`;
  if (e.name === 'difference') return `${e.value >= 0 ? '+' : ''}${pct(e.value)} points (95% CI ${pct(e.ci[0])} to ${pct(e.ci[1])})`;
  return `${e.value >= 0 ? '+' : ''}${e.value.toFixed(1)} score points (95% CI ${e.ci[0].toFixed(1)} to ${e.ci[1].toFixed(1)})`;
}

/** A Markdown table cell: no pipes or line breaks from data. */
function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

function fence(code: string): string {
  let ticks = '```';
  while (code.includes(ticks)) ticks += '`';
  return ticks;
}

const p = (x: number): string => (x < 0.0001 ? '< 0.0001' : x.toPrecision(2));

export function renderEvidenceMarkdown(b: EvidenceBundle, charts: readonly { title: string; file: string }[], docs: ReadonlySet<string> = new Set()): string {
  const out: string[] = [];
  const w = b.windows;
  out.push(`# Quality drift report: ${b.assistant}`, '');
  out.push(`**${b.headline}.**${b.controls ? ` ${b.controls}` : ''}`, '');
  out.push(`Prepared with Driftwatch ${b.tool.version} on ${b.generatedAt.slice(0, 10)} from the reporter's local editor telemetry. It contains aggregate counts, effect sizes and the example edits the reporter reviewed and chose to include; no file paths.`, '');
  out.push('## What changed', '');
  out.push('| | Before | After |', '|---|---|---|');
  out.push(`| Window | ${w.before.since} … ${w.before.until} | ${w.after.since} … ${w.after.until} |`);
  out.push(`| Assistant edits | ${b.edits.before} | ${b.edits.after} |`);
  out.push(`| ${cell(b.assistant)} version(s) | ${cell(b.versions.before.join(', ') || 'unknown')} | ${cell(b.versions.after.join(', ') || 'unknown')} |`);
  const models = (m: Record<string, number>): string =>
    Object.entries(m)
      .sort((x, y) => y[1] - x[1])
      .map(([k, n]) => `${k} (${n})`)
      .join(', ') || 'unknown';
  out.push(`| Model(s) (edits) | ${cell(models(b.models.before))} | ${cell(models(b.models.after))} |`, '');
  out.push(`Estimated start of the change: **${w.changePoint}**${b.cause ? ` — coincides with the ${b.cause.kind} change ${b.cause.from ?? '?'} → ${b.cause.to ?? '?'} on ${b.cause.day}` : ''}.`, '');
  if (b.changes.length > 0) {
    out.push('Version and model changes in this period:', '');
    for (const c of b.changes) out.push(`- ${c.day}: ${c.kind} ${cell(c.from ?? '?')} → ${cell(c.to ?? '?')}`);
    out.push('');
  }
  out.push('## Metrics', '');
  if (b.metrics.length === 0) out.push('Too few edits in the windows to test any metric.', '');
  else {
    out.push('| Metric | Before | After | Effect (95% CI) | Test | p (adjusted) | Verdict |', '|---|---|---|---|---|---|---|');
    for (const m of b.metrics) {
      const name = m.model ? `${m.label} (${m.model})` : m.label;
      const verdict = m.significant ? '**worse**' : m.direction === 'worse' ? 'worse, not significant' : m.direction;
      out.push(
        `| ${cell(name)} | ${formatMetricValue(m.metric, m.before.value)} (n=${m.before.n}) | ${formatMetricValue(m.metric, m.after.value)} (n=${m.after.n}) | ${formatEffect(m)} | ${m.test}, from ${m.since} | ${p(m.p)} (${p(m.pAdjusted)}) | ${verdict} |`,
      );
    }
    out.push('', `"Significant" means worse at a family-wise error rate of ${b.alpha} across this assistant's metrics and models. Each metric's change day is its own scan estimate.`, '');
  }
  out.push('## Rules whose findings rose most', '');
  if (b.rules.length === 0) out.push('No rule found more per line after the change than before.', '');
  else {
    out.push('| Rule | Findings / 100 lines before → after | Rate ratio (95% CI) | What it catches |', '|---|---|---|---|');
    for (const r of b.rules) {
      const rr = r.rateRatio ? `${r.rateRatio.value.toFixed(2)}× (${r.rateRatio.ci[0].toFixed(2)}–${r.rateRatio.ci[1].toFixed(2)})` : 'new (none before)';
      const name = docs.has(r.ruleId) ? `[\`${r.ruleId}\`](${ruleDocFile(r.ruleId)})` : `\`${r.ruleId}\``;
      out.push(`| ${name} ${cell(r.title)} | ${r.before.per100.toFixed(2)} → ${r.after.per100.toFixed(2)} (${r.before.findings} → ${r.after.findings}) | ${rr} | ${cell(r.summary)} ${cell(r.why)} |`);
    }
    const elsewhere = b.rules.filter((r) => !docs.has(r.ruleId));
    if (docs.size > 0) out.push('', 'Each linked rule\'s documentation (what it catches, why it costs, bad and good examples) is in `rules/` beside this report.');
    if (elsewhere.length > 0) out.push('', `Rule documentation: ${elsewhere.map((r) => `\`${r.ruleId}\` — ${r.docPath}`).join('; ')} (in Driftwatch's repository and extension).`);
    out.push('');
  }
  if (charts.length > 0) {
    out.push('## Charts', '', 'Daily values; the dashed line is the estimated change, the coloured lines the window means, triangles mark version/model changes.', '');
    for (const c of charts) out.push(`![${b.assistant}: ${c.title}](${c.file})`, '');
  }
  out.push('## Examples', '');
  if (b.examples.length === 0) out.push('The reporter included no example edits.', '');
  for (const e of b.examples) {
    const meta = [e.day, e.language, e.model, e.version && `version ${e.version}`, e.provenance, `${e.lines} line(s)`, `outcome ${e.outcome}`, e.score !== null ? `score ${Math.round(e.score)}` : undefined].filter(Boolean).join(' · ');
    out.push(`### Example ${e.n}`, '', cell(meta), '');
    if (e.findings.length > 0) {
      for (const f of e.findings) out.push(`- line ${f.line}: \`${f.ruleId}\` (${f.severity})${f.message ? ` — ${cell(f.message)}` : ''}`);
      out.push('');
    } else out.push('No findings in this edit.', '');
    if (e.codeIncluded && e.code !== undefined) {
      const f = fence(e.code);
      out.push(`${f}${e.language}`, e.code.replace(/\n$/, ''), f, '');
    } else out.push('_Code not included by the reporter._', '');
  }
  out.push('## Method', '');
  for (const m of b.method) out.push(`- ${m}`);
  out.push('');
  return out.join('\n');
}
