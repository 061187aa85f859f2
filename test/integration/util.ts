/**
 * Helpers for suites that run inside the real extension host. Editor state settles asynchronously, so tests poll for
 * the state they expect with a deadline ({@link waitFor}) instead of sleeping a fixed time.
 */
import * as vscode from 'vscode';
import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { AssistantEditEvent, SCHEMA_VERSION } from '../../src/core/schema/events.js';
import { dayOf, localTzOffset, type Day } from '../../src/core/time/day.js';
import type { Driftwatch } from '../../src/host/driftwatch.js';

export const EXTENSION_ID = 'driftwatch.driftwatch';

export interface WaitOptions {
  /** Give up after this many milliseconds (default 5,000). */
  timeout?: number;
  /** Poll interval in milliseconds (default 50). */
  interval?: number;
  /** Describes what was awaited, for the timeout error. */
  message?: string;
}

/**
 * Calls `probe` until it returns a value that is neither `undefined`, `null` nor `false`, and resolves with that value.
 * A probe that throws is treated as "not yet"; its last error is reported if the deadline passes.
 */
export async function waitFor<T>(probe: () => T | Promise<T>, options: WaitOptions = {}): Promise<Exclude<T, undefined | null | false>> {
  const timeout = options.timeout ?? 5_000;
  const interval = options.interval ?? 50;
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== null && value !== false) return value as Exclude<T, undefined | null | false>;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() >= deadline) {
      const why = lastError instanceof Error ? `; last error: ${lastError.message}` : '';
      throw new Error(`timed out after ${timeout} ms waiting for ${options.message ?? 'a condition'}${why}`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** Activates Driftwatch (if it has not activated yet) and returns the instance `activate` returned. */
export async function driftwatch(): Promise<Driftwatch> {
  const ext = vscode.extensions.getExtension<Driftwatch | undefined>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed in this host`);
  const api = ext.isActive ? ext.exports : await ext.activate();
  if (!api) throw new Error('Driftwatch activated without an instance: activation failed (see the Driftwatch log)');
  return api;
}

/**
 * The extension's global storage folder, where the JSONL store keeps `events/<day>.<writer>.jsonl` (one file per day
 * per window; older stores `events/<day>.jsonl`) and `rollups/`.
 */
export async function globalStoragePath(): Promise<string> {
  return (await driftwatch()).context.globalStorageUri.fsPath;
}

/** Path of the single-file (pre-writer) partition of a local day (`YYYY-MM-DD`); the store still reads it. */
export async function dayFilePath(day: string): Promise<string> {
  return path.join(await globalStoragePath(), 'events', `${day}.jsonl`);
}

/** Every partition file of a local day, whichever window wrote it. */
export async function dayFiles(day: string): Promise<string[]> {
  const dir = path.join(await globalStoragePath(), 'events');
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((n) => n.startsWith(`${day}.`) && n.endsWith('.jsonl')).map((n) => path.join(dir, n));
}

/** The root of the (copied) fixture workspace the tests run on. */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the integration tests need the fixture workspace open');
  return folder.uri;
}

/**
 * Reverts unsaved changes and closes every editor tab, so each test starts from the same layout (and no "save
 * changes?" dialog blocks the next test).
 */
export async function closeAllEditors(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (!doc.isDirty || doc.isClosed) continue;
    await vscode.window.showTextDocument(doc, { preview: false });
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await waitFor(() => vscode.window.tabGroups.all.every((g) => g.tabs.length === 0), { message: 'all editor tabs to close' });
}

/** The text of the Driftwatch output channel's log file (what "Driftwatch: Show Logs" displays); '' before the first flush. */
export async function driftwatchLog(): Promise<string> {
  const file = path.join((await driftwatch()).context.logUri.fsPath, 'Driftwatch.log');
  try {
    return await readFile(file, 'utf8');
  } catch {
    return '';
  }
}

/** Waits until the Driftwatch log contains `needle` (log files are written with a short delay). */
export async function waitForLog(needle: string, timeout = 10_000): Promise<string> {
  return waitFor(async () => {
    const text = await driftwatchLog();
    return text.includes(needle) ? text : undefined;
  }, { timeout, interval: 200, message: `the Driftwatch log to contain ${JSON.stringify(needle)}` });
}

/**
 * A complete, schema-valid assistant-edit record (validated with the v1 zod schema, so a fixture can never drift from
 * the contract). `ts` defaults to now; `tz` to the host's offset at `ts`.
 */
export function assistantEdit(overrides: Partial<AssistantEditEvent> = {}): AssistantEditEvent {
  const ts = overrides.ts ?? Date.now();
  const text = overrides.text ?? 'for (const item of items) {\n  total += item.quantity;\n}';
  return AssistantEditEvent.parse({
    schema: SCHEMA_VERSION,
    id: randomUUID(),
    ts,
    tz: localTzOffset(ts),
    kind: 'assistant-edit',
    provenance: 'ai-inline',
    channel: 'inline-heuristic',
    assistant: 'integration-test',
    language: 'typescript',
    file: 'src/inventory.ts',
    range: { start: { line: 8, character: 0 }, end: { line: 10, character: 3 } },
    linesAdded: 3,
    linesRemoved: 0,
    charsInserted: text.length,
    charsReplaced: 0,
    text,
    ...overrides,
  });
}

/** The local day a record is stored under. */
export function dayOfRecord(record: { ts: number; tz: number }): Day {
  return dayOf(record.ts, record.tz);
}
