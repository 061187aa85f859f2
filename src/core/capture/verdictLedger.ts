/**
 * A short memory of recent verdicts, so a later, more precise channel (an agent hook line, an OTLP accept/reject
 * signal) can find the edit the heuristic already classified and confirm or override it instead of counting it twice.
 *
 * Keyed by document + start offset + a hash of the inserted text: hooks report file paths and new strings, not ids,
 * so the same edit must be recognisable from its content. Entries expire after {@link LEDGER_TTL_MS}.
 */
import type { Provenance } from '../schema/events.js';

export const LEDGER_TTL_MS = 2 * 60 * 1000;
const MAX_ENTRIES = 500;

export interface LedgerEntry {
  readonly uri: string;
  readonly offset: number;
  readonly textHash: string;
  readonly provenance: Provenance;
  /** The assistant-edit record's id, when the verdict produced one. */
  readonly editId?: string;
  readonly at: number;
}

/** FNV-1a over UTF-16 code units of whitespace-squashed text: cheap, stable, and good enough to match a known text. */
export function textHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) continue;
    h ^= c;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export class VerdictLedger {
  private entries: LedgerEntry[] = [];

  record(entry: LedgerEntry): void {
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }

  /**
   * The most recent entry for the same document whose inserted text hashes like `text` (whitespace-insensitive),
   * within the TTL. A hook reporting `new_string` for a file finds the heuristic's verdict this way.
   */
  find(uri: string, text: string, now: number): LedgerEntry | undefined {
    const h = textHash(text);
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i]!;
      if (now - e.at > LEDGER_TTL_MS) break;
      if (e.uri === uri && e.textHash === h) return e;
    }
    return undefined;
  }

  /** Drops expired entries. */
  prune(now: number): void {
    this.entries = this.entries.filter((e) => now - e.at <= LEDGER_TTL_MS);
  }

  get size(): number {
    return this.entries.length;
  }
}
