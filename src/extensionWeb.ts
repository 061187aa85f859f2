/** Entry point for the web extension host (vscode.dev, github.dev): IndexedDB store, no hooks, no OTLP receiver. */
import * as vscode from 'vscode';
import { writeExportWithWorkspaceFs } from './host/export/workspaceFsExport.js';
import { activateWith, deactivateWith, type Activation } from './host/activation.js';
import type { Driftwatch } from './host/driftwatch.js';
import { encodeTeamRequest } from './core/team/teamEncoder.js';
import { IdbBackend } from './web/idbBackend.js';
import { installSecretIdb } from './web/installSecretIdb.js';
import { canStartWebWorker, startLintWebWorker } from './web/lintWebWorker.js';

const holder: Activation = { instance: undefined };

export async function activate(context: vscode.ExtensionContext): Promise<Driftwatch | undefined> {
  return activateWith(
    context,
    {
      kind: 'web',
      createStoreBackend: (ctx) => new IdbBackend(`driftwatch:${ctx.extension.id}`),
      createInstallSecretStorage: (ctx) => installSecretIdb(`driftwatch:${ctx.extension.id}:team`),
      writeExport: writeExportWithWorkspaceFs,
      // The web host loads one file: the encoder is bundled into it.
      loadTeamEncoder: async () => encodeTeamRequest,
      startLintWorker: async (ctx) => {
        if (!canStartWebWorker()) throw new Error('this web host has no Worker');
        return startLintWebWorker(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ctx.extensionUri, 'dist', 'web', 'lintWorker.js')));
      },
    },
    holder,
  );
}

export function deactivate(): Promise<void> {
  return deactivateWith(holder);
}
