/**
 * Which assistant extensions are installed and active in this editor, kept current through
 * `extensions.onDidChange`, and `assistant-version` records whenever an assistant is first seen or its version changes
 * (remembered in global state, so a version change between two sessions is recorded once, at the next start).
 *
 * An extension is an assistant when the catalogue or the user's `capture.assistantExtensions` lists it, or when its
 * manifest declares itself one (core/capture/manifestAssistant.ts). Built-in extensions are recognised only through
 * the catalogue: VS Code ships extensions that contribute language-model tools (the Mermaid preview) without being
 * assistants, and its own assistant (GitHub.copilot-chat) is catalogued.
 */
import * as vscode from 'vscode';
import { BUILT_IN_ASSISTANT_APPS, lookupAssistant, type ActiveAssistant, type AssistantEntry } from '../../core/capture/assistantCatalog.js';
import { recogniseFromManifest } from '../../core/capture/manifestAssistant.js';
import type { DriftEventInput } from '../../core/schema/events.js';

const VERSIONS_KEY = 'driftwatch.capture.assistantVersions';

export class AssistantRegistry implements vscode.Disposable {
  private current: ActiveAssistant[] = [];
  private readonly subscription: vscode.Disposable;
  private readonly loggedRecognitions = new Set<string>();

  constructor(
    private readonly state: vscode.Memento,
    private readonly emit: (records: DriftEventInput[]) => void,
    private extra: Readonly<Record<string, string>>,
    private readonly self: { readonly id: string; readonly log: (message: string) => void },
  ) {
    this.refresh();
    // Extensions activate lazily after start-up: `isActive` is re-read whenever attribution needs it (cheap getter).
    this.subscription = vscode.extensions.onDidChange(() => this.refresh());
  }

  /** Assistants with their current activation state. */
  get assistants(): readonly ActiveAssistant[] {
    return this.current.map((a) => (a.active ? a : { ...a, active: vscode.extensions.getExtension(a.extensionId)?.isActive ?? a.active }));
  }

  setExtra(extra: Readonly<Record<string, string>>): void {
    this.extra = extra;
    this.refresh();
  }

  private refresh(): void {
    const found: ActiveAssistant[] = [];
    for (const ext of vscode.extensions.all) {
      const entry = this.entryFor(ext);
      if (!entry) continue;
      const version = typeof ext.packageJSON?.version === 'string' ? (ext.packageJSON.version as string).slice(0, 200) : undefined;
      found.push({ extensionId: ext.id, assistant: entry.assistant, capabilities: entry.capabilities, active: ext.isActive, ...(version ? { version } : {}) });
    }
    for (const app of BUILT_IN_ASSISTANT_APPS) {
      if (app.pattern.test(vscode.env.appName)) {
        found.push({ extensionId: `app:${app.entry.assistant}`, assistant: app.entry.assistant, capabilities: app.entry.capabilities, active: true, version: vscode.version });
      }
    }
    this.current = found;
    this.recordVersions(found);
  }

  private entryFor(ext: vscode.Extension<unknown>): AssistantEntry | undefined {
    const listed = lookupAssistant(ext.id, this.extra);
    if (listed || ext.id === this.self.id || isBuiltIn(ext)) return listed;
    const found = recogniseFromManifest(ext.id, ext.packageJSON);
    if (found && !this.loggedRecognitions.has(ext.id)) {
      this.loggedRecognitions.add(ext.id);
      this.self.log(`capture: ${ext.id} is an assistant by its manifest (${found.signals.join(', ')}; can ${found.capabilities.join('/')})`);
    }
    return found;
  }

  private recordVersions(found: readonly ActiveAssistant[]): void {
    const known = this.state.get<Record<string, string>>(VERSIONS_KEY, {});
    const next = { ...known };
    const records: DriftEventInput[] = [];
    for (const a of found) {
      const version = a.version ?? '';
      if (known[a.extensionId] === version) continue;
      next[a.extensionId] = version;
      const previous = known[a.extensionId];
      records.push({
        kind: 'assistant-version',
        assistant: a.assistant,
        extensionId: a.extensionId.slice(0, 200),
        ...(a.version ? { version: a.version } : {}),
        ...(previous ? { previousVersion: previous } : {}),
      });
    }
    if (records.length === 0) return;
    this.emit(records);
    void this.state.update(VERSIONS_KEY, next);
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

/**
 * Extensions shipped with the editor: VS Code's extension description (what `packageJSON` returns) says so; failing
 * that, they live under the application root.
 */
function isBuiltIn(ext: vscode.Extension<unknown>): boolean {
  if ((ext.packageJSON as { isBuiltin?: unknown } | undefined)?.isBuiltin === true) return true;
  const root = vscode.env.appRoot;
  return root !== '' && ext.extensionUri.scheme === 'file' && ext.extensionUri.fsPath.startsWith(root);
}
