/** Command registrations that belong to no single service. */
import * as vscode from 'vscode';
import type { HostServices } from './services.js';
import { registerExportCommand } from './export/exportCommand.js';

export function registerCommands(dw: Pick<HostServices, 'track' | 'logger' | 'platform' | 'context' | 'config' | 'store' | 'testHooks'>): void {
  dw.track(vscode.commands.registerCommand('driftwatch.showLogs', () => dw.logger.show()));
  registerExportCommand(dw);
  dw.track(
    vscode.commands.registerCommand('driftwatch.revealStore', async () => {
      if (dw.platform.kind !== 'node') return;
      await vscode.commands.executeCommand('revealFileInOS', dw.context.globalStorageUri);
    }),
  );
}
