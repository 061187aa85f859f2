import { strict as assert } from 'node:assert';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { DiagnosticInfo } from '../../../src/core/capture/diagnosticsDelta.js';
import { EditTracker, type NewAssistantEdit } from '../../../src/core/capture/editTracker.js';
import { LineIndex } from '../../../src/core/capture/lineIndex.js';
import { parsePendingState, type PendingState } from '../../../src/core/capture/pendingState.js';
import type { RegionFinding, RegionLinter } from '../../../src/core/capture/regionLinter.js';
import { applyChange, type TextChange } from '../../../src/core/capture/textChange.js';
import type { DriftEvent, Provenance } from '../../../src/core/schema/events.js';
import { EventStore } from '../../../src/core/store/eventStore.js';
import { ManualClock } from '../../../src/core/util/clock.js';
import { JsonlBackend } from '../../../src/node/jsonlBackend.js';

const START = Date.UTC(2026, 10, 20, 10, 0, 0);
const URI = 'file:///ws/src/app.py';

/** A real, tiny linter: reports `range(len(` as loop.manual-index at the `for`. */
const manualIndexLinter: RegionLinter = {
  ruleSet: '3.0000abcd',
  supports: (lang) => lang === 'python',
  async lint(text) {
    const index = new LineIndex(text);
    const out: RegionFinding[] = [];
    for (let i = text.indexOf('range(len('); i !== -1; i = text.indexOf('range(len(', i + 1)) {
      const lineStart = text.lastIndexOf('\n', i) + 1;
      out.push({ ruleId: 'loop.manual-index', severity: 'info', range: { start: index.positionAt(lineStart), end: index.positionAt(i) } });
    }
    return out;
  },
};

class Fixture {
  text = 'import os\n\n\nprint("done")\n';
  diagnostics: DiagnosticInfo[] = [];
  open = true;
  records: DriftEvent[] = [];
  persisted: PendingState | undefined;
  tracker!: EditTracker;

  constructor(
    readonly clock: ManualClock,
    readonly store: EventStore,
  ) {}

  makeTracker(): EditTracker {
    this.tracker = new EditTracker({
      clock: this.clock,
      emit: (r) => {
        const stored = this.store.append(r);
        this.records.push(...stored);
        return stored;
      },
      docs: {
        textOf: (uri) => (uri === URI && this.open ? this.text : undefined),
        diagnosticsOf: () => this.diagnostics,
      },
      log: { debug: () => {}, warn: () => {} },
      linter: manualIndexLinter,
      persist: (s) => (this.persisted = s),
    });
    return this.tracker;
  }

  /** Inserts assistant text at `offset` and hands it to the tracker. */
  insertAssistant(offset: number, inserted: string): string {
    this.text = applyChange(this.text, { offset, removedLength: 0, text: inserted });
    const idx = new LineIndex(this.text);
    const edit: NewAssistantEdit = {
      provenance: 'ai-inline',
      channel: 'inline-command',
      assistant: 'copilot',
      language: 'python',
      file: 'src/app.py',
      range: idx.rangeOf(offset, offset + inserted.length),
      linesAdded: inserted.split('\n').length - 1,
      linesRemoved: 0,
      charsInserted: inserted.length,
      charsReplaced: 0,
      text: inserted,
      uri: URI,
      region: { start: offset, end: offset + inserted.length },
      documentText: this.text,
    };
    const stored = this.tracker.track(edit);
    assert.ok(stored);
    return stored.id;
  }

  change(change: TextChange, provenance: Provenance): void {
    this.text = applyChange(this.text, change);
    this.tracker.onChange(URI, [change], provenance);
  }

  of<K extends DriftEvent['kind']>(kind: K): Extract<DriftEvent, { kind: K }>[] {
    return this.records.filter((r): r is Extract<DriftEvent, { kind: K }> => r.kind === kind);
  }
}

/** Lets the async lint in a checkpoint finish. */
async function flushAsync(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r));
}

async function advance(f: Fixture, ms: number, step = 1000): Promise<void> {
  for (let t = 0; t < ms; t += step) {
    f.clock.advance(Math.min(step, ms - t));
    await flushAsync();
  }
}

const COMPLETION = 'for i in range(len(xs)):\n    print(xs[i])\n';

describe('capture/editTracker', () => {
  let dir: string;
  let f: Fixture;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'dw-capture-'));
    const clock = new ManualClock(START);
    const store = await EventStore.open(new JsonlBackend(dir), { clock });
    f = new Fixture(clock, store);
    f.makeTracker();
  });
  afterEach(async () => {
    f.tracker.dispose();
    await f.store.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('follows an untouched edit through every checkpoint and finalises it as accepted with a score', async () => {
    const id = f.insertAssistant(11, COMPLETION);
    f.change({ offset: 0, removedLength: 0, text: '# header\n' }, 'typed'); // above: shifts the region
    await advance(f, 900_000, 10_000);
    const survival = f.of('survival');
    assert.deepEqual(survival.map((s) => s.checkpoint), [30, 120, 300, 600, 900]);
    assert.ok(survival.every((s) => s.unchanged && s.fourGramSurvival === 1 && s.distanceRatio === 0 && s.regionText === COMPLETION));
    assert.ok(survival.every((s) => s.ref.editId === id));
    assert.deepEqual(f.of('edit-outcome').map((o) => [o.outcome, o.reason]), [['accepted', 'kept']]);
    const score = f.of('edit-score');
    assert.equal(score.length, 1);
    assert.equal(score[0]!.final, true);
    assert.equal(f.of('follow-up-fix').length, 0);
    assert.equal(f.tracker.activeCount, 0);
  });

  it('tags every finding and the final score with the rule set of the linter that produced them', async () => {
    f.insertAssistant(11, COMPLETION);
    await advance(f, 900_000, 10_000);
    const findings = f.of('finding');
    assert.ok(findings.length > 0);
    assert.ok(findings.every((x) => x.ruleSet === '3.0000abcd'));
    assert.deepEqual(f.of('edit-score').map((x) => x.ruleSet), ['3.0000abcd']);
    assert.deepEqual(Object.keys(f.store.rollups().at(-1)!.ruleSets), ['3.0000abcd']);
  });

  it('an undo within 10 s rejects the edit and stops tracking it', async () => {
    f.insertAssistant(11, COMPLETION);
    f.clock.advance(4_000);
    f.change({ offset: 11, removedLength: COMPLETION.length, text: '' }, 'undo');
    assert.deepEqual(f.of('edit-outcome').map((o) => [o.outcome, o.reason]), [['rejected', 'undo']]);
    await advance(f, 900_000, 60_000);
    assert.equal(f.of('survival').length, 0);
    assert.equal(f.of('edit-outcome').length, 1);
  });

  it('a deletion after the reject window is not a rejection: the edit ends as deleted', async () => {
    f.insertAssistant(11, COMPLETION);
    await advance(f, 60_000, 10_000);
    f.change({ offset: 11, removedLength: COMPLETION.length, text: '' }, 'typed');
    await advance(f, 900_000, 60_000);
    assert.deepEqual(f.of('edit-outcome').map((o) => o.outcome), ['deleted']);
    const last = f.of('survival').at(-1)!;
    assert.equal(last.regionDeleted, true);
    assert.equal(last.unchanged, false);
  });

  it('splits a fix session at a pause longer than the gap and at a checkpoint, and only there', async () => {
    f.tracker.setTimings({ fixSessionGapMs: 2_000 });
    f.insertAssistant(11, COMPLETION);
    await advance(f, 5_000);
    const at = f.text.indexOf('xs[i]');
    f.change({ offset: at, removedLength: 0, text: 'a' }, 'typed');
    f.clock.advance(1_900); // within the gap: same session
    f.change({ offset: at + 1, removedLength: 0, text: 'b' }, 'typed');
    f.clock.advance(2_100); // past the gap: the session closed, the next key starts another
    await flushAsync();
    f.change({ offset: at + 2, removedLength: 0, text: 'c' }, 'typed');
    await advance(f, 30_000 - 9_000 - 500, 500); // to 0.5 s before the 30 s checkpoint (the gap closed 'c' long ago)
    f.change({ offset: at + 3, removedLength: 0, text: 'd' }, 'typed');
    await advance(f, 1_000, 500); // the checkpoint closes 'd' within the gap: 'e' (1 s after 'd') starts another
    f.change({ offset: at + 4, removedLength: 0, text: 'e' }, 'typed');
    await advance(f, 5_000);
    assert.deepEqual(f.of('follow-up-fix').map((x) => [x.fixIndex, x.charsChanged]), [[1, 2], [2, 1], [3, 1], [4, 1]]);
  });

  it('groups keystrokes into one follow-up fix, reports what the fix repaired, and ends as modified', async () => {
    f.insertAssistant(11, COMPLETION);
    await advance(f, 3_000); // settle: lint at insertion
    const opened = f.of('finding');
    assert.deepEqual(opened.map((x) => [x.ruleId, x.status, x.at]), [['loop.manual-index', 'open', 0]]);
    await advance(f, 37_000);
    // The human rewrites the loop header: select "range(len(xs))" and type "xs" key by key, then fixes the body.
    const header = f.text.indexOf('range(len(xs))');
    f.change({ offset: header, removedLength: 'range(len(xs))'.length, text: 'x' }, 'typed');
    f.clock.advance(200);
    f.change({ offset: header + 1, removedLength: 0, text: 's' }, 'typed');
    f.clock.advance(200);
    const body = f.text.indexOf('xs[i]');
    f.change({ offset: body, removedLength: 5, text: 'i' }, 'typed');
    await advance(f, 90_000, 5_000);
    const fixes = f.of('follow-up-fix');
    assert.equal(fixes.length, 1);
    assert.equal(fixes[0]!.fixIndex, 1);
    assert.equal(fixes[0]!.charsChanged, 14 + 1 + 1 + 5 + 1);
    assert.ok(Math.abs(fixes[0]!.msSinceEdit - 40_000) <= 1_000, String(fixes[0]!.msSinceEdit));
    const fixed = f.of('finding').filter((x) => x.status === 'fixed');
    assert.deepEqual(fixed.map((x) => [x.ruleId, x.at]), [['loop.manual-index', 120]]);
    await advance(f, 800_000, 60_000);
    const final = f.of('survival').at(-1)!;
    assert.equal(final.regionText, 'for i in xs:\n    print(i)\n');
    assert.equal(final.unchanged, false);
    assert.ok(final.fourGramSurvival < 0.8);
    assert.deepEqual(f.of('edit-outcome').map((o) => o.outcome), ['modified']);
  });

  it('counts diagnostics the edit introduced, not the ones the file already had, and notices when they are fixed', async () => {
    const pre: DiagnosticInfo = { severity: 'warning', key: 'pylint:unused-import', source: 'pylint', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 9 } } };
    f.diagnostics = [pre];
    f.insertAssistant(11, COMPLETION);
    // The language server reports an error on the inserted loop and re-reports the old warning.
    const err: DiagnosticInfo = { severity: 'error', key: 'pyright:undefined xs', source: 'pyright', range: { start: { line: 3, character: 18 }, end: { line: 3, character: 20 } } };
    f.diagnostics = [pre, err];
    f.tracker.onDiagnosticsChanged(URI);
    await advance(f, 4_000, 500);
    const settled = f.of('diagnostics');
    assert.equal(settled.length, 1);
    assert.deepEqual(
      { at: settled[0]!.at, errors: settled[0]!.errors, introducedErrors: settled[0]!.introducedErrors, warnings: settled[0]!.warnings, sources: settled[0]!.sources },
      { at: 0, errors: 1, introducedErrors: 1, warnings: 0, sources: ['pyright'] },
    );
    f.diagnostics = [pre];
    await advance(f, 30_000);
    const at30 = f.of('diagnostics').find((d) => d.at === 30)!;
    assert.equal(at30.errors, 0);
    assert.equal(at30.fixed, 1);
  });

  it('persists pending edits and resumes them in a new window, computing missed checkpoints late', async () => {
    const id = f.insertAssistant(11, COMPLETION);
    await advance(f, 31_000);
    f.tracker.flushPersist();
    const saved = JSON.parse(JSON.stringify(f.persisted)) as unknown;
    f.tracker.dispose();
    // The window is closed for 4 minutes; the file is unchanged.
    f.clock.advance(240_000);
    const { state, dropped } = parsePendingState(saved, f.clock.now());
    assert.equal(dropped, 0);
    assert.equal(state.edits.length, 1);
    const before = f.records.length;
    const t2 = f.makeTracker();
    assert.equal(t2.restore(state, () => true), 1);
    const late = f.records.slice(before).filter((r) => r.kind === 'survival');
    assert.deepEqual(late.map((r) => [r.checkpoint, r.late]), [[120, true]]);
    // The region was re-found at its place and is tracked again: a fix now counts.
    const at = f.text.indexOf('print(xs[i])');
    f.change({ offset: at, removedLength: 0, text: '# ' }, 'typed');
    f.change({ offset: at + 2, removedLength: 0, text: 'x' }, 'typed');
    await advance(f, 700_000, 50_000);
    assert.equal(f.of('follow-up-fix').filter((x) => x.ref.editId === id).length, 1);
    assert.deepEqual(f.of('survival').filter((s) => s.ref.editId === id).map((s) => s.checkpoint), [30, 120, 300, 600, 900]);
    assert.equal(f.of('edit-outcome').length, 1);
  });

  it('drops unreadable pending state with a reason instead of failing', () => {
    assert.equal(parsePendingState({ v: 9 }, 0).error, 'unrecognised pending-state document');
    const res = parsePendingState({ v: 1, edits: [{ nonsense: true }] }, 0);
    assert.equal(res.state.edits.length, 0);
    assert.equal(res.dropped, 1);
  });

  it('re-finds a region by its text when the document reopens changed above it', async () => {
    f.insertAssistant(11, COMPLETION);
    f.tracker.onDocumentClosed(URI, f.text);
    f.open = false;
    f.text = '# added while closed\n' + f.text;
    f.open = true;
    f.tracker.onDocumentOpened(URI, f.text);
    assert.equal(f.text.slice(f.tracker.regionsOf(URI)[0]!.region.start, f.tracker.regionsOf(URI)[0]!.region.end), COMPLETION);
  });

  it('finalises an edit whose region cannot be found after reopening, without inventing survival', async () => {
    f.insertAssistant(11, COMPLETION);
    f.tracker.onDocumentClosed(URI, f.text);
    f.text = 'rewritten entirely\n';
    f.tracker.onDocumentOpened(URI, f.text);
    assert.deepEqual(f.of('edit-outcome').map((o) => o.reason), ['file-closed']);
    assert.equal(f.tracker.activeCount, 0);
  });
});
