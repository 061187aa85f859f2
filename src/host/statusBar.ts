/**
 * The status bar item: today's mean score and a drift indicator; click opens the panel. Hidden when
 * `driftwatch.statusBar.enabled` is false. Reads one day of rollups, so updating it costs next to nothing.
 */
import * as vscode from 'vscode';
import type { DriftAlert } from '../core/drift/detectDrift.js';
import type { EventStore } from '../core/store/eventStore.js';
import { dayOf, localTzOffset } from '../core/time/day.js';
import type { Clock, TimerHandle } from '../core/util/clock.js';
import type { ConfigService } from './config.js';
import { describeAlert } from '../core/drift/describeAlert.js';

const UPDATE_DEBOUNCE_MS = 1500;

export class StatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: TimerHandle | undefined;
  /** Whether the item is shown (the API offers no getter on StatusBarItem). */
  shown = false;

  constructor(
    private readonly store: EventStore,
    private readonly config: ConfigService,
    private readonly clock: Clock,
    private readonly alerts: () => DriftAlert[],
  ) {
    this.item = vscode.window.createStatusBarItem('driftwatch.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'Driftwatch';
    this.item.command = 'driftwatch.openPanel';
    const sub = store.onDidAppend(() => this.schedule());
    this.subscriptions.push({ dispose: () => sub.dispose() });
    this.subscriptions.push(
      config.onDidChange((e) => {
        if (e.affects('statusBar.enabled')) this.update();
      }),
    );
    this.update();
  }

  /** Re-renders now (after drift alerts changed, or a debounced store update). */
  update(): void {
    if (!this.config.value['statusBar.enabled']) {
      this.item.hide();
      this.shown = false;
      return;
    }
    const now = this.clock.now();
    const today = dayOf(now, localTzOffset(now));
    let n = 0;
    let sum = 0;
    let edits = 0;
    for (const r of this.store.rollups(today, today)) {
      for (const b of Object.values(r.buckets)) {
        n += b.scores.n;
        sum += b.scores.sum;
        edits += b.edits;
      }
    }
    const alerts = this.alerts();
    const score = n > 0 ? Math.round(sum / n) : undefined;
    this.item.text = `${alerts.length > 0 ? '$(warning)' : '$(pulse)'} ${score !== undefined ? String(score) : '—'}`;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(score !== undefined ? `**Driftwatch** — today's score **${score}** over ${n} scored of ${edits} assistant edits\n\n` : `**Driftwatch** — no assistant edits scored today\n\n`);
    for (const a of alerts.slice(0, 3)) tooltip.appendMarkdown(`$(warning) ${escapeMarkdown(describeAlert(a))}\n\n`);
    tooltip.appendMarkdown('Click to open the quality panel.');
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = {
      label: `Driftwatch: ${score !== undefined ? `today's score ${score}` : 'no score today'}${alerts.length > 0 ? `, ${alerts.length} drift alert${alerts.length > 1 ? 's' : ''}` : ''}`,
    };
    this.item.backgroundColor = alerts.length > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
    this.shown = true;
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.update();
    }, UPDATE_DEBOUNCE_MS);
  }

  dispose(): void {
    if (this.timer) this.clock.clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|]/g, '\\$&');
}
