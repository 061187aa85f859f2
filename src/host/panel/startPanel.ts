/**
 * Wires the quality panel, drift monitor and status bar into the lifecycle owner: creates them, registers the view
 * provider and the `driftwatch.openPanel` command, and connects store and drift changes to the views.
 */
import * as vscode from 'vscode';
import { systemClock } from '../../core/util/clock.js';
import { DriftMonitor } from '../drift/driftMonitor.js';
import type { HostServices } from '../services.js';
import { StatusBar } from '../statusBar.js';
import { PanelDataSource } from './panelDataSource.js';
import { PANEL_VIEW_ID, PanelViewProvider } from './panelViewProvider.js';

/** The services behind the panel, exposed on the owner for commands and the integration suite. */
export interface QualityPanel {
  readonly provider: PanelViewProvider;
  readonly monitor: DriftMonitor;
  readonly statusBar: StatusBar;
}

/** Time after start before the first drift evaluation, so activation stays cheap. */
const FIRST_EVALUATION_MS = 5000;

export function startQualityPanel(dw: Pick<HostServices, 'track' | 'store' | 'config' | 'context' | 'logger'>): QualityPanel {
  const clock = systemClock;
  const openPanel = (): Thenable<unknown> => vscode.commands.executeCommand(`${PANEL_VIEW_ID}.focus`);
  const monitor = dw.track(new DriftMonitor(dw.store, dw.config, dw.context.globalState, dw.logger, clock, openPanel));
  const source = new PanelDataSource(dw.store, clock);
  const provider = dw.track(
    new PanelViewProvider({
      extensionUri: dw.context.extensionUri,
      workspaceState: dw.context.workspaceState,
      logger: dw.logger,
      clock,
      source,
      alerts: () => monitor.visibleAlerts(),
      dismissAlert: (key) => monitor.dismiss(key),
    }),
  );
  const statusBar = dw.track(new StatusBar(dw.store, dw.config, clock, () => monitor.visibleAlerts()));
  dw.track(vscode.window.registerWebviewViewProvider(PANEL_VIEW_ID, provider));
  dw.track(vscode.commands.registerCommand('driftwatch.openPanel', openPanel));
  const appended = dw.store.onDidAppend(() => provider.refresh());
  dw.track({ dispose: () => appended.dispose() });
  dw.track(
    monitor.onDidChange(() => {
      provider.refresh();
      statusBar.update();
    }),
  );
  const first = clock.setTimeout(() => void monitor.evaluate(), FIRST_EVALUATION_MS);
  dw.track({ dispose: () => clock.clearTimeout(first) });
  return { provider, monitor, statusBar };
}
