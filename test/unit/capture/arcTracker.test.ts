/**
 * ARC (accepted-and-retained characters) on hand-built edit sequences: the definition (common prefix/suffix removed,
 * later edits composed, overwritten characters drop out), VS Code's two checkpoint schedules, closed documents,
 * window reloads, and the capture session handing the changed characters of a real change event to the tracker.
 */
import { strict as assert } from 'node:assert';
import type { ActiveAssistant } from '../../../src/core/capture/assistantCatalog.js';
import { composeChange, composeChanges, spanChars, trimmedInsert } from '../../../src/core/capture/arcSpans.js';
import { ArcTracker } from '../../../src/core/capture/arcTracker.js';
import { BULK_EVIDENCE_MS, CaptureSession, type CaptureDocument } from '../../../src/core/capture/captureSession.js';
import { EditTracker } from '../../../src/core/capture/editTracker.js';
import { parsePendingState, type PendingState } from '../../../src/core/capture/pendingState.js';
import type { Region } from '../../../src/core/capture/regionTransform.js';
import { applyChange, applyChanges, type TextChange } from '../../../src/core/capture/textChange.js';
import type { ArcCheckpointEvent, DriftEvent, DriftEventInput } from '../../../src/core/schema/events.js';
import { ManualClock } from '../../../src/core/util/clock.js';

const START = Date.UTC(2026, 10, 20, 10, 0, 0);
const URI = 'file:///ws/src/app.ts';

/** The tracked characters, read from the text: what ARC says is still the assistant's. */
function trackedText(text: string, spans: readonly Region[]): string {
  return spans.map((s) => text.slice(s.start, s.end)).join('|');
}

describe('ARC spans (the definition)', () => {
  it('removes the common prefix, then the common suffix of what remains', () => {
    assert.deepEqual(trimmedInsert('foo(a, b)', 'foo(a)'), { start: 5, end: 8 }, 'only ", b" is new');
    assert.deepEqual(trimmedInsert('abc', ''), { start: 0, end: 3 }, 'a pure insertion keeps everything');
    assert.deepEqual(trimmedInsert('aaaa', 'aaa'), { start: 3, end: 4 }, 'the suffix never eats into the prefix');
    assert.deepEqual(trimmedInsert('same', 'same'), { start: 4, end: 4 }, 're-typing what was there changes nothing');
    assert.deepEqual(trimmedInsert('let x = 2;', 'let y = 2;'), { start: 4, end: 5 });
  });

  it('an insertion strictly inside splits a span; at its edges it touches nothing', () => {
    const spans = [{ start: 10, end: 20 }];
    assert.deepEqual(composeChange(spans, { offset: 15, removedLength: 0, text: 'XYZ' }), [
      { start: 10, end: 15 },
      { start: 18, end: 23 },
    ]);
    assert.deepEqual(composeChange(spans, { offset: 10, removedLength: 0, text: 'XYZ' }), [{ start: 13, end: 23 }], 'insert at the start shifts');
    assert.deepEqual(composeChange(spans, { offset: 20, removedLength: 0, text: 'XYZ' }), [{ start: 10, end: 20 }], 'insert at the end leaves it');
  });

  it('deletions overlapping either edge drop exactly the overlapped characters', () => {
    const spans = [{ start: 10, end: 20 }];
    assert.deepEqual(composeChange(spans, { offset: 5, removedLength: 8, text: '' }), [{ start: 5, end: 12 }], '3 of 10 deleted at the start');
    assert.deepEqual(composeChange(spans, { offset: 18, removedLength: 5, text: 'q' }), [{ start: 10, end: 18 }], '2 of 10 overwritten at the end');
    assert.deepEqual(composeChange(spans, { offset: 0, removedLength: 30, text: 'all new' }), [], 'a change covering it removes it');
  });

  it('an overwrite with the very same characters still drops them (exact, not fuzzy)', () => {
    const text = 'const total = sum(xs);';
    const spans = [{ start: 14, end: 21 }]; // "sum(xs)"
    const change = { offset: 14, removedLength: 3, text: 'sum' };
    const after = composeChange(spans, change);
    assert.equal(applyChange(text, change), text, 'the text is unchanged');
    assert.equal(spanChars(after), 4, 'but the three re-typed characters are no longer the assistant’s');
  });

  it('a sequence of edits keeps the tracked characters pointing at the same text', () => {
    let text = 'function f() {\n  return a + b;\n}\n';
    let spans: Region[] = [{ start: 17, end: 30 }]; // "return a + b;"
    const steps: ((t: string) => TextChange)[] = [
      () => ({ offset: 0, removedLength: 0, text: '// header\n' }), // before the range: shifts it
      (t) => ({ offset: t.indexOf('b;'), removedLength: 1, text: 'c' }), // overwrite "b"
      (t) => ({ offset: t.indexOf('a +'), removedLength: 0, text: '(' }), // insert inside: splits
      (t) => ({ offset: t.indexOf(';'), removedLength: 0, text: ')' }), // insert between "c" (not tracked) and ";"
    ];
    for (const step of steps) {
      const c = step(text);
      text = applyChange(text, c);
      spans = composeChanges(spans, [c]);
    }
    assert.equal(text, '// header\nfunction f() {\n  return (a + c);\n}\n');
    assert.equal(trackedText(text, spans), 'return |a + |;');
    assert.equal(spanChars(spans), 12, '13 accepted, one overwritten');
  });
});

/** An ArcTracker on a manual clock over one document string. */
class ArcHarness {
  readonly clock = new ManualClock(START);
  readonly records: DriftEvent[] = [];
  text = 'function f() {\n  \n}\n';
  open = true;
  arc: ArcTracker;
  private n = 0;

  constructor() {
    this.arc = this.make();
  }

  make(): ArcTracker {
    this.arc = new ArcTracker({
      clock: this.clock,
      emit: (rs: DriftEventInput[]) => {
        const out = rs.map((r) => ({ ...r, schema: 1, id: `r${this.n++}`, ts: this.clock.now(), tz: 0 }) as DriftEvent);
        this.records.push(...out);
        return out;
      },
      textOf: (uri) => (uri === URI && this.open ? this.text : undefined),
      log: { debug: () => {} },
    });
    return this.arc;
  }

  /** The assistant replaces `[offset, offset+removed)` with `inserted`; the tracker follows the trimmed change. */
  accept(offset: number, removed: number, inserted: string, provenance: 'ai-inline' | 'ai-chat' | 'ai-agent' = 'ai-inline', editId = 'e1'): void {
    const replaced = this.text.slice(offset, offset + removed);
    this.text = applyChange(this.text, { offset, removedLength: removed, text: inserted });
    const t = trimmedInsert(inserted, replaced);
    const ref = { editId, editTs: this.clock.now(), editTz: 0, assistant: 'copilot', language: 'typescript' };
    this.arc.follow({
      edit: { schema: 1, id: editId, ts: this.clock.now(), tz: 0, kind: 'assistant-edit', provenance, channel: 'inline-command', assistant: 'copilot', language: 'typescript', file: 'src/app.ts', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, linesAdded: 0, linesRemoved: 0, charsInserted: inserted.length, charsReplaced: removed },
      ref,
      uri: URI,
      region: { start: offset, end: offset + inserted.length },
      documentText: this.text,
      changed: { spans: [{ start: offset + t.start, end: offset + t.end }], trimmed: true, accepted: t.end - t.start },
      insertedAt: this.clock.now(),
    });
  }

  change(c: TextChange): void {
    this.text = applyChange(this.text, c);
    this.arc.onChange(URI, [c]);
  }

  arcs(editId = 'e1'): ArcCheckpointEvent[] {
    return this.records.filter((r): r is ArcCheckpointEvent => r.kind === 'arc' && r.ref.editId === editId);
  }

  retained(editId = 'e1'): [number, number][] {
    return this.arcs(editId).map((a) => [a.checkpoint, a.retainedChars]);
  }
}

const completion = 'return xs.reduce((a, b) => a + b, 0);';

describe('ArcTracker', () => {
  it('an inline completion kept as accepted: every inline checkpoint (0, 30, 120, 300, 600, 900 s) retains all of it', () => {
    const h = new ArcHarness();
    h.accept(17, 0, completion);
    h.clock.advance(900_000);
    assert.deepEqual(h.retained(), [0, 30, 120, 300, 600, 900].map((s) => [s, completion.length]));
    assert.ok(h.arcs().every((a) => a.acceptedChars === completion.length && a.schedule === 'inline' && !a.late && !a.untrimmed));
    assert.equal(h.arc.activeCount, 0, 'followed until the last checkpoint only');
    assert.equal(h.clock.pending, 0);
  });

  it('chat and agent edits use the chat schedule (0, 60, 300 s)', () => {
    const h = new ArcHarness();
    h.accept(17, 0, completion, 'ai-agent');
    h.clock.advance(300_000);
    assert.deepEqual(h.arcs().map((a) => [a.schedule, a.checkpoint]), [['chat', 0], ['chat', 60], ['chat', 300]]);
  });

  it('insertions inside keep every accepted character; deletions count only what they remove; offsets shift with edits before', () => {
    const h = new ArcHarness();
    h.accept(17, 0, completion);
    h.clock.advance(10_000);
    h.change({ offset: 0, removedLength: 0, text: '// sum\n' }); // before the range: everything shifts by 7
    const at = h.text.indexOf('(a, b)');
    h.change({ offset: at + 1, removedLength: 0, text: 'acc' }); // inside: "(acca, b)"
    h.clock.advance(25_000); // 30 s checkpoint
    h.change({ offset: h.text.indexOf(', 0)') , removedLength: 3, text: '' }); // deletes ", 0" (3 tracked chars)
    h.clock.advance(100_000); // 120 s checkpoint
    assert.deepEqual(h.retained().slice(0, 3), [
      [0, completion.length],
      [30, completion.length],
      [120, completion.length - 3],
    ]);
  });

  it('a full overwrite (select the completion, type it again) leaves nothing retained', () => {
    const h = new ArcHarness();
    h.accept(17, 0, completion);
    h.clock.advance(5_000);
    h.change({ offset: 17, removedLength: completion.length, text: completion });
    h.clock.advance(30_000);
    assert.deepEqual(h.retained().slice(0, 2), [
      [0, completion.length],
      [30, 0],
    ]);
  });

  it('undo removes it (0 retained) and a redo does not bring it back: re-inserted text is not the accepted edit', () => {
    const h = new ArcHarness();
    h.accept(17, 0, completion);
    h.clock.advance(2_000);
    h.change({ offset: 17, removedLength: completion.length, text: '' }); // undo
    h.clock.advance(1_000);
    h.change({ offset: 17, removedLength: 0, text: completion }); // redo
    h.clock.advance(900_000);
    assert.deepEqual(h.retained().map(([, n]) => n), [completion.length, 0, 0, 0, 0, 0]);
  });

  it('a replacement sharing a prefix and suffix with what it replaced counts only the changed middle', () => {
    const h = new ArcHarness();
    h.text = 'const v = compute(a);\n';
    h.accept(0, 'const v = compute(a);'.length, 'const v = compute(a, b, c);'); // only ", b, c" is new
    h.clock.advance(1_000);
    h.change({ offset: 0, removedLength: 5, text: 'let' }); // the untouched prefix: not the assistant's characters
    h.clock.advance(30_000);
    assert.deepEqual(h.retained().slice(0, 2), [
      [0, 6],
      [30, 6],
    ]);
    assert.equal(h.arcs()[0]!.acceptedChars, 6);
  });

  it('closed and reopened unchanged: ARC continues; changed while closed: no further checkpoints are guessed', () => {
    const h = new ArcHarness();
    h.accept(17, 0, completion, 'ai-inline', 'kept');
    h.accept(h.text.length, 0, '\nexport const more = 1;\n', 'ai-inline', 'lost');
    h.clock.advance(31_000);
    h.open = false;
    h.arc.onDocumentClosed(URI, h.text);
    h.text = h.text.replace('export const more = 1;', 'export const more = 2;'); // changed on disk meanwhile
    h.open = true;
    h.arc.onDocumentOpened(URI, h.text);
    h.clock.advance(900_000);
    assert.equal(h.arcs('kept').length, 6);
    assert.deepEqual(h.arcs('lost').map((a) => a.checkpoint), [0, 30], 'stops instead of guessing');
  });

  it('reopened with the text moved (lines added above while closed): the spans move with it', () => {
    const h = new ArcHarness();
    h.accept(17, 0, completion);
    h.arc.onDocumentClosed(URI, h.text);
    h.text = '// added while closed\n' + h.text;
    h.arc.onDocumentOpened(URI, h.text);
    h.change({ offset: h.text.indexOf('0);'), removedLength: 1, text: '1' });
    h.clock.advance(30_000);
    assert.deepEqual(h.retained().slice(0, 2), [
      [0, completion.length],
      [30, completion.length - 1],
    ]);
  });

  it('a window reload: state persisted, overdue checkpoints recorded late from the last state, the rest on time', () => {
    const h = new ArcHarness();
    h.accept(17, 0, completion);
    h.clock.advance(10_000);
    h.change({ offset: 17, removedLength: 6, text: 'yield' }); // "return" overwritten: 6 dropped
    const state = JSON.parse(JSON.stringify(h.arc.snapshot())) as unknown;
    h.arc.dispose();
    h.clock.advance(200_000); // window closed past 30 and 120 s
    h.open = true;
    const next = h.make();
    assert.equal(next.restore(state, () => true), 1);
    h.clock.advance(700_000);
    const arcs = h.arcs();
    assert.deepEqual(arcs.map((a) => [a.checkpoint, a.retainedChars, a.late === true]), [
      [0, completion.length, false],
      [30, completion.length - 6, true],
      [120, completion.length - 6, true],
      [300, completion.length - 6, false],
      [600, completion.length - 6, false],
      [900, completion.length - 6, false],
    ]);
  });

  it('unreadable persisted state is dropped with no checkpoint invented', () => {
    const h = new ArcHarness();
    assert.equal(h.arc.restore({ v: 1, edits: [{ nonsense: true }] }, () => true), 0);
    assert.equal(h.arc.restore({ v: 7 }, () => true), 0);
    h.clock.advance(1_000_000);
    assert.equal(h.records.length, 0);
  });
});

describe('ARC in the capture pipeline', () => {
  const chatAgent: ActiveAssistant = { extensionId: 'acme.helper', assistant: 'acme-helper', capabilities: ['chat', 'agent'], active: true };

  class Doc implements CaptureDocument {
    isDirty = false;
    isClosed = false;
    readonly file = 'src/app.ts';
    readonly languageId = 'typescript';
    constructor(
      readonly uri: string,
      public text: string,
    ) {}
    getText(): string {
      return this.text;
    }
  }

  function pipeline(initial: string) {
    const clock = new ManualClock(START);
    const records: DriftEvent[] = [];
    let n = 0;
    const emit = (rs: DriftEventInput[]): DriftEvent[] => {
      const out = rs.map((r) => ({ ...r, schema: 1, id: `id${n++}`, ts: clock.now(), tz: 0 }) as DriftEvent);
      records.push(...out);
      return out;
    };
    const doc = new Doc(URI, initial);
    const arc = new ArcTracker({ clock, emit, textOf: (uri) => (uri === URI ? doc.text : undefined), log: { debug: () => {} } });
    let persisted: PendingState | undefined;
    const tracker = new EditTracker({ clock, emit, docs: { textOf: (uri) => (uri === URI ? doc.text : undefined) }, log: { debug: () => {}, warn: () => {} }, followers: [arc], persist: (s) => (persisted = s) });
    const session = new CaptureSession({
      clock,
      tracker,
      emit,
      assistants: () => [chatAgent],
      openDocument: (uri) => (uri === URI ? doc : undefined),
      activeUri: () => 'file:///ws/src/other.ts',
      readClipboard: async () => undefined,
      maxChars: () => 1_000_000,
      log: { debug: () => {}, trace: () => {}, error: (m) => assert.fail(m) },
    });
    session.onDocumentOpened(doc);
    const change = (changes: TextChange[]): void => {
      doc.text = applyChanges(doc.text, changes);
      doc.isDirty = true;
      session.onChange(URI, changes, undefined);
    };
    const advance = async (ms: number): Promise<void> => {
      clock.advance(ms);
      for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    };
    return { clock, records, doc, tracker, session, change, advance, persisted: () => persisted };
  }

  it('a chat edit replacing a line: ARC counts the changed characters only, and a typo fix in the evidence window is composed', async () => {
    const before = 'export function total(xs: number[]) {\n  return 0;\n}\n';
    const p = pipeline(before);
    const start = before.indexOf('return 0;');
    // The chat edit arrives as one change that re-sends the statement around the new part.
    p.change([{ offset: start, removedLength: 'return 0;'.length, text: 'return xs.reduce((a, b) => a + b, 0);' }]);
    // The user touches the new text before the verdict: "a + b" → "a - b"
    const op = p.doc.text.indexOf('+');
    p.change([{ offset: op, removedLength: 1, text: '-' }]);
    await p.advance(BULK_EVIDENCE_MS + 10);
    const edit = p.records.find((r) => r.kind === 'assistant-edit');
    assert.ok(edit && edit.kind === 'assistant-edit' && edit.provenance === 'ai-chat', JSON.stringify(p.records.map((r) => r.kind)));
    await p.advance(300_000);
    const arcs = p.records.filter((r): r is ArcCheckpointEvent => r.kind === 'arc');
    // "return 0;" → "return xs.reduce((a, b) => a + b, 0);": only the prefix "return " and the suffix ";" are shared.
    const accepted = 'xs.reduce((a, b) => a + b, 0)'.length;
    assert.deepEqual(arcs.map((a) => [a.checkpoint, a.acceptedChars, a.retainedChars]), [
      [0, accepted, accepted - 1],
      [60, accepted, accepted - 1],
      [300, accepted, accepted - 1],
    ]);
    assert.ok(arcs.every((a) => a.ref.editId === edit.id && a.schedule === 'chat'));
  });

  it('the ARC state rides along in the tracker’s persisted pending state', async () => {
    const p = pipeline('const a = 1;\n');
    p.change([{ offset: p.doc.text.length, removedLength: 0, text: 'export function twice(x: number) {\n  return x * 2;\n}\n' }]);
    await p.advance(BULK_EVIDENCE_MS + 10);
    p.tracker.flushPersist();
    const raw = JSON.parse(JSON.stringify(p.persisted())) as unknown;
    const parsed = parsePendingState(raw, p.clock.now());
    assert.equal(parsed.dropped, 0);
    const arcState = parsed.state.followers?.['arc'] as { edits: { pin?: string }[] } | undefined;
    assert.equal(arcState?.edits.length, 1);
    assert.ok(arcState.edits[0]!.pin?.startsWith('export function twice'), 'pinned by its text');
  });
});

describe('ARC spans of a multi-change event', () => {
  it('a chat edit VS Code reports as two changes (last-to-first): both parts tracked, in order, and composed exactly', async () => {
    const { candidateRegions, removedTextsOf } = await import('../../../src/core/capture/candidateRegions.js');
    const before = 'const a = 1;\nconst b = 2;\n';
    // Two hunks, the later one first as VS Code orders them: "2" → "20", then "1" → "10".
    const changes: TextChange[] = [
      { offset: 23, removedLength: 1, text: '20' },
      { offset: 10, removedLength: 1, text: '10' },
    ];
    const after = applyChanges(before, changes);
    assert.equal(after, 'const a = 10;\nconst b = 20;\n');
    const [region] = candidateRegions(after, changes, removedTextsOf(before, changes));
    assert.ok(region);
    assert.deepEqual(region.spans, [
      { start: 11, end: 12 },
      { start: 25, end: 26 },
    ], 'each change minus its common prefix with the replaced digit, ascending');
    assert.equal(region.accepted, 2);
    // A later edit that deletes the second zero only.
    const spans = composeChanges(region.spans, [{ offset: 25, removedLength: 1, text: '' }]);
    assert.equal(spanChars(spans), 1);
    // A change after both spans leaves them as they are (the fast path), one before both shifts both.
    assert.equal(composeChange(spans, { offset: 40, removedLength: 0, text: 'x' }), spans);
    assert.deepEqual(composeChange(spans, { offset: 0, removedLength: 0, text: '//\n' }), [{ start: 14, end: 15 }]);
  });
});
