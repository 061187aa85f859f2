/**
 * Answers the panel's queries: series and breakdowns from rollups (never raw events), plus the bounded recent-edits
 * list read from the newest raw records (cached until the store changes). Also resolves a recent edit to a file.
 */
import { buildPanelData } from '../../core/panel/buildPanelData.js';
import type { DriftAlertView, PanelData, PanelQuery } from '../../core/panel/panelData.js';
import { collectRecentEdits, RECENT_EDIT_KINDS } from '../../core/panel/recentEdits.js';
import type { AssistantEditEvent, DriftEvent } from '../../core/schema/events.js';
import type { EventStore } from '../../core/store/eventStore.js';
import { addDays, dayOf, localTzOffset, type Day } from '../../core/time/day.js';
import type { Clock } from '../../core/util/clock.js';

/** How far back the recent-edits list reads raw records, and how many rows it keeps. */
export const RECENT_DAYS = 3;
export const RECENT_LIMIT = 50;

export class PanelDataSource {
  private recent: ReturnType<typeof collectRecentEdits> | undefined;
  private recentLoading: Promise<ReturnType<typeof collectRecentEdits>> | undefined;
  /** Bumped by `invalidate`, so a load that started before new records arrived is not cached as current. */
  private generation = 0;

  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  today(): Day {
    const now = this.clock.now();
    return dayOf(now, localTzOffset(now));
  }

  /** Marks the recent-edits cache stale (new records arrived). */
  invalidate(): void {
    this.recent = undefined;
    this.generation++;
  }

  async data(query: PanelQuery, drift: readonly DriftAlertView[]): Promise<PanelData> {
    const recent = await this.recentEdits();
    return buildPanelData({ rollups: this.store.rollups(), query, today: this.today(), recentEdits: recent.rows, drift });
  }

  /** The stored assistant edit behind a recent-edits row, if it is still in the list. */
  async edit(editId: string): Promise<AssistantEditEvent | undefined> {
    return (await this.recentEdits()).edits.get(editId);
  }

  private async recentEdits(): Promise<ReturnType<typeof collectRecentEdits>> {
    if (this.recent) return this.recent;
    const generation = this.generation;
    this.recentLoading ??= (async () => {
      const records: DriftEvent[] = [];
      for await (const e of this.store.read({ since: addDays(this.today(), -(RECENT_DAYS - 1)), kinds: RECENT_EDIT_KINDS })) records.push(e);
      return collectRecentEdits(records, RECENT_LIMIT);
    })().finally(() => {
      this.recentLoading = undefined;
    });
    const loaded = await this.recentLoading;
    if (generation === this.generation) this.recent = loaded;
    return loaded;
  }
}
