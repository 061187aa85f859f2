/**
 * Save participants as evidence: format on save and code actions on save run inside the save, between will-save and
 * did-save, so whatever changes a document then is formatting. The window closes at did-save (auto-save after a delay
 * saves often, and a completion accepted right after a save is not formatting); the cap covers a save that never
 * completes.
 */
import * as vscode from 'vscode';
import type { EvidenceQuery, EvidenceSource } from '../../core/capture/evidenceSource.js';
import type { Evidence } from '../../core/capture/provenance.js';
import type { Clock } from '../../core/util/clock.js';

const SAVE_CAP_MS = 5_000;

export class SaveActivity implements vscode.Disposable, EvidenceSource {
  readonly name = 'save-participants';
  readonly readAt = 'verdict';
  private readonly formattingUntil = new Map<string, number>();
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly clock: Clock) {
    this.disposables = [
      vscode.workspace.onWillSaveTextDocument((e) => this.formattingUntil.set(e.document.uri.toString(), this.clock.now() + SAVE_CAP_MS)),
      vscode.workspace.onDidSaveTextDocument((d) => this.formattingUntil.delete(d.uri.toString())),
    ];
  }

  evidenceFor({ uri, now }: EvidenceQuery): Evidence {
    return (this.formattingUntil.get(uri) ?? 0) >= now ? { formatting: true } : {};
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
