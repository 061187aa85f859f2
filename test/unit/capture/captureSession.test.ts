import { strict as assert } from 'node:assert';
import { BULK_EVIDENCE_MS, RELOAD_EVIDENCE_MS } from '../../../src/core/capture/captureSession.js';
import { chatAgent, Harness, inlineOnly, StubSource } from '../../support/captureHarness.js';

const helper = 'export function parseNumbers(input: string): number[] {\n  return input.split(",").map(Number);\n}\n';

describe('CaptureSession', () => {
  it('typing stays on the hot path: counted, no evidence gathered, no verdict', async () => {
    const h = new Harness();
    const doc = h.open('src/a.ts', 'const a = 1;\n');
    h.active = doc.uri;
    for (const ch of 'let b = 2;') h.change(doc, [{ offset: doc.text.length, removedLength: 0, text: ch }]);
    await h.advance(5_000);
    assert.equal(h.atVerdict.asked + h.atChange.asked, 0, 'no evidence source asked while typing');
    assert.deepEqual(h.notes, []);
    h.session.flushActivity();
    const activity = h.records.find((r) => r.kind === 'human-activity');
    assert.ok(activity && activity.kind === 'human-activity');
    assert.equal(activity.chars.typed, 'let b = 2;'.length);
  });

  it('an edit in a background document with a chat assistant active: one ai-chat edit after the evidence window', async () => {
    const h = new Harness();
    const doc = h.open('src/chat.ts', 'import x from "x";\n');
    h.active = 'file:///ws/src/other.ts';
    h.change(doc, [{ offset: doc.text.length, removedLength: 0, text: helper }]);
    assert.equal(h.session.pendingVerdicts, 1);
    await h.advance(BULK_EVIDENCE_MS - 1);
    assert.equal(h.edits().length, 0, 'no verdict before the evidence window closes');
    await h.advance(1);
    const [edit] = h.edits();
    assert.ok(edit);
    assert.equal(edit.provenance, 'ai-chat');
    assert.equal(edit.channel, 'workspace-edit');
    assert.equal(edit.extensionId, 'acme.helper');
    assert.equal(edit.text, helper);
    assert.equal(h.session.pendingVerdicts, 0);
    assert.equal(h.atVerdict.asked, 2, 'verdict sources asked for the provisional and the final verdict');
    assert.equal(h.atChange.asked, 1, 'change sources asked once, at the change');
    assert.ok(h.session.ledger.find(doc.uri, helper, h.clock.now()), 'the verdict is in the ledger for later channels');
  });

  it('precision: with no assistant-capable extension active, the same edit stays human', async () => {
    const h = new Harness();
    h.assistants = [{ ...chatAgent, active: false }, inlineOnly];
    const doc = h.open('src/chat.ts', 'import x from "x";\n');
    h.change(doc, [{ offset: doc.text.length, removedLength: 0, text: helper }]);
    await h.advance(BULK_EVIDENCE_MS);
    assert.equal(h.edits().length, 0);
    assert.equal(h.notes[0]?.provenance, 'refactor');
  });

  it('dispose before the verdict: nothing is recorded afterwards and no timer is left', async () => {
    const h = new Harness();
    const doc = h.open('src/chat.ts', 'import x from "x";\n');
    h.change(doc, [{ offset: doc.text.length, removedLength: 0, text: helper }]);
    h.session.dispose();
    const after = h.records.length;
    await h.advance(60_000);
    assert.equal(h.records.length, after, 'no record after capture was switched off');
    assert.equal(h.edits().length, 0);
    assert.equal(h.clock.pending, 0, 'every timer was cancelled');
    // Events arriving after dispose are ignored.
    h.change(doc, [{ offset: 0, removedLength: 0, text: helper }]);
    await h.advance(60_000);
    assert.equal(h.records.length, after);
  });

  it('dispose while a reloaded document waits for VCS evidence: nothing is recorded', async () => {
    const h = new Harness();
    const doc = h.open('src/agent.ts', 'export const v = 1;\n');
    doc.text = helper; // reloaded from disk: the document stays clean
    h.atVerdict.evidence = { diskWriteAt: h.clock.now() };
    h.session.onChange(doc.uri, [{ offset: 0, removedLength: 'export const v = 1;\n'.length, text: helper }], undefined);
    await h.advance(BULK_EVIDENCE_MS);
    assert.equal(h.edits().length, 0, 'still waiting for .git activity');
    h.session.dispose();
    await h.advance(RELOAD_EVIDENCE_MS * 2);
    assert.equal(h.edits().length, 0);
  });

  it('a reloaded document written by an active agent: ai-agent via disk-write after the VCS window', async () => {
    const h = new Harness();
    const doc = h.open('src/agent.ts', 'export const v = 1;\n');
    doc.text = helper;
    h.atVerdict.evidence = { diskWriteAt: h.clock.now() };
    h.session.onChange(doc.uri, [{ offset: 0, removedLength: 'export const v = 1;\n'.length, text: helper }], undefined);
    await h.advance(BULK_EVIDENCE_MS + RELOAD_EVIDENCE_MS);
    const [edit] = h.edits();
    assert.equal(edit?.provenance, 'ai-agent');
    assert.equal(edit?.channel, 'disk-write');
  });

  it('a source that requires a verdict takes a one-character change off the hot path (observed inline accept)', async () => {
    const h = new Harness();
    h.assistants = [inlineOnly];
    const doc = h.open('src/inline.ts', 'const total = \n');
    h.active = doc.uri;
    h.session.onSelections(doc.uri, [{ anchor: 14, active: 14 }]);
    h.atVerdict.verdictNeeded = true;
    h.atVerdict.evidence = { inlineAcceptAt: h.clock.now() };
    h.change(doc, [{ offset: 14, removedLength: 0, text: '0' }]);
    await h.advance(BULK_EVIDENCE_MS);
    const [edit] = h.edits();
    assert.equal(edit?.provenance, 'ai-inline');
    assert.equal(edit?.channel, 'inline-command');
  });

  it('change-phase evidence is read when the change arrives, not when the verdict is made', async () => {
    const h = new Harness();
    h.assistants = [inlineOnly];
    const doc = h.open('src/suggest.ts', '\n');
    h.active = doc.uri;
    h.session.onSelections(doc.uri, [{ anchor: 0, active: 0 }]);
    h.atChange.evidence = { suggestWidgetOpen: true };
    const text = 'console.log("loop done", n);';
    h.change(doc, [{ offset: 0, removedLength: 0, text }]);
    h.atChange.evidence = {}; // the widget closed as its item was inserted
    h.session.onSelections(doc.uri, [{ anchor: text.length, active: text.length }]);
    await h.advance(BULK_EVIDENCE_MS);
    assert.equal(h.edits().length, 0);
    assert.deepEqual(h.notes.map((n) => n.rule), ['suggest-widget-accept']);
  });

  it('a paste whose clipboard matches stays human', async () => {
    const h = new Harness();
    h.assistants = [inlineOnly];
    const doc = h.open('src/paste.ts', '\n');
    h.active = doc.uri;
    h.session.onSelections(doc.uri, [{ anchor: 0, active: 0 }]);
    h.clipboard = helper;
    h.change(doc, [{ offset: 0, removedLength: 0, text: helper }]);
    h.session.onSelections(doc.uri, [{ anchor: helper.length, active: helper.length }]);
    await h.advance(BULK_EVIDENCE_MS);
    assert.equal(h.edits().length, 0);
    assert.equal(h.notes[0]?.provenance, 'paste');
  });

  it('a closed file written on disk: diffed against its last text and recorded once as ai-agent', async () => {
    const h = new Harness();
    const doc = h.open('src/closed.ts', 'export const a = 1;\n');
    h.docs.delete(doc.uri);
    h.session.onDocumentClosed(doc.uri);
    assert.equal(h.session.knowsClosedText(doc.uri), true);
    const text = 'export const a = 1;\nexport const b = a + 1;\n';
    h.atVerdict.evidence = { diskWriteAt: h.clock.now() };
    assert.equal(h.session.onClosedFileWritten({ uri: doc.uri, file: doc.file, languageId: 'typescript', created: false, at: h.clock.now(), text }), true);
    await h.advance(RELOAD_EVIDENCE_MS);
    const edits = h.edits();
    assert.equal(edits.length, 1);
    assert.equal(edits[0]!.text, 'export const b = a + 1;\n');
    assert.equal(edits[0]!.provenance, 'ai-agent');
    assert.deepEqual(edits[0]!.range, { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } });
  });

  it('a closed file whose earlier text is unknown is counted as external, not diffed; its next write is diffed', async () => {
    const h = new Harness();
    const uri = 'file:///ws/x.ts';
    assert.equal(h.session.knowsClosedText(uri), false);
    assert.equal(h.session.onClosedFileWritten({ uri, file: 'x.ts', languageId: 'typescript', created: false, at: h.clock.now(), text: helper }), false);
    assert.equal(h.session.pendingVerdicts, 0);
    h.session.onUnknownClosedFileWritten(uri, helper);
    assert.equal(h.session.knowsClosedText(uri), true);
    h.atVerdict.evidence = { diskWriteAt: h.clock.now() };
    h.session.onClosedFileWritten({ uri, file: 'x.ts', languageId: 'typescript', created: false, at: h.clock.now(), text: helper + 'export const more = 1;\n' });
    await h.advance(RELOAD_EVIDENCE_MS);
    assert.deepEqual(h.edits().map((e) => e.text), ['export const more = 1;\n']);
  });

  it('a never-opened file whose text was primed: its first write is diffed — an agent\'s edit with an agent active, external without', async () => {
    for (const [assistants, expected] of [
      [[chatAgent], ['export const more = 1;\n']],
      [[], []],
    ] as const) {
      const h = new Harness();
      h.assistants = [...assistants];
      const uri = 'file:///ws/never-opened.ts';
      assert.equal(h.session.primeClosedText(uri, helper), true);
      assert.equal(h.session.primeClosedText(uri, 'other'), false, 'a known text is not replaced');
      h.atVerdict.evidence = { diskWriteAt: h.clock.now() };
      assert.equal(h.session.onClosedFileWritten({ uri, file: 'never-opened.ts', languageId: 'typescript', created: false, at: h.clock.now(), text: helper + 'export const more = 1;\n' }), true);
      await h.advance(RELOAD_EVIDENCE_MS);
      assert.deepEqual(h.edits().map((e) => e.text), expected);
      if (assistants.length > 0) assert.deepEqual([h.edits()[0]!.provenance, h.edits()[0]!.channel], ['ai-agent', 'disk-write']);
    }
    const h = new Harness();
    h.open('src/open.ts', 'x');
    assert.equal(h.session.primeClosedText('file:///ws/src/open.ts', 'y'), false, 'an open document is never primed');
  });

  it('a registered source can be removed again', async () => {
    const h = new Harness();
    const extra = new StubSource('late', 'verdict');
    const reg = h.session.addSource(extra);
    const doc = h.open('src/chat.ts', '\n');
    h.change(doc, [{ offset: 0, removedLength: 0, text: helper }]);
    await h.advance(BULK_EVIDENCE_MS);
    const asked = extra.asked;
    assert.ok(asked > 0);
    reg.dispose();
    h.change(doc, [{ offset: 0, removedLength: 0, text: helper.replace('parseNumbers', 'parseOthers') }]);
    await h.advance(BULK_EVIDENCE_MS);
    assert.equal(extra.asked, asked);
  });
});
