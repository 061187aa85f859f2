/**
 * Wires the quality panel, drift monitor and status bar into the lifecycle owner: creates them, registers the view
 * provider, the dashboard tab (with its reload serializer) and the `driftwatch.openPanel`/`openDashboard` commands,
 * and connects store and drift changes to the views.
 */
import * as vscode from 'vscode';
import { systemClock } from '../../core/util/clock.js';
import { DriftMonitor } from '../drift/driftMonitor.js';
import type { HostServices } from '../services.js';
import { StatusBar } from '../statusBar.js';
import { PanelDataSource } from './panelDataSource.js';
import { PANEL_VIEW_ID, PanelViewProvider, type PanelDeps } from './panelViewProvider.js';
import { DASHBOARD_VIEW_TYPE, DashboardPanel } from './dashboardPanel.js';
import { OPEN_DASHBOARD_COMMAND } from './panelChannel.js';
import { openWalkthrough, welcomeOnFirstStart } from './firstStart.js';

/** The services behind the panel, exposed on the owner for commands and the integration suite. */
export interface QualityPanel {
  readonly provider: PanelViewProvider;
  readonly monitor: DriftMonitor;
  readonly statusBar: StatusBar;
  /** The full-size dashboard tab (one at most). */
  readonly dashboard: DashboardPanel;
}

/** Time after start before the first drift evaluation, so activation stays cheap. */
const FIRST_EVALUATION_MS = 5000;

export function startQualityPanel(dw: Pick<HostServices, 'track' | 'store' | 'config' | 'context' | 'logger' | 'platform'>): QualityPanel {
  const clock = systemClock;
  const openPanel = (): Thenable<unknown> => vscode.commands.executeCommand(`${PANEL_VIEW_ID}.focus`);
  const monitor = dw.track(new DriftMonitor(dw.store, dw.config, dw.context.globalState, dw.logger, clock, openPanel, dw.platform.startDriftWorker?.(dw.context)));
  const source = new PanelDataSource(dw.store, clock);
  const deps: PanelDeps = {
    extensionUri: dw.context.extensionUri,
    workspaceState: dw.context.workspaceState,
    logger: dw.logger,
    clock,
    source,
    alerts: () => monitor.visibleAlerts(),
    dismissAlert: (key) => monitor.dismiss(key),
  };
  const provider = dw.track(new PanelViewProvider(deps));
  const dashboard = dw.track(new DashboardPanel(deps));
  dw.track(vscode.window.registerWebviewPanelSerializer(DASHBOARD_VIEW_TYPE, dashboard));
  dw.track(vscode.commands.registerCommand(OPEN_DASHBOARD_COMMAND, () => dashboard.open()));
  const statusBar = dw.track(new StatusBar(dw.store, dw.config, clock, () => monitor.visibleAlerts()));
  dw.track(vscode.window.registerWebviewViewProvider(PANEL_VIEW_ID, provider));
  dw.track(vscode.commands.registerCommand('driftwatch.openPanel', openPanel));
  const appended = dw.store.onDidAppend(() => {
    provider.refresh();
    dashboard.refresh();
  });
  dw.track({ dispose: () => appended.dispose() });
  dw.track(
    monitor.onDidChange(() => {
      provider.refresh();
      dashboard.refresh();
      statusBar.update();
    }),
  );
  dw.track(vscode.commands.registerCommand('driftwatch.openWalkthrough', () => openWalkthrough(dw.context.extension.id)));
  void welcomeOnFirstStart(dw.context, dw.store, dw.logger, openPanel, dw.config.value['welcome.onFirstStart']);
  const first = clock.setTimeout(() => void monitor.evaluate(), FIRST_EVALUATION_MS);
  dw.track({ dispose: () => clock.clearTimeout(first) });
  return { provider, monitor, statusBar, dashboard };
}
