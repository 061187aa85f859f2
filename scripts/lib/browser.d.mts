// Types for browser.mjs, for TypeScript callers (the E2E session).
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';

export declare const CHROMIUM_ARGS: string[];
export declare function launchChromium(options?: { headless?: boolean }): Promise<Browser>;
export declare function consoleText(msg: ConsoleMessage): Promise<string>;
export declare function openWorkbench(
  browser: Browser,
  url: string,
  options?: { viewport?: { width: number; height: number }; timeoutMs?: number; beforeGoto?: (page: Page) => Promise<void> },
): Promise<{ context: BrowserContext; page: Page }>;
