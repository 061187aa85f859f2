/**
 * The web-host test runner: VS Code's web worker extension host loads this bundle (out/test/web/suite.js, built by
 * `scripts/build.mjs --tests` with mocha bundled in, since a worker cannot require from node_modules) and awaits
 * `run()`. Reporter lines are tagged for scripts/run-web.mjs, which receives them through the workbench's
 * `codeAutomationLog` hook; the final counts travel the same way (a worker has no file system to write them to).
 */
// mocha's browser build; sets the global `mocha` (see the umd-as-script plugin in scripts/build.mjs for why that
// needs help inside a CommonJS bundle).
import 'mocha/mocha.js';
import { REPORT_TAG, STATS_TAG } from './tags.js';

function say(line: string): void {
  console.log(`${REPORT_TAG} ${line}`);
}

/** A minimal spec-style reporter; mocha's own reporters assume a DOM or a terminal. */
function taggedReporter(runner: Mocha.Runner): void {
  const stats = { passes: 0, failures: 0, pending: 0, durationMs: 0 };
  const started = Date.now();
  const failures: { title: string; err: Error }[] = [];
  let depth = 0;
  runner.on('suite', (suite: Mocha.Suite) => {
    if (suite.root) return;
    depth++;
    say(`${'  '.repeat(depth)}${suite.title}`);
  });
  runner.on('suite end', (suite: Mocha.Suite) => {
    if (!suite.root) depth--;
  });
  runner.on('pass', (test: Mocha.Test) => {
    stats.passes++;
    say(`${'  '.repeat(depth)}  ✓ ${test.title} (${test.duration ?? 0} ms)`);
  });
  runner.on('pending', (test: Mocha.Test) => {
    stats.pending++;
    say(`${'  '.repeat(depth)}  - ${test.title} (pending)`);
  });
  runner.on('fail', (test: Mocha.Test, err: Error) => {
    stats.failures++;
    failures.push({ title: test.fullTitle(), err });
    say(`${'  '.repeat(depth)}  ✗ ${failures.length}) ${test.title}`);
  });
  runner.once('end', () => {
    stats.durationMs = Date.now() - started;
    failures.forEach((f, i) => {
      say('');
      say(`${i + 1}) ${f.title}`);
      for (const l of String(f.err.stack ?? f.err.message).split('\n')) say(`   ${l}`);
    });
    say('');
    say(`${stats.passes} passing, ${stats.failures} failing, ${stats.pending} pending (${stats.durationMs} ms)`);
    console.log(`${STATS_TAG} ${JSON.stringify(stats)}`);
  });
}

export async function run(): Promise<void> {
  mocha.setup({ ui: 'bdd', reporter: taggedReporter as unknown as Mocha.ReporterConstructor, timeout: 20_000 });
  // Suites register their describe() blocks when imported, so they are loaded only after setup.
  await import('./webStore.test.js');
  await import('./webUpload.test.js');
  await import('./webLint.test.js');
  await new Promise<void>((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
  });
}
