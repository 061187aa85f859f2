/** Entry point for Node extension hosts (desktop, remote, code-server). */
import type * as vscode from 'vscode';
import { activateWith, deactivateWith, type Activation } from './host/activation.js';
import type { Driftwatch } from './host/driftwatch.js';
import { JsonlBackend } from './node/jsonlBackend.js';

const holder: Activation = { instance: undefined };

export async function activate(context: vscode.ExtensionContext): Promise<Driftwatch | undefined> {
  return activateWith(context, { kind: 'node', createStoreBackend: (ctx) => new JsonlBackend(ctx.globalStorageUri.fsPath) }, holder);
}

export function deactivate(): Promise<void> {
  return deactivateWith(holder);
}
