/**
 * First start: when Driftwatch starts for the first time on this machine with an empty store, it opens its own view
 * (which shows the empty state: what will appear and how data gets here) and its walkthrough — once. It follows VS
 * Code's own switch for extension walkthroughs (`workbench.welcomePage.walkthroughs.openOnInstall`) and its own
 * `driftwatch.welcome.onFirstStart`, so a user who turned either off is left alone. (VS Code's switch is registered by
 * the workbench only; a remote extension host, e.g. code-server's, may not see the user's value of it.)
 */
import * as vscode from 'vscode';
import type { EventStore } from '../../core/store/eventStore.js';
import type { Logger } from '../logger.js';

const FIRST_START_KEY = 'driftwatch.firstStart.done';
export const WALKTHROUGH_ID = 'driftwatch.start';

/** Opens the Driftwatch walkthrough (`extensionId#walkthroughId`). */
export function openWalkthrough(extensionId: string): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.openWalkthrough', `${extensionId}#${WALKTHROUGH_ID}`, false);
}

/** Whether the store holds any assistant edit (a store with data is not a first start, e.g. after a reinstall). */
function hasData(store: EventStore): boolean {
  return store.rollups().some((r) => Object.values(r.buckets).some((b) => b.edits > 0 || b.scores.n > 0));
}

/** Runs the first-start welcome if it is due. Never throws. */
export async function welcomeOnFirstStart(context: vscode.ExtensionContext, store: EventStore, logger: Logger, openView: () => Thenable<unknown>, enabled = true): Promise<boolean> {
  try {
    if (context.globalState.get<boolean>(FIRST_START_KEY)) return false;
    await context.globalState.update(FIRST_START_KEY, true);
    if (hasData(store)) return false;
    if (!enabled) {
      logger.info('first start with an empty store; the welcome is turned off (driftwatch.welcome.onFirstStart)');
      return false;
    }
    if (!vscode.workspace.getConfiguration('workbench.welcomePage').get<boolean>('walkthroughs.openOnInstall', true)) {
      logger.info('first start with an empty store; walkthroughs are turned off (workbench.welcomePage.walkthroughs.openOnInstall)');
      return false;
    }
    logger.info('first start with an empty store: opening the Driftwatch view and walkthrough');
    await openView();
    await openWalkthrough(context.extension.id);
    return true;
  } catch (err) {
    logger.warn(`first-start welcome failed: ${err instanceof Error ? err.message : String(err)}`);
    return false;
  }
}
