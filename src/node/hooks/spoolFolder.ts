/**
 * The spool folder on disk: where the hook command drops one JSON file per agent event (written to a dot-file, then
 * renamed), and where the extension picks them up in name (= time) order, deletes what it consumed and moves what it
 * could not read aside into `rejected/`.
 */
import { createHash } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MAX_RECORD_BYTES } from '../../core/hooks/hookRecords.js';

/** One record read from the spool. */
export interface SpoolEntry {
  /** File name (sorts by time). */
  readonly name: string;
  /** Agent named by the hook command's argument (a hint; the content decides). */
  readonly agent: string;
  readonly text: string;
}

const RECORD_NAME = /^(\d+)-(\d+)-([a-z0-9-]+)\.json$/;
/** Dot-files older than this were left by a hook that was killed mid-write. */
const STALE_TMP_MS = 60_000;
/** Rejected files kept for inspection; older ones are deleted. */
const KEEP_REJECTED = 50;

export class SpoolFolder {
  readonly rejectedDir: string;

  constructor(readonly dir: string) {
    this.rejectedDir = path.join(dir, 'rejected');
  }

  async ensure(): Promise<void> {
    await mkdir(this.rejectedDir, { recursive: true });
  }

  /**
   * Reads every complete record (oldest first) and removes it from the spool, calling `onRecord` for each; a file
   * that cannot be read as a record is moved to `rejected/` and reported through `onBad`.
   */
  async drain(onRecord: (entry: SpoolEntry) => void, onBad: (name: string, reason: string) => void): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return 0; // folder removed: nothing to read
    }
    names.sort();
    let n = 0;
    for (const name of names) {
      if (name === 'rejected') continue;
      const full = path.join(this.dir, name);
      if (name.startsWith('.')) {
        await this.removeIfStale(full);
        continue;
      }
      const m = RECORD_NAME.exec(name);
      let text: string | undefined;
      let reason = 'unexpected file name';
      if (m) {
        try {
          const s = await stat(full);
          if (!s.isFile()) reason = 'not a file';
          else if (s.size > MAX_RECORD_BYTES) reason = `record too large (${s.size} bytes)`;
          else text = await readFile(full, 'utf8');
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue; // another window consumed it
          reason = `unreadable (${(err as NodeJS.ErrnoException).code ?? 'error'})`;
        }
      }
      if (text === undefined) {
        await this.reject(name, reason, onBad);
        continue;
      }
      try {
        await unlink(full);
      } catch {
        continue; // another window took it first
      }
      n++;
      onRecord({ name, agent: m![3]!, text });
    }
    return n;
  }

  /** Keeps a record that failed validation for inspection (the payload stays on this machine). */
  async keepRejected(name: string, text: string): Promise<void> {
    try {
      await writeFile(path.join(this.rejectedDir, name), text.slice(0, 1024 * 1024));
      await this.trimRejected();
    } catch {
      // best effort: the log line already names the reason
    }
  }

  private async reject(name: string, reason: string, onBad: (name: string, reason: string) => void): Promise<void> {
    onBad(name, reason);
    try {
      await rename(path.join(this.dir, name), path.join(this.rejectedDir, name));
      await this.trimRejected();
    } catch {
      await rm(path.join(this.dir, name), { force: true, recursive: true }).catch(() => undefined);
    }
  }

  private async trimRejected(): Promise<void> {
    const names = (await readdir(this.rejectedDir)).sort();
    for (const old of names.slice(0, Math.max(0, names.length - KEEP_REJECTED))) await rm(path.join(this.rejectedDir, old), { force: true });
  }

  private async removeIfStale(full: string): Promise<void> {
    try {
      const s = await stat(full);
      if (Date.now() - s.mtimeMs > STALE_TMP_MS) await rm(full, { force: true });
    } catch {
      // renamed meanwhile: it is a record now
    }
  }

  /** Calls `onChange` when files appear (fs.watch), plus every `pollMs` in case the watcher misses an event. */
  watch(onChange: () => void, pollMs = 1_000): { dispose(): void } {
    let watcher: FSWatcher | undefined;
    try {
      watcher = watch(this.dir, { persistent: false }, () => onChange());
      watcher.on('error', () => undefined);
    } catch {
      watcher = undefined; // polling alone still works
    }
    const timer = setInterval(onChange, pollMs);
    timer.unref?.();
    return {
      dispose: () => {
        watcher?.close();
        clearInterval(timer);
      },
    };
  }
}

/** The spool folder of one workspace folder, under the extension's global storage. */
export function spoolDirFor(globalStorage: string, workspaceFolderUri: string): string {
  const id = createHash('sha256').update(workspaceFolderUri).digest('hex').slice(0, 16);
  return path.join(globalStorage, 'spool', id);
}

/**
 * Copies the shipped hook command to a stable path under global storage: hook configurations keep working when the
 * extension updates (its install folder name carries the version). Returns the stable path.
 */
export async function installHookScript(extensionPath: string, globalStorage: string): Promise<string> {
  const source = path.join(extensionPath, 'dist', 'hooks', 'driftwatch-hook.sh');
  const target = path.join(globalStorage, 'hooks', 'driftwatch-hook.sh');
  await mkdir(path.dirname(target), { recursive: true });
  const [a, b] = await Promise.all([readFile(source), readFile(target).catch(() => undefined)]);
  if (!b || !a.equals(b)) {
    const tmp = `${target}.${process.pid}.tmp`;
    await copyFile(source, tmp);
    await rename(tmp, target);
  }
  return target;
}
