/**
 * Typed configuration. Settings are read once per change, parsed with zod; an invalid value falls back to its default
 * with one warning naming the setting, so a typo in settings.json never breaks capture.
 */
import * as vscode from 'vscode';
import { effectiveValue, readConfig, RESTRICTED_IN_UNTRUSTED_WORKSPACES, type ConfigKey, type DriftwatchConfig } from '../core/config/settings.js';
import type { Logger } from './logger.js';

export type { ConfigKey, DriftwatchConfig };

export class ConfigService implements vscode.Disposable {
  private current: DriftwatchConfig;
  private readonly emitter = new vscode.EventEmitter<{ affects(key: ConfigKey): boolean }>();
  private readonly subscription: vscode.Disposable;
  private readonly trustSubscription: vscode.Disposable;
  /** Restricted settings whose workspace value was ignored (logged once each while untrusted). */
  private readonly ignoredLogged = new Set<string>();
  /** Fires after settings under `driftwatch.` changed, with a predicate telling which. */
  readonly onDidChange = this.emitter.event;

  constructor(private readonly logger: Logger) {
    this.current = this.load();
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('driftwatch')) return;
      this.current = this.load();
      this.emitter.fire({ affects: (key) => e.affectsConfiguration(`driftwatch.${key}`) });
    });
    // Trusting the workspace lets its values of the restricted settings apply: re-read, and say which may change.
    this.trustSubscription = vscode.workspace.onDidGrantWorkspaceTrust(() => {
      this.current = this.load();
      this.emitter.fire({ affects: (key) => (RESTRICTED_IN_UNTRUSTED_WORKSPACES as readonly string[]).includes(key) });
    });
  }

  get value(): DriftwatchConfig {
    return this.current;
  }

  private load(): DriftwatchConfig {
    const section = vscode.workspace.getConfiguration('driftwatch');
    const trusted = vscode.workspace.isTrusted;
    return readConfig(
      (k) => {
        const { value, ignoredWorkspaceValue } = effectiveValue(k, section.inspect(k), trusted);
        if (ignoredWorkspaceValue && !this.ignoredLogged.has(k)) {
          this.ignoredLogged.add(k);
          this.logger.info(`setting driftwatch.${k}: the workspace's value is ignored until you trust this workspace`);
        }
        return value;
      },
      (m) => this.logger.warn(m),
    );
  }

  dispose(): void {
    this.subscription.dispose();
    this.trustSubscription.dispose();
    this.emitter.dispose();
  }
}
