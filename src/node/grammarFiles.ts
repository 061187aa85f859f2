/**
 * Node `WasmSource`: reads the tree-sitter runtime and grammar wasm files from disk. The first folder that has the
 * file wins, so the same loader serves the packaged extension (`dist/grammars`), the CLI bundle (next to `cli.js`)
 * and unit tests run from sources (`node_modules`).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { WasmSource } from '../core/lint/wasmSource.js';

export class NodeWasmSource implements WasmSource {
  constructor(private readonly folders: readonly string[]) {}

  /** Folders to search for a project (or extension) root: `dist/grammars`, then the npm packages. */
  static forRoot(root: string): NodeWasmSource {
    return new NodeWasmSource([
      path.join(root, 'dist', 'grammars'),
      path.join(root, 'node_modules', '@vscode', 'tree-sitter-wasm', 'wasm'),
      path.join(root, 'node_modules', 'web-tree-sitter'),
    ]);
  }

  /**
   * Folders around a running script (the CLI bundle in `dist/`, or a source file run with tsx): its own `grammars/`
   * and, walking up to three parents, `dist/grammars` and the npm packages.
   */
  static near(dir: string): NodeWasmSource {
    const folders = [path.join(dir, 'grammars')];
    for (let d = dir, i = 0; i < 4; i++, d = path.dirname(d)) {
      folders.push(path.join(d, 'dist', 'grammars'), path.join(d, 'node_modules', '@vscode', 'tree-sitter-wasm', 'wasm'), path.join(d, 'node_modules', 'web-tree-sitter'));
    }
    return new NodeWasmSource(folders);
  }

  async loadBytes(fileName: string): Promise<Uint8Array> {
    const tried: string[] = [];
    for (const folder of this.folders) {
      const file = path.join(folder, fileName);
      try {
        return new Uint8Array(await readFile(file));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
        tried.push(file);
      }
    }
    throw new Error(`tree-sitter wasm ${fileName} not found (looked in ${tried.join(', ')})`);
  }
}
