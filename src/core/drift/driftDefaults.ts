/**
 * Drift settings' defaults, shared by the editor's settings, the CLI and the team collector so that one default is
 * written once (the collector evaluates team drift with the windows a member's sidebar uses by default).
 */
export const DRIFT_DEFAULTS = Object.freeze({ recentDays: 7, baselineDays: 28, minSamples: 20 });

/**
 * Where an assistant's error budget goes (`driftwatch.drift.watch`). One false alert a year is one budget: every
 * metric that may alert spends part of it, and chance excursions of different metrics are independent, so their false
 * alerts add up.
 * `all` spreads it over every metric, most of it on findings per line (74 %; survival 20 %, acceptance 4 %, fix rate
 * and score 1 % each): measured, that keeps both findings rises and survival drops at ~70 edits a week within 10
 * points of a test told the change day. `findings` or `survival` gives that metric the whole budget — then it is as
 * sensitive as that test at every volume — and the other metrics are still computed and shown but never alert.
 * Measured trade-off: README "Drift". The weights and α each preset stands for are `WATCH_WEIGHTS` and `WATCH_ALPHA`
 * in detectDrift.ts; this module holds only the names.
 */
export const DRIFT_WATCH = ['all', 'findings', 'survival'] as const;
export type DriftWatch = (typeof DRIFT_WATCH)[number];
