/**
 * Which commands are running in the integrated terminal, through shell integration (VS Code 1.93+; absent on older
 * hosts or shells without integration, and then this reports nothing).
 *
 * Why: files written on disk while a command runs in a terminal were written by that command. When it is an agent CLI
 * (`claude`, `codex`, `aider`, …) the write is the agent's, attributed to it even with no extension installed; when it
 * is anything else (`cp`, `sed`, a formatter, a code generator) the write is the human's — without this signal such
 * a write made while an agent extension is merely active would look like the agent's.
 */
import * as vscode from 'vscode';
import { AGENT_CLIS, programOf, toAssistantSlug } from '../../core/capture/assistantCatalog.js';
import type { EvidenceSource } from '../../core/capture/evidenceSource.js';
import type { Evidence } from '../../core/capture/provenance.js';
import type { Clock } from '../../core/util/clock.js';

/** How long after a command ends its late writes (buffered, flushed on exit) are still its own. */
const AFTER_END_MS = 2_000;

interface ShellExecutionLike {
  readonly commandLine: { readonly value: string };
}
interface ShellApi {
  onDidStartTerminalShellExecution?: vscode.Event<{ readonly execution: ShellExecutionLike }>;
  onDidEndTerminalShellExecution?: vscode.Event<{ readonly execution: ShellExecutionLike }>;
}

export class TerminalActivity implements vscode.Disposable, EvidenceSource {
  readonly name = 'terminal';
  readonly readAt = 'verdict';
  private readonly running = new Map<ShellExecutionLike, string>();
  private lastEnded: { program: string; at: number } | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly clock: Clock) {
    const api = vscode.window as unknown as ShellApi;
    if (api.onDidStartTerminalShellExecution) {
      this.disposables.push(api.onDidStartTerminalShellExecution((e) => this.running.set(e.execution, programOf(e.execution.commandLine.value))));
    }
    if (api.onDidEndTerminalShellExecution) {
      this.disposables.push(
        api.onDidEndTerminalShellExecution((e) => {
          const program = this.running.get(e.execution);
          this.running.delete(e.execution);
          if (program !== undefined) this.lastEnded = { program, at: this.clock.now() };
        }),
      );
    }
  }

  /**
   * The terminal commands that may have written a file just now: agent CLIs (as assistant slugs) and whether any
   * other command is running (or just ended).
   */
  evidenceFor(): Evidence {
    return { terminal: this.writers() };
  }

  private writers(): { agents: string[]; otherCommand: boolean } {
    const programs = [...this.running.values()];
    if (this.lastEnded && this.clock.now() - this.lastEnded.at <= AFTER_END_MS) programs.push(this.lastEnded.program);
    const agents = [...new Set(programs.filter((p) => p in AGENT_CLIS).map((p) => toAssistantSlug(AGENT_CLIS[p]!)))];
    return { agents, otherCommand: programs.some((p) => !(p in AGENT_CLIS)) };
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
    this.running.clear();
  }
}
