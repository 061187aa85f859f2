// Types for proc.mjs, for TypeScript callers (the E2E session).
export declare const repoRoot: string;
export declare function run(
  cmd: string,
  args: string[],
  options?: { cwd?: string; env?: NodeJS.ProcessEnv; capture?: boolean | 'all'; input?: string },
): Promise<{ code: number; stdout: string; error?: Error }>;
export declare function groupAlive(pid: number): boolean;
export declare function pidAlive(pid: number): boolean;
export declare function pollUntil(check: () => boolean | Promise<boolean>, timeoutMs: number, intervalMs?: number): Promise<boolean>;
export declare function stopProcessGroup(pid: number | undefined, options?: { graceMs?: number; groupGraceMs?: number }): Promise<void>;
export declare function formatMs(ms: number): string;
