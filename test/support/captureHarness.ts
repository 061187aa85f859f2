/**
 * A capture session over in-memory documents on a manual clock, with settable evidence: the harness of the capture
 * session and decision linker unit tests.
 */
import { strict as assert } from 'node:assert';
import type { ActiveAssistant } from '../../src/core/capture/assistantCatalog.js';
import { CaptureSession, type CaptureDocument, type VerdictNote } from '../../src/core/capture/captureSession.js';
import { EditTracker } from '../../src/core/capture/editTracker.js';
import type { EvidenceQuery, EvidenceSource } from '../../src/core/capture/evidenceSource.js';
import type { Evidence } from '../../src/core/capture/provenance.js';
import { applyChanges, type TextChange } from '../../src/core/capture/textChange.js';
import type { VerdictLedger } from '../../src/core/capture/verdictLedger.js';
import type { DriftEvent, DriftEventInput } from '../../src/core/schema/events.js';
import { ManualClock } from '../../src/core/util/clock.js';

export const START = Date.UTC(2026, 10, 20, 10, 0, 0);
export const chatAgent: ActiveAssistant = { extensionId: 'acme.helper', assistant: 'acme-helper', capabilities: ['chat', 'agent'], active: true };
export const inlineOnly: ActiveAssistant = { extensionId: 'acme.complete', assistant: 'acme-complete', capabilities: ['inline'], active: true };

/** An open document over a string, as the host adapts an editor document. */
export class TextDoc implements CaptureDocument {
  isDirty = false;
  isClosed = false;
  constructor(
    readonly uri: string,
    readonly file: string,
    public text: string,
    readonly languageId = 'typescript',
  ) {}
  getText(): string {
    return this.text;
  }
  /** Applies a change event as the editor would, then marks the document dirty. */
  apply(changes: TextChange[]): void {
    this.text = applyChanges(this.text, changes);
    this.isDirty = true;
  }
}

/** An evidence source with settable evidence that counts how often it was asked. */
export class StubSource implements EvidenceSource {
  asked = 0;
  evidence: Evidence = {};
  verdictNeeded = false;
  constructor(
    readonly name: string,
    readonly readAt: 'change' | 'verdict',
  ) {}
  evidenceFor(_q: EvidenceQuery): Evidence {
    this.asked++;
    return this.evidence;
  }
  requiresVerdict(): boolean {
    return this.verdictNeeded;
  }
}

export class Harness {
  readonly clock = new ManualClock(START);
  readonly records: DriftEvent[] = [];
  readonly notes: VerdictNote[] = [];
  readonly docs = new Map<string, TextDoc>();
  assistants: ActiveAssistant[] = [chatAgent];
  active: string | undefined;
  clipboard: string | undefined;
  readonly atVerdict = new StubSource('verdict-stub', 'verdict');
  readonly atChange = new StubSource('change-stub', 'change');
  readonly session: CaptureSession;
  readonly tracker: EditTracker;
  private n = 0;

  constructor(ledger?: VerdictLedger) {
    const emit = (records: DriftEventInput[]): DriftEvent[] => {
      const out = records.map((r) => ({ ...r, schema: 1, id: `id${this.n++}`, ts: this.clock.now(), tz: 0 }) as DriftEvent);
      this.records.push(...out);
      return out;
    };
    const tracker = (this.tracker = new EditTracker({ clock: this.clock, emit, docs: { textOf: (uri) => this.docs.get(uri)?.text }, log: { debug: () => {}, warn: () => {} } }));
    this.session = new CaptureSession({
      clock: this.clock,
      tracker,
      emit,
      sources: [this.atVerdict, this.atChange],
      assistants: () => this.assistants,
      openDocument: (uri) => this.docs.get(uri),
      activeUri: () => this.active,
      readClipboard: async () => this.clipboard,
      maxChars: () => 1_000_000,
      log: { debug: () => {}, trace: () => {}, error: (m) => assert.fail(m) },
      ...(ledger ? { ledger } : {}),
    });
    this.session.onVerdict((n) => this.notes.push(n));
  }

  open(file: string, text: string): TextDoc {
    const doc = new TextDoc(`file:///ws/${file}`, file, text);
    this.docs.set(doc.uri, doc);
    this.session.onDocumentOpened(doc);
    return doc;
  }

  change(doc: TextDoc, changes: TextChange[]): void {
    doc.apply(changes);
    this.session.onChange(doc.uri, changes, undefined);
  }

  /** Moves the clock and lets promise callbacks (the clipboard read) run. */
  async advance(ms: number): Promise<void> {
    this.clock.advance(ms);
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
  }

  edits(): Extract<DriftEvent, { kind: 'assistant-edit' }>[] {
    return this.records.filter((r): r is Extract<DriftEvent, { kind: 'assistant-edit' }> => r.kind === 'assistant-edit');
  }
}

