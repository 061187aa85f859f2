import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { EventStore } from '../../../src/core/store/eventStore.js';
import { ATTR, METRIC } from '../../../src/core/team/teamWire.js';
import { JsonlBackend } from '../../../src/node/jsonlBackend.js';
import { INSTALL_SECRET_FILE } from '../../../src/node/installSecretFile.js';
import { flatten } from '../../support/otlpTestReceiver.js';
import { runCli } from '../../support/runCli.js';
import { cellInputs, plantedCanaries } from '../../support/teamFixtures.js';

const DAY = '2026-11-20';

describe('driftwatch payload', () => {
  let root: string;
  let dir: string;

  before(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'dw-payload-'));
    dir = path.join(root, 'alice-home', 'store');
    const store = await EventStore.open(new JsonlBackend(dir));
    store.append(cellInputs({ edits: 7, start: Date.parse(`${DAY}T09:00:00Z`), assistantVersion: '1.4.2' }));
    store.append(cellInputs({ edits: 3, start: Date.parse(`${DAY}T10:00:00Z`), assistantVersion: '1.4.2', language: 'go' }));
    await store.dispose();
  });

  after(() => rm(root, { recursive: true, force: true }));

  it('prints only the OTLP JSON document on stdout, with k applied and no canary', async () => {
    const r = await runCli(['payload', '--store', dir, '--day', DAY, '--team', 'team-a']);
    assert.equal(r.code, 0, r.err);
    const doc = JSON.parse(r.out) as Record<string, unknown>;
    assert.ok(Array.isArray(doc['resourceMetrics']));
    const { points } = flatten(doc);
    const edits = points.filter((p) => p.metric === METRIC.edits);
    assert.equal(edits.length, 1);
    assert.equal(edits[0]!.value, 7);
    assert.equal(edits[0]!.attributes[ATTR.teamId], 'team-a');
    assert.equal(edits[0]!.attributes[ATTR.assistantVersion], '1.4.2');
    assert.match(r.err, /1 bucket\(s\)/);
    for (const c of plantedCanaries) assert.ok(!r.out.includes(c) && !r.err.includes(c), `canary ${c} in CLI output`);
    assert.ok(!r.out.includes('alice') && !r.out.includes(os.userInfo().username) && !r.out.includes(os.hostname()), 'no path, user or host name');
  });

  it('keeps the install id stable across runs, in a secret file in the store folder, not derived from the path', async () => {
    const id = async (store: string) => {
      const r = await runCli(['payload', '--store', store, '--day', DAY]);
      assert.equal(r.code, 0, r.err);
      return flatten(JSON.parse(r.out) as Record<string, unknown>).points[0]!.attributes[ATTR.installId];
    };
    const first = await id(dir);
    assert.match(String(first), /^[0-9a-f]{32}$/);
    assert.equal(await id(dir), first);
    const secretFile = path.join(dir, INSTALL_SECRET_FILE);
    assert.equal((await stat(secretFile)).mode & 0o077, 0, 'the secret file is private to its owner');
    // The same store moved elsewhere keeps its id; a copy without the secret gets a new one.
    const moved = path.join(root, 'elsewhere');
    await cp(dir, moved, { recursive: true });
    assert.equal(await id(moved), first);
    const fresh = path.join(root, 'fresh');
    await cp(path.join(dir, 'events'), path.join(fresh, 'events'), { recursive: true });
    assert.notEqual(await id(fresh), first);
    assert.ok(!(await readFile(secretFile, 'utf8')).includes(String(first)), 'the id itself is not stored, only the secret');
  });

  it('refuses a k below 5 and a bad day with exit code 2', async () => {
    assert.equal((await runCli(['payload', '--store', dir, '--k', '2'])).code, 2);
    assert.equal((await runCli(['payload', '--store', dir, '--day', '20-11-2026'])).code, 2);
  });
});
