/**
 * The one logger: a LogOutputChannel ("Driftwatch") with levels the user can change from the Output view. Under CI the
 * lines are echoed to the console too, so test runs show what the extension logged.
 */
import * as vscode from 'vscode';
import type { StoreLogger } from '../core/store/eventStore.js';

export interface Logger extends StoreLogger {
  debug(message: string): void;
  trace(message: string): void;
  show(): void;
}

export function createLogger(): Logger & vscode.Disposable {
  const channel = vscode.window.createOutputChannel('Driftwatch', { log: true });
  const echo = typeof process !== 'undefined' && !!process.env?.['CI'];
  const line = (level: string, message: string): void => {
    // eslint-disable-next-line no-console -- deliberate echo under CI only
    if (echo) console.log(`[driftwatch ${level}] ${message}`);
  };
  return {
    trace: (m) => channel.trace(m),
    debug: (m) => channel.debug(m),
    info: (m) => {
      channel.info(m);
      line('info', m);
    },
    warn: (m) => {
      channel.warn(m);
      line('warn', m);
    },
    error: (m) => {
      channel.error(m);
      line('error', m);
    },
    show: () => channel.show(true),
    dispose: () => channel.dispose(),
  };
}
