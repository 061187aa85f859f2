#!/usr/bin/env node
/**
 * `npm run fuzz -- [--runs N] [--seed S]`: runs every fuzz family (test/fuzz/families.ts) with N inputs each
 * (without --runs, each family's npm-test count) and a random seed unless --seed is given, then prints the inputs
 * per family. A failure prints the seed and the shrunk counterexample; turn it into a regression unit test.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { runs: { type: 'string' }, seed: { type: 'string' } }, strict: true });
const seed = values.seed ?? String(Math.floor(Math.random() * 2 ** 31));
const env = { ...process.env, DRIFTWATCH_FUZZ_SEED: seed, ...(values.runs ? { DRIFTWATCH_FUZZ_RUNS: values.runs } : {}) };
console.log(`fuzz: seed ${seed}${values.runs ? `, ${values.runs} inputs per family` : ''}`);
const r = spawnSync(process.execPath, ['node_modules/mocha/bin/mocha.js', '--no-config', '--node-option', 'import=tsx', '--extension', 'ts', 'test/unit/fuzz.test.ts'], { stdio: 'inherit', env });
process.exitCode = r.status ?? 1;
