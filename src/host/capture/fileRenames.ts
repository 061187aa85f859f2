/**
 * Renaming or moving files makes language servers update imports in other (background) documents, sometimes after
 * asking the user: while that may happen, multi-document edits are refactoring. The window is generous because a
 * missed chat edit costs less than a false one.
 */
import * as vscode from 'vscode';
import type { EvidenceQuery, EvidenceSource } from '../../core/capture/evidenceSource.js';
import type { Evidence } from '../../core/capture/provenance.js';
import type { Clock } from '../../core/util/clock.js';

const RENAME_WINDOW_MS = 30_000;

export class FileRenames implements vscode.Disposable, EvidenceSource {
  readonly name = 'file-renames';
  readonly readAt = 'verdict';
  private until = 0;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly clock: Clock) {
    const note = (): void => void (this.until = this.clock.now() + RENAME_WINDOW_MS);
    this.disposables = [vscode.workspace.onWillRenameFiles(note), vscode.workspace.onDidRenameFiles(note)];
  }

  evidenceFor({ now }: EvidenceQuery): Evidence {
    return this.until >= now ? { renamingFiles: true } : {};
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
