/** Command registrations that belong to no single service. */
import * as vscode from 'vscode';
import type { Driftwatch } from './driftwatch.js';

export function registerCommands(dw: Driftwatch): void {
  dw.track(vscode.commands.registerCommand('driftwatch.showLogs', () => dw.logger.show()));
}
