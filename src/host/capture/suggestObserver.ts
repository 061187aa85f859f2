/**
 * Knowing whether the suggest widget (IntelliSense) was open when a change arrived. VS Code asks every inline
 * completion provider again whenever the widget's selected item changes, passing that item
 * (`context.selectedCompletionInfo`), and asks without it once the widget is closed. A provider that offers nothing
 * therefore learns, for free, that "the user is choosing a completion item" — so a snippet or completion item accepted
 * from the widget (which can look exactly like an accepted inline completion) is recognised as the human's choice.
 * The provider never returns items: it changes nothing in the editor.
 */
import * as vscode from 'vscode';
import type { EvidenceQuery, EvidenceSource } from '../../core/capture/evidenceSource.js';
import type { Evidence } from '../../core/capture/provenance.js';
import type { Clock } from '../../core/util/clock.js';

/** A widget state older than this is not trusted (the widget may have closed without a new request). */
const STALE_MS = 30_000;

export class SuggestObserver implements vscode.Disposable, EvidenceSource {
  readonly name = 'suggest-widget';
  /** The widget closes as its item is inserted: read when the change arrives, not when the verdict is made. */
  readonly readAt = 'change';
  private readonly open = new Map<string, number>();
  private readonly registration: vscode.Disposable;

  constructor(private readonly clock: Clock) {
    this.registration = vscode.languages.registerInlineCompletionItemProvider(
      { pattern: '**' },
      {
        provideInlineCompletionItems: (document, _position, context) => {
          const uri = document.uri.toString();
          if (context.selectedCompletionInfo) this.open.set(uri, this.clock.now());
          else this.open.delete(uri);
          return { items: [] };
        },
      },
    );
  }

  /** The suggest widget was last seen open in the active editor's document. */
  evidenceFor({ uri, isActiveDocument }: EvidenceQuery): Evidence {
    const at = this.open.get(uri);
    return isActiveDocument && at !== undefined && this.clock.now() - at <= STALE_MS ? { suggestWidgetOpen: true } : {};
  }

  dispose(): void {
    this.registration.dispose();
    this.open.clear();
  }
}
