/** Shared activate/deactivate for both entry points. */
import * as vscode from 'vscode';
import { Driftwatch } from './driftwatch.js';
import { createLogger } from './logger.js';
import type { Platform } from './platform.js';

/** The running instance; held by the entry module only so `deactivate` can flush it. */
export interface Activation {
  instance: Driftwatch | undefined;
}

export async function activateWith(context: vscode.ExtensionContext, platform: Platform, holder: Activation): Promise<Driftwatch | undefined> {
  const logger = createLogger();
  context.subscriptions.push(logger);
  try {
    const started = Date.now();
    holder.instance = await Driftwatch.create(context, logger, platform);
    logger.info(`activated in ${Date.now() - started} ms`);
    // The instance is the test API: integration tests and the capture benchmark probe read the store and capture's
    // session through it. Installed normally, Driftwatch exports nothing other extensions could come to rely on.
    return context.extensionMode === vscode.ExtensionMode.Test ? holder.instance : undefined;
  } catch (err) {
    const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
    logger.error(`activation failed: ${message}`);
    void vscode.window.showErrorMessage(`Driftwatch could not start: ${err instanceof Error ? err.message : String(err)}`, 'Show Logs').then((choice) => {
      if (choice === 'Show Logs') logger.show();
    });
    return undefined;
  }
}

export async function deactivateWith(holder: Activation): Promise<void> {
  const dw = holder.instance;
  holder.instance = undefined;
  if (dw) await dw.shutdown();
}
