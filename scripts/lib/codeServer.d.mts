// Types for codeServer.mjs, for TypeScript callers (the E2E session).
export declare const TEST_SETTINGS: Record<string, unknown>;

export interface ProfileDirs {
  root: string;
  home: string;
  userDataDir: string;
  extensionsDir: string;
  config: string;
  log: string;
}

export interface CodeServer {
  readonly url: string;
  readonly pid: number;
  readonly dirs: ProfileDirs;
  readonly exited: boolean;
  remoteUri(absPath: string): string;
  workbenchUrl(folder: string | undefined, payload?: [string, string][]): string;
  stop(): Promise<void>;
}

export declare function profileDirs(root: string): ProfileDirs;
export declare function globalStorageDir(dirs: ProfileDirs, extensionId?: string): string;
export declare function prepareProfile(dirs: ProfileDirs, settings?: Record<string, unknown>): Promise<void>;
export declare function installExtension(dirs: ProfileDirs, vsix: string, options?: { env?: Record<string, string> }): Promise<void>;
export declare function startCodeServer(
  dirs: ProfileDirs,
  options?: { env?: Record<string, string>; smokeTestDriver?: boolean; port?: number; log?: (line: string) => void; args?: string[] },
): Promise<CodeServer>;
