/**
 * Panel benchmark (issue 5): host work from "view opened" to the first series for one year of history with
 * ≈500k assistant-edit records, served from persisted daily rollups, versus computing the same series by scanning the
 * raw JSONL (decode + validate every line, aggregate, build). Also times the bounded recent-edits read and the drift
 * detection that the status bar and alerts run.
 *
 * Run: npx tsx bench/panel.bench.ts [--edits 500000]   (or npm run bench -- --only panel)
 */
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { generateDemoHistory } from '../src/core/demo/demoHistory.js';
import { detectDrift, detectDriftSteps } from '../src/core/drift/detectDrift.js';
import { runSliced } from '../src/core/util/sliced.js';
import { buildPanelData } from '../src/core/panel/buildPanelData.js';
import type { PanelQuery } from '../src/core/panel/panelData.js';
import { EventStore } from '../src/core/store/eventStore.js';
import { decodeLine } from '../src/core/store/recordCodec.js';
import { applyToRollups, type DailyRollup } from '../src/core/store/rollup.js';
import { addDays, dayOf, type Day } from '../src/core/time/day.js';
import { ManualClock } from '../src/core/util/clock.js';
import { JsonlBackend } from '../src/node/jsonlBackend.js';
import { PanelDataSource } from '../src/host/panel/panelDataSource.js';
import { fmtMs, median, report, timeRuns } from './benchUtil.js';

const editsArg = process.argv.indexOf('--edits');
const TARGET_EDITS = editsArg >= 0 ? Number(process.argv[editsArg + 1]) : 500_000;
/** The demo's three assistants make ≈ 46 edits per calendar day at volume 1 (weekends lighter). */
const VOLUME = TARGET_EDITS / (46 * 365);
const END = Date.UTC(2026, 10, 20, 19, 0, 0);
const TODAY: Day = dayOf(END, 0);
const QUERIES: PanelQuery[] = [
  { range: 'all', granularity: 'auto' },
  { range: '30d', granularity: 'auto' },
  { range: '90d', granularity: 'auto', assistant: 'claude-code' },
];

async function writeHistory(dir: string): Promise<{ records: number; edits: number; bytes: number }> {
  const events = path.join(dir, 'events');
  await mkdir(events, { recursive: true });
  let records = 0;
  let edits = 0;
  let day: Day | undefined;
  let out: ReturnType<typeof createWriteStream> | undefined;
  const close = (): Promise<void> => new Promise((resolve) => (out ? out.end(resolve) : resolve()));
  for (const e of generateDemoHistory({ days: 365, endTs: END, detail: 'lean', volume: VOLUME, codeText: false, seed: 9, drift: { assistant: 'claude-code', daysAgo: 6, toVersion: '1.0.31' } })) {
    const d = dayOf(e.ts, e.tz);
    if (d !== day) {
      await close();
      day = d;
      out = createWriteStream(path.join(events, `${d}.jsonl`), { flags: 'a' });
    }
    if (!out!.write(JSON.stringify(e) + '\n')) await new Promise((r) => out!.once('drain', r));
    records++;
    if (e.kind === 'assistant-edit') edits++;
  }
  await close();
  const files = await readdir(events);
  const bytes = (await Promise.all(files.map((f) => stat(path.join(events, f))))).reduce((a, s) => a + s.size, 0);
  return { records, edits, bytes };
}

/** The same series computed without rollups: stream and validate every raw line, aggregate, build. */
async function fromRaw(backend: JsonlBackend, query: PanelQuery): Promise<number> {
  const rollups = new Map<Day, DailyRollup>();
  for (const part of await backend.listPartitions()) {
    for await (const line of backend.readLines(part)) {
      if (typeof line !== 'string') continue;
      const decoded = decodeLine(line);
      if (decoded.type === 'event') applyToRollups(rollups, decoded.event);
    }
  }
  const data = buildPanelData({ rollups: [...rollups.values()], query, today: TODAY });
  return JSON.stringify(data).length;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dw-bench-panel-'));
  try {
    let t = performance.now();
    const { records, edits, bytes } = await writeHistory(dir);
    report('history generated (365 days, lean records)', `${records.toLocaleString()} records, ${edits.toLocaleString()} assistant edits, ${(bytes / 1e6).toFixed(0)} MB JSONL in ${fmtMs(performance.now() - t)}`);

    // First open derives rollups from raw data once and persists them; what a user meets later is the second open.
    t = performance.now();
    const clock = new ManualClock(END);
    const first = await EventStore.open(new JsonlBackend(dir), { clock });
    await first.dispose();
    report('one-time rollup build from raw (first open after upgrade)', fmtMs(performance.now() - t));
    t = performance.now();
    const store = await EventStore.open(new JsonlBackend(dir), { clock });
    report('store open with persisted rollups (activation, not view open)', fmtMs(performance.now() - t));

    process.stdout.write('\n-- host work from "view opened" to first series (rollups) --\n');
    const source = new PanelDataSource(store, clock);
    for (const q of QUERIES) {
      const label = `${q.range}${q.assistant ? ` ${q.assistant}` : ''}`;
      const series = await timeRuns(7, () => JSON.stringify(buildPanelData({ rollups: store.rollups(), query: q, today: TODAY })));
      report(`series + breakdowns + JSON, range ${label}`, `median ${fmtMs(median(series))} (min ${fmtMs(Math.min(...series))})`);
    }
    const firstMessage = await timeRuns(7, () => {
      source.invalidate();
      return JSON.stringify(source.data(QUERIES[0]!, []));
    });
    report('first `data` message as the host builds it, range all', `median ${fmtMs(median(firstMessage))}`);
    const recent = await timeRuns(5, async () => {
      source.invalidate();
      return JSON.stringify(await source.recentFor(QUERIES[0]!));
    });
    report('follow-up `recent` message (newest raw partition)', `median ${fmtMs(median(recent))}`);
    const drift = await timeRuns(7, () => detectDrift(store.rollups(addDays(TODAY, -42), TODAY), { today: TODAY, recentDays: 7, baselineDays: 28, minSamples: 20 }));
    report('drift detection (7 d vs 28 d, every assistant and model)', `median ${fmtMs(median(drift))}`);
    // The host runs the same detection sliced (DriftMonitor): what the extension host feels is the longest slice.
    const driftOptions = { today: TODAY, recentDays: 7, baselineDays: 28, minSamples: 20 };
    const slices: number[] = [];
    const steps: number[] = [];
    const sliced = await timeRuns(7, async () => {
      const { stats } = await runSliced(detectDriftSteps(store.rollups(addDays(TODAY, -42), TODAY), driftOptions), { now: () => performance.now(), pause: () => new Promise((r) => setTimeout(r, 0)) });
      slices.push(stats.longestSliceMs);
      steps.push(stats.steps);
    });
    report('drift detection sliced as the host runs it: wall time', `median ${fmtMs(median(sliced))} in ${median(steps)} steps`);
    report('  longest time the host thread is held (longest slice)', `median ${fmtMs(median(slices))}; ratio unsliced / longest slice ${(median(drift) / median(slices)).toFixed(1)}×`);

    process.stdout.write('\n-- the same series from raw events --\n');
    const backend = new JsonlBackend(dir);
    const raw = await timeRuns(1, () => fromRaw(backend, QUERIES[0]!), 0);
    report('scan + validate + aggregate every raw line, range all', fmtMs(raw[0]!));
    const rollupAll = await timeRuns(7, () => JSON.stringify(buildPanelData({ rollups: store.rollups(), query: QUERIES[0]!, today: TODAY })));
    report('ratio raw / rollups (range all)', `${(raw[0]! / median(rollupAll)).toFixed(0)}×`);
    await store.dispose();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

void main();
