/**
 * Store backend for the web extension host: IndexedDB through idb-keyval. Records are stored as chunks of up to one
 * append batch (≤ 1,000 lines) per value — one key per event is ~20× slower in real IndexedDB.
 *
 * Keys: `d:<day>` → number of chunks of that day; `e:<day>:<n>` → chunk n (lines joined by '\n');
 * `r:<month>` → rollup month document.
 */
import { createStore, del, delMany, get, keys, set, type UseStore } from 'idb-keyval';
import type { PartitionRef, StoreBackend } from '../core/store/eventStore.js';
import { isDay, type Day } from '../core/time/day.js';

export class IdbBackend implements StoreBackend {
  readonly location: string;
  private readonly db: UseStore;
  /** Serialises appends per day so chunk numbers never collide. */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(dbName: string) {
    this.location = `indexeddb://${dbName}`;
    this.db = createStore(dbName, 'events');
  }

  /** One partition per day (named by the day): the web host has one extension host per browser tab's store. */
  appendLines(day: Day, lines: readonly string[]): Promise<{ partition: string; fingerprint: string }> {
    const run = async (): Promise<{ partition: string; fingerprint: string }> => {
      const count = (await get<number>(`d:${day}`, this.db)) ?? 0;
      await set(`e:${day}:${count}`, lines.join('\n'), this.db);
      await set(`d:${day}`, count + 1, this.db);
      return { partition: day, fingerprint: String(count + 1) };
    };
    const p = this.tail.then(run, run);
    this.tail = p.catch(() => undefined);
    return p;
  }

  async *readLines(partition: PartitionRef): AsyncIterable<string> {
    const day = partition.day;
    const count = (await get<number>(`d:${day}`, this.db)) ?? 0;
    for (let i = 0; i < count; i++) {
      const chunk = await get<string>(`e:${day}:${i}`, this.db);
      if (typeof chunk !== 'string') continue;
      for (const line of chunk.split('\n')) yield line;
    }
  }

  async listPartitions(): Promise<PartitionRef[]> {
    const all = await keys(this.db);
    return all
      .filter((k): k is string => typeof k === 'string' && k.startsWith('d:'))
      .map((k) => k.slice(2))
      .filter(isDay)
      .sort()
      .map((day) => ({ day, name: day }));
  }

  async partitionFingerprint(partition: PartitionRef): Promise<string> {
    return String((await get<number>(`d:${partition.day}`, this.db)) ?? 'missing');
  }

  async deleteDay(day: Day): Promise<void> {
    const count = (await get<number>(`d:${day}`, this.db)) ?? 0;
    await delMany(Array.from({ length: count }, (_, i) => `e:${day}:${i}`), this.db);
    await del(`d:${day}`, this.db);
  }

  async loadRollupMonths(): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const k of await keys(this.db)) {
      if (typeof k !== 'string' || !k.startsWith('r:')) continue;
      const v = await get<string>(k, this.db);
      if (typeof v === 'string') out.set(k.slice(2), v);
    }
    return out;
  }

  async saveRollupMonth(month: string, json: string): Promise<void> {
    await set(`r:${month}`, json, this.db);
  }

  async deleteRollupMonth(month: string): Promise<void> {
    await del(`r:${month}`, this.db);
  }
}
