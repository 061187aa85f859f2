/** The upload's commands: Preview Upload, Upload Now, Forget My Uploaded Data, Set Upload Token. */
import * as vscode from 'vscode';
import type { Logger } from '../logger.js';
import { TOKEN_SECRET_KEY, type UploadService } from './uploadService.js';

export function registerUploadCommands(upload: UploadService, context: vscode.ExtensionContext, logger: Logger): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('driftwatch.upload.preview', async () => {
      try {
        const req = await upload.buildDay(upload.latestCompleteDay());
        const doc = await vscode.workspace.openTextDocument({ language: 'json', content: req.previewJson });
        await vscode.window.showTextDocument(doc, { preview: true });
        return req.previewJson;
      } catch (err) {
        logger.error(`upload preview failed: ${err instanceof Error ? err.message : String(err)}`);
        void vscode.window.showErrorMessage(`Driftwatch could not build the upload preview: ${err instanceof Error ? err.message : String(err)}`);
        return undefined;
      }
    }),
    vscode.commands.registerCommand('driftwatch.upload.now', async () => {
      const message = await upload.uploadNow();
      void vscode.window.showInformationMessage(`Driftwatch: ${message}`);
      return message;
    }),
    vscode.commands.registerCommand('driftwatch.upload.forget', async (options?: { confirmed?: boolean }) => {
      if (!options?.confirmed) {
        const choice = await vscode.window.showWarningMessage(
          'Ask the team collector to delete everything this install uploaded?',
          { modal: true, detail: 'Driftwatch sends the current and past monthly install ids (no other data) and then switches to a new install id.' },
          'Delete My Uploaded Data',
        );
        if (choice !== 'Delete My Uploaded Data') return undefined;
      }
      const result = await upload.forget();
      if (result.ok) void vscode.window.showInformationMessage(`Driftwatch: ${result.message}`);
      else void vscode.window.showWarningMessage(`Driftwatch: ${result.message}`);
      return result;
    }),
    vscode.commands.registerCommand('driftwatch.upload.setToken', async (given?: string) => {
      const token =
        given ??
        (await vscode.window.showInputBox({
          title: 'Driftwatch team upload token',
          prompt: 'The bearer token your team collector gave you. Stored in VS Code SecretStorage; empty removes it.',
          password: true,
          ignoreFocusOut: true,
        }));
      if (token === undefined) return;
      if (token.trim() === '') await context.secrets.delete(TOKEN_SECRET_KEY);
      else await context.secrets.store(TOKEN_SECRET_KEY, token.trim());
      logger.info(`upload: token ${token.trim() === '' ? 'removed' : 'stored in SecretStorage'}`);
    }),
  ];
}
