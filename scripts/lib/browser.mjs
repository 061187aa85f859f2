// Launches Debian's Chromium through playwright-core (Playwright's own browser downloads do not work offline) and
// opens the VS Code workbench in it.
import { chromium } from 'playwright-core';
import { ensureDeps } from './deps.mjs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** A headless Chromium. `headless: false` is for debugging on a machine with a display. */
export async function launchChromium({ headless = process.env.DRIFTWATCH_HEADED !== '1' } = {}) {
  const { chromium: executablePath } = await ensureDeps();
  return chromium.launch({ executablePath, headless, args: CHROMIUM_ARGS });
}

/**
 * Extension-host output reaches the page console printf-style (`%c[Extension Host] %c…`, styles as extra arguments).
 * Returns the text of the console message without the style arguments and `%c` markers.
 */
export async function consoleText(msg) {
  const args = msg.args();
  if (args.length === 0) return msg.text();
  const first = String(await args[0].jsonValue().catch(() => msg.text()));
  if (!first.includes('%c')) return msg.text();
  // Each %c consumes one following argument (a CSS string); what remains are the logged values.
  const styles = (first.match(/%c/g) ?? []).length;
  const rest = [];
  for (const a of args.slice(1 + styles)) rest.push(String(await a.jsonValue().catch(() => '')));
  return [first.replace(/%c/g, ''), ...rest].join(' ');
}

/** Opens `url` in a new page of `browser` and waits until the workbench has rendered. */
export async function openWorkbench(browser, url, { viewport = { width: 1400, height: 900 }, timeoutMs = 90_000, beforeGoto } = {}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  if (beforeGoto) await beforeGoto(page);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
  await page.waitForSelector('.monaco-workbench', { timeout: timeoutMs });
  return { context, page };
}
