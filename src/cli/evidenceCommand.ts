/**
 * `driftwatch evidence`: the evidence report for a vendor, from a store folder, without VS Code. The same bundle the
 * editor's "Prepare Drift Report…" writes; examples here are always code-redacted (the editor is where a user sees
 * each example's code and chooses to include it).
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DRIFT_DEFAULTS } from '../core/drift/driftDefaults.js';
import { buildEvidence } from '../core/evidence/evidenceBundle.js';
import { collectEvidenceCandidates, EVIDENCE_EXAMPLE_KINDS, toEvidenceExample } from '../core/evidence/evidenceExamples.js';
import { evidenceFiles, REPORT_JSON, REPORT_MARKDOWN, ruleDocsToCopy } from '../core/evidence/evidenceFiles.js';
import { addDays, dayOf, isDay, localTzOffset } from '../core/time/day.js';
import { CLI_VERSION, parseCommandOptions, positiveInt, UsageError, watchOption, type CliIo } from './cliSupport.js';
import { openStoreReadOnly, resolveStoreDir } from './exportCommand.js';

const HELP = `Usage: driftwatch evidence --assistant ID [--store DIR] [--out DIR] [--examples N] [--today YYYY-MM-DD]
                          [--recent-days N] [--baseline-days N] [--min-samples N] [--watch all|findings|survival] [--force]

  Writes an evidence report about one assistant's quality drift, to attach to the vendor's issue tracker:
  report.md (read this first), report.json (the same facts) and charts/*.svg. It holds the versions and models
  before and after the change, the windows, each metric with its effect size and 95% confidence interval, the rules
  whose findings rose most (with their documentation), and up to N example edits. Nothing is sent anywhere.

  --assistant ID   the assistant (as in \`driftwatch report\`)
  --out DIR        folder to write (default ./driftwatch-evidence-<assistant>-<today>); created if missing. A
                   non-empty folder that holds no earlier report is refused unless --force.
  --examples N     include N example edits from after the change (default 0). The CLI never includes their code
                   or file paths: each example shows language, size, outcome, score and which rules fired on which
                   lines. To include code, use "Driftwatch: Prepare Drift Report…" in the editor, which shows you
                   each example first.
  --today, --recent-days, --baseline-days, --min-samples   the drift analysis window (defaults 7 / 28 / 20)
  --watch all|findings|survival   which metrics may alert (as the setting driftwatch.drift.watch; default all)
`;

const MAX_EXAMPLES = 50;


export async function runEvidenceCommand(argv: string[], io: CliIo): Promise<number> {
  const values = parseCommandOptions(
    argv,
    {
      store: { type: 'string' },
      assistant: { type: 'string' },
      out: { type: 'string' },
      examples: { type: 'string' },
      today: { type: 'string' },
      'recent-days': { type: 'string' },
      'baseline-days': { type: 'string' },
      'min-samples': { type: 'string' },
      watch: { type: 'string', default: 'all' },
      force: { type: 'boolean', default: false },
    },
    HELP,
    io,
  );
  if (!values) return 0;
  if (!values.assistant) throw new UsageError(`--assistant is required\n\n${HELP}`);
  if (values.today !== undefined && !isDay(values.today)) throw new UsageError(`--today must be a day YYYY-MM-DD, got "${values.today}"`);
  const examples = positiveInt('--examples', values.examples, 0, 0);
  if (examples > MAX_EXAMPLES) throw new UsageError(`--examples is at most ${MAX_EXAMPLES}`);
  const drift = {
    today: values.today ?? dayOf(Date.now(), localTzOffset(Date.now())),
    recentDays: positiveInt('--recent-days', values['recent-days'], DRIFT_DEFAULTS.recentDays),
    baselineDays: positiveInt('--baseline-days', values['baseline-days'], DRIFT_DEFAULTS.baselineDays),
    minSamples: positiveInt('--min-samples', values['min-samples'], DRIFT_DEFAULTS.minSamples),
    watch: watchOption(values.watch),
  };
  const assistant = values.assistant;
  const storeDir = resolveStoreDir(values.store);
  const outDir = path.resolve(values.out ?? `driftwatch-evidence-${assistant}-${drift.today}`);
  const rel = path.relative(storeDir, outDir);
  if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) throw new UsageError('--out may not be inside the store folder');
  if (existsSync(outDir) && !values.force) {
    const entries = readdirSync(outDir);
    if (entries.length > 0 && !entries.includes(REPORT_JSON)) throw new UsageError(`${outDir} is not empty and holds no earlier evidence report; choose another --out or pass --force`);
  }

  const store = await openStoreReadOnly(storeDir, io);
  const rollups = store.rollups();
  const windowSince = addDays(drift.today, -(drift.recentDays + drift.baselineDays - 1));
  const seen = new Set(rollups.filter((r) => r.day >= windowSince && r.day <= drift.today).flatMap((r) => Object.values(r.buckets).filter((b) => b.edits > 0).map((b) => b.assistant)));
  if (!seen.has(assistant)) {
    io.err.write(`driftwatch evidence: no edits by "${assistant}" between ${windowSince} and ${drift.today}${seen.size > 0 ? `; assistants with edits: ${[...seen].sort().join(', ')}` : ''}\n`);
    return 1;
  }
  const generatedAt = new Date().toISOString();
  let bundle = buildEvidence({ assistant, rollups, drift, generatedAt, toolVersion: CLI_VERSION });
  if (examples > 0) {
    const records = [];
    for await (const r of store.read({ since: bundle.windows.changePoint, until: drift.today, kinds: EVIDENCE_EXAMPLE_KINDS })) records.push(r);
    const candidates = collectEvidenceCandidates(records, { assistant, since: bundle.windows.changePoint, until: drift.today, rules: bundle.rules.map((r) => r.ruleId), limit: examples });
    bundle = { ...bundle, examples: candidates.map((c, i) => toEvidenceExample(c, i + 1, false)) };
  }
  await store.dispose();

  const files = evidenceFiles(bundle, await readRuleDocs(ruleDocsToCopy(bundle), io));
  for (const f of files) {
    const target = path.join(outDir, ...f.path.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    // Write beside and rename, so an interrupted run never leaves a half-written report under the final name.
    await writeFile(`${target}.tmp`, f.content);
    await rename(`${target}.tmp`, target);
  }
  io.out.write(`${bundle.headline}.\n`);
  io.out.write(`Wrote ${files.length} files (${bundle.metrics.length} metrics, ${bundle.rules.length} rules, ${bundle.examples.length} examples) to ${outDir}\n`);
  io.out.write(`Read ${path.join(outDir, REPORT_MARKDOWN)} first. Nothing was sent anywhere.\n`);
  return 0;
}

/**
 * The rules' documentation pages, from the package (`dist/cli.js` → `../docs/rules`) or the repository (`src/cli` →
 * `../../docs/rules`). A page that cannot be read is left out with a warning; the report then names its path instead.
 */
async function readRuleDocs(wanted: readonly { ruleId: string; docPath: string }[], io: CliIo): Promise<Map<string, string>> {
  const root = [path.resolve(__dirname, '..'), path.resolve(__dirname, '..', '..')].find((r) => existsSync(path.join(r, 'docs', 'rules')));
  const out = new Map<string, string>();
  for (const w of wanted) {
    try {
      if (!root) throw new Error('documentation folder not found');
      out.set(w.ruleId, await readFile(path.join(root, ...w.docPath.split('/')), 'utf8'));
    } catch (err) {
      io.err.write(`warning: the documentation of ${w.ruleId} is not included (${err instanceof Error ? err.message : String(err)})\n`);
    }
  }
  return out;
}
