/**
 * Evidence report cost (issue 11 §4), against drift detection alone measured in the same run: the editor reuses the
 * drift monitor's report, so what it adds on the extension host is the bundle, the SVG/Markdown rendering and the
 * candidate examples; the CLI also runs the detection.
 *
 * Run: npm run bench -- --only evidence   [--days 90] [--volume 1]
 */
import { DEMO_DRIFT, generateDemoHistory } from '../src/core/demo/demoHistory.js';
import { detectDrift, type DriftOptions } from '../src/core/drift/detectDrift.js';
import { buildEvidence } from '../src/core/evidence/evidenceBundle.js';
import { collectEvidenceCandidates } from '../src/core/evidence/evidenceExamples.js';
import { evidenceFiles } from '../src/core/evidence/evidenceFiles.js';
import type { DriftEvent } from '../src/core/schema/events.js';
import { applyToRollups, type DailyRollup } from '../src/core/store/rollup.js';
import { dayOf } from '../src/core/time/day.js';
import { fmtMs, median, report, timeRuns } from './benchUtil.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const DAYS = arg('days', 90);
const VOLUME = arg('volume', 1);
const RUNS = 7;
const END = Date.UTC(2026, 10, 27, 17);

async function main(): Promise<void> {
  const records: DriftEvent[] = [...generateDemoHistory({ days: DAYS, endTs: END, seed: 3, volume: VOLUME, drift: DEMO_DRIFT })];
  const map = new Map<string, DailyRollup>();
  for (const e of records) applyToRollups(map, e);
  const rollups = [...map.values()];
  const options: DriftOptions = { today: dayOf(END, 0), recentDays: 7, baselineDays: 28, minSamples: 20 };
  const edits = records.filter((r) => r.kind === 'assistant-edit').length;
  console.log(`evidence report: ${DAYS}-day demo history, volume ${VOLUME} (${edits} assistant edits, ${records.length} records), median of ${RUNS}`);

  const drift = median(await timeRuns(RUNS, () => detectDrift(rollups, options)));
  const driftReport = detectDrift(rollups, options);
  const full = median(await timeRuns(RUNS, () => buildEvidence({ assistant: 'claude-code', rollups, drift: options, generatedAt: '', toolVersion: '' })));
  const reused = median(await timeRuns(RUNS, () => buildEvidence({ assistant: 'claude-code', rollups, drift: options, report: driftReport, generatedAt: '', toolVersion: '' })));
  const bundle = buildEvidence({ assistant: 'claude-code', rollups, drift: options, report: driftReport, generatedAt: '', toolVersion: '' });
  const render = median(await timeRuns(RUNS, () => evidenceFiles(bundle)));
  const after = records.filter((r) => dayOf(r.ts, r.tz) >= bundle.windows.changePoint);
  const candidates = median(await timeRuns(RUNS, () => collectEvidenceCandidates(after, { assistant: 'claude-code', since: bundle.windows.changePoint, until: options.today, rules: bundle.rules.map((r) => r.ruleId), limit: 30 })));

  report('detectDrift alone (baseline)', fmtMs(drift));
  report('buildEvidence, detection included (CLI)', `${fmtMs(full)}  (${(full / drift).toFixed(2)}× baseline)`);
  report('buildEvidence, monitor report reused (editor)', `${fmtMs(reused)}  (${(reused / drift).toFixed(3)}× baseline)`);
  report('evidenceFiles: 5 SVG charts + JSON + Markdown', `${fmtMs(render)}  (${(render / drift).toFixed(3)}× baseline)`);
  report(`candidate examples from ${after.length} post-change records`, `${fmtMs(candidates)}  (${(candidates / drift).toFixed(3)}× baseline)`);
}

void main();
