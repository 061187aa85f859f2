/**
 * Typed configuration. Settings are read once per change, parsed with zod; an invalid value falls back to its default
 * with one warning naming the setting, so a typo in settings.json never breaks capture.
 */
import * as vscode from 'vscode';
import { readConfig, type ConfigKey, type DriftwatchConfig } from '../core/config/settings.js';
import type { Logger } from './logger.js';

export type { ConfigKey, DriftwatchConfig };

export class ConfigService implements vscode.Disposable {
  private current: DriftwatchConfig;
  private readonly emitter = new vscode.EventEmitter<{ affects(key: ConfigKey): boolean }>();
  private readonly subscription: vscode.Disposable;
  /** Fires after settings under `driftwatch.` changed, with a predicate telling which. */
  readonly onDidChange = this.emitter.event;

  constructor(private readonly logger: Logger) {
    this.current = this.load();
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('driftwatch')) return;
      this.current = this.load();
      this.emitter.fire({ affects: (key) => e.affectsConfiguration(`driftwatch.${key}`) });
    });
  }

  get value(): DriftwatchConfig {
    return this.current;
  }

  private load(): DriftwatchConfig {
    const section = vscode.workspace.getConfiguration('driftwatch');
    return readConfig((k) => section.get(k), (m) => this.logger.warn(m));
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
