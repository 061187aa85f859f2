// A Driftwatch build that declares the proposed API it can use (`enabledApiProposals`). The repository's package.json
// does not declare it: the Marketplace refuses extensions that do, and stable VS Code logs an error for them unless
// started with `--enable-proposed-api driftwatch.driftwatch`. This stages the shipped files (what .vscodeignore
// allows) with a manifest that declares the proposals, for `npm run package:proposed` and for the integration tests
// (code-server grants declared proposals to every extension).
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from './proc.mjs';

/** Proposals Driftwatch feature-detects and uses when granted. */
export const PROPOSALS = ['textDocumentChangeReason'];

/** Top-level entries the extension needs at run time (dist bundles every dependency). */
const SHIPPED = ['dist', 'media', 'docs', 'README.md', 'CHANGELOG.md', 'LICENSE', 'telemetry.json', '.vscodeignore'];

/** Copies the built extension to `dir` with a manifest declaring {@link PROPOSALS}; returns `dir`. */
export async function stageProposedExtension(dir) {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const entry of SHIPPED) {
    await cp(path.join(repoRoot, entry), path.join(dir, entry), { recursive: true, force: true }).catch((err) => {
      if (err.code !== 'ENOENT') throw err;
    });
  }
  const manifest = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8'));
  manifest.enabledApiProposals = [...new Set([...(manifest.enabledApiProposals ?? []), ...PROPOSALS])];
  await writeFile(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return dir;
}
