/**
 * Export writer over `vscode.workspace.fs`, for hosts without Node file streams (the web extension host). It holds the
 * export in memory, which is fine for the web host's IndexedDB-sized stores.
 */
import * as vscode from 'vscode';
import { exportSchemaOf, runExport, type ExportMetadata, type ExportOptions } from '../../core/export/exporter.js';
import type { EventStore } from '../../core/store/eventStore.js';

export async function writeExportWithWorkspaceFs(store: EventStore, options: ExportOptions, target: vscode.Uri): Promise<ExportMetadata> {
  const chunks: string[] = [];
  const meta = await runExport(store, options, { write: async (c) => void chunks.push(c) });
  const enc = new TextEncoder();
  const base = target.path.slice(target.path.lastIndexOf('/') + 1);
  const data = enc.encode(chunks.join(''));
  const metaUri = target.with({ path: `${target.path}.meta.json` });
  // Old metadata goes before the data changes and new metadata comes last, so an interrupted export never leaves
  // metadata describing other data (the data's size is recorded to check it).
  await vscode.workspace.fs.delete(metaUri).then(undefined, () => undefined);
  await vscode.workspace.fs.writeFile(target, data);
  await vscode.workspace.fs.writeFile(metaUri, enc.encode(JSON.stringify({ ...meta, dataFile: base, dataBytes: data.length }, null, 2) + '\n'));
  const dir = vscode.Uri.joinPath(target, '..');
  const { file, schema } = exportSchemaOf(options.format);
  await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, file), enc.encode(JSON.stringify(schema, null, 2) + '\n'));
  return meta;
}
