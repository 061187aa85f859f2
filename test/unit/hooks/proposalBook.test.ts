import { strict as assert } from 'node:assert';
import { claimForChange, claimedVerdict } from '../../../src/core/capture/hooks/claimedEdit.js';
import { textHash, VerdictLedger } from '../../../src/core/capture/verdictLedger.js';
import { parseSpoolRecord } from '../../../src/core/hooks/hookRecords.js';
import { ProposalBook, proposalIdOf, type AppliedCall, type ProposalDecision } from '../../../src/core/hooks/proposalBook.js';
import { ManualClock } from '../../../src/core/util/clock.js';
import { claudePostEdit, claudePreEdit, claudeSessionEnd, claudeStop, cursorAfterFileEdit } from '../../support/hookPayloads.js';

const FILE = '/w/src/a.ts';
const URI = 'file:///w/src/a.ts';

function setup(): { clock: ManualClock; ledger: VerdictLedger; book: ProposalBook; edits: AppliedCall[]; proposals: ProposalDecision[]; feed: (p: unknown) => void } {
  const clock = new ManualClock(1_000_000);
  const ledger = new VerdictLedger();
  const edits: AppliedCall[] = [];
  const proposals: ProposalDecision[] = [];
  let n = 0;
  const book = new ProposalBook(clock, ledger, {
    uriOf: (f) => (f.startsWith('/w/') ? `file://${f}` : undefined),
    recordEdit: (call) => {
      edits.push(call);
      return Promise.resolve(`hook-edit-${++n}`);
    },
    recordEditNow: (call) => {
      edits.push(call);
      return `hook-edit-now-${++n}`;
    },
    recordProposal: (d) => proposals.push(d),
    log: { debug: () => undefined, info: () => undefined },
  });
  const feed = (p: unknown): void => {
    const r = parseSpoolRecord(JSON.stringify(p), 'name');
    assert.ok(r.ok && r.signal);
    book.accept(r.signal);
  };
  return { clock, ledger, book, edits, proposals, feed };
}

/** What capture does when it concludes a change: ask the ledger, record, tell the claim. */
function captureObserves(ledger: VerdictLedger, inserted: string, editId: string): 'claimed' | 'skipped' | 'own' {
  const heuristic = { provenance: 'external' as const, rule: 'disk-write' };
  const claim = claimForChange(ledger, URI, heuristic, [inserted]);
  if (claim?.editId !== undefined) return 'skipped';
  if (!claim) return 'own';
  assert.equal(claimedVerdict(heuristic, claim).provenance, 'ai-agent');
  ledger.taken(claim, editId);
  return 'claimed';
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));
const c1 = { session: 's1', toolUseId: 'toolu_1', file: FILE };

describe('hooks/proposalBook', () => {
  it('Pre then Post with capture observing the change: one edit (capture\'s), one accepted proposal', () => {
    const { ledger, proposals, edits, feed } = setup();
    feed(claudePreEdit(c1, 'return a + b;', 'return a - b;'));
    // VS Code's minimal diff: only "-" changed… plus context on the line.
    assert.equal(captureObserves(ledger, 'return a - b;', 'cap-1'), 'claimed');
    assert.equal(proposals.length, 0, 'decided only when PostToolUse arrives');
    feed(claudePostEdit(c1, 'return a + b;', 'return a - b;'));
    assert.equal(edits.length, 0);
    assert.deepEqual(proposals.map((p) => [p.decision, p.decisionSource, p.matchedEditId]), [['accepted', 'hook-post', 'cap-1']]);
  });

  it('Post before capture: the claim waits; capture records it with the hook attribution; nothing twice', async () => {
    const { clock, ledger, proposals, edits, feed } = setup();
    feed(claudePreEdit(c1, 'x', 'const y = compute(x);'));
    feed(claudePostEdit(c1, 'x', 'const y = compute(x);'));
    clock.advance(2_000);
    assert.equal(captureObserves(ledger, 'const y = compute(x);', 'cap-2'), 'claimed');
    clock.advance(10_000);
    await tick();
    assert.equal(edits.length, 0, 'the hook did not record a second edit');
    assert.equal(proposals.length, 1);
    assert.equal(proposals[0]!.matchedEditId, 'cap-2');
    // A late duplicate observation (e.g. the save echo) is skipped while the claim lingers.
    assert.equal(captureObserves(ledger, 'const y = compute(x);', 'cap-3'), 'skipped');
  });

  it('capture never sees it: the hook records the edit itself after the grace, once; a late observation is skipped', async () => {
    const { clock, ledger, proposals, edits, feed } = setup();
    feed(claudePreEdit(c1, 'a', 'b = 1'));
    feed(claudePostEdit(c1, 'a', 'b = 1', { line: 4, userModified: true }));
    clock.advance(5_900);
    await tick();
    assert.equal(edits.length, 0, 'capture still has time to observe it');
    clock.advance(100);
    await tick();
    assert.equal(edits.length, 1);
    assert.equal(edits[0]!.line, 4);
    assert.equal(edits[0]!.proposalId, 'toolu_1');
    assert.deepEqual(proposals.map((p) => [p.decision, p.matchedEditId, p.userModified]), [['accepted', 'hook-edit-1', true]]);
    assert.equal(captureObserves(ledger, 'b = 1', 'cap-late'), 'skipped');
    clock.advance(60_000);
    assert.equal(ledger.claimCount, 0, 'the claim is withdrawn after it lingered');
  });

  it('capture recorded the edit BEFORE the hook arrived: matched, not recorded again', async () => {
    const { clock, ledger, proposals, edits, feed } = setup();
    ledger.record({ uri: URI, offset: 10, textHash: textHash('items.map(f)'), provenance: 'ai-agent', editId: 'cap-early', at: clock.now(), text: 'items.map(f)' });
    feed(cursorAfterFileEdit(FILE, [{ old_string: 'loop()', new_string: 'const out = items.map(f);' }]));
    clock.advance(10_000);
    await tick();
    assert.equal(edits.length, 0);
    assert.equal(proposals[0]!.matchedEditId, 'cap-early');
    assert.equal(proposals[0]!.assistant, 'cursor');
  });

  it('a proposal with no applied event by Stop is rejected, naming the file and tool_use_id; other sessions wait', () => {
    const { clock, proposals, feed } = setup();
    feed(claudePreEdit(c1, 'a', 'b'));
    feed(claudePreEdit({ ...c1, session: 's2', toolUseId: 'toolu_2' }, 'a', 'c'));
    feed(claudeStop('s1'));
    clock.advance(1_000);
    assert.equal(proposals.length, 0, 'a PostToolUse a moment behind the Stop still counts');
    clock.advance(600);
    assert.deepEqual(proposals.map((p) => [p.proposalId, p.file, p.decision, p.decisionSource]), [['toolu_1', FILE, 'rejected', 'no-matching-edit']]);
    feed(claudeSessionEnd('s2'));
    clock.advance(2_000);
    assert.equal(proposals.length, 2);
    assert.equal(proposals[1]!.proposalId, 'toolu_2');
  });

  it('a proposal nobody decides is rejected at the timeout; one decided is not decided again on replay', () => {
    const { clock, proposals, feed } = setup();
    feed(claudePreEdit(c1, 'a', 'b'));
    clock.advance(10 * 60_000);
    assert.equal(proposals.length, 1);
    assert.equal(proposals[0]!.decision, 'rejected');
    feed(claudePreEdit(c1, 'a', 'b'));
    feed(claudePostEdit(c1, 'a', 'b'));
    clock.advance(20 * 60_000);
    assert.equal(proposals.length, 1);
  });

  it('files outside the workspace are ignored entirely', () => {
    const { clock, ledger, proposals, feed } = setup();
    feed(claudePreEdit({ ...c1, file: '/elsewhere/x.ts' }, 'a', 'b'));
    feed(claudeStop('s1'));
    clock.advance(5_000);
    assert.equal(proposals.length, 0);
    assert.equal(ledger.claimCount, 0);
  });

  it('changes during .git activity are never claimed; a burst or a reload the heuristic took for a revert are', () => {
    const { ledger, feed } = setup();
    feed(claudePreEdit(c1, 'a', 'b = 2'));
    assert.equal(claimForChange(ledger, URI, { provenance: 'vcs', rule: 'disk-vcs-activity' }, ['b = 2']), undefined);
    assert.ok(claimForChange(ledger, URI, { provenance: 'vcs', rule: 'disk-mass-change' }, ['b = 2']));
    assert.ok(claimForChange(ledger, URI, { provenance: 'undo', rule: 'reverted-no-disk-write' }, ['b = 2']));
    assert.ok(claimForChange(ledger, URI, { provenance: 'paste', rule: 'x' }, ['b = 2']));
    assert.equal(claimForChange(ledger, URI, { provenance: 'external', rule: 'x' }, ['something else']), undefined);
  });

  it('on shutdown: applied calls are recorded, ended turns rejected, open proposals stored as unknown', async () => {
    const { book, proposals, edits, feed } = setup();
    feed(claudePreEdit(c1, 'a', 'b'));
    feed(claudePostEdit(c1, 'a', 'b'));
    feed(claudePreEdit({ ...c1, toolUseId: 'toolu_open' }, 'a', 'c'));
    feed(claudePreEdit({ ...c1, session: 's9', toolUseId: 'toolu_ended' }, 'a', 'd'));
    feed(claudeStop('s9'));
    book.dispose();
    // Decided synchronously: the owner flushes and closes the store right after disposing its services.
    assert.equal(edits.length, 1);
    assert.equal(proposals.length, 3);
    assert.equal(proposals.find((p) => p.proposalId === 'toolu_1')?.matchedEditId, 'hook-edit-now-1');
    assert.deepEqual(proposals.map((p) => [p.proposalId, p.decision]).sort(), [['toolu_1', 'accepted'], ['toolu_ended', 'rejected'], ['toolu_open', 'unknown']]);
  });

  it('proposal ids fit the schema', () => {
    assert.equal(proposalIdOf('toolu_01ABC'), 'toolu_01ABC');
    assert.match(proposalIdOf('s:Edit:/a/very/long/path/'.repeat(5)), /^hook-[0-9a-f]{16}$/);
  });
});
