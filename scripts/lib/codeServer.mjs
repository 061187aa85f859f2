// Starts and stops one code-server (VS Code 1.139 server + web workbench) bound to 127.0.0.1 on a random port, with
// every directory it writes (HOME, XDG dirs, user data, extensions) under one folder the caller owns.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { URLSearchParams } from 'node:url';
import { ensureDeps } from './deps.mjs';
import { pollUntil, run, stopProcessGroup } from './proc.mjs';

/** Settings that keep a test editor quiet and deterministic. Callers may override or extend them. */
export const TEST_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  // The secondary side bar would otherwise open with the (disabled) chat view and squeeze the editor.
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.enableExperiments': false,
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  // Written in the form VS Code itself normalises to, so start-up does not rewrite settings.json under the tests.
  'extensions.autoUpdate': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.enabled': false,
  'security.workspace.trust.enabled': false,
  'window.restoreWindows': 'none',
  'files.hotExit': 'off',
  'editor.accessibilitySupport': 'off',
  // Driftwatch opens its walkthrough on a first start with an empty store; only the suite that tests it wants that.
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'driftwatch.welcome.onFirstStart': false,
};

/** Every directory of one code-server profile, derived from its root folder. */
export function profileDirs(root) {
  return {
    root,
    home: path.join(root, 'home'),
    userDataDir: path.join(root, 'user-data'),
    extensionsDir: path.join(root, 'extensions'),
    config: path.join(root, 'config.yaml'),
    log: path.join(root, 'code-server.log'),
  };
}

/** The Driftwatch global-storage folder (where the JSONL store lives) inside a profile. */
export function globalStorageDir(dirs, extensionId = 'driftwatch.driftwatch') {
  return path.join(dirs.userDataDir, 'User', 'globalStorage', extensionId);
}

function serverEnv(dirs, extra) {
  return {
    ...process.env,
    HOME: dirs.home,
    XDG_CONFIG_HOME: path.join(dirs.home, '.config'),
    XDG_DATA_HOME: path.join(dirs.home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(dirs.home, '.cache'),
    XDG_STATE_HOME: path.join(dirs.home, '.local', 'state'),
    // code-server reads these too; never let a developer's own values leak into a test profile.
    PASSWORD: '',
    HASHED_PASSWORD: '',
    VSCODE_PROXY_URI: '',
    ...extra,
  };
}

/** Creates the profile folders and merges `settings` into the profile's user settings.json. */
export async function prepareProfile(dirs, settings = {}) {
  for (const d of [dirs.home, path.join(dirs.userDataDir, 'User'), dirs.extensionsDir]) await mkdir(d, { recursive: true });
  // Options live on the command line; an explicit config file stops code-server from writing one into HOME.
  await writeFile(dirs.config, 'auth: none\n');
  const file = path.join(dirs.userDataDir, 'User', 'settings.json');
  let current = {};
  if (existsSync(file)) {
    try {
      current = JSON.parse(await readFile(file, 'utf8'));
    } catch {
      // A hand-edited settings.json with comments is left as the base only when it parses; otherwise start fresh.
      current = {};
    }
  }
  await writeFile(file, JSON.stringify({ ...current, ...settings }, null, 2) + '\n');
}

/** Installs a .vsix (or marketplace id) into the profile with code-server's own CLI; works while a server runs. */
export async function installExtension(dirs, vsix, { env = {} } = {}) {
  const { node24, codeServer } = await ensureDeps();
  const result = await run(
    node24,
    [codeServer, '--user-data-dir', dirs.userDataDir, '--extensions-dir', dirs.extensionsDir, '--config', dirs.config, '--force', '--install-extension', vsix],
    { env: serverEnv(dirs, env), capture: true },
  );
  if (result.code !== 0) throw new Error(`installing ${vsix} failed (exit ${result.code}): ${result.stdout.trim()}`);
}

/**
 * Starts code-server for a prepared profile and resolves once `/healthz` answers. `smokeTestDriver` makes the workbench
 * honour the `payload` URL parameter (extensionDevelopmentPath / extensionTestsPath) and expose the automation hooks.
 * The process is spawned detached (its own process group) so `stop()` can end every child it starts. `args` are
 * passed on to code-server as given (e.g. `--enable-proposed-api <extension id>`).
 */
export async function startCodeServer(dirs, { env = {}, smokeTestDriver = true, port = 0, log = () => {}, args: extraArgs = [] } = {}) {
  const { node24, codeServer } = await ensureDeps();
  const args = [
    codeServer,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir',
    dirs.userDataDir,
    '--extensions-dir',
    dirs.extensionsDir,
    '--config',
    dirs.config,
  ];
  if (smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  args.push(...extraArgs);
  const child = spawn(node24, args, { env: serverEnv(dirs, env), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const logFile = createWriteStream(dirs.log, { flags: 'a' });
  let exited = false;
  let exitInfo = '';
  child.on('exit', (code, signal) => {
    exited = true;
    exitInfo = signal ? `signal ${signal}` : `exit code ${code}`;
  });
  const url = await new Promise((resolve, reject) => {
    let buffered = '';
    const onData = (chunk) => {
      const text = chunk.toString();
      logFile.write(text);
      buffered += text;
      for (const line of text.split('\n')) if (line.trim()) log(line);
      const m = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)\/?/.exec(buffered);
      if (m) resolve(m[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('exit', () => reject(new Error(`code-server exited during start-up (${exitInfo}); see ${dirs.log}`)));
    setTimeout(() => reject(new Error(`code-server did not report its address within 60 s; see ${dirs.log}`)), 60_000).unref();
  });
  const healthy = await pollUntil(async () => {
    if (exited) return true;
    try {
      const res = await fetch(`${url}/healthz`);
      return res.ok;
    } catch {
      return false;
    }
  }, 30_000);
  if (!healthy || exited) {
    await stopProcessGroup(child.pid);
    throw new Error(`code-server at ${url} is not healthy (${exited ? exitInfo : 'no /healthz answer in 30 s'}); see ${dirs.log}`);
  }
  const authority = new URL(url).host;
  return {
    url,
    pid: child.pid,
    dirs,
    get exited() {
      return exited;
    },
    /** `vscode-remote://host:port/abs/path`, the form the workbench payload expects. */
    remoteUri: (absPath) => `vscode-remote://${authority}${absPath.split(path.sep).map(encodeURIComponent).join('/')}`,
    /**
     * The workbench URL for a folder, with a payload of `[key, absolutePath]` pairs (only ONE
     * extensionDevelopmentPath survives code-server's parsing).
     */
    workbenchUrl(folder, payload = []) {
      const params = new URLSearchParams();
      if (folder) params.set('folder', folder);
      if (payload.length > 0) params.set('payload', JSON.stringify(payload.map(([k, p]) => [k, this.remoteUri(p)])));
      return `${url}/?${params.toString()}`;
    },
    /** SIGTERM to the server first (extensions deactivate and flush), then the whole process group. */
    async stop() {
      await stopProcessGroup(child.pid);
      await new Promise((r) => logFile.end(r));
    },
  };
}
