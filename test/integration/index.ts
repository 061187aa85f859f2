/**
 * The in-host test runner: VS Code loads this module (the `extensionTestsPath` of the workbench payload) inside the
 * real extension host and awaits `run()`. It runs every compiled `*.test.js` beside it with mocha.
 *
 * Output crosses two process boundaries (extension host → workbench page console → outer runner), and the page console
 * also carries VS Code's own noise, so every reporter line is tagged with {@link REPORT_TAG}; the outer runner
 * (scripts/run-integration.mjs) prints only tagged lines. Final counts are written as JSON to the file named by
 * `DRIFTWATCH_TEST_STATS` and also emitted as a tagged line, in case the file cannot be written.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';

/** Marker the outer runner looks for in the page console. */
export const REPORT_TAG = '[dw-test]';
const STATS_TAG = '[dw-test-stats]';

function say(line: string): void {
  console.log(`${REPORT_TAG} ${line}`);
}

/** A spec-like reporter whose every line carries the tag and which records the run's stats. */
class TaggedReporter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const { EVENT_SUITE_BEGIN, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING, EVENT_RUN_END } = Mocha.Runner.constants;
    let depth = 0;
    const failures: { title: string; err: Error }[] = [];
    const indent = (): string => '  '.repeat(depth);
    runner.on(EVENT_SUITE_BEGIN, (suite: Mocha.Suite) => {
      if (suite.root) return;
      depth++;
      say(`${indent()}${suite.title}`);
    });
    runner.on(Mocha.Runner.constants.EVENT_SUITE_END, (suite: Mocha.Suite) => {
      if (!suite.root) depth--;
    });
    runner.on(EVENT_TEST_PASS, (test: Mocha.Test) => say(`${indent()}  ✓ ${test.title} (${test.duration ?? 0} ms)`));
    runner.on(EVENT_TEST_PENDING, (test: Mocha.Test) => say(`${indent()}  - ${test.title} (pending)`));
    runner.on(EVENT_TEST_FAIL, (test: Mocha.Test, err: Error) => {
      failures.push({ title: test.fullTitle(), err });
      say(`${indent()}  ✗ ${failures.length}) ${test.title}`);
    });
    runner.once(EVENT_RUN_END, () => {
      failures.forEach((f, i) => {
        say('');
        say(`${i + 1}) ${f.title}`);
        for (const l of String(f.err.stack ?? f.err.message).split('\n')) say(`   ${l}`);
      });
      const stats = {
        passes: this.stats.passes,
        failures: this.stats.failures,
        pending: this.stats.pending,
        durationMs: this.stats.duration ?? 0,
      };
      say('');
      say(`${stats.passes} passing, ${stats.failures} failing, ${stats.pending} pending (${stats.durationMs} ms)`);
      console.log(`${STATS_TAG} ${JSON.stringify(stats)}`);
      const file = process.env['DRIFTWATCH_TEST_STATS'];
      if (file) {
        try {
          writeFileSync(file, JSON.stringify(stats));
        } catch (err) {
          say(`could not write stats to ${file}: ${String(err)}`);
        }
      }
    });
  }
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.js'))
    .sort()
    .map((f) => path.join(dir, f));
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: Number(process.env['DRIFTWATCH_TEST_TIMEOUT'] ?? 30_000),
    reporter: TaggedReporter,
  });
  const grep = process.env['DRIFTWATCH_TEST_GREP'];
  if (grep) mocha.grep(grep);
  const files = testFiles(__dirname);
  for (const f of files) mocha.addFile(f);
  say(`running ${files.length} suite file(s) in the extension host (Node ${process.versions.node})`);
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
    } catch (err) {
      say(`mocha could not start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
