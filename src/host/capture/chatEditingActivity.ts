/**
 * VS Code's chat editing keeps documents of its own schemes beside the real file while it applies edits; one opening
 * or changing for a path is evidence that a chat session is editing that file. These documents are never captured
 * themselves.
 */
import * as vscode from 'vscode';
import type { EvidenceQuery, EvidenceSource } from '../../core/capture/evidenceSource.js';
import type { Evidence } from '../../core/capture/provenance.js';
import type { Clock } from '../../core/util/clock.js';

/** Schemes of documents VS Code's chat editing keeps beside the real file while it applies edits. */
export const CHAT_EDITING_SCHEMES: ReadonlySet<string> = new Set(['chat-editing-text-model', 'chat-editing-snapshot-text-model', 'vscode-chat-code-block']);

export class ChatEditingActivity implements vscode.Disposable, EvidenceSource {
  readonly name = 'chat-editing-documents';
  readonly readAt = 'verdict';
  private readonly touched = new Map<string, number>();
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly clock: Clock) {
    const note = (doc: vscode.TextDocument): void => {
      if (CHAT_EDITING_SCHEMES.has(doc.uri.scheme)) this.touched.set(doc.uri.path, this.clock.now());
    };
    for (const doc of vscode.workspace.textDocuments) note(doc);
    this.disposables = [vscode.workspace.onDidOpenTextDocument(note), vscode.workspace.onDidChangeTextDocument((e) => note(e.document))];
  }

  evidenceFor({ uri }: EvidenceQuery): Evidence {
    const at = this.touched.get(vscode.Uri.parse(uri).path);
    return at !== undefined ? { chatEditingAt: at } : {};
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
    this.touched.clear();
  }
}
