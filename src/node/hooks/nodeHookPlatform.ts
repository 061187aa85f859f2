/** The Node implementation of the hook channel's platform needs. */
import type { HookPlatform } from '../../host/hooks/hookPlatform.js';
import { installHookScript, SpoolFolder, spoolDirFor } from './spoolFolder.js';

export const nodeHookPlatform: HookPlatform = {
  spoolFor: (globalStorage, folderUri) => new SpoolFolder(spoolDirFor(globalStorage, folderUri)),
  installHookScript,
  shell: '/bin/sh',
};
