/**
 * Upload from a browser, as the web extension host sends it: the extension's transport (gzip + fetch + bearer token)
 * runs in real Chromium on a page of ANOTHER origin than the collector's, so every upload is a CORS request with a
 * preflight (Authorization, Content-Type and Content-Encoding are not CORS-safelisted). The origin given with
 * `--cors-origin` (here: the collector option) gets through and is stored; any other origin is refused at the
 * preflight, logged, and stores nothing.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../scripts/lib/browser.mjs';
import { encodeTeamRequest } from '../../src/core/team/teamEncoder.js';
import { queueEntryOf } from '../../src/core/team/teamRequest.js';
import type { QueueItem } from '../../src/core/team/uploadQueue.js';
import { sampleBucket } from '../unit/team/teamFixtures.js';
import { startCollector, TEAMS, type Running } from './collectorHarness.js';

/** A static page with the bundled transport, on its own loopback port (its own origin). */
async function pageServer(js: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    if (req.url === '/client.js') res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(js);
    else res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>editor</title><script src="/client.js"></script>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function item(seed: number, day: string): QueueItem {
  const bucket = sampleBucket(seed, { teamId: TEAMS.a.id, day, idempotencyKey: seed.toString(16).padStart(64, '0') });
  const teamDay = { installId: bucket.installId, buckets: [bucket] } as unknown as Parameters<typeof queueEntryOf>[0]['teamDay'];
  const entry = queueEntryOf({ day, teamDay, request: encodeTeamRequest([bucket], 'protobuf'), previewJson: '' } as Parameters<typeof queueEntryOf>[0], TEAMS.a.id);
  return { ...entry, enqueuedAt: 0, attempts: 0, notBefore: 0 };
}

describe('upload from a browser origin (the web extension host) to the collector: CORS', function () {
  let browser: Browser;
  let c: Running;
  let allowed: { server: Server; origin: string };
  let other: { server: Server; origin: string };

  before(async () => {
    const bundle = await esbuild.build({
      entryPoints: [path.join('test', 'collector', 'browserUpload.entry.ts')],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'iife',
      logLevel: 'silent',
    });
    const js = bundle.outputFiles[0]!.text;
    allowed = await pageServer(js);
    other = await pageServer(js);
    c = await startCollector('pglite', '2026-03-31', undefined, [allowed.origin]);
    browser = await chromium.launch({ executablePath: process.env.DRIFTWATCH_CHROMIUM ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    await c?.close();
    for (const s of [allowed, other]) s?.server.close();
  });

  async function sendFrom(origin: string, it: QueueItem): Promise<string> {
    const page = await browser.newPage();
    try {
      await page.goto(`${origin}/`);
      await page.waitForFunction('typeof driftwatchSend === "function"');
      return await page.evaluate(([url, token, body]) => (globalThis as unknown as { driftwatchSend: (u: string, t: string, i: unknown) => Promise<string> }).driftwatchSend(url, token, body), [`${c.url}/v1/metrics`, TEAMS.a.token, it] as const);
    } finally {
      await page.close();
    }
  }

  it('the configured origin passes the preflight and its gzip upload is stored; another origin is refused and stores nothing', async () => {
    const day = '2026-03-20';
    const ok = await sendFrom(allowed.origin, item(1, day));
    assert.deepEqual(JSON.parse(ok), { kind: 'sent', status: 200 });
    assert.equal(await c.store.count(TEAMS.a.id), 1);
    assert.ok(c.logs.some((l) => / OPTIONS "\/v1\/metrics" 204 .*CORS preflight/.test(l)), c.logs.join('\n'));
    assert.ok(c.logs.some((l) => / POST "\/v1\/metrics" 200 .*inserted=1/.test(l)));

    const refused = await sendFrom(other.origin, item(2, day));
    assert.match(refused, /^threw: /, 'the browser refuses the cross-origin request');
    assert.equal(await c.store.count(TEAMS.a.id), 1, 'nothing from the other origin was stored');
    assert.ok(c.logs.some((l) => / OPTIONS "\/v1\/metrics" 403 .*not in --cors-origin/.test(l) && l.includes(other.origin)));
  });
});
