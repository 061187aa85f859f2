/**
 * Answers the panel's queries: series and breakdowns from rollups (never raw events), plus the bounded recent-edits
 * list read from the newest raw records (cached until the store changes). The charts never wait for the raw read: a
 * query is answered from rollups at once, and the recent edits follow when they are not cached yet.
 */
import { buildPanelData, filterRecentEdits } from '../../core/panel/buildPanelData.js';
import type { DriftAlertView, PanelData, PanelQuery, RecentEdit } from '../../core/panel/panelData.js';
import { collectRecentEdits, RECENT_EDIT_KINDS } from '../../core/panel/recentEdits.js';
import { periodDays } from '../../core/panel/periods.js';
import { buildRuleTrends } from '../../core/panel/ruleTrends.js';
import type { AssistantEditEvent, DriftEvent } from '../../core/schema/events.js';
import type { EventStore } from '../../core/store/eventStore.js';
import { addDays, dayOf, localTzOffset, type Day } from '../../core/time/day.js';
import type { Clock } from '../../core/util/clock.js';

/** How far back the recent-edits list reads raw records, and how many rows it keeps. */
export const RECENT_DAYS = 3;
export const RECENT_LIMIT = 50;
/** Rows of a chart period's edit list (the dashboard's click-through); the count covers every edit of the period. */
export const PERIOD_LIMIT = 100;

type Recent = ReturnType<typeof collectRecentEdits>;

export class PanelDataSource {
  private recent: Recent | undefined;
  private recentLoading: Promise<Recent> | undefined;
  /** Bumped by `invalidate`, so a load that started before new records arrived is not cached as current. */
  private generation = 0;
  /** The edits behind the last chart period listed, so a row of that list can be opened. */
  private periodEdits = new Map<string, AssistantEditEvent>();

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

  /** The panel data from rollups; `recentPending` is set when the recent edits must still be read. `wide` adds per-rule trends. */
  data(query: PanelQuery, drift: readonly DriftAlertView[], wide = false): PanelData {
    const rollups = this.store.rollups();
    const today = this.today();
    const data = buildPanelData({ rollups, query, today, ...(this.recent ? { recentEdits: this.recent.rows } : {}), drift });
    return wide ? { ...data, ruleTrends: buildRuleTrends(rollups, query, today) } : data;
  }

  /**
   * The assistant edits of one chart period (a day, or the week starting on `period`) that pass the query's filters,
   * newest first, read from that period's raw partitions only.
   */
  async editsOfPeriod(query: PanelQuery, period: Day, granularity: 'day' | 'week'): Promise<{ since: Day; until: Day; rows: RecentEdit[]; total: number }> {
    const days = periodDays(period, granularity, this.today());
    const records: DriftEvent[] = [];
    for (const day of days) for await (const e of this.store.read({ since: day, until: day, kinds: RECENT_EDIT_KINDS })) records.push(e);
    const all = collectRecentEdits(records, Number.MAX_SAFE_INTEGER);
    const matching = filterRecentEdits(all.rows, query, Number.MAX_SAFE_INTEGER);
    const rows = matching.slice(0, PERIOD_LIMIT);
    this.periodEdits = new Map(rows.map((r) => [r.id, all.edits.get(r.id)!]));
    return { since: days[0] ?? period, until: days[days.length - 1] ?? period, rows, total: matching.length };
  }

  /** The recent edits that match the query's filters (reads raw records when not cached). */
  async recentFor(query: PanelQuery): Promise<RecentEdit[]> {
    return filterRecentEdits((await this.recentEdits()).rows, query);
  }

  /** The stored assistant edit behind a row of the recent-edits list or of the last period listed, if still there. */
  async edit(editId: string): Promise<AssistantEditEvent | undefined> {
    return this.periodEdits.get(editId) ?? (await this.recentEdits()).edits.get(editId);
  }

  private async recentEdits(): Promise<Recent> {
    if (this.recent) return this.recent;
    const generation = this.generation;
    this.recentLoading ??= this.readRecent().finally(() => {
      this.recentLoading = undefined;
    });
    const loaded = await this.recentLoading;
    if (generation === this.generation) this.recent = loaded;
    return loaded;
  }

  /** Newest day first; stops as soon as the list is full, so a busy day costs one partition, not three. */
  private async readRecent(): Promise<Recent> {
    const records: DriftEvent[] = [];
    const today = this.today();
    let edits = 0;
    for (let i = 0; i < RECENT_DAYS && edits < RECENT_LIMIT; i++) {
      const day = addDays(today, -i);
      for await (const e of this.store.read({ since: day, until: day, kinds: RECENT_EDIT_KINDS })) {
        records.push(e);
        if (e.kind === 'assistant-edit') edits++;
      }
    }
    return collectRecentEdits(records, RECENT_LIMIT);
  }
}
