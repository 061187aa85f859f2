/**
 * One day's rollup split by assistant VERSION. The local rollup's buckets are per (assistant, model, language); the
 * team wire needs the version too. Records about an edit (outcome, survival, ARC, fixes, findings, score) carry only the
 * edit's id and dimensions, so each is attributed to the version of its edit's `assistant-edit` record, and the
 * records are folded with the store's own {@link applyToRollups} — the same counting the panel and drift use, just
 * once per version.
 *
 * Where no version is known (an assistant without a VS Code extension, a proposal, a record whose edit is missing) the
 * version the day's `assistant-version` markers named at that time is used, else `''` (unknown).
 */
import type { DriftEvent } from '../schema/events.js';
import { applyToRollups, rollupDayOf, type Bucket, type DailyRollup } from '../store/rollup.js';
import type { Day } from '../time/day.js';

/** A rollup bucket of one day together with the assistant version its edits were made with. */
export interface VersionedBucket {
  assistantVersion: string;
  bucket: Bucket;
}

interface Marker {
  ts: number;
  version: string | undefined;
  previousVersion: string | undefined;
}

/** The version markers say `assistant` ran at `ts`: the latest marker at or before, else the first one's previous. */
function versionFromMarkers(markers: readonly Marker[] | undefined, ts: number): string {
  if (!markers || markers.length === 0) return '';
  let found: Marker | undefined;
  for (const m of markers) if (m.ts <= ts) found = m;
  if (found) return found.version ?? '';
  return markers[0]!.previousVersion ?? '';
}

/**
 * Folds the records that belong to rollup day `day` into one rollup per assistant version. `records` may hold
 * records of other days (the partition after `day` carries late survival checkpoints); they are skipped.
 */
/**
 * The record without its edit-size stratum: local rollups split a cell by edit size for drift stratification, but a
 * team cell is (assistant, version, model, language) — one bucket, one idempotency key, k counted over all its edits.
 */
function withoutSize(e: DriftEvent): DriftEvent {
  if (e.kind === 'assistant-edit') return e.sized ? { ...e, sized: false } : e;
  if ('ref' in e && e.ref.lines !== undefined) {
    const { lines: _lines, ...ref } = e.ref;
    return { ...e, ref } as DriftEvent;
  }
  return e;
}

export function versionedBuckets(records: Iterable<DriftEvent>, day: Day): VersionedBucket[] {
  const mine: DriftEvent[] = [];
  const editVersion = new Map<string, string | undefined>();
  const markers = new Map<string, Marker[]>();
  for (const e of records) {
    if (e.kind === 'assistant-version') {
      const list = markers.get(e.assistant) ?? [];
      list.push({ ts: e.ts, version: e.version, previousVersion: e.previousVersion });
      markers.set(e.assistant, list);
    }
    if (rollupDayOf(e) !== day) continue;
    if (e.kind === 'assistant-edit') editVersion.set(e.id, e.assistantVersion);
    mine.push(e);
  }
  for (const list of markers.values()) list.sort((a, b) => a.ts - b.ts);

  const byVersion = new Map<string, Map<Day, DailyRollup>>();
  for (const e of mine) {
    let version: string;
    switch (e.kind) {
      case 'assistant-edit':
        version = e.assistantVersion ?? versionFromMarkers(markers.get(e.assistant), e.ts);
        break;
      case 'proposal':
        version = versionFromMarkers(markers.get(e.assistant), e.ts);
        break;
      case 'edit-outcome':
      case 'survival':
      case 'arc':
      case 'follow-up-fix':
      case 'finding':
      case 'diagnostics':
      case 'edit-score':
        version = editVersion.get(e.ref.editId) ?? versionFromMarkers(markers.get(e.ref.assistant), e.ref.editTs);
        break;
      default:
        // Feedback, markers and human activity create no bucket.
        continue;
    }
    let rollups = byVersion.get(version);
    if (!rollups) {
      rollups = new Map();
      byVersion.set(version, rollups);
    }
    applyToRollups(rollups, withoutSize(e));
  }
  const out: VersionedBucket[] = [];
  for (const [assistantVersion, rollups] of byVersion) {
    const r = rollups.get(day);
    if (!r) continue;
    for (const bucket of Object.values(r.buckets)) out.push({ assistantVersion, bucket });
  }
  return out;
}
