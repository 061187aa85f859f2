/**
 * Store backend for Node hosts (desktop, remote, code-server) and the CLI: JSONL files under `<root>/events/`, one per
 * local day PER WRITER (`<day>.<writer>.jsonl`; each opened store is a writer with a random id), so two windows
 * appending to one store never share a file and each can fingerprint exactly what it folded into its rollups. Older
 * single-file stores (`<day>.jsonl`) are read as one more partition of the day. Rollups are one JSON document per
 * month under `<root>/rollups/`, written atomically (tmp + rename).
 *
 * Reading is defensive: a partition that is not a regular file (a directory, a FIFO, a device), a link that leads
 * out of the store folder, or a line longer than the line limit is refused without reading it into memory.
 */
import { randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { lstat, type FileHandle, mkdir, open, readdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PartitionRef, StoreBackend, StoredLine } from '../core/store/eventStore.js';
import { isDay, type Day } from '../core/time/day.js';

/** Longest line read back (bytes). Records are a few hundred bytes; code text is capped far below this by capture. */
export const DEFAULT_MAX_LINE_BYTES = 64 * 1024 * 1024;
/** Largest rollup month document read back; a month of rollups is tens of kilobytes. */
const MAX_ROLLUP_BYTES = 64 * 1024 * 1024;
const PARTITION_NAME = /^(\d{4}-\d{2}-\d{2})(?:\.([a-z0-9-]{1,40}))?\.jsonl$/;

export interface JsonlBackendOptions {
  /** This writer's id (lower-case letters, digits, `-`); random by default, so no two live windows share one. */
  writerId?: string;
  maxLineBytes?: number;
}

/** A problem with one stored file, phrased for the log line. */
export class PartitionReadError extends Error {}

export class JsonlBackend implements StoreBackend {
  readonly location: string;
  readonly writerId: string;
  private readonly eventsDir: string;
  private readonly rollupsDir: string;
  private readonly maxLineBytes: number;
  private dirsReady: Promise<void> | undefined;
  /** Files this writer created or appended to and knows end with a newline. */
  private readonly cleanTail = new Set<string>();

  constructor(
    private readonly root: string,
    options: JsonlBackendOptions = {},
  ) {
    this.location = root;
    this.eventsDir = path.join(root, 'events');
    this.rollupsDir = path.join(root, 'rollups');
    this.writerId = options.writerId ?? `${process.pid.toString(36)}-${randomBytes(4).toString('hex')}`;
    if (!/^[a-z0-9-]{1,40}$/.test(this.writerId)) throw new Error(`invalid writer id "${this.writerId}"`);
    this.maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  }

  private ensureDirs(): Promise<void> {
    this.dirsReady ??= Promise.all([mkdir(this.eventsDir, { recursive: true }), mkdir(this.rollupsDir, { recursive: true })]).then(
      () => undefined,
      (err: unknown) => {
        this.dirsReady = undefined;
        throw err;
      },
    );
    return this.dirsReady;
  }

  /** This writer's file for a day. */
  dayFile(day: Day): string {
    return path.join(this.eventsDir, `${day}.${this.writerId}.jsonl`);
  }

  async appendLines(day: Day, lines: readonly string[]): Promise<{ partition: string; fingerprint: string }> {
    await this.ensureDirs();
    const file = this.dayFile(day);
    const fh = await open(file, fsConstants.O_RDWR | fsConstants.O_APPEND | fsConstants.O_CREAT | (fsConstants.O_NOFOLLOW ?? 0), 0o644);
    try {
      const { size } = await fh.stat();
      // A previous write cut short (crash) may have left a line without its newline: start on a fresh line so the
      // partial line stays one corrupt line instead of swallowing the first new record.
      let prefix = '';
      if (size > 0 && !this.cleanTail.has(file)) {
        const buf = Buffer.alloc(1);
        await fh.read(buf, 0, 1, size - 1);
        if (buf[0] !== 0x0a) prefix = '\n';
      }
      const data = Buffer.from(prefix + lines.join('\n') + '\n', 'utf8');
      try {
        await fh.appendFile(data);
      } catch (err) {
        // A write that failed part-way (disk full) must leave no partial batch behind: the store retries the whole
        // batch later, and the records must then be on disk exactly once.
        this.cleanTail.delete(file);
        await fh.truncate(size).catch(() => undefined);
        throw err;
      }
      this.cleanTail.add(file);
      return { partition: path.basename(file), fingerprint: String(size + data.length) };
    } finally {
      await fh.close();
    }
  }

  async listPartitions(): Promise<PartitionRef[]> {
    let names: string[];
    try {
      names = await readdir(this.eventsDir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new PartitionReadError(`cannot read ${this.eventsDir}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    }
    const out: PartitionRef[] = [];
    for (const name of names) {
      const m = PARTITION_NAME.exec(name);
      if (m?.[1] && isDay(m[1])) out.push({ day: m[1], name });
    }
    return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  async partitionFingerprint(partition: PartitionRef): Promise<string> {
    try {
      const file = this.fileOf(partition);
      const s = await lstat(file);
      // Append-only files: the size says whether anything was added. Anything but a file gets a fixed odd marker.
      if (s.isFile()) return String(s.size);
      if (!s.isSymbolicLink()) return 'not-a-file';
      const t = await stat(file);
      return t.isFile() ? `link:${t.size}` : 'link:not-a-file';
    } catch {
      return 'missing';
    }
  }

  private fileOf(partition: PartitionRef): string {
    if (!PARTITION_NAME.test(partition.name)) throw new PartitionReadError(`not a partition name: ${partition.name}`);
    return path.join(this.eventsDir, partition.name);
  }

  /**
   * Opens a partition for reading, refusing anything that could hang, exhaust memory or leak another file: only a
   * regular file, directly in the store or behind a link that stays inside the store folder.
   */
  private async openPartition(partition: PartitionRef): Promise<FileHandle | undefined> {
    let file = this.fileOf(partition);
    let info;
    try {
      info = await lstat(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined; // deleted meanwhile (retention)
      throw new PartitionReadError(`cannot read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    }
    if (info.isSymbolicLink()) {
      const [target, rootReal] = await Promise.all([realpath(file).catch(() => undefined), realpath(this.root)]);
      if (target === undefined) throw new PartitionReadError('a link to nothing');
      const rel = path.relative(rootReal, target);
      if (rel.startsWith('..') || path.isAbsolute(rel)) throw new PartitionReadError('a link that leads out of the store folder (not followed)');
      file = target;
    }
    // O_NONBLOCK: opening a FIFO for reading must not wait for a writer; O_NOFOLLOW: no link swapped in meanwhile.
    const flags = fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0) | (fsConstants.O_NOFOLLOW ?? 0);
    let fh;
    try {
      fh = await open(file, flags);
    } catch (err) {
      throw new PartitionReadError(`cannot read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    }
    const s = await fh.stat();
    if (!s.isFile()) {
      await fh.close();
      const kind = s.isDirectory() ? 'a directory' : s.isFIFO() ? 'a FIFO' : s.isCharacterDevice() || s.isBlockDevice() ? 'a device' : s.isSocket() ? 'a socket' : 'not a regular file';
      throw new PartitionReadError(`${kind}, not a day file`);
    }
    return fh;
  }

  async *readLines(partition: PartitionRef): AsyncIterable<StoredLine> {
    const fh = await this.openPartition(partition);
    if (!fh) return;
    try {
      yield* splitLines(readChunks(fh), this.maxLineBytes);
    } finally {
      await fh.close();
    }
  }

  async deleteDay(day: Day): Promise<void> {
    for (const p of await this.listPartitions()) {
      if (p.day === day) await rm(path.join(this.eventsDir, p.name), { force: true });
    }
  }

  async loadRollupMonths(): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    let names: string[];
    try {
      names = await readdir(this.rollupsDir);
    } catch {
      return out;
    }
    for (const n of names) {
      const m = /^(\d{4}-\d{2})\.json$/.exec(n);
      if (!m?.[1]) continue;
      const file = path.join(this.rollupsDir, n);
      // A rollup that is not a small regular file is ignored; the store re-derives that month from raw events.
      const s = await lstat(file).catch(() => undefined);
      if (!s?.isFile() || s.size > MAX_ROLLUP_BYTES) continue;
      const text = await readFile(file, 'utf8').catch(() => undefined);
      if (text !== undefined) out.set(m[1], text);
    }
    return out;
  }

  async saveRollupMonth(month: string, json: string): Promise<void> {
    await this.ensureDirs();
    const target = path.join(this.rollupsDir, `${month}.json`);
    const tmp = `${target}.${this.writerId}.tmp`;
    await writeFile(tmp, json, 'utf8');
    await rename(tmp, target);
  }

  async deleteRollupMonth(month: string): Promise<void> {
    await rm(path.join(this.rollupsDir, `${month}.json`), { force: true });
  }
}

/** The file's bytes in chunks, read through the handle that passed the checks. */
async function* readChunks(fh: FileHandle): AsyncGenerator<Buffer> {
  for (;;) {
    const buf = Buffer.allocUnsafe(256 * 1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, null);
    if (bytesRead === 0) return;
    yield buf.subarray(0, bytesRead);
  }
}

/**
 * Splits a byte stream into lines without ever holding more than `maxLineBytes` of one line: a longer line is
 * skipped to its newline and reported as a marker (a 1 GiB line, or a link to `/dev/zero` that got past the checks,
 * cannot build a string past V8's limit). A trailing `\r` is removed.
 */
export async function* splitLines(stream: AsyncIterable<Buffer | string>, maxLineBytes: number): AsyncGenerator<StoredLine> {
  let parts: Buffer[] = [];
  let length = 0;
  let skipping = false;
  let skippedBytes = 0;
  const finish = (): StoredLine => {
    let out: StoredLine;
    if (skipping) out = { skipped: `line of ${skippedBytes} bytes is longer than the ${maxLineBytes}-byte limit` };
    else {
      const text = Buffer.concat(parts, length).toString('utf8');
      out = text.endsWith('\r') ? text.slice(0, -1) : text;
    }
    parts = [];
    length = 0;
    skipping = false;
    skippedBytes = 0;
    return out;
  };
  for await (const raw of stream) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
    let start = 0;
    while (start <= chunk.length) {
      const nl = chunk.indexOf(0x0a, start);
      const end = nl === -1 ? chunk.length : nl;
      // Fast path (almost every line): the whole line lies in this chunk and fits the limit — decode it in place.
      if (nl !== -1 && length === 0 && !skipping && end - start <= maxLineBytes) {
        const text = chunk.toString('utf8', start, end);
        yield text.endsWith('\r') ? text.slice(0, -1) : text;
        start = nl + 1;
        continue;
      }
      const piece = chunk.subarray(start, end);
      if (skipping) skippedBytes += piece.length;
      else if (length + piece.length > maxLineBytes) {
        skipping = true;
        skippedBytes = length + piece.length;
        parts = [];
        length = 0;
      } else if (piece.length > 0) {
        // Copy: the source may reuse its buffer.
        parts.push(Buffer.from(piece));
        length += piece.length;
      }
      if (nl === -1) break;
      yield finish();
      start = nl + 1;
    }
  }
  if (length > 0 || skipping) yield finish();
}
