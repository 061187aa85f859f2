/**
 * The team upload inside the real extension host: the two switches (driftwatch.upload.enabled and VS Code telemetry,
 * driven through `telemetry.telemetryLevel`) gate every send, live, including a request already in flight; the first
 * enable shows the real next payload; a bare OTLP receiver on 127.0.0.1 decodes what arrives; canaries planted in
 * code, paths, identifiers and comments appear in no payload, queue or log.
 */
import * as assert from 'node:assert/strict';
import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import * as vscode from 'vscode';
import { ATTR, METRIC } from '../../src/core/team/teamWire.js';
import { queueEntryOf } from '../../src/core/team/teamRequest.js';
import { localTzOffset } from '../../src/core/time/day.js';
import type { UploadService } from '../../src/host/upload/uploadService.js';
import { OtlpTestReceiver } from '../support/otlpTestReceiver.js';
import { cellInputs, plantedCanaries } from '../support/teamFixtures.js';
import { driftwatch, waitFor } from './util.js';

const G = vscode.ConfigurationTarget.Global;
/** The assistant version of this suite's planted cells (no other suite uses it). */
const VERSION = '1.250.0';

let nudge = false;

async function setSwitches(upload: boolean, telemetry: boolean): Promise<void> {
  await vscode.workspace.getConfiguration('telemetry').update('telemetryLevel', telemetry ? 'all' : 'off', G);
  // code-server 4.139 hands the extension host the PREVIOUS telemetry level on each change (probed: all → off leaves
  // isTelemetryEnabled true until the next change). Touching the legacy `telemetry.enableTelemetry` (true or unset,
  // both neutral) makes it re-send the current level, so the API reflects the setting the test just wrote.
  nudge = !nudge;
  await vscode.workspace.getConfiguration('telemetry').update('enableTelemetry', nudge ? true : undefined, G);
  await vscode.workspace.getConfiguration('driftwatch').update('upload.enabled', upload, G);
  const dw = await driftwatch();
  await waitFor(() => dw.config.value['upload.enabled'] === upload && vscode.env.isTelemetryEnabled === telemetry, {
    timeout: 10_000,
    message: `upload ${upload} and telemetry ${telemetry} (isTelemetryEnabled is ${vscode.env.isTelemetryEnabled}; telemetry settings ${JSON.stringify(vscode.workspace.getConfiguration('telemetry').inspect('telemetryLevel'))})`,
  });
}

async function filesUnder(dir: string, depth = 4): Promise<string[]> {
  const out: string[] = [];
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && depth > 0) out.push(...(await filesUnder(p, depth - 1)));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

function assertNoCanary(text: string, where: string): void {
  for (const c of plantedCanaries) assert.ok(!text.includes(c), `canary ${c} leaked into ${where}`);
}

describe('team upload', function () {
  this.timeout(120_000);
  const receiver = new OtlpTestReceiver();
  let upload: UploadService;
  let day: string;
  const prompts: string[] = [];
  let answer = true;

  before(async () => {
    const base = await receiver.start();
    const dw = await driftwatch();
    upload = dw.upload!;
    upload.consentPrompt = async (json) => {
      prompts.push(json);
      return answer;
    };
    day = upload.latestCompleteDay();
    const nine = Date.parse(`${day}T09:00:00Z`);
    const tz = localTzOffset(nine);
    const start = nine - tz * 60_000;
    dw.store.append(cellInputs({ edits: 9, start, tz, assistantVersion: VERSION, model: 'gpt-4o' }));
    dw.store.append(cellInputs({ edits: 2, start: start + 3_600_000, tz, assistantVersion: VERSION, model: 'gpt-4o', language: 'rust' }));
    await dw.store.flush();
    await vscode.commands.executeCommand('driftwatch.upload.setToken', 'team-token-1');
    await vscode.workspace.getConfiguration('driftwatch').update('upload.endpoint', `${base}/v1/metrics`, G);
    await vscode.workspace.getConfiguration('driftwatch').update('upload.teamId', 'it-team', G);
  });

  after(async () => {
    await setSwitches(false, false);
    await receiver.stop();
  });

  it('declining the first-enable preview turns upload off and sends nothing', async () => {
    answer = false;
    await setSwitches(false, true);
    await vscode.workspace.getConfiguration('driftwatch').update('upload.enabled', true, G);
    const dw = await driftwatch();
    await waitFor(() => prompts.length === 1, { message: 'the consent prompt' });
    await waitFor(() => dw.config.value['upload.enabled'] === false, { message: 'upload to be switched off again' });
    const shown = JSON.parse(prompts[0]!) as { resourceMetrics: unknown[] };
    assert.ok(Array.isArray(shown.resourceMetrics), 'the preview is the OTLP JSON document');
    assert.ok(prompts[0]!.includes('\n  '), 'pretty-printed');
    assert.equal(receiver.requests.length, 0);
  });

  it('accepting it uploads exactly the previewed day, once', async () => {
    answer = true;
    await setSwitches(true, true);
    await waitFor(() => receiver.requests.length === 1, { timeout: 20_000, message: 'the first upload' });
    const preview = prompts.at(-1)!;
    const got = receiver.requests[0]!;
    assert.deepEqual(JSON.parse(got.raw.toString('utf8')), JSON.parse(preview), 'what was shown is what was sent');
    // Other suites in this host may have recorded edits for the same day: look at this suite's cells only.
    const mine = got.points.filter((p) => p.metric === METRIC.edits && p.attributes[ATTR.assistantVersion] === VERSION);
    assert.equal(mine.length, 1, 'the 2-edit rust cell is held back by k');
    assert.equal(mine[0]!.attributes[ATTR.language], 'python');
    assert.equal(mine[0]!.value, 9);
    assert.equal(mine[0]!.attributes[ATTR.day], day);
    assert.ok(!got.points.some((p) => p.attributes[ATTR.language] === 'rust' && p.attributes[ATTR.assistantVersion] === VERSION), 'no point of the small cell');
    assert.equal(got.authorization, 'Bearer team-token-1');
    await (await upload.getQueue()).idle();
    assert.equal((await upload.getQueue()).status().items, 0);
  });

  describe('gate: every combination of the two switches', () => {
    for (const [up, tel] of [[false, false], [false, true], [true, false], [true, true]] as const) {
      it(`upload ${up ? 'on' : 'off'}, telemetry ${tel ? 'on' : 'off'}: ${up && tel ? 'sends' : 'sends nothing'}`, async () => {
        await setSwitches(false, false);
        const q = await upload.getQueue();
        await q.enqueue(queueEntryOf(await upload.buildDay(day), 'it-team'));
        const before = receiver.requests.length;
        await setSwitches(up, tel);
        await vscode.commands.executeCommand('driftwatch.upload.now');
        await q.idle();
        if (up && tel) {
          await waitFor(() => q.status().items === 0, { message: 'the queue to drain' });
          assert.equal(receiver.requests.length, before + 1);
        } else {
          await new Promise((r) => setTimeout(r, 500));
          assert.equal(receiver.requests.length, before, 'nothing sent');
          assert.equal(q.status().items, 1, 'the payload waits in the queue');
          await q.clear();
        }
      });
    }

    for (const which of ['upload', 'telemetry'] as const) {
      it(`turning ${which} off while a send is pending aborts it; nothing is sent until it is on again, then once`, async () => {
        await setSwitches(false, false);
        const q = await upload.getQueue();
        const seen = receiver.requests.length;
        const abortedBefore = receiver.aborted;
        receiver.script.push('hang');
        await q.enqueue(queueEntryOf(await upload.buildDay(day), 'it-team'));
        await setSwitches(true, true);
        await waitFor(() => q.status().sending, { message: 'a request in flight' });
        await setSwitches(which === 'upload' ? false : true, which === 'telemetry' ? false : true);
        await waitFor(() => receiver.aborted === abortedBefore + 1, { message: 'the pending request to be aborted' });
        await new Promise((r) => setTimeout(r, 1000));
        assert.equal(receiver.requests.length, seen, 'nothing delivered while off');
        assert.equal(q.status().items, 1, 'kept for later');
        await setSwitches(true, true);
        await waitFor(() => q.status().items === 0, { timeout: 20_000, message: 'the queue to drain once back on' });
        assert.equal(receiver.requests.length, seen + 1);
      });
    }
  });

  describe('afterwards', () => {
    it('re-sends never double count: every delivery of the day repeats the same idempotency keys', () => {
      assert.ok(receiver.requests.length >= 3);
      const keys = new Set(
        receiver.requests.flatMap((r) => r.points.filter((p) => p.metric === METRIC.edits && p.attributes[ATTR.assistantVersion] === VERSION).map((p) => p.attributes[ATTR.idempotencyKey])),
      );
      assert.equal(keys.size, 1, 'one cell, one key, however often the day was sent');
      assert.equal(receiver.duplicates, (receiver.requests.length - 1) * receiver.accepted.size, 'every repeat of every cell was recognised by its key');
      assert.equal(receiver.decodeErrors.length, 0);
    });

    it('no canary in any payload, the saved queue, the store folder’s upload files, or the logs', async () => {
      const dw = await driftwatch();
      assert.ok(plantedCanaries.length > 50);
      for (const r of receiver.requests) assertNoCanary(r.raw.toString('utf8'), 'a request body');
      for (const p of prompts) assertNoCanary(p, 'the consent preview');
      // Park a payload in the queue (switches off) and look at what is persisted.
      await setSwitches(false, false);
      const q = await upload.getQueue();
      await q.enqueue(queueEntryOf(await upload.buildDay(day), 'it-team'));
      assertNoCanary(JSON.stringify(dw.context.globalState.get('driftwatch.upload.queue')), 'the persisted queue');
      const secretFile = path.join(dw.context.globalStorageUri.fsPath, 'team-install.json');
      assert.ok((await stat(secretFile)).isFile());
      assertNoCanary(await readFile(secretFile, 'utf8'), 'the install secret file');
      await q.clear();
      // Every log file of this extension host session (the Driftwatch channel at every level it wrote).
      const logsRoot = path.dirname(dw.context.logUri.fsPath);
      const files = await filesUnder(logsRoot);
      assert.ok(files.some((f) => f.endsWith('Driftwatch.log')), `the Driftwatch log among ${files.length} files`);
      for (const f of files) assertNoCanary(await readFile(f, 'latin1'), f);
    });

    it('Forget My Uploaded Data sends the install ids to the deletion endpoint, then rotates the id', async () => {
      const before = JSON.parse(JSON.stringify(receiver.requests[0]!.points[0]!.attributes)) as Record<string, string>;
      const result = (await vscode.commands.executeCommand('driftwatch.upload.forget', { confirmed: true })) as { ok: boolean; message: string };
      assert.equal(result.ok, true, result.message);
      assert.equal(receiver.forgetRequests.length, 1);
      const req = receiver.forgetRequests[0]!;
      assert.equal(req.teamId, 'it-team');
      assert.equal(req.installIds.length, 36);
      assert.ok(req.installIds.includes(before[ATTR.installId]!), 'the id that uploaded is among those deleted');
      const after = await upload.buildDay(day);
      assert.notEqual(after.teamDay.installId, before[ATTR.installId], 'a new install id after Forget');
      receiver.forgetStatus = 404;
      const plain = (await vscode.commands.executeCommand('driftwatch.upload.forget', { confirmed: true })) as { ok: boolean; message: string };
      assert.equal(plain.ok, false);
      assert.match(plain.message, /operator/);
    });
  });
});
