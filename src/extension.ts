/** Entry point for Node extension hosts (desktop, remote, code-server). `activate` returns the instance only in tests. */
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as vscode from 'vscode';
import { writeExportWithWorkspaceFs } from './host/export/workspaceFsExport.js';
import { activateWith, deactivateWith, type Activation } from './host/activation.js';
import type { TeamEncoder } from './core/team/teamRequest.js';
import type { Driftwatch } from './host/driftwatch.js';
import { exportToFile } from './node/exportFiles.js';
import { installSecretFile } from './node/installSecretFile.js';
import { JsonlBackend } from './node/jsonlBackend.js';
import { startLintWorkerThread } from './node/lintWorkerThread.js';
import { DriftWorkerThread } from './node/driftWorkerThread.js';
import { nodeHookPlatform } from './node/hooks/nodeHookPlatform.js';
import { nodeReceiverPlatform } from './node/receiver/nodeReceiverPlatform.js';

const holder: Activation = { instance: undefined };
const TEAM_ENCODER_FILE = 'teamEncoder.js';

export async function activate(context: vscode.ExtensionContext): Promise<Driftwatch | undefined> {
  return activateWith(
    context,
    {
      kind: 'node',
      createStoreBackend: (ctx) => new JsonlBackend(ctx.globalStorageUri.fsPath),
      createInstallSecretStorage: (ctx) => installSecretFile(ctx.globalStorageUri.fsPath),
      writeExport: async (store, options, target) =>
        target.scheme === 'file' ? (await exportToFile(store, options, target.fsPath, { storeDir: store.location, dataOverwriteConfirmed: true })).metadata : writeExportWithWorkspaceFs(store, options, target),
      // dist/teamEncoder.js, built beside this bundle (scripts/build.mjs); a computed path, so esbuild leaves it out.
      loadTeamEncoder: async () => (createRequire(__filename)(path.join(__dirname, TEAM_ENCODER_FILE)) as { encodeTeamRequest: TeamEncoder }).encodeTeamRequest,
      startLintWorker: async (ctx) => startLintWorkerThread(ctx.asAbsolutePath('dist/lintWorker.js')),
      startDriftWorker: (ctx) => new DriftWorkerThread(ctx.asAbsolutePath('dist/driftWorker.js')),
      hooks: nodeHookPlatform,
      receiver: nodeReceiverPlatform,
    },
    holder,
  );
}

export function deactivate(): Promise<void> {
  return deactivateWith(holder);
}
