/**
 * Where the tree-sitter runtime and grammar wasm bytes come from. Each host supplies one: the Node hosts and the CLI
 * read `dist/grammars/` (or `node_modules` in tests) from disk; the web worker host reads the extension's files through
 * `vscode.workspace.fs`. Keeping this an interface is what lets the engine stay pure.
 */
export interface WasmSource {
  /** Returns the bytes of a wasm file by its file name (e.g. `tree-sitter-python.wasm`). Rejects when it is missing. */
  loadBytes(fileName: string): Promise<Uint8Array>;
}
