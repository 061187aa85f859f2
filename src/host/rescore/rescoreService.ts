/**
 * Background re-scoring in the extension host: when the rule set this build lints with differs from the one history
 * was scored by, stored assistant text is re-linted at low priority (the work yields to the event loop after every
 * edit and sleeps as long as it worked, so it takes at most about half of one core) with window progress in the
 * status bar. Runs after start-up, and again whenever the store gains history scored by other rules (another window
 * of an older build, a copied store). Stopped on dispose; a killed window resumes where the store says it stopped.
 */
import * as vscode from 'vscode';
import { daysToRescore, noteRuleSet, rescoreStore, type RescoreProgress, type RescoreSummary } from '../../core/rescore/rescoreStore.js';
import type { EventStore } from '../../core/store/eventStore.js';
import { lowPriority } from '../../core/rescore/lowPriority.js';
import type { ConfigService } from '../config.js';
import { isLintLanguage, type LintLanguageId } from '../../core/lint/languages.js';
import type { LintOutcome } from '../../core/lint/worker/lintWorkerProtocol.js';
import type { Logger } from '../logger.js';

/** Wait this long after activation before the first look (capture and the panel come first). */
const START_DELAY_MS = 3_000;
/** After the store changes, wait this long for it to settle before looking again. */
const RECHECK_DELAY_MS = 2_000;

/** What re-scoring needs of the editor's lint worker (src/host/lint/lintWorkerClient.ts): it lints off this thread. */
export interface RescoreLinter {
  lintText(text: string, languageId: LintLanguageId): Promise<LintOutcome | undefined>;
}

/** One lint answer, or an error: an unanswered lint must not re-score an edit as clean. */
async function answered(linter: RescoreLinter, text: string, languageId: LintLanguageId): Promise<LintOutcome> {
  const outcome = await linter.lintText(text, languageId);
  if (!outcome) throw new Error('the lint worker did not answer');
  return outcome;
}

export class RescoreService implements vscode.Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<RescoreSummary | undefined> | undefined;
  private disposed = false;
  private readonly subscription: { dispose(): void };
  /** The latest finished run (tests and the log read it). */
  lastSummary: RescoreSummary | undefined;
  /** Progress of the run in flight. */
  progress: Readonly<RescoreProgress> | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly linter: RescoreLinter,
    private readonly config: ConfigService,
    private readonly logger: Logger,
  ) {
    this.subscription = store.onDidAppend((events) => {
      // Re-scores this service writes never re-trigger it; anything else might bring other rules' history.
      if (events.length === 0 || events.some((e) => e.kind === 'edit-score' || e.kind === 'rule-set')) this.schedule(RECHECK_DELAY_MS);
    });
    this.schedule(START_DELAY_MS);
  }

  private schedule(delay: number): void {
    if (this.disposed || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.runIfNeeded();
    }, delay);
  }

  /** Re-scores whatever needs it now (resolves with the run's summary, or undefined when nothing was to do). */
  async runIfNeeded(): Promise<RescoreSummary | undefined> {
    if (this.running) return this.running;
    const run = this.run().finally(() => {
      this.running = undefined;
    });
    this.running = run;
    return run;
  }

  private async run(): Promise<RescoreSummary | undefined> {
    if (this.disposed) return undefined;
    try {
      const linter = this.linter;
      // The worker names its rule set with every answer; an empty document is the cheapest question.
      const ruleSet = (await answered(linter, '', 'python')).ruleSet;
      if (ruleSet === undefined) throw new Error('the lint worker did not name its rule set');
      if (noteRuleSet(this.store, ruleSet, Date.now())) this.logger.info(`re-score: Driftwatch's rules are now ${ruleSet}`);
      const days = daysToRescore(this.store.rollups(), ruleSet);
      if (days.length === 0) return undefined;
      this.logger.info(`re-score: ${days.length} day(s) of history were scored by other rules; re-linting the stored assistant code under ${ruleSet}`);
      const summary = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Driftwatch: re-scoring history' }, (report) =>
        rescoreStore({
          store: this.store,
          ruleSet,
          lint: async (text, language) => (isLintLanguage(language) ? (await answered(linter, text, language)).findings : []),
          weights: this.config.value['score.weights'],
          pause: lowPriority(),
          cancelled: () => this.disposed,
          onProgress: (p) => {
            this.progress = p;
            report.report({ message: `${p.daysDone}/${p.days} days, ${p.edits} edits` });
          },
        }),
      );
      this.lastSummary = summary;
      this.progress = undefined;
      this.logger.info(
        `re-score: ${summary.cancelled ? 'stopped' : 'done'} after ${summary.daysDone}/${summary.days} day(s): ${summary.rescored} edit(s) re-linted, ${summary.noText} kept their old scores (code not stored) in ${summary.ms} ms`,
      );
      return summary;
    } catch (err) {
      this.logger.error(`re-score failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}; it is retried on the next start`);
      return undefined;
    }
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.subscription.dispose();
  }
}
