/**
 * Finds lintable source files under the paths given to `driftwatch lint`, the way git would list them: `.gitignore`
 * files (the repository's, from its root down, and nested ones) are honoured with the `ignore` package (git's
 * pattern semantics, maintained, used by ESLint and Prettier), `.git` itself is never entered, and symlinked folders
 * are not followed (no cycles).
 */
import { existsSync } from 'node:fs';
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { languageForFileName } from '../core/lint/languages.js';

interface Rules {
  /** Folder the patterns are relative to. */
  readonly base: string;
  readonly ig: Ignore;
}

async function rulesIn(dir: string): Promise<Rules | undefined> {
  const file = path.join(dir, '.gitignore');
  try {
    return { base: dir, ig: ignore().add(await readFile(file, 'utf8')) };
  } catch {
    return undefined;
  }
}

function ignored(rules: readonly Rules[], full: string, isDir: boolean): boolean {
  for (const r of rules) {
    const rel = path.relative(r.base, full).split(path.sep).join('/');
    if (!rel || rel.startsWith('..')) continue;
    if (r.ig.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}

/** The repository root above `dir` (a folder holding `.git`), or undefined. */
function repoRoot(dir: string): string | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    if (existsSync(path.join(d, '.git'))) return d;
    if (path.dirname(d) === d) return undefined;
  }
}

/** `.gitignore` rules that apply inside `dir` from its ancestors up to the repository root. */
async function inheritedRules(dir: string): Promise<Rules[]> {
  const root = repoRoot(dir);
  if (!root) return [];
  const chain: string[] = [];
  for (let d = path.dirname(dir); d.length >= root.length; d = path.dirname(d)) {
    chain.unshift(d);
    if (d === root) break;
  }
  return (await Promise.all(chain.map(rulesIn))).filter((r): r is Rules => !!r);
}

export interface SourceFile {
  readonly path: string;
  readonly languageId: string;
}

/**
 * Lists lintable files (by extension) for the given paths. A file named explicitly is included even when ignored;
 * a missing path rejects with an Error naming it.
 */
export async function findSourceFiles(paths: readonly string[]): Promise<SourceFile[]> {
  const out: SourceFile[] = [];
  const seen = new Set<string>();
  const add = (file: string): void => {
    const languageId = languageForFileName(file);
    if (!languageId || seen.has(file)) return;
    seen.add(file);
    out.push({ path: file, languageId });
  };
  for (const given of paths) {
    const full = path.resolve(given);
    let st;
    try {
      st = await lstat(full);
    } catch {
      throw new Error(`no such file or folder: ${given}`);
    }
    if (st.isFile()) {
      add(full);
      continue;
    }
    if (!st.isDirectory()) continue;
    const walk = async (dir: string, rules: Rules[]): Promise<void> => {
      const own = await rulesIn(dir);
      const active = own ? [...rules, own] : rules;
      const entries = await readdir(dir, { withFileTypes: true });
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const e of entries) {
        const child = path.join(dir, e.name);
        if (e.isDirectory()) {
          if (e.name === '.git' || ignored(active, child, true)) continue;
          await walk(child, active);
        } else if (e.isFile() && !ignored(active, child, false)) add(child);
      }
    };
    await walk(full, await inheritedRules(full));
  }
  return out;
}
