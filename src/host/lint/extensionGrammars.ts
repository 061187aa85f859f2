/** Reads the tree-sitter runtime and grammar wasm the lint worker asks for, from the extension's `dist/grammars`. */
import * as vscode from 'vscode';

/** Works the same in the Node and the web extension host (`workspace.fs` reaches the extension's own files in both). */
export function extensionGrammars(extensionUri: vscode.Uri): (fileName: string) => Promise<Uint8Array> {
  return async (fileName) => vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist', 'grammars', fileName));
}
