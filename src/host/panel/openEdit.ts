/**
 * Opens a stored assistant edit at its region. The path comes from our own store, never from the webview, and must
 * stay inside a workspace folder. When the file is gone, or the region no longer holds the text the assistant wrote,
 * the caller gets the stored text to show instead (when the code level kept it).
 */
import * as vscode from 'vscode';
import type { AssistantEditEvent } from '../../core/schema/events.js';
import type { Logger } from '../logger.js';

export interface OpenEditResult {
  ok: boolean;
  reason?: 'missing-file' | 'changed' | 'unknown-edit' | 'no-workspace';
  file?: string;
  storedText?: string;
}

function isSafeRelative(file: string): boolean {
  return file.length > 0 && !file.startsWith('/') && !/^[a-zA-Z]:/.test(file) && !file.split(/[\\/]/).includes('..');
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export async function openEditAtRegion(edit: AssistantEditEvent | undefined, logger: Logger): Promise<OpenEditResult> {
  if (!edit) return { ok: false, reason: 'unknown-edit' };
  const stored = edit.text !== undefined ? { storedText: edit.text.slice(0, 200_000) } : {};
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (!isSafeRelative(edit.file)) {
    logger.warn(`panel: refusing to open stored path outside the workspace: ${edit.file.slice(0, 200)}`);
    return { ok: false, reason: 'missing-file', file: edit.file, ...stored };
  }
  if (folders.length === 0) return { ok: false, reason: 'no-workspace', file: edit.file, ...stored };
  let target: vscode.Uri | undefined;
  for (const folder of folders) {
    const candidate = vscode.Uri.joinPath(folder.uri, ...edit.file.split('/'));
    if (await exists(candidate)) {
      target = candidate;
      break;
    }
  }
  if (!target) return { ok: false, reason: 'missing-file', file: edit.file, ...stored };
  const doc = await vscode.workspace.openTextDocument(target);
  const lastLine = Math.max(0, doc.lineCount - 1);
  const start = new vscode.Position(Math.min(edit.range.start.line, lastLine), edit.range.start.character);
  const end = new vscode.Position(Math.min(edit.range.end.line, lastLine), edit.range.end.character);
  const range = doc.validateRange(new vscode.Range(start, end));
  const editor = await vscode.window.showTextDocument(doc, { selection: range, preserveFocus: false, preview: true });
  // Anchor at the end, cursor at the start: the region stays selected and the cursor sits where the edit begins.
  editor.selection = new vscode.Selection(range.end, range.start);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  const changed = edit.text !== undefined && doc.getText(range) !== edit.text;
  return changed ? { ok: true, reason: 'changed', file: edit.file, ...stored } : { ok: true, file: edit.file };
}
