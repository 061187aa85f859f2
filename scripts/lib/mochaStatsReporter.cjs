// Mocha's spec reporter plus a machine-readable summary: when DRIFTWATCH_TEST_STATS names a file, the run's counts
// are written there as JSON, so scripts/test.mjs can sum passes and failures across layers without parsing prose.
// CommonJS because mocha loads reporters with require().
/* global process */
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports */
const { writeFileSync } = require('node:fs');
const Mocha = require('mocha');
/* eslint-enable @typescript-eslint/no-require-imports */

class StatsReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const file = process.env.DRIFTWATCH_TEST_STATS;
      if (!file) return;
      const s = this.stats;
      writeFileSync(file, JSON.stringify({ passes: s.passes, failures: s.failures, pending: s.pending, durationMs: s.duration ?? 0 }));
    });
  }
}

module.exports = StatsReporter;
