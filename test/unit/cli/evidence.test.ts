import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { EvidenceBundle } from '../../../src/core/evidence/evidenceBundle.js';
import { EventStore } from '../../../src/core/store/eventStore.js';
import { JsonlBackend } from '../../../src/node/jsonlBackend.js';
import { CANARY, CANARY_IDS, EVIDENCE_TODAY, evidenceHistory, SURGING_RULE } from '../../support/evidenceHistory.js';
import { runCli } from '../../support/runCli.js';

describe('driftwatch CLI: evidence', () => {
  let dir: string;
  let store: string;
  let paths: Set<string>;
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'dw-evidence-'));
    store = path.join(dir, 'store');
    const s = await EventStore.open(new JsonlBackend(store));
    const records = evidenceHistory();
    paths = new Set(records.flatMap((r) => (r.kind === 'assistant-edit' ? [r.file] : [])));
    for (let i = 0; i < records.length; i += 5000) s.append(records.slice(i, i + 5000));
    await s.dispose();
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function readBundle(out: string): Promise<{ files: string[]; text: string; json: EvidenceBundle; md: string }> {
    const files = (await readdir(out, { recursive: true, encoding: 'utf8' })).filter((f) => /\.(md|json|svg)$/.test(f)).sort();
    const texts = await Promise.all(files.map((f) => readFile(path.join(out, f), 'utf8')));
    return { files, text: texts.join('\n'), json: JSON.parse(await readFile(path.join(out, 'report.json'), 'utf8')) as EvidenceBundle, md: await readFile(path.join(out, 'report.md'), 'utf8') };
  }

  it('writes report.md, report.json and the SVG charts for the drifted assistant, with redacted examples', async () => {
    const out = path.join(dir, 'bundle');
    const r = await runCli(['evidence', '--store', store, '--assistant', 'claude-code', '--today', EVIDENCE_TODAY, '--out', out, '--examples', '4']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^claude-code's code has \d+(\.\d)?× more findings per line since 1\.0\.31\.\nWrote 17 files \(5 metrics, 10 rules, 4 examples\) to /);
    const b = await readBundle(out);
    assert.deepEqual(b.files.filter((f) => !f.startsWith('rules/')), ['charts/acceptance.svg', 'charts/findings-per-100-lines.svg', 'charts/follow-up-fix-rate.svg', 'charts/score.svg', 'charts/survival-5min.svg', 'report.json', 'report.md']);
    // Each listed rule's documentation page travels with the report, linked from its row.
    assert.deepEqual(b.files.filter((f) => f.startsWith('rules/')).sort(), b.json.rules.map((r) => `rules/${r.ruleId}.md`).sort());
    assert.equal(await readFile(path.join(out, 'rules', `${SURGING_RULE}.md`), 'utf8'), await readFile(path.join('docs', 'rules', `${SURGING_RULE}.md`), 'utf8'));
    assert.ok(b.md.includes(`[\`${SURGING_RULE}\`](rules/${SURGING_RULE}.md)`));
    assert.equal(b.json.assistant, 'claude-code');
    assert.equal(b.json.metrics[0]!.metric, 'findings');
    assert.ok(b.json.metrics[0]!.effect.ci[0] > 1);
    assert.equal(b.json.rules[0]!.ruleId, SURGING_RULE);
    assert.equal(b.json.examples.length, 4);
    assert.ok(b.json.examples.every((e) => !e.codeIncluded && e.code === undefined && e.findings.every((f) => f.message === undefined)));
    assert.ok(b.json.examples[0]!.findings.some((f) => f.ruleId === SURGING_RULE), 'examples show the rising rule first');
    assert.equal((b.md.match(/_Code not included by the reporter\._/g) ?? []).length, 4);
    for (const canary of [...Object.values(CANARY), ...CANARY_IDS]) assert.ok(!b.text.includes(canary), `${canary} must not appear`);
    for (const p of paths) assert.ok(!b.text.includes(p), `path ${p} must not appear`);
    assert.ok(!existsSync(path.join(out, 'report.md.tmp')));
  });

  it('says plainly when an assistant did not drift, and exits 1 for one without edits', async () => {
    const out = path.join(dir, 'calm');
    const r = await runCli(['evidence', '--store', store, '--assistant', 'copilot', '--today', EVIDENCE_TODAY, '--out', out]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^No significant drift in copilot's code/);
    assert.match((await readBundle(out)).md, /The reporter included no example edits\./);
    const none = await runCli(['evidence', '--store', store, '--assistant', 'nobody', '--today', EVIDENCE_TODAY, '--out', path.join(dir, 'none')]);
    assert.equal(none.code, 1);
    assert.match(none.err, /no edits by "nobody".*assistants with edits: claude-code, copilot, cursor/);
    assert.ok(!existsSync(path.join(dir, 'none')));
  });

  it('refuses bad options and a foreign non-empty folder (exit 2), and rewrites its own', async () => {
    assert.equal((await runCli(['evidence', '--store', store])).code, 2);
    assert.equal((await runCli(['evidence', '--store', store, '--assistant', 'claude-code', '--examples', '-1'])).code, 2);
    assert.equal((await runCli(['evidence', '--store', store, '--assistant', 'claude-code', '--today', 'soon'])).code, 2);
    assert.equal((await runCli(['evidence', '--store', store, '--assistant', 'claude-code', '--out', path.join(store, 'x')])).code, 2);
    const foreign = path.join(dir, 'foreign');
    await mkdir(foreign);
    await writeFile(path.join(foreign, 'notes.txt'), 'mine');
    const refused = await runCli(['evidence', '--store', store, '--assistant', 'claude-code', '--today', EVIDENCE_TODAY, '--out', foreign]);
    assert.equal(refused.code, 2);
    assert.match(refused.err, /not empty/);
    const again = await runCli(['evidence', '--store', store, '--assistant', 'claude-code', '--today', EVIDENCE_TODAY, '--out', path.join(dir, 'bundle')]);
    assert.equal(again.code, 0, again.err);
  });
});
