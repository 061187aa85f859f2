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
/** Spool files read concurrently. */
const DRAIN_BATCH = 32;

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
    // Files are read a batch at a time (the disk works in parallel) and handed on strictly in name (= time) order.
    for (let i = 0; i < names.length; i += DRAIN_BATCH) {
      const batch = await Promise.all(names.slice(i, i + DRAIN_BATCH).map((name) => this.take(name)));
      for (const item of batch) {
        if (item === undefined) continue;
        if ('reason' in item) {
          await this.reject(item.name, item.reason, onBad);
          continue;
        }
        n++;
        onRecord(item);
      }
    }
    return n;
  }

  /** Reads and removes one spool file; undefined when it is not (or no longer) a record to hand on. */
  private async take(name: string): Promise<SpoolEntry | { name: string; reason: string } | undefined> {
    if (name === 'rejected') return undefined;
    const full = path.join(this.dir, name);
    if (name.startsWith('.')) {
      await this.removeIfStale(full);
      return undefined;
    }
    const m = RECORD_NAME.exec(name);
    if (!m) return { name, reason: 'unexpected file name' };
    let text: string;
    try {
      const s = await stat(full);
      if (!s.isFile()) return { name, reason: 'not a file' };
      if (s.size > MAX_RECORD_BYTES) return { name, reason: `record too large (${s.size} bytes)` };
      text = await readFile(full, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined; // another window consumed it
      return { name, reason: `unreadable (${(err as NodeJS.ErrnoException).code ?? 'error'})` };
    }
    try {
      await unlink(full);
    } catch {
      return undefined; // another window took it first
    }
    return { name, agent: m[3]!, text };
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
