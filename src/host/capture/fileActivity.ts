/**
 * File-system signals around edits: version-control activity (`.git` HEAD, index, refs and the files git writes
 * during checkout/merge/rebase), bursts of many workspace files changing at once, and writes to workspace files on
 * disk (created or changed while closed in the editor).
 *
 * Why watchers: a checkout reloads open documents through the same change events an agent's write produces; only the
 * `.git` activity around them tells the two apart.
 */
import * as vscode from 'vscode';
import type { EvidenceQuery, EvidenceSource } from '../../core/capture/evidenceSource.js';
import type { Evidence } from '../../core/capture/provenance.js';
import type { Clock } from '../../core/util/clock.js';

/** Files git touches when the working tree is rewritten by VCS. */
const GIT_FILES = '{HEAD,ORIG_HEAD,MERGE_HEAD,FETCH_HEAD,CHERRY_PICK_HEAD,REBASE_HEAD,index,packed-refs}';
/** Files changed within this window… */
const BURST_WINDOW_MS = 2_000;
/** …at least this many: a checkout, a generator, a `prettier --write .` — not an assistant. */
const BURST_FILES = 8;
const BURST_HOLD_MS = 3_000;

export interface DiskWrite {
  readonly uri: vscode.Uri;
  readonly created: boolean;
  readonly at: number;
}

export class FileActivity implements vscode.Disposable, EvidenceSource {
  readonly name = 'file-activity';
  readonly readAt = 'verdict';
  private readonly disposables: vscode.Disposable[] = [];
  private lastVcs: number | undefined;
  private recent: number[] = [];
  private burstUntil = 0;
  private readonly writes = new Map<string, number>();
  private readonly savedAt = new Map<string, number>();
  private readonly writeEmitter = new vscode.EventEmitter<DiskWrite>();
  /** A workspace file was created or changed on disk (any writer, including the editor's own saves). */
  readonly onDidWrite = this.writeEmitter.event;

  constructor(private readonly clock: Clock) {
    for (const folder of vscode.workspace.workspaceFolders ?? []) this.watchFolder(folder);
    this.disposables.push(
      vscode.workspace.onDidChangeWorkspaceFolders((e) => {
        for (const f of e.added) this.watchFolder(f);
      }),
      // The editor's own saves also reach the watcher; they are not writes by someone else.
      vscode.workspace.onDidSaveTextDocument((d) => this.savedAt.set(d.uri.toString(), this.clock.now())),
      this.writeEmitter,
    );
  }

  /** Last `.git` activity (clock ms), if any. */
  get vcsAt(): number | undefined {
    return this.lastVcs;
  }

  /** True while many files are changing at once. */
  get massChangeBurst(): boolean {
    return this.clock.now() <= this.burstUntil;
  }

  /** `.git` activity, a burst of many files changing, and the last write to this file by something other than the editor. */
  evidenceFor({ uri }: EvidenceQuery): Evidence {
    const diskWriteAt = this.externalWriteAt(uri);
    return {
      ...(diskWriteAt !== undefined ? { diskWriteAt } : {}),
      ...(this.lastVcs !== undefined ? { vcsAt: this.lastVcs } : {}),
      ...(this.massChangeBurst ? { massChangeBurst: true } : {}),
    };
  }

  /** Last write to the file on disk by something other than the editor's own save. */
  private externalWriteAt(uri: string): number | undefined {
    const written = this.writes.get(uri);
    const saved = this.savedAt.get(uri);
    // The watcher reports our own save a little after did-save.
    if (written !== undefined && saved !== undefined && written >= saved - 200 && written - saved <= 2_000) return undefined;
    return written;
  }

  /** Marks VCS activity observed by other means (e.g. the git extension's repository state). */
  noteVcs(): void {
    this.lastVcs = this.clock.now();
  }

  private watchFolder(folder: vscode.WorkspaceFolder): void {
    const git = vscode.Uri.joinPath(folder.uri, '.git');
    const onGit = (): void => this.noteVcs();
    const gitWatcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(git, GIT_FILES));
    const refsWatcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(git, 'refs/**'));
    for (const w of [gitWatcher, refsWatcher]) {
      w.onDidChange(onGit);
      w.onDidCreate(onGit);
      w.onDidDelete(onGit);
      this.disposables.push(w);
    }
    const files = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**/*'));
    const onFile = (uri: vscode.Uri, created: boolean): void => {
      if (/[\\/]\.git([\\/]|$)/.test(uri.path)) {
        this.noteVcs();
        return;
      }
      this.noteFileEvent();
      const at = this.clock.now();
      this.writes.set(uri.toString(), at);
      if (this.writes.size > 2_000) this.writes.clear(); // only the last few seconds matter
      if (this.savedAt.size > 2_000) this.savedAt.clear();
      this.writeEmitter.fire({ uri, created, at });
    };
    files.onDidChange((u) => onFile(u, false));
    files.onDidCreate((u) => onFile(u, true));
    files.onDidDelete(() => this.noteFileEvent());
    this.disposables.push(files);
  }

  private noteFileEvent(): void {
    const now = this.clock.now();
    this.recent.push(now);
    while (this.recent.length > 0 && now - this.recent[0]! > BURST_WINDOW_MS) this.recent.shift();
    if (this.recent.length >= BURST_FILES) this.burstUntil = now + BURST_HOLD_MS;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
