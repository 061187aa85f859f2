/**
 * Observing pastes without reading the clipboard: a document paste-edit provider is asked for edits on every paste in
 * the editor and receives the pasted text in its data transfer. It contributes no edit (VS Code's own paste happens
 * unchanged); it only notes "document X received a paste of this text now". Reading the clipboard from the extension
 * host can fail or hang in browser hosts (permissions), so this is the primary paste signal and the lazy clipboard read
 * the fallback.
 *
 * The API is final since VS Code 1.97; on older hosts it is absent and the observer does nothing.
 */
import * as vscode from 'vscode';
import type { EvidenceQuery, EvidenceSource } from '../../core/capture/evidenceSource.js';
import type { Evidence } from '../../core/capture/provenance.js';
import type { Clock } from '../../core/util/clock.js';

/** The part of the paste-edit API used here (declared locally: the engine's typings predate it). */
interface PasteApi {
  registerDocumentPasteEditProvider(
    selector: vscode.DocumentSelector,
    provider: { provideDocumentPasteEdits(document: vscode.TextDocument, ranges: readonly vscode.Range[], dataTransfer: vscode.DataTransfer): Promise<undefined> },
    metadata: { providedPasteEditKinds: readonly unknown[]; pasteMimeTypes: readonly string[] },
  ): vscode.Disposable;
}
interface KindApi {
  DocumentDropOrPasteEditKind?: { Empty: { append(...parts: string[]): unknown } };
}

export class PasteObserver implements vscode.Disposable, EvidenceSource {
  readonly name = 'paste';
  readonly readAt = 'verdict';
  private readonly last = new Map<string, { at: number; text: string }>();
  private readonly registration: vscode.Disposable | undefined;

  constructor(private readonly clock: Clock) {
    const languages = vscode.languages as unknown as Partial<PasteApi>;
    const kind = (vscode as unknown as KindApi).DocumentDropOrPasteEditKind;
    if (typeof languages.registerDocumentPasteEditProvider !== 'function' || !kind) return;
    this.registration = languages.registerDocumentPasteEditProvider(
      [{ scheme: 'file' }, { scheme: 'vscode-remote' }, { scheme: 'vscode-vfs' }, { scheme: 'vscode-notebook-cell' }],
      {
        provideDocumentPasteEdits: async (document, _ranges, dataTransfer) => {
          const item = dataTransfer.get('text/plain');
          const text = item ? await item.asString() : undefined;
          if (text !== undefined) this.last.set(document.uri.toString(), { at: this.clock.now(), text });
          return undefined;
        },
      },
      { providedPasteEditKinds: [kind.Empty.append('text', 'driftwatch', 'observe')], pasteMimeTypes: ['text/plain'] },
    );
  }

  /** The last paste observed in the document and the text it carried. */
  evidenceFor({ uri }: EvidenceQuery): Evidence {
    const paste = this.last.get(uri);
    return paste ? { pasteAt: paste.at, pastedText: paste.text } : {};
  }

  dispose(): void {
    this.registration?.dispose();
    this.last.clear();
  }
}
