/**
 * Store backend for Node hosts (desktop, remote, code-server) and the CLI: one JSONL file per local day under
 * `<root>/events/`, rollups as one JSON document per month under `<root>/rollups/`, written atomically (tmp + rename).
 */
import { createReadStream } from 'node:fs';
import { appendFile, mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { StoreBackend } from '../core/store/eventStore.js';
import { isDay, type Day } from '../core/time/day.js';

export class JsonlBackend implements StoreBackend {
  readonly location: string;
  private readonly eventsDir: string;
  private readonly rollupsDir: string;
  private dirsReady: Promise<void> | undefined;

  constructor(root: string) {
    this.location = root;
    this.eventsDir = path.join(root, 'events');
    this.rollupsDir = path.join(root, 'rollups');
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

  dayFile(day: Day): string {
    return path.join(this.eventsDir, `${day}.jsonl`);
  }

  async appendLines(day: Day, lines: readonly string[]): Promise<void> {
    await this.ensureDirs();
    const file = this.dayFile(day);
    // A previous write cut short (crash, full disk) may have left a line without its newline: start on a fresh line
    // so the partial line stays one corrupt line instead of swallowing the first new record.
    let prefix = '';
    try {
      const s = await stat(file);
      if (s.size > 0) {
        const fh = await open(file, 'r');
        try {
          const buf = Buffer.alloc(1);
          await fh.read(buf, 0, 1, s.size - 1);
          if (buf[0] !== 0x0a) prefix = '\n';
        } finally {
          await fh.close();
        }
      }
    } catch {
      // no file yet
    }
    await appendFile(file, prefix + lines.join('\n') + '\n', 'utf8');
  }

  async *readLines(day: Day): AsyncIterable<string> {
    const file = this.dayFile(day);
    let stream;
    try {
      await stat(file);
      stream = createReadStream(file, { encoding: 'utf8' });
    } catch {
      return;
    }
    const rl = createInterface({ input: stream, crlfDelay: Infinity });
    try {
      for await (const line of rl) yield line;
    } finally {
      rl.close();
      stream.destroy();
    }
  }

  async listDays(): Promise<Day[]> {
    try {
      const names = await readdir(this.eventsDir);
      return names.filter((n) => n.endsWith('.jsonl')).map((n) => n.slice(0, -6)).filter(isDay).sort();
    } catch {
      return [];
    }
  }

  async dayFingerprint(day: Day): Promise<string> {
    try {
      const s = await stat(this.dayFile(day));
      return String(s.size);
    } catch {
      return 'missing';
    }
  }

  async deleteDay(day: Day): Promise<void> {
    await rm(this.dayFile(day), { force: true });
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
      out.set(m[1], await readFile(path.join(this.rollupsDir, n), 'utf8'));
    }
    return out;
  }

  async saveRollupMonth(month: string, json: string): Promise<void> {
    await this.ensureDirs();
    const target = path.join(this.rollupsDir, `${month}.json`);
    const tmp = `${target}.${process.pid}.tmp`;
    await writeFile(tmp, json, 'utf8');
    await rename(tmp, target);
  }

  async deleteRollupMonth(month: string): Promise<void> {
    await rm(path.join(this.rollupsDir, `${month}.json`), { force: true });
  }
}
