/**
 * Upload client benchmark (issue 8): the extension host's daily cost of the team upload — read one day's records from
 * a realistic store, split them by assistant version, build the k-anonymous buckets and encode the OTLP request
 * (JSON and protobuf) — against the baseline of merely reading and decoding the same two raw partitions, and against
 * the panel's first series for the same store (work the host already does whenever the view opens).
 *
 * Run: npx tsx bench/upload.bench.ts [--volume 4]   (or npm run bench -- --only upload)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { generateDemoHistory } from '../src/core/demo/demoHistory.js';
import { buildPanelData } from '../src/core/panel/buildPanelData.js';
import { EventStore } from '../src/core/store/eventStore.js';
import { gzipBody } from '../src/core/team/gzipBody.js';
import { newInstallSecret } from '../src/core/team/installId.js';
import { encodeTeamRequest } from '../src/core/team/teamEncoder.js';
import { teamDayFromStore } from '../src/core/team/teamPayload.js';
import { buildDayRequest } from '../src/core/team/teamRequest.js';
import { addDays, dayOf, type Day } from '../src/core/time/day.js';
import { ManualClock } from '../src/core/util/clock.js';
import { JsonlBackend } from '../src/node/jsonlBackend.js';
import { fmtMs, median, report, timeRuns } from './benchUtil.js';

const volumeArg = process.argv.indexOf('--volume');
const VOLUME = volumeArg >= 0 ? Number(process.argv[volumeArg + 1]) : 4;
const END = Date.UTC(2026, 10, 20, 19, 0, 0);
const TODAY: Day = dayOf(END, 0);
const DAY: Day = addDays(TODAY, -1);

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dw-bench-upload-'));
  try {
    const clock = new ManualClock(END);
    const writer = await EventStore.open(new JsonlBackend(dir), { clock });
    let records = 0;
    let dayEdits = 0;
    let batch = [];
    for (const e of generateDemoHistory({ days: 30, endTs: END, detail: 'full', volume: VOLUME, codeText: true, seed: 3 })) {
      batch.push(e);
      records++;
      if (e.kind === 'assistant-edit' && dayOf(e.ts, e.tz) === DAY) dayEdits++;
      if (batch.length === 5000) {
        writer.append(batch);
        await writer.flush();
        batch = [];
      }
    }
    writer.append(batch);
    await writer.dispose();
    report('store (30 days, full records with code text)', `${records.toLocaleString()} records; ${dayEdits} assistant edits on ${DAY}`);
    const store = await EventStore.open(new JsonlBackend(dir), { clock, readOnly: true });
    const secret = newInstallSecret();

    // The machine is shared and noisy: the four measurements are interleaved round by round, so load changes hit
    // them alike and the ratios stay meaningful.
    const tasks = {
      baseline: async () => {
        let n = 0;
        for await (const e of store.read({ since: DAY, until: addDays(DAY, 1) })) n += e.kind.length;
        return n;
      },
      buckets: () => teamDayFromStore(store, { day: DAY, secret, teamId: 'bench' }),
      json: () => buildDayRequest(store, { day: DAY, secret, teamId: 'bench', format: 'json' }, encodeTeamRequest),
      proto: () => buildDayRequest(store, { day: DAY, secret, teamId: 'bench', format: 'protobuf' }, encodeTeamRequest),
      // What the transport adds per attempt: gzip of the JSON body (CompressionStream, as on every host).
      jsonGzip: async () => gzipBody((await buildDayRequest(store, { day: DAY, secret, teamId: 'bench', format: 'json' }, encodeTeamRequest)).request.body),
      panel: () => JSON.stringify(buildPanelData({ rollups: store.rollups(), query: { range: '30d', granularity: 'auto' }, today: TODAY })),
    };
    const times: Record<keyof typeof tasks, number[]> = { baseline: [], buckets: [], json: [], proto: [], jsonGzip: [], panel: [] };
    for (const fn of Object.values(tasks)) await fn();
    for (let round = 0; round < 11; round++) {
      for (const [name, fn] of Object.entries(tasks) as [keyof typeof tasks, () => Promise<unknown> | unknown][]) times[name].push(...(await timeRuns(1, fn, 0)));
    }
    const { baseline, buckets, json, proto, jsonGzip, panel } = times;
    const sample = await buildDayRequest(store, { day: DAY, secret, teamId: 'bench', format: 'protobuf' }, encodeTeamRequest);
    const sampleJson = await buildDayRequest(store, { day: DAY, secret, teamId: 'bench', format: 'json' }, encodeTeamRequest);

    report('baseline: read + decode the day’s two raw partitions', `median ${fmtMs(median(baseline))}`);
    report('buckets (read, split by version, k, ids)', `median ${fmtMs(median(buckets))}`);
    report('buckets + OTLP JSON request', `median ${fmtMs(median(json))}  (${sampleJson.request.body.length.toLocaleString()} bytes, ${sample.teamDay.buckets.length} buckets)`);
    report('buckets + OTLP protobuf request', `median ${fmtMs(median(proto))}  (${sample.request.body.length.toLocaleString()} bytes)`);
    const gz = await gzipBody(sampleJson.request.body);
    report('buckets + OTLP JSON request + gzip (what is sent)', `median ${fmtMs(median(jsonGzip))}  (${gz.length.toLocaleString()} bytes on the wire, ${(sampleJson.request.body.length / gz.length).toFixed(1)}× smaller)`);
    report('ratio upload day (JSON + gzip) / raw read baseline', `${(median(jsonGzip) / median(baseline)).toFixed(2)}×`);
    report('ratio upload day (JSON) / raw read baseline', `${(median(json) / median(baseline)).toFixed(2)}×`);
    report('ratio upload day (JSON) / panel first series (30d)', `${(median(json) / median(panel)).toFixed(2)}×  (panel ${fmtMs(median(panel))})`);
    await store.dispose();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

void main();
