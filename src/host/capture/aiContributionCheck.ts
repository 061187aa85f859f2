/**
 * A cross-check against VS Code's own AI-contribution tracker: VS Code answers the internal command
 * `_aiEdits.hasAiContributions(uris)` from the edits it tagged as AI (inline accepts, chat applies) in open documents.
 * It tracks only while its AI co-author feature runs (`git.addAICoAuthor` not `off`, AI features not disabled);
 * otherwise the command is a stub that always answers `false`, so it is asked only then. Each assistant verdict for a
 * document VS Code does not consider AI-touched is counted as a disagreement and logged at debug level; nothing else
 * changes (VS Code's tracker misses agent writes and third-party chat applies by design).
 */
import * as vscode from 'vscode';
import type { VerdictNote } from '../../core/capture/captureSession.js';
import type { Logger } from '../logger.js';

const COMMAND = '_aiEdits.hasAiContributions';

export class AiContributionCheck {
  readonly stats = { checks: 0, disagreements: 0 };

  constructor(private readonly logger: Logger) {}

  /** True when VS Code's tracker runs, so its answer means something. */
  private active(): boolean {
    const coAuthor = vscode.workspace.getConfiguration('git', null).get<string>('addAICoAuthor', 'off');
    const disabled = vscode.workspace.getConfiguration('chat', null).get<boolean>('disableAIFeatures', false);
    return coAuthor !== 'off' && !disabled;
  }

  /** Asks VS Code about an assistant verdict of an open document. Never throws. */
  async check(note: VerdictNote): Promise<void> {
    if (!note.provenance.startsWith('ai-') || note.editIds.length === 0 || !this.active()) return;
    if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === note.uri)) return;
    try {
      const answer = await vscode.commands.executeCommand<unknown>(COMMAND, [vscode.Uri.parse(note.uri)]);
      if (typeof answer !== 'boolean') return;
      this.stats.checks++;
      if (!answer) {
        this.stats.disagreements++;
        this.logger.debug(`capture: VS Code's AI-contribution tracker does not see the ${note.provenance} edit in ${note.file} (${note.rule}); ${this.stats.disagreements} of ${this.stats.checks} checks disagree`);
      }
    } catch {
      // the command does not exist in this editor: no cross-check
    }
  }
}
