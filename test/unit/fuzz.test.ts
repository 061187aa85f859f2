/**
 * The fuzz suite (issue 12): every family in test/fuzz/families.ts, with a fixed seed, inside `npm test`
 * (≥ 10,000 inputs in about a minute). `npm run fuzz -- --runs N` runs N inputs per family with a random seed
 * (printed, so a failure reproduces with `--seed S`) and prints the counts per family.
 */
import assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { FAMILIES } from '../fuzz/families.js';
import { ruleCrashes } from '../fuzz/families/lintSources.js';
import { FUZZ_SEED } from '../fuzz/registry.js';

const runsOverride = Number(process.env['DRIFTWATCH_FUZZ_RUNS'] ?? '') || undefined;
const seed = Number(process.env['DRIFTWATCH_FUZZ_SEED'] ?? '') || FUZZ_SEED;
const counts: { family: string; inputs: number; failures: number }[] = [];

describe(`fuzz (seed ${seed})`, function () {
  this.timeout(600_000);
  after(() => {
    const total = counts.reduce((n, c) => n + c.inputs, 0);
    console.log(`    fuzz inputs: ${counts.map((c) => `${c.family} ${c.inputs}${c.failures ? ` (${c.failures} FAILED)` : ''}`).join(', ')}; total ${total}`);
  });

  for (const family of FAMILIES) {
    it(`${family.name}: no throw escapes and the family's property holds`, async () => {
      await family.setup?.();
      const numRuns = runsOverride ?? family.runs;
      let inputs = 0;
      try {
        await fc.assert(
          fc.asyncProperty(family.arbitrary, async (input) => {
            inputs++;
            await family.check(input);
          }),
          { seed, numRuns, endOnFailure: true },
        );
        counts.push({ family: family.name, inputs, failures: 0 });
      } catch (err) {
        counts.push({ family: family.name, inputs, failures: 1 });
        throw err;
      } finally {
        await family.teardown?.();
      }
      if (family.name === 'lint.sources') assert.deepEqual(ruleCrashes, [], 'no lint rule threw (the engine logged and skipped it)');
    });
  }
});
