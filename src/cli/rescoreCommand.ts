/**
 * `driftwatch rescore --store DIR`: re-lints the stored assistant code of a store under this build's rule set, like
 * the extension does in the background after a rule change. Safe beside a running editor (the CLI writes its own
 * partition files) and resumable (an interrupted run re-does at most one day; nothing is counted twice).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Linter } from '../core/lint/engine.js';
import { ALL_RULES } from '../core/lint/registry.js';
import { TreeSitterRuntime } from '../core/lint/treeSitter.js';
import { daysToRescore, noteRuleSet, rescoreStore } from '../core/rescore/rescoreStore.js';
import { EventStore } from '../core/store/eventStore.js';
import { NodeWasmSource } from '../node/grammarFiles.js';
import { JsonlBackend } from '../node/jsonlBackend.js';
import { UsageError, type CliIo } from './cliSupport.js';
import { resolveStoreDir } from './exportCommand.js';

const HELP = `Usage: driftwatch rescore [--store DIR] [--dry-run] [--format text|json]

  Re-lints the assistant code stored in a Driftwatch store with this build's rules, so every point of the trend is
  scored by the same rules. Edits whose code was not stored (code level noCode) keep their old scores; the trend is
  broken at the rule change instead. Progress goes to stderr, the summary to stdout. Resumable: run it again after an
  interruption. --dry-run only reports what would be re-scored.
`;

export async function runRescoreCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      store: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      format: { type: 'string', default: 'text' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    io.out.write(HELP);
    return 0;
  }
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError('--format must be text or json');
  const dir = resolveStoreDir(values.store);
  if (!existsSync(path.join(dir, 'events'))) throw new Error(`${dir} is not a Driftwatch store (no events/ folder)`);
  const warn = (m: string): void => void io.err.write(`warning: ${m}\n`);
  const linter = new Linter(new TreeSitterRuntime(NodeWasmSource.near(__dirname)), ALL_RULES, { warn });
  const dryRun = values['dry-run'];
  const store = await EventStore.open(new JsonlBackend(dir), {
    readOnly: dryRun,
    refreshIntervalMs: 0,
    logger: { info: () => {}, warn, error: (m) => io.err.write(`error: ${m}\n`) },
  });
  try {
    const ruleSet = linter.ruleSet;
    const days = daysToRescore(store.rollups(), ruleSet);
    if (dryRun) {
      const result = { ruleSet, days: days.length, firstDay: days[0] ?? null, lastDay: days[days.length - 1] ?? null };
      io.out.write(values.format === 'json' ? `${JSON.stringify(result)}\n` : `${days.length} day(s) to re-score under rules ${ruleSet}${days.length > 0 ? ` (${days[0]} … ${days[days.length - 1]})` : ''}\n`);
      return 0;
    }
    noteRuleSet(store, ruleSet, Date.now());
    let lastDay = -1;
    const summary = await rescoreStore({
      store,
      ruleSet,
      lint: async (text, language) => (await linter.lintText(text, language)).findings,
      onProgress: (p) => {
        if (p.daysDone === lastDay || p.days === 0) return;
        lastDay = p.daysDone;
        io.err.write(`re-scoring: ${p.daysDone}/${p.days} days, ${p.edits} edits\n`);
      },
    });
    await store.flush();
    const rate = summary.ms > 0 ? Math.round((summary.edits / summary.ms) * 1000) : summary.edits;
    if (values.format === 'json') io.out.write(`${JSON.stringify({ ruleSet, ...summary, editsPerSecond: rate })}\n`);
    else io.out.write(`Re-scored ${summary.rescored} edit(s) over ${summary.daysDone} day(s) under rules ${ruleSet}; ${summary.noText} kept their old scores (code not stored); ${summary.ms} ms (${rate} edits/s)\n`);
    return 0;
  } finally {
    await store.dispose();
  }
}
