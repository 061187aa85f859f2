// Test-only helper extensions (test/fixtures/extensions/<name>/, each with a package.json) are packaged as .vsix files
// and installed into a test profile: code-server keeps only ONE extensionDevelopmentPath from the URL payload, and
// that one is Driftwatch itself.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { installExtension } from './codeServer.mjs';
import { repoRoot, run } from './proc.mjs';

const FIXTURES = path.join(repoRoot, 'test', 'fixtures', 'extensions');
const OUT = path.join(repoRoot, 'out', 'test', 'extensions');
const VSCE = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');

async function newestMtime(dir) {
  let newest = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath ?? entry.path, entry.name);
    if (full.includes(`${path.sep}node_modules${path.sep}`)) continue;
    newest = Math.max(newest, (await stat(full)).mtimeMs);
  }
  return newest;
}

/** Folders under test/fixtures/extensions that hold an extension manifest. */
export async function helperExtensionDirs() {
  if (!existsSync(FIXTURES)) return [];
  const out = [];
  for (const entry of await readdir(FIXTURES, { withFileTypes: true })) {
    if (entry.isDirectory() && existsSync(path.join(FIXTURES, entry.name, 'package.json'))) out.push(path.join(FIXTURES, entry.name));
  }
  return out.sort();
}

/**
 * Packages every helper extension with vsce (offline), reusing a .vsix newer than its sources. Returns
 * `[{ id, vsix }]`. A helper that fails to package is reported and skipped, so one broken fixture names itself
 * instead of hiding every other suite's helpers.
 */
export async function packageHelperExtensions({ log = console.log } = {}) {
  const dirs = await helperExtensionDirs();
  if (dirs.length === 0) return [];
  await mkdir(OUT, { recursive: true });
  const packaged = [];
  for (const dir of dirs) {
    const manifest = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8'));
    const id = `${manifest.publisher}.${manifest.name}`;
    const vsix = path.join(OUT, `${id}.vsix`);
    try {
      if (!existsSync(vsix) || (await stat(vsix)).mtimeMs < (await newestMtime(dir))) {
        // A child process, so vsce's file listing stays out of test output unless packaging fails.
        const r = await run(
          process.execPath,
          [VSCE, 'package', '--no-dependencies', '--allow-missing-repository', '--allow-star-activation', '--skip-license', '--out', vsix],
          { cwd: dir, capture: 'all' },
        );
        if (r.code !== 0) throw new Error(`vsce exited with code ${r.code}: ${r.stdout.trim().split('\n').slice(-5).join(' | ')}`);
        log(`[helpers] packaged ${path.relative(repoRoot, dir)} → ${path.relative(repoRoot, vsix)}`);
      }
      packaged.push({ id, vsix });
    } catch (err) {
      log(`[helpers] could not package ${path.relative(repoRoot, dir)}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return packaged;
}

/** Packages (when needed) and installs every helper extension into a code-server profile. Returns the ids installed. */
export async function installHelperExtensions(dirs, { log = console.log } = {}) {
  const helpers = await packageHelperExtensions({ log });
  for (const h of helpers) await installExtension(dirs, h.vsix);
  return helpers.map((h) => h.id);
}
