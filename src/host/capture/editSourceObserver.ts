/**
 * VS Code's own edit sources (proposed API `textDocumentChangeReason`): with the proposal enabled for Driftwatch, every
 * `TextDocumentChangeEvent` carries `detailedReason: { source, metadata }` — VS Code's internal tag for the edit
 * (`inlineCompletionAccept`, `Chat.applyEdits`, `reloadFromDisk`, `cursor` type/paste, `suggest`, `codeAction`,
 * `rename`, an edit through the extension API, …). The property exists on the event only when the proposal is enabled,
 * so its presence is the feature detection; without it this source says nothing and capture decides from its own
 * evidence as before.
 *
 * How a user enables it: a Driftwatch build whose manifest declares `"enabledApiProposals": ["textDocumentChangeReason"]`
 * (`npm run package:proposed`), started with `code --enable-proposed-api driftwatch.driftwatch` or with
 * `"enable-proposed-api": ["driftwatch.driftwatch"]` in argv.json ("Preferences: Configure Runtime Arguments").
 * code-server enables declared proposals for every extension.
 */
import * as vscode from 'vscode';
import { interpretEditReason, type EditReason } from '../../core/capture/editReason.js';
import type { EvidenceQuery, EvidenceSource } from '../../core/capture/evidenceSource.js';
import type { Evidence } from '../../core/capture/provenance.js';
import type { Logger } from '../logger.js';

/** Sources that name an assistant: even a one-character change with one of them needs a full verdict. */
const ASSISTANT_SOURCES: ReadonlySet<string> = new Set(['inlineCompletionAccept', 'inlineCompletionPartialAccept', 'Chat.applyEdits', 'inlineChat.applyEdits']);

export class EditSourceObserver implements vscode.Disposable, EvidenceSource {
  readonly name = 'vscode-edit-source';
  /** The tag belongs to the change event being handled: read at the change. */
  readonly readAt = 'change';
  /**
   * The raw tag of the change event being dispatched now (listeners run synchronously, this one first). Interpreted
   * only when the session asks for evidence: typing, the hot path, never does.
   */
  private current: { uri: string; raw: { source?: unknown } } | undefined;
  private availability: 'unknown' | 'available' | 'absent' = 'unknown';
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly enabled: () => boolean,
    private readonly logger: Logger,
  ) {
    this.subscription = vscode.workspace.onDidChangeTextDocument((e) => this.note(e));
  }

  /** Whether VS Code delivers its tags to Driftwatch (known after the first change event). */
  get available(): 'unknown' | 'available' | 'absent' {
    return this.availability;
  }

  private note(e: vscode.TextDocumentChangeEvent): void {
    this.current = undefined;
    if (e.contentChanges.length === 0) return;
    const has = 'detailedReason' in e;
    if (this.availability === 'unknown') {
      this.availability = has ? 'available' : 'absent';
      this.logger.info(
        has
          ? 'capture: VS Code tags its edits for Driftwatch (proposed API textDocumentChangeReason): chat applies, inline accepts and API edits are recognised by their tag'
          : 'capture: VS Code does not tag its edits for Driftwatch (proposed API textDocumentChangeReason not enabled); capture decides from its own evidence',
      );
    }
    if (!has || !this.enabled()) return;
    const raw = (e as unknown as { detailedReason?: unknown }).detailedReason;
    if (typeof raw === 'object' && raw !== null) this.current = { uri: e.document.uri.toString(), raw };
  }

  evidenceFor({ uri }: EvidenceQuery): Evidence {
    const reason: EditReason | undefined = this.current?.uri === uri ? interpretEditReason(this.current.raw) : undefined;
    return reason ? { editReason: reason } : {};
  }

  requiresVerdict({ uri }: EvidenceQuery): boolean {
    const source = this.current?.uri === uri ? this.current.raw.source : undefined;
    return typeof source === 'string' && ASSISTANT_SOURCES.has(source);
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
