/**
 * Bundled into a plain web page by browserUpload.test.ts: the extension's own upload transport (gzip with
 * CompressionStream, fetch with the bearer token), exposed to the test, as the web extension host runs it.
 */
import { httpTransport } from '../../src/core/team/httpTransport.js';
import type { QueueItem } from '../../src/core/team/uploadQueue.js';

(globalThis as unknown as Record<string, unknown>).driftwatchSend = async (endpoint: string, token: string, item: QueueItem): Promise<string> => {
  const send = httpTransport({ endpoint: () => endpoint, token: async () => token, now: () => Date.now() });
  try {
    return JSON.stringify(await send(item, new AbortController().signal));
  } catch (e) {
    return `threw: ${e instanceof Error ? e.message : String(e)}`;
  }
};
