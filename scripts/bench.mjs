#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.ts (or those named with --only a,b; other arguments are handed to each)
// one after another in its own Node process, so one benchmark's heap and JIT state never colour another's.
// Benchmarks print medians and ratios against a baseline measured in the same run; they assert nothing (the machines
// are shared and noisy).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg >= 0 ? new Set((process.argv[onlyArg + 1] ?? '').split(',').filter(Boolean)) : undefined;
// Every other argument goes to each benchmark (`npm run bench -- --only lintWorker --relint-only`).
const passThrough = process.argv.slice(2).filter((_, i, all) => all[i] !== '--only' && all[i - 1] !== '--only');
const files = readdirSync(path.join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only || only.has(f.replace(/\.bench\.ts$/, '')))
  .sort();

console.log(`[bench] ${files.length} benchmark(s): ${files.join(', ')}`);
let failed = 0;
for (const f of files) {
  console.log(`\n=== ${f} ===`);
  const started = Date.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', path.join('bench', f), ...passThrough], { cwd: root, stdio: 'inherit', env: process.env });
  console.log(`[bench] ${f} finished in ${((Date.now() - started) / 1000).toFixed(1)} s (exit ${r.status})`);
  if (r.status !== 0) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;
