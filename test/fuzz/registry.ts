/**
 * The fuzz registry: one entry per input family (store lines, store partitions, protocol messages, settings, CLI
 * arguments, lint sources, … and — as they land — hook payloads, OTLP bodies, collector requests). A family states
 * how to generate inputs (a fast-check arbitrary) and the property every input must satisfy; `fuzz.test.ts` runs
 * every registered family inside `npm test` with a fixed seed, `npm run fuzz -- --runs N` runs them longer.
 *
 * To add a family: create `test/fuzz/families/<name>.ts` exporting a `FuzzFamily`, and add it to `FAMILIES` below.
 */
import type * as fc from 'fast-check';

export interface FuzzFamily<T = unknown> {
  /** `<area>.<what>`, printed in the per-family counts. */
  name: string;
  /** Inputs per run inside `npm test` (the whole suite stays under about a minute). */
  runs: number;
  arbitrary: fc.Arbitrary<T>;
  /** Throws (or rejects) when the property does not hold for `input`. */
  check(input: T): Promise<void> | void;
  /** Optional per-suite setup/teardown (a temporary store folder, an engine). */
  setup?(): Promise<void>;
  teardown?(): Promise<void>;
}

/** The seed every run inside `npm test` uses, so a failure reproduces. */
export const FUZZ_SEED = 20261202;
