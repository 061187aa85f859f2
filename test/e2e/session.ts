/**
 * One real editor per E2E suite: a code-server session on 127.0.0.1 with Driftwatch (the working tree, or a packaged
 * .vsix when `DRIFTWATCH_E2E_VSIX` names one), every helper extension from test/fixtures/extensions installed, a fresh
 * copy of test/fixtures/workspace, an optionally seeded store, and headless Chromium showing the workbench.
 *
 * A suite calls {@link useSession} once inside its `describe`; the session starts in `before` and stops in `after`
 * (SIGTERM first, so Driftwatch's `deactivate` flushes the store and tests can read it afterwards).
 *
 *   describe('panel', () => {
 *     const s = useSession({ seed: () => demoHistory({ days: 14, endTs: Date.now() }) });
 *     it('shows the score', async () => { await s.openDriftwatchView(); … });
 *   });
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Frame, FrameLocator, Page } from 'playwright-core';
import { saveArtifacts } from '../../scripts/lib/artifacts.mjs';
import { consoleText, launchChromium, openWorkbench } from '../../scripts/lib/browser.mjs';
import {
  globalStorageDir,
  installExtension,
  prepareProfile,
  profileDirs,
  startCodeServer,
  TEST_SETTINGS,
  type CodeServer,
  type ProfileDirs,
} from '../../scripts/lib/codeServer.mjs';
import { installHelperExtensions } from '../../scripts/lib/helperExtensions.mjs';
import { repoRoot } from '../../scripts/lib/proc.mjs';
import { DriftEvent } from '../../src/core/schema/events.js';
import { dayOf } from '../../src/core/time/day.js';

/** Screenshots and failure logs; scripts/run-e2e.mjs points runs against the packaged .vsix elsewhere. */
export const RESULTS_DIR = process.env['DRIFTWATCH_E2E_RESULTS'] ?? path.join(repoRoot, 'test-results', 'e2e');
export const EXTENSION_ID = 'driftwatch.driftwatch';

export interface SessionOptions {
  /**
   * Records written into the store before the editor starts, as Driftwatch itself would have written them (one JSONL
   * file per local day). Each is validated with the v1 zod schema; an invalid fixture fails the suite's `before`.
   */
  seed?: () => readonly unknown[] | Promise<readonly unknown[]>;
  /** Extra files for the workspace copy: workspace-relative path → content. */
  files?: Record<string, string>;
  /** User settings merged over the quiet test defaults. */
  settings?: Record<string, unknown>;
  /** Install the helper extensions from test/fixtures/extensions (default true). */
  helpers?: boolean;
  /** Workbench viewport (default 1400×900). */
  viewport?: { width: number; height: number };
}

/** Writes records into `<storeDir>/events/<day>.jsonl`, validated with the schema. Returns the days written. */
export async function seedStore(storeDir: string, records: readonly unknown[]): Promise<string[]> {
  const byDay = new Map<string, string[]>();
  records.forEach((raw, i) => {
    const parsed = DriftEvent.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`seed record #${i} is not a valid v1 record: ${issue ? `${issue.path.join('.')} ${issue.message}` : 'schema mismatch'}`);
    }
    const day = dayOf(parsed.data.ts, parsed.data.tz);
    const lines = byDay.get(day) ?? [];
    lines.push(JSON.stringify(parsed.data));
    byDay.set(day, lines);
  });
  const dir = path.join(storeDir, 'events');
  await mkdir(dir, { recursive: true });
  for (const [day, lines] of byDay) await writeFile(path.join(dir, `${day}.jsonl`), lines.join('\n') + '\n', { flag: 'a' });
  return [...byDay.keys()].sort();
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}

export class E2eSession {
  private tmp: string | undefined;
  private server: CodeServer | undefined;
  private browserInstance: Browser | undefined;
  private contextInstance: BrowserContext | undefined;
  private pageInstance: Page | undefined;
  private profile: ProfileDirs | undefined;
  private workspaceDir: string | undefined;
  /** Page console lines (extension-host output included), for assertions and failure reports. */
  readonly consoleLines: string[] = [];
  /** Ids of the helper extensions installed into this session. */
  helperIds: string[] = [];
  /** Days the seed wrote. */
  seededDays: string[] = [];

  constructor(private readonly options: SessionOptions = {}) {}

  get page(): Page {
    if (!this.pageInstance) throw new Error('the E2E session has not started (call useSession() inside describe)');
    return this.pageInstance;
  }

  get dirs(): ProfileDirs {
    if (!this.profile) throw new Error('the E2E session has not started');
    return this.profile;
  }

  /** The workspace folder open in the editor (a temp copy of test/fixtures/workspace). */
  get workspace(): string {
    if (!this.workspaceDir) throw new Error('the E2E session has not started');
    return this.workspaceDir;
  }

  /** Driftwatch's global storage folder: `events/<day>.jsonl` and `rollups/` live here. */
  get storeDir(): string {
    return globalStorageDir(this.dirs, EXTENSION_ID);
  }

  get url(): string {
    if (!this.server) throw new Error('the E2E session has not started');
    return this.server.url;
  }

  async start(): Promise<void> {
    this.tmp = await mkdtemp(path.join(os.tmpdir(), 'driftwatch-e2e-'));
    this.workspaceDir = path.join(this.tmp, 'workspace');
    await cp(path.join(repoRoot, 'test', 'fixtures', 'workspace'), this.workspaceDir, { recursive: true });
    for (const [rel, content] of Object.entries(this.options.files ?? {})) {
      const file = path.join(this.workspaceDir, rel);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, content);
    }
    this.profile = profileDirs(path.join(this.tmp, 'profile'));
    await prepareProfile(this.profile, { ...TEST_SETTINGS, ...this.options.settings });
    if (this.options.seed) this.seededDays = await seedStore(this.storeDir, await this.options.seed());
    if (this.options.helpers !== false) this.helperIds = await installHelperExtensions(this.profile);
    const vsix = process.env['DRIFTWATCH_E2E_VSIX'];
    if (vsix) await installExtension(this.profile, path.resolve(vsix));

    this.server = await startCodeServer(this.profile);
    this.browserInstance = await launchChromium();
    const payload: [string, string][] = vsix ? [] : [['extensionDevelopmentPath', repoRoot]];
    const { context, page } = await openWorkbench(this.browserInstance, this.server.workbenchUrl(this.workspaceDir, payload), {
      ...(this.options.viewport ? { viewport: this.options.viewport } : {}),
      beforeGoto: async (p) => {
        p.on('console', (msg) => {
          void consoleText(msg).then((t) => this.consoleLines.push(t));
        });
      },
    });
    this.contextInstance = context;
    this.pageInstance = page;
    await this.waitForDriftwatch();
  }

  /**
   * Waits until Driftwatch has activated: its view container is in the activity bar and its log says so. Both are
   * what a user would see first.
   */
  private async waitForDriftwatch(): Promise<void> {
    await this.activityBarItem().waitFor({ state: 'visible', timeout: 60_000 });
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if ((await this.driftwatchLog()).includes('activated in')) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('Driftwatch did not log its activation within 60 s');
  }

  /** The Driftwatch entry in the activity bar. */
  activityBarItem(): ReturnType<Page['locator']> {
    return this.page.locator('.activitybar a.action-label[class*="activity-workbench-view-extension-driftwatch"]');
  }

  /** Opens the Driftwatch view container in the side bar (a no-op when it is already open). */
  async openDriftwatchView(): Promise<void> {
    const sidebarTitle = this.page.locator('.part.sidebar .composite.title h2');
    if (/driftwatch/i.test((await sidebarTitle.textContent().catch(() => '')) ?? '')) return;
    await this.activityBarItem().click();
    await this.page.locator('.part.sidebar .composite.title h2', { hasText: /driftwatch/i }).waitFor({ timeout: 15_000 });
  }

  /**
   * The document inside Driftwatch's webview: VS Code nests it in two iframes (the host frame and `#active-frame`).
   * The host frame is matched by extension id, so other webviews (a Markdown preview, release notes) never interfere.
   * While Driftwatch's dashboard tab is open too this matches two frames: use {@link dashboardFrame} for the tab.
   */
  webview(extensionId = EXTENSION_ID): FrameLocator {
    return this.page.frameLocator(`iframe.webview.ready[src*="extensionId=${extensionId}"]`).frameLocator('#active-frame');
  }

  /**
   * The document inside Driftwatch's dashboard editor tab, found by what it says it is (`<body data-surface>`): the
   * frames of the side-bar view and the tab carry nothing else that tells them apart. Call again after the tab's page
   * is re-created (a reload, hidden and shown).
   */
  async dashboardFrame(timeoutMs = 45_000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      for (const frame of this.page.frames()) {
        if (frame.isDetached()) continue;
        const found = await frame
          .locator('body[data-surface="dashboard"]')
          .count()
          .catch(() => 0);
        if (found > 0) return frame;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`no Driftwatch dashboard frame within ${timeoutMs} ms`);
  }

  /** Runs a command from the command palette by its visible title (e.g. "Driftwatch: Show Logs"). */
  async runCommand(title: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await this.page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`>${title}`);
    const row = this.page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
    await row.waitFor({ state: 'visible', timeout: 10_000 });
    await row.click();
    await input.waitFor({ state: 'hidden', timeout: 10_000 });
  }

  /** Text of Driftwatch's output-channel log file (what "Show Logs" displays). */
  async driftwatchLog(): Promise<string> {
    const logs = path.join(this.dirs.userDataDir, 'logs');
    if (!existsSync(logs)) return '';
    const files = (await readdir(logs, { recursive: true, encoding: 'utf8' })).filter((f) => f.endsWith(path.join(EXTENSION_ID, 'Driftwatch.log')));
    const texts = await Promise.all(files.map((f) => readFile(path.join(logs, f), 'utf8').catch(() => '')));
    return texts.join('');
  }

  /** Every stored record (parsed JSONL lines) in the store folder, in day order. */
  async storedRecords(): Promise<Record<string, unknown>[]> {
    const dir = path.join(this.storeDir, 'events');
    if (!existsSync(dir)) return [];
    const out: Record<string, unknown>[] = [];
    for (const f of (await readdir(dir)).filter((n) => n.endsWith('.jsonl')).sort()) {
      for (const line of (await readFile(path.join(dir, f), 'utf8')).split('\n')) {
        if (line.trim() === '') continue;
        try {
          out.push(JSON.parse(line) as Record<string, unknown>);
        } catch {
          // a torn line is the store's business; callers see the valid records
        }
      }
    }
    return out;
  }

  /** Saves a full-page screenshot as test-results/e2e/<name>.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    await mkdir(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, `${slug(name)}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /**
   * Stops the editor: SIGTERM to code-server (extensions deactivate and flush), then its process group, then the
   * browser. The profile stays readable until {@link dispose}; `storedRecords()` works after `stop()`.
   */
  async stop(): Promise<void> {
    // Server first, while the page is still connected: closing the page alone would already end the extension host
    // gracefully, so stopping in this order is what proves SIGTERM (Ctrl+C in `npm start`) lets Driftwatch flush.
    await this.server?.stop();
    this.server = undefined;
    await this.contextInstance?.close().catch(() => {});
    await this.browserInstance?.close().catch(() => {});
    this.contextInstance = undefined;
    this.browserInstance = undefined;
    this.pageInstance = undefined;
  }

  /** Deletes the temp profile and workspace (after copying logs to test-results when `keepLogs`). */
  async dispose(keepLogs: boolean): Promise<void> {
    await this.stop();
    if (keepLogs && this.profile) await saveArtifacts(this.profile, path.join(RESULTS_DIR, 'logs'));
    if (this.tmp && process.env['DRIFTWATCH_KEEP'] !== '1') await rm(this.tmp, { recursive: true, force: true });
  }
}

/**
 * Registers `before`/`after` hooks in the calling suite that start one session for all its tests and stop it. A
 * failing test leaves a screenshot (test-results/e2e/failed-<test>.png); a failing suite keeps the editor's logs.
 */
export function useSession(options: SessionOptions = {}): E2eSession {
  const session = new E2eSession(options);
  let failed = false;
  before(async function () {
    this.timeout(240_000);
    try {
      await session.start();
    } catch (err) {
      failed = true;
      await session.screenshot('failed-session-start').catch(() => {});
      throw err;
    }
  });
  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    failed = true;
    await session.screenshot(`failed-${this.currentTest.fullTitle()}`).catch(() => {});
  });
  after(async function () {
    this.timeout(60_000);
    await session.dispose(failed);
  });
  return session;
}
