/** An in-memory StoreBackend with named partitions, for fuzzing the store's read path without touching the disk. */
import type { PartitionRef, StoreBackend, StoredLine } from '../../src/core/store/eventStore.js';
import type { Day } from '../../src/core/time/day.js';

export class MemoryBackend implements StoreBackend {
  readonly location = 'memory://fuzz';
  /** Partition name → its lines (or a marker the real backend yields for an over-long line). */
  readonly parts = new Map<string, { day: Day; lines: StoredLine[] }>();
  readonly rollups = new Map<string, string>();

  put(day: Day, name: string, lines: StoredLine[]): void {
    this.parts.set(name, { day, lines });
  }

  async appendLines(day: Day, lines: readonly string[]): Promise<{ partition: string; fingerprint: string }> {
    const name = `${day}.mem`;
    const p = this.parts.get(name) ?? { day, lines: [] };
    p.lines.push(...lines);
    this.parts.set(name, p);
    return { partition: name, fingerprint: String(p.lines.length) };
  }
  async listPartitions(): Promise<PartitionRef[]> {
    return [...this.parts.entries()].map(([name, p]) => ({ day: p.day, name }));
  }
  async *readLines(partition: PartitionRef): AsyncIterable<StoredLine> {
    yield* this.parts.get(partition.name)?.lines ?? [];
  }
  async partitionFingerprint(partition: PartitionRef): Promise<string> {
    return String(this.parts.get(partition.name)?.lines.length ?? 'missing');
  }
  async deleteDay(day: Day): Promise<void> {
    for (const [name, p] of this.parts) if (p.day === day) this.parts.delete(name);
  }
  async loadRollupMonths(): Promise<Map<string, string>> {
    return new Map(this.rollups);
  }
  async saveRollupMonth(month: string, json: string): Promise<void> {
    this.rollups.set(month, json);
  }
  async deleteRollupMonth(month: string): Promise<void> {
    this.rollups.delete(month);
  }
}
