/** What the OTLP receiver needs from a Node extension host (the web host has none). */
import type { SignalRecord } from '../../core/capture/decisionLinker.js';

export interface RunningReceiver {
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
}

export interface ReceiverPlatform {
  /**
   * Starts the loopback receiver; `onRecords` gets the Driftwatch records mapped from each accepted batch, `skip`
   * says an assistant's decisions come from a more precise channel already.
   */
  start(options: {
    port: number;
    token: string;
    skip: (assistant: string) => boolean;
    onRecords: (records: SignalRecord[], ignored: number, notes: string[]) => void;
    log: { warn(message: string): void; debug(message: string): void };
  }): Promise<RunningReceiver>;
  /** A random token (hex, 32 bytes). */
  newToken(): string;
}
