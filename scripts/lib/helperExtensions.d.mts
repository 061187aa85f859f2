// Types for helperExtensions.mjs, for TypeScript callers (the E2E session).
import type { ProfileDirs } from './codeServer.mjs';

export declare function helperExtensionDirs(): Promise<string[]>;
export declare function packageHelperExtensions(options?: { log?: (line: string) => void }): Promise<{ id: string; vsix: string }[]>;
export declare function installHelperExtensions(dirs: ProfileDirs, options?: { log?: (line: string) => void }): Promise<string[]>;
