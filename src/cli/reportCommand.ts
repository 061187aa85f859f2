/**
 * `driftwatch report`: the panel's numbers for a store folder, in a terminal or as JSON — the same aggregation the
 * sidebar uses (daily rollups → headline, per-assistant/model/language breakdowns, top rules) and the same drift test.
 */
import { parseArgs } from 'node:util';
import { DRIFT_DEFAULTS } from '../core/drift/driftDefaults.js';
import { detectDrift, type DriftReport } from '../core/drift/detectDrift.js';
import { describeAlertTitle, describeControls, describeWatched } from '../core/drift/describeAlert.js';
import { buildPanelData } from '../core/panel/buildPanelData.js';
import { PanelRange, type PanelData } from '../core/panel/panelData.js';
import { dayOf, isDay, localTzOffset } from '../core/time/day.js';
import { positiveInt, UsageError, watchOption, type CliIo } from './cliSupport.js';
import { openStoreReadOnly, resolveStoreDir } from './exportCommand.js';

const HELP = `Usage: driftwatch report [--store DIR] [--range 7d|30d|90d|all] [--assistant ID] [--today YYYY-MM-DD]
                        [--recent-days N] [--baseline-days N] [--min-samples N] [--watch all|findings|survival] [--format text|json]

  Summarises a store folder: today's score, 7-day vs prior-28-day change, per-assistant, model and language
  breakdowns, the most frequent rules, and drift alerts (a change-point scan of each metric over the recent window
  against the baseline, stratified by language and edit size, Holm-corrected per assistant; see the README, Drift).
`;


const pct = (x: number | null | undefined): string => (x === null || x === undefined ? '–' : `${(x * 100).toFixed(0)}%`);
const num = (x: number | null | undefined, digits = 1): string => (x === null || x === undefined ? '–' : x.toFixed(digits));

/** Plain-text rendering (exported for tests). */
export function renderReport(data: PanelData, drift: DriftReport): string {
  const out: string[] = [];
  const h = data.headline;
  out.push(`Driftwatch report — ${data.since} … ${data.until}`);
  if (!data.hasData) {
    out.push('', 'No assistant edits recorded in this range.');
    return out.join('\n') + '\n';
  }
  const change = h.change === null ? '–' : `${h.change >= 0 ? '+' : ''}${h.change.toFixed(1)}`;
  out.push(
    '',
    `Today's score ${num(h.todayScore)} (${h.todayEdits} edits) · last 7 days ${num(h.last7)} vs prior 28 days ${num(h.prior28)} (${change}) · written by assistants ${pct(h.assistantShare)}`,
  );
  const table = (title: string, rows: PanelData['breakdowns']['assistant']): void => {
    if (rows.length === 0) return;
    out.push('', `${title.padEnd(24)} ${'edits'.padStart(7)} ${'score'.padStart(6)} ${'accept'.padStart(7)} ${'surv@5m'.padStart(8)} ${'fixed'.padStart(6)} ${'find/100'.padStart(9)}`);
    for (const r of rows) {
      out.push(
        `${r.key.slice(0, 24).padEnd(24)} ${String(r.edits).padStart(7)} ${num(r.score).padStart(6)} ${pct(r.acceptance).padStart(7)} ${pct(r.survival5m).padStart(8)} ${pct(r.fixRate).padStart(6)} ${num(r.findingsPer100, 2).padStart(9)}`,
      );
    }
  };
  table('assistant', data.breakdowns.assistant);
  table('model', data.breakdowns.model.filter((r) => r.key !== ''));
  table('language', data.breakdowns.language);
  if (data.rules.length > 0) {
    out.push('', `${'rule'.padEnd(40)} ${'open'.padStart(6)} ${'fixed'.padStart(6)} ${'precision'.padStart(10)}`);
    for (const r of data.rules.slice(0, 15)) {
      out.push(`${r.ruleId.padEnd(40)} ${String(r.open).padStart(6)} ${String(r.fixed).padStart(6)} ${pct(r.precision).padStart(10)}`);
    }
  }
  out.push('', `Drift (recent ${drift.windows.recent.since} … ${drift.windows.recent.until} vs baseline ${drift.windows.baseline.since} … ${drift.windows.baseline.until}):`);
  const watched = describeWatched(drift.watched);
  if (watched) out.push(`  ${watched}`);
  if (drift.alerts.length === 0) out.push('  no significant drift');
  for (const a of drift.alerts) {
    out.push(`  ${describeAlertTitle(a)} (began around ${a.since}). ${describeControls(a)}`);
    for (const m of a.metrics) {
      out.push(
        `    ${m.metric}${m.model ? ` (${m.model})` : ''}: ${num(m.baseline.value, 3)} → ${num(m.recent.value, 3)}  ${m.effect.name} ${num(m.effect.value, 3)} [${num(m.effect.ci[0], 3)}, ${num(m.effect.ci[1], 3)}]  ${m.test} p=${m.p.toPrecision(2)} adjusted=${m.pAdjusted.toPrecision(2)}  n=${m.baseline.n}/${m.recent.n}`,
      );
    }
    for (const c of a.changes) out.push(`    changed ${c.day}: ${c.kind} ${c.from ?? '?'} → ${c.to ?? '?'}`);
  }
  return out.join('\n') + '\n';
}

export async function runReportCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      store: { type: 'string' },
      range: { type: 'string', default: '30d' },
      assistant: { type: 'string' },
      today: { type: 'string' },
      'recent-days': { type: 'string' },
      'baseline-days': { type: 'string' },
      'min-samples': { type: 'string' },
      watch: { type: 'string', default: 'all' },
      format: { type: 'string', default: 'text' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    io.out.write(HELP);
    return 0;
  }
  const range = PanelRange.safeParse(values.range);
  if (!range.success) throw new UsageError(`--range must be one of ${PanelRange.options.join('|')}`);
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError('--format must be text or json');
  if (values.today !== undefined && !isDay(values.today)) throw new UsageError(`--today must be a day YYYY-MM-DD, got "${values.today}"`);
  const now = Date.now();
  const today = values.today ?? dayOf(now, localTzOffset(now));
  const store = await openStoreReadOnly(resolveStoreDir(values.store), io);
  const rollups = store.rollups();
  const data = buildPanelData({
    rollups,
    today,
    query: { range: range.data, granularity: 'auto', ...(values.assistant !== undefined ? { assistant: values.assistant } : {}) },
  });
  const drift = detectDrift(rollups, {
    today,
    recentDays: positiveInt('--recent-days', values['recent-days'], DRIFT_DEFAULTS.recentDays),
    baselineDays: positiveInt('--baseline-days', values['baseline-days'], DRIFT_DEFAULTS.baselineDays),
    minSamples: positiveInt('--min-samples', values['min-samples'], DRIFT_DEFAULTS.minSamples),
    watch: watchOption(values.watch),
  });
  if (values.format === 'json') io.out.write(JSON.stringify({ panel: data, drift }, null, 2) + '\n');
  else io.out.write(renderReport(data, drift));
  return 0;
}
