// Types for artifacts.mjs, for TypeScript callers (the E2E session).
import type { ProfileDirs } from './codeServer.mjs';

export declare function saveArtifacts(dirs: ProfileDirs, target: string): Promise<void>;
