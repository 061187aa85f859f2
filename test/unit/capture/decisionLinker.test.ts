/**
 * OTLP decisions tied to what the editor observed (src/core/capture/decisionLinker.ts), on a real capture session and
 * tracker over a manual clock: a Claude Code accept adopts or expects the write it decided (one edit, channel otlp), a
 * Copilot Chat keep/undo decides the chat edit it follows, survival is stored linked, and nothing is counted twice.
 */
import { strict as assert } from 'node:assert';
import { BULK_EVIDENCE_MS, RELOAD_EVIDENCE_MS } from '../../../src/core/capture/captureSession.js';
import { DecisionLinker, type SignalRecord } from '../../../src/core/capture/decisionLinker.js';
import { VerdictLedger } from '../../../src/core/capture/verdictLedger.js';
import type { DriftEvent } from '../../../src/core/schema/events.js';
import { applyToRollups, type DailyRollup } from '../../../src/core/store/rollup.js';
import { Harness } from '../../support/captureHarness.js';

const code = 'export function total(xs: number[]): number {\n  return xs.reduce((a, b) => a + b, 0);\n}\n';

function setup(): { h: Harness; linker: DecisionLinker } {
  const ledger = new VerdictLedger();
  const h = new Harness(ledger);
  h.assistants = [];
  const linker = new DecisionLinker({
    clock: h.clock,
    ledger,
    editor: () => ({ adoptWrite: (f, t, w) => h.session.adoptWrite(f, t, w), decline: (id) => h.tracker.decline(id) }),
    emit: (records) => {
      const out = records.map((r) => ({ schema: 1, id: `d${h.records.length}`, tz: 0, ...r, ts: r.ts ?? h.clock.now() }) as DriftEvent);
      h.records.push(...out);
      return out;
    },
    log: { debug: () => undefined },
  });
  return { h, linker };
}

const claude = (id: string, decision: 'accepted' | 'rejected', ts: number): SignalRecord => ({ kind: 'proposal', proposalId: id, channel: 'otlp', assistant: 'claude-code', toolName: 'Edit', decision, decisionSource: 'signal', language: 'typescript', ts });
const copilot = (id: string, decision: 'accepted' | 'rejected', ts: number): SignalRecord => ({ kind: 'proposal', proposalId: id, channel: 'otlp', assistant: 'copilot', toolName: 'chat-edit-hunk', decision, decisionSource: 'signal', language: 'typescript', ts });
const proposals = (h: Harness): Extract<DriftEvent, { kind: 'proposal' }>[] => h.records.filter((r): r is Extract<DriftEvent, { kind: 'proposal' }> => r.kind === 'proposal');

/** A file created on disk while closed, by a writer the evidence cannot name. */
function write(h: Harness, file: string): void {
  h.session.onClosedFileWritten({ uri: `file:///ws/${file}`, file, languageId: 'typescript', created: true, at: h.clock.now(), text: code });
}

describe('DecisionLinker (OTLP decisions against the editor observation)', () => {
  it('without a decision, a write by an unknown writer stays external (the precision rule)', async () => {
    const { h } = setup();
    write(h, 'src/a.ts');
    await h.advance(RELOAD_EVIDENCE_MS + 10);
    assert.equal(h.edits().length, 0);
  });

  it('an accept arriving after the write adopts it: one ai-agent edit from channel otlp, the proposal names it', async () => {
    const { h, linker } = setup();
    const decidedAt = h.clock.now();
    await h.advance(300);
    write(h, 'src/a.ts');
    await h.advance(RELOAD_EVIDENCE_MS + 10);
    assert.equal(h.edits().length, 0, 'counted as an unknown writer first');
    await h.advance(4_000); // the exporter's batch interval
    linker.accept([claude('toolu_1', 'accepted', decidedAt)]);
    const [edit] = h.edits();
    assert.ok(edit);
    assert.deepEqual([edit.provenance, edit.channel, edit.assistant, edit.file, edit.proposalId, edit.text], ['ai-agent', 'otlp', 'claude-code', 'src/a.ts', 'toolu_1', code]);
    const [p] = proposals(h);
    assert.deepEqual([p?.decision, p?.matchedEditId, p?.file, p?.channel], ['accepted', edit.id, 'src/a.ts', 'otlp']);
    // A second accept does not take the same write again.
    linker.accept([claude('toolu_2', 'accepted', decidedAt + 100)]);
    assert.equal(h.edits().length, 1);
    await h.advance(31_000);
    assert.equal(proposals(h).length, 2);
    assert.equal(proposals(h)[1]!.matchedEditId, undefined, 'the second decision is stored without an edit');
  });

  it('an accept arriving before the write expects it: the write is recorded once as that assistant\'s', async () => {
    const { h, linker } = setup();
    linker.accept([claude('toolu_3', 'accepted', h.clock.now())]);
    assert.equal(linker.pending, 1);
    await h.advance(1_000);
    write(h, 'src/b.ts');
    await h.advance(RELOAD_EVIDENCE_MS + 10);
    const edits = h.edits();
    assert.equal(edits.length, 1);
    assert.deepEqual([edits[0]!.channel, edits[0]!.assistant, edits[0]!.proposalId], ['otlp', 'claude-code', 'toolu_3']);
    assert.deepEqual([proposals(h)[0]?.matchedEditId, proposals(h)[0]?.file], [edits[0]!.id, 'src/b.ts']);
    assert.equal(linker.pending, 0);
  });

  it('a write during version-control activity is never taken by a decision', async () => {
    const { h, linker } = setup();
    h.atVerdict.evidence = { vcsAt: h.clock.now() };
    linker.accept([claude('toolu_4', 'accepted', h.clock.now())]);
    write(h, 'src/c.ts');
    await h.advance(RELOAD_EVIDENCE_MS + 10);
    assert.equal(h.edits().length, 0);
    await h.advance(31_000);
    assert.deepEqual(proposals(h).map((p) => [p.decision, p.matchedEditId]), [['accepted', undefined]]);
  });

  it('a write an active agent extension was credited with is linked, not recorded again', async () => {
    const { h, linker } = setup();
    h.assistants = [{ extensionId: 'acme.agent', assistant: 'acme-agent', capabilities: ['agent'], active: true }];
    write(h, 'src/d.ts');
    await h.advance(RELOAD_EVIDENCE_MS + 10);
    assert.equal(h.edits()[0]?.channel, 'disk-write');
    linker.accept([claude('toolu_5', 'accepted', h.clock.now() - 2_500)]);
    assert.equal(h.edits().length, 1);
    assert.equal(proposals(h)[0]?.matchedEditId, h.edits()[0]!.id);
  });

  it('a Claude Code reject is a rejected proposal without an edit', () => {
    const { h, linker } = setup();
    linker.accept([claude('toolu_6', 'rejected', h.clock.now())]);
    assert.deepEqual(proposals(h).map((p) => [p.decision, p.channel, p.matchedEditId]), [['rejected', 'otlp', undefined]]);
  });

  it('Copilot Chat keep and undo decide the chat edits before them; undo ends the edit as rejected', async () => {
    const { h, linker } = setup();
    h.assistants = [{ extensionId: 'github.copilot-chat', assistant: 'copilot', capabilities: ['chat'], active: true }];
    const one = h.open('src/one.ts', '// one\n');
    const two = h.open('src/two.ts', '// two\n');
    h.active = 'file:///ws/src/elsewhere.ts';
    h.change(one, [{ offset: one.text.length, removedLength: 0, text: code }]);
    await h.advance(BULK_EVIDENCE_MS + 10);
    await h.advance(1_000);
    h.change(two, [{ offset: two.text.length, removedLength: 0, text: code.replace('total', 'sum') }]);
    await h.advance(BULK_EVIDENCE_MS + 10);
    const [e1, e2] = h.edits();
    assert.ok(e1 && e2);
    await h.advance(20_000);
    linker.accept([copilot('h1', 'rejected', h.clock.now())]);
    linker.accept([copilot('h2', 'accepted', h.clock.now())]);
    assert.deepEqual(proposals(h).map((p) => [p.decision, p.matchedEditId, p.file]), [
      ['rejected', e2.id, 'src/two.ts'],
      ['accepted', e1.id, 'src/one.ts'],
    ]);
    const outcome = h.records.find((r) => r.kind === 'edit-outcome' && r.ref.editId === e2.id);
    assert.ok(outcome && outcome.kind === 'edit-outcome');
    assert.deepEqual([outcome.outcome, outcome.reason], ['rejected', 'proposal-declined']);
    assert.equal(linker.counts.declined, 1);
    // Survival Copilot reports 30 s after the first edit is stored, linked to it.
    linker.accept([{ kind: 'reported-survival', channel: 'otlp', assistant: 'copilot', signal: 'copilot_chat.edit.survival', language: 'typescript', afterMs: 30_000, fourGramSurvival: 0.8, ts: e1.ts + 30_000 }]);
    const survival = h.records.find((r) => r.kind === 'reported-survival');
    assert.ok(survival && survival.kind === 'reported-survival');
    assert.equal(survival.matchedEditId, e1.id);
  });

  it('a rejected decision linked to an edit is counted once in the rollups (by the edit\'s outcome), an unlinked one as a proposal', () => {
    const rollups = new Map<string, DailyRollup>();
    const base = { schema: 1 as const, tz: 0, ts: Date.UTC(2026, 10, 20, 10), kind: 'proposal' as const, channel: 'otlp' as const, assistant: 'copilot', decision: 'rejected' as const, language: 'typescript' };
    applyToRollups(rollups, { ...base, id: 'p1', proposalId: 'p1', matchedEditId: 'e1' });
    applyToRollups(rollups, { ...base, id: 'p2', proposalId: 'p2' });
    const buckets = [...rollups.values()].flatMap((r) => Object.values(r.buckets));
    assert.equal(buckets.reduce((n, b) => n + b.proposals.rejected, 0), 1);
  });

  it('dispose stores decisions still waiting for their write', () => {
    const { h, linker } = setup();
    linker.accept([claude('toolu_7', 'accepted', h.clock.now())]);
    linker.dispose();
    assert.deepEqual(proposals(h).map((p) => [p.proposalId, p.matchedEditId]), [['toolu_7', undefined]]);
  });
});
