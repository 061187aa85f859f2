/**
 * Everyday editor commands that change code in bulk (line moves, comments, indentation, cut and paste, organise
 * imports, an IntelliSense accept, undo/redo): the human edits that must never be recorded as an assistant's,
 * whichever assistant is active. Each runs on capture/commands.ts with the cursor at `line`:`character` (placed with
 * {@link select}).
 */
import * as vscode from 'vscode';
import { waitFor } from './util.js';

export interface HumanEditCase {
  readonly name: string;
  readonly line: number;
  readonly character: number;
  run(editor: vscode.TextEditor): Thenable<unknown>;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Selects `selection` in `editor` and focuses it, resolving once the workbench has applied both. Assigning
 * `editor.selection` only queues the change: an editor command run right after could act on the old cursor (line 0,
 * where "move line up" does nothing), so the cases select through showTextDocument, which answers after the editor
 * shows the selection.
 */
export function select(editor: vscode.TextEditor, selection: vscode.Selection): Thenable<vscode.TextEditor> {
  // No wait for `selection` to equal what was asked: the editor clamps it to the text (a short line) and reports that.
  return vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, selection, preserveFocus: false });
}

export function everydayEditorCommands(typeText: (text: string) => Promise<void>): HumanEditCase[] {
  return [
    { name: 'duplicate line', line: 5, character: 10, run: () => vscode.commands.executeCommand('editor.action.copyLinesDownAction') },
    { name: 'move line up', line: 6, character: 4, run: () => vscode.commands.executeCommand('editor.action.moveLinesUpAction') },
    { name: 'toggle line comment on three lines', line: 4, character: 0, run: async (e) => {
      await select(e, new vscode.Selection(4, 0, 6, 10));
      await vscode.commands.executeCommand('editor.action.commentLine');
    } },
    { name: 'indent lines', line: 4, character: 2, run: async (e) => {
      await select(e, new vscode.Selection(4, 0, 6, 5));
      await vscode.commands.executeCommand('editor.action.indentLines');
    } },
    { name: 'delete line', line: 9, character: 3, run: () => vscode.commands.executeCommand('editor.action.deleteLines') },
    { name: 'cut a line and paste it elsewhere', line: 5, character: 0, run: async (e) => {
      await select(e, new vscode.Selection(5, 0, 6, 0));
      await vscode.commands.executeCommand('editor.action.clipboardCutAction');
      await select(e, new vscode.Selection(8, 0, 8, 0));
      await vscode.commands.executeCommand('editor.action.clipboardPasteAction');
    } },
    { name: 'organise imports', line: 0, character: 0, run: async (e) => {
      const before = e.document.getText();
      await waitFor(async () => {
        await vscode.commands.executeCommand('editor.action.organizeImports');
        return e.document.getText() !== before;
      }, { timeout: 20_000, interval: 500, message: 'TypeScript to organise the imports' });
    } },
    { name: 'accept an IntelliSense suggestion', line: 10, character: 0, run: async (e) => {
      await typeText('export const total = sam');
      await vscode.commands.executeCommand('editor.action.triggerSuggest');
      await sleep(1_500);
      await vscode.commands.executeCommand('acceptSelectedSuggestion');
      await sleep(200);
      return e;
    } },
    { name: 'undo then redo a paste', line: 3, character: 0, run: async () => {
      await vscode.env.clipboard.writeText('// pasted note\nconst pastedValue = compute(1, 2, 3);\n');
      await vscode.commands.executeCommand('editor.action.clipboardPasteAction');
      await sleep(300);
      await vscode.commands.executeCommand('undo');
      await vscode.commands.executeCommand('redo');
    } },
];
}
