/**
 * Observing inline-suggestion accepts. VS Code offers no event for "a completion was accepted" and no way to watch
 * another extension's commands, so Driftwatch contributes keybindings for the same keys and `when` clauses as VS
 * Code's own accept commands (Tab for a full accept, Ctrl/Cmd+Right for the next word) that run a Driftwatch command
 * which notes the accept and then runs the original command. The editor behaves exactly as before; the user can turn
 * it off with `driftwatch.capture.observeInlineAccept`. Accepts made by other means (mouse on the ghost-text toolbar,
 * a custom keybinding) fall back to the shape heuristic in the classifier.
 */
import * as vscode from 'vscode';
import type { EvidenceQuery, EvidenceSource } from '../../core/capture/evidenceSource.js';
import { SIGNAL_WINDOW_MS, type Evidence } from '../../core/capture/provenance.js';
import type { Clock } from '../../core/util/clock.js';

/** Our command → the built-in command it forwards to, and whether it is a partial accept. */
export const INLINE_ACCEPT_COMMANDS: Readonly<Record<string, { target: string; partial: boolean }>> = Object.freeze({
  'driftwatch.capture.acceptInlineSuggestion': { target: 'editor.action.inlineSuggest.commit', partial: false },
  'driftwatch.capture.acceptInlineSuggestionNextWord': { target: 'editor.action.inlineSuggest.acceptNextWord', partial: true },
  'driftwatch.capture.acceptInlineSuggestionNextLine': { target: 'editor.action.inlineSuggest.acceptNextLine', partial: true },
});

export class InlineAcceptObserver implements vscode.Disposable, EvidenceSource {
  readonly name = 'inline-accept';
  readonly readAt = 'verdict';
  private readonly disposables: vscode.Disposable[] = [];
  private readonly lastAccept = new Map<string, { at: number; partial: boolean }>();

  constructor(private readonly clock: Clock) {
    for (const [command, { target, partial }] of Object.entries(INLINE_ACCEPT_COMMANDS)) {
      this.disposables.push(
        vscode.commands.registerCommand(command, async (...args: unknown[]) => {
          const doc = vscode.window.activeTextEditor?.document;
          if (doc) this.lastAccept.set(doc.uri.toString(), { at: this.clock.now(), partial });
          await vscode.commands.executeCommand(target, ...args);
        }),
      );
    }
  }

  evidenceFor({ uri }: EvidenceQuery): Evidence {
    const accept = this.lastAccept.get(uri);
    return accept ? { inlineAcceptAt: accept.at, inlineAcceptPartial: accept.partial } : {};
  }

  /** An accept just observed: even a one-character completion needs a verdict, not the typing fast path. */
  requiresVerdict({ uri, now }: EvidenceQuery): boolean {
    const accept = this.lastAccept.get(uri);
    return accept !== undefined && now - accept.at < SIGNAL_WINDOW_MS.inlineAccept;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
    this.lastAccept.clear();
  }
}
