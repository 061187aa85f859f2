/**
 * The agent-hook channel in the extension host: watches each workspace folder's spool folder, validates every record
 * (src/core/hooks/hookRecords.ts), and hands the signals to the proposal book, which claims the edits in capture's
 * verdict ledger so each tool call is counted once, with the hook as the authority.
 */
import * as vscode from 'vscode';
import type { VerdictLedger } from '../../core/capture/verdictLedger.js';
import { countLines, LineIndex } from '../../core/capture/lineIndex.js';
import { parseSpoolRecord } from '../../core/hooks/hookRecords.js';
import { ProposalBook, type AppliedCall, type HookSink, type HookTimings, type ProposalDecision } from '../../core/hooks/proposalBook.js';
import { languageForFileName } from '../../core/lint/languages.js';
import type { EditTracker } from '../../core/capture/editTracker.js';
import type { DriftEventInput } from '../../core/schema/events.js';
import type { EventStore } from '../../core/store/eventStore.js';
import { systemClock, type Clock } from '../../core/util/clock.js';
import type { Logger } from '../logger.js';
import type { HookPlatform, SpoolSource } from './hookPlatform.js';
import { isAgentConfigPath } from '../../core/hooks/agentConfig.js';

/** Largest file read to locate a hook's edit. */
const MAX_READ_BYTES = 16 * 1024 * 1024;

export interface HookServiceDeps {
  readonly context: vscode.ExtensionContext;
  readonly store: EventStore;
  readonly logger: Logger;
  readonly platform: HookPlatform;
  readonly ledger: VerdictLedger;
  /** Capture's tracker, when capture runs: a hook-recorded edit is then followed like any other. */
  readonly tracker: () => EditTracker | undefined;
  readonly clock?: Clock;
  readonly timings?: Partial<HookTimings>;
}

export class HookService implements vscode.Disposable {
  readonly book: ProposalBook;
  private readonly spools = new Map<string, { spool: SpoolSource; watch: { dispose(): void } }>();
  private draining: Promise<void> = Promise.resolve();
  private drainQueued = false;
  private disposed = false;
  private readonly disposables: vscode.Disposable[] = [];
  /** Records consumed and rejected since start (status, tests, benchmark). */
  readonly counts = { records: 0, rejected: 0, ignored: 0 };

  constructor(private readonly deps: HookServiceDeps) {
    this.book = new ProposalBook(deps.clock ?? systemClock, deps.ledger, this.sink(), deps.timings);
    this.disposables.push(vscode.workspace.onDidChangeWorkspaceFolders(() => void this.syncFolders()));
    void this.syncFolders();
  }

  /** The spool folder of a workspace folder (created on first use). */
  spoolDir(folder: vscode.WorkspaceFolder): string {
    return this.deps.platform.spoolFor(this.deps.context.globalStorageUri.fsPath, folder.uri.toString()).dir;
  }

  /** Reads every spool folder now; resolves when the records read so far are handed to the book. */
  async drainNow(): Promise<void> {
    this.scheduleDrain();
    await this.draining;
  }

  private async syncFolders(): Promise<void> {
    const wanted = new Set((vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.toString()));
    for (const [key, s] of this.spools) {
      if (!wanted.has(key)) {
        s.watch.dispose();
        this.spools.delete(key);
      }
    }
    for (const key of wanted) {
      if (this.spools.has(key) || this.disposed) continue;
      const spool = this.deps.platform.spoolFor(this.deps.context.globalStorageUri.fsPath, key);
      try {
        await spool.ensure();
      } catch (err) {
        this.deps.logger.warn(`hooks: spool folder ${spool.dir} could not be created (${String(err)}); agent hooks are not read`);
        continue;
      }
      this.spools.set(key, { spool, watch: spool.watch(() => this.scheduleDrain()) });
    }
    this.scheduleDrain();
  }

  private scheduleDrain(): void {
    if (this.drainQueued || this.disposed) return;
    this.drainQueued = true;
    this.draining = this.draining.then(async () => {
      this.drainQueued = false;
      for (const { spool } of [...this.spools.values()]) {
        await spool.drain(
          (entry) => this.onRecord(spool, entry),
          (name, reason) => {
            this.counts.rejected++;
            this.deps.logger.warn(`hooks: spool file ${name} rejected: ${reason} (moved to ${spool.dir}/rejected)`);
          },
        );
      }
    });
    this.draining = this.draining.catch((err) => this.deps.logger.error(`hooks: reading the spool failed: ${String(err)}`));
  }

  private onRecord(spool: SpoolSource, entry: { name: string; agent: string; text: string }): void {
    const parsed = parseSpoolRecord(entry.text, entry.name);
    if (!parsed.ok) {
      this.counts.rejected++;
      this.deps.logger.warn(`hooks: spool record ${entry.name} (${entry.agent}) rejected: ${parsed.reason}`);
      void spool.keepRejected(entry.name, entry.text);
      return;
    }
    if (!parsed.signal) {
      this.counts.ignored++;
      if (parsed.note) this.deps.logger.trace(`hooks: ${parsed.note}`);
      return;
    }
    this.counts.records++;
    try {
      this.book.accept(parsed.signal);
    } catch (err) {
      this.deps.logger.error(`hooks: record ${entry.name} could not be handled: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
  }

  private sink(): HookSink {
    const { logger, store } = this.deps;
    return {
      uriOf: (file) => {
        const uri = vscode.Uri.file(file);
        const folder = vscode.workspace.getWorkspaceFolder(uri);
        if (!folder) return undefined;
        // Hook configuration and editor settings are never code an assistant wrote.
        const rel = vscode.workspace.asRelativePath(uri, false).replace(/\\/g, '/');
        if (isAgentConfigPath(rel) || /^(\.vscode|\.git|node_modules)(\/|$)/.test(rel)) return undefined;
        return uri.toString();
      },
      recordEdit: (call, final) => this.recordEdit(call, final),
      recordEditNow: (call) => this.recordUntracked(call, vscode.workspace.textDocuments.find((d) => d.uri.toString() === call.uri)?.getText()),
      recordProposal: (d) => {
        store.append(proposalRecord(d, this.relative(d.uri), this.languageOf(d.uri)));
        logger.debug(`hooks: ${d.assistant} ${d.toolName ?? 'proposal'} ${d.decision}${d.decisionSource ? ` (${d.decisionSource})` : ''} in ${this.relative(d.uri)}`);
      },
      log: { debug: (m) => logger.debug(m), info: (m) => logger.info(m) },
    };
  }

  private relative(uri: string): string {
    return vscode.workspace.asRelativePath(vscode.Uri.parse(uri), false).replace(/\\/g, '/');
  }

  private languageOf(uri: string): string {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    return open?.languageId ?? languageForFileName(vscode.Uri.parse(uri).path) ?? 'plaintext';
  }

  /** Records an applied call capture did not observe: located in the file and tracked when possible. */
  private async recordEdit(call: AppliedCall, final: boolean): Promise<string | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === call.uri);
    let text = open?.getText();
    if (text === undefined && !final) text = await readText(vscode.Uri.parse(call.uri));
    const tracker = this.deps.tracker();
    const fields = this.editFields(call, text);
    if (tracker && fields.located && text !== undefined && !final) {
      const stored = tracker.track({ ...fields.record, uri: call.uri, region: fields.located, documentText: text });
      if (stored && !open) tracker.onDocumentClosed(call.uri, text);
      return stored?.id;
    }
    return this.recordUntracked(call, text);
  }

  /** Counted, not followed: not found in the file (changed again since, unreadable) or the window is closing. */
  private recordUntracked(call: AppliedCall, text: string | undefined): string | undefined {
    const [stored] = store(this.deps.store, { kind: 'assistant-edit', ...this.editFields(call, text).record, untracked: true });
    return stored?.id;
  }

  private editFields(call: AppliedCall, text: string | undefined) {
    const inserted = call.texts.join('\n');
    const located = text !== undefined ? locate(text, call.texts, call.line) : undefined;
    const index = text !== undefined ? new LineIndex(text) : undefined;
    const fromLine = Math.max(0, (call.line ?? 1) - 1);
    const range = located && index ? index.rangeOf(located.start, located.end) : { start: { line: fromLine, character: 0 }, end: { line: fromLine + Math.max(0, countLines(inserted) - 1), character: 0 } };
    const original = located && text !== undefined ? text.slice(located.start, located.end) : inserted;
    const fields = {
      provenance: call.provenance,
      channel: 'hook' as const,
      assistant: call.assistant,
      ...(call.model !== undefined ? { model: call.model.slice(0, 200) } : {}),
      proposalId: call.proposalId,
      language: this.languageOf(call.uri).slice(0, 200),
      file: this.relative(call.uri),
      range,
      linesAdded: countLines(original),
      linesRemoved: 0,
      charsInserted: original.length,
      charsReplaced: 0,
      text: original,
    };
    return { record: fields, located };
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const s of this.spools.values()) s.watch.dispose();
    this.spools.clear();
    this.book.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

function store(s: EventStore, record: DriftEventInput): ReturnType<EventStore['append']> {
  return s.append(record);
}

/** The `proposal` record of a decision. */
export function proposalRecord(d: ProposalDecision, file: string, language: string): DriftEventInput {
  const text = d.texts.join('\n');
  return {
    kind: 'proposal',
    proposalId: d.proposalId,
    channel: 'hook',
    assistant: d.assistant,
    ...(d.model !== undefined ? { model: d.model.slice(0, 200) } : {}),
    language: language.slice(0, 200),
    file,
    ...(d.toolName !== undefined ? { toolName: d.toolName.slice(0, 200) } : {}),
    decision: d.decision,
    ...(d.decisionSource !== undefined ? { decisionSource: d.decisionSource } : {}),
    linesProposed: text === '' ? 0 : countLines(text),
    ...(text !== '' ? { text } : {}),
    ...(d.matchedEditId !== undefined ? { matchedEditId: d.matchedEditId } : {}),
    ...(d.userModified !== undefined ? { userModified: d.userModified } : {}),
  };
}

/** Where the call's text sits in the file: the first text, searched from the reported line when there is one. */
function locate(text: string, texts: readonly string[], line: number | undefined): { start: number; end: number } | undefined {
  const first = texts.find((t) => t.trim() !== '');
  if (first === undefined) return undefined;
  let from = 0;
  if (line !== undefined && line > 1) {
    const index = new LineIndex(text);
    from = Math.max(0, index.offsetAt({ line: line - 1, character: 0 }) - 1);
  }
  let at = text.indexOf(first, from);
  if (at < 0) at = text.indexOf(first);
  return at < 0 ? undefined : { start: at, end: at + first.length };
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    const s = await vscode.workspace.fs.stat(uri);
    if (s.size > MAX_READ_BYTES) return undefined;
    return new TextDecoder('utf-8', { fatal: true }).decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
