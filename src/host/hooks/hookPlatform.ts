/** What the agent-hook channel needs from a Node extension host (the web host has no hooks). */

/** One spool folder (see src/node/hooks/spoolFolder.ts). */
export interface SpoolSource {
  readonly dir: string;
  ensure(): Promise<void>;
  drain(onRecord: (entry: { name: string; agent: string; text: string }) => void, onBad: (name: string, reason: string) => void): Promise<number>;
  keepRejected(name: string, text: string): Promise<void>;
  watch(onChange: () => void, pollMs?: number): { dispose(): void };
}

export interface HookPlatform {
  /** The spool folder of a workspace folder, under global storage. */
  spoolFor(globalStorage: string, workspaceFolderUri: string): SpoolSource;
  /** Installs the shipped hook command at a stable path; returns that path. */
  installHookScript(extensionPath: string, globalStorage: string): Promise<string>;
  /** Absolute path of the POSIX shell that runs the hook command. */
  readonly shell: string;
}
