/**
 * `driftwatch lint <files or folders…> [--format sarif|json|text] [--rules ids] [--out FILE]`: the headless linter.
 * Honours .gitignore, skips binary, oversized, minified, unreadable and over-budget files (listed as notes), and
 * exits 0 whenever it ran — findings are results, not failures, and one bad file never fails the run. Exit 2 for
 * usage errors, 1 when the run itself failed (a path argument that does not exist, the report could not be written).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { RULE_IDS } from '../core/lint/ruleCatalog.js';
import { toSarif, type SarifNotification } from '../core/lint/sarif.js';
import { findSourceFiles } from '../node/sourceFiles.js';
import { CLI_VERSION, UsageError, type CliIo } from './cliSupport.js';
import { lintFiles } from './lintPool.js';

const HELP = `Usage: driftwatch lint <files or folders…> [--format text|json|sarif] [--rules ids] [--out FILE]

  Lints Python, TypeScript and JavaScript (incl. TSX/JSX) files with Driftwatch's loop and OOP rules.
  Folders are searched recursively; .gitignore is honoured; binary, minified and >1 MB files are skipped.
  Files are linted in parallel on every core.

  --format   text (default): one line per finding; json: findings per file; sarif: SARIF 2.1.0
  --rules    comma-separated rule ids to run (default: all), e.g. loop.try-in-loop,oop.god-class
  --out      write the report to FILE instead of stdout
  --jobs     lint threads, the main thread included (default: one per core, or the main thread alone for
             under 256 KB of files; 1 lints in the main thread, N adds N - 1 worker threads)
  --no-class-index
             judge each file alone: by default a JavaScript/TypeScript class whose parent lives in another linted
             file is judged with its parent's members known (oop.method-not-using-self)

  Exit status: 0 when the lint ran, with or without findings (files that cannot be read, are binary, minified,
  too large or take longer than the per-file time budget are reported as skipped and do not fail the run);
  2 for usage errors; 1 when the run itself failed (a missing path argument, an unwritable --out file).
`;

export async function runLintCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      format: { type: 'string', default: 'text' },
      rules: { type: 'string' },
      out: { type: 'string' },
      jobs: { type: 'string' },
      'no-class-index': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) {
    io.out.write(HELP);
    return 0;
  }
  const format = values.format ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be text, json or sarif (got "${format}")`);
  if (positionals.length === 0) throw new UsageError('give at least one file or folder to lint');
  let rules: string[] | undefined;
  if (values.rules !== undefined) {
    rules = values.rules.split(',').map((r) => r.trim()).filter(Boolean);
    const unknown = rules.filter((r) => !RULE_IDS.includes(r));
    if (unknown.length > 0 || rules.length === 0) throw new UsageError(`unknown rule id(s): ${unknown.join(', ') || '(none given)'}; known: ${RULE_IDS.join(', ')}`);
  }

  const files = await findSourceFiles(positionals);
  let threads: number | undefined;
  if (values.jobs !== undefined) {
    threads = Number(values.jobs);
    if (!Number.isInteger(threads) || threads < 1) throw new UsageError(`--jobs must be a positive integer (got "${values.jobs}")`);
  }
  const results = await lintFiles(files, rules, (m) => io.err.write(`warning: ${m}\n`), { ...(threads !== undefined ? { maxThreads: threads } : {}), classIndex: !values['no-class-index'] });

  const cwd = process.cwd();
  const rel = (file: string): string => path.relative(cwd, file).split(path.sep).join('/');
  let report: string;
  if (format === 'sarif') {
    const uri = (file: string): string => rel(file).split('/').map(encodeURIComponent).join('/');
    const notifications: SarifNotification[] = results.filter((r) => r.skipped).map((r) => ({ uri: uri(r.file), message: `skipped: ${r.skipped}` }));
    const log = toSarif(
      results.map((r) => ({ uri: uri(r.file), findings: r.findings })),
      { toolVersion: CLI_VERSION, rootUri: pathToFileURL(cwd + path.sep).href, ...(rules ? { ruleIds: rules } : {}), notifications },
    );
    report = JSON.stringify(log, null, 2) + '\n';
  } else if (format === 'json') {
    report =
      JSON.stringify(
        {
          tool: 'driftwatch',
          version: CLI_VERSION,
          files: results.map((r) => ({ path: rel(r.file), language: r.languageId, ...(r.skipped ? { skipped: r.skipped } : {}), findings: r.findings })),
        },
        null,
        2,
      ) + '\n';
  } else {
    const lines: string[] = [];
    for (const r of results) {
      for (const f of r.findings) {
        lines.push(`${rel(r.file)}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} ${f.ruleId}: ${f.message} (${f.hint})`);
      }
    }
    report = lines.length > 0 ? lines.join('\n') + '\n' : '';
  }
  if (values.out) await writeFile(values.out, report);
  else io.out.write(report);
  const total = results.reduce((n, r) => n + r.findings.length, 0);
  const skipped = results.filter((r) => r.skipped);
  for (const s of skipped) io.err.write(`skipped ${rel(s.file)}: ${s.skipped}\n`);
  io.err.write(`driftwatch lint: ${results.length - skipped.length} file(s) linted, ${total} finding(s), ${skipped.length} skipped\n`);
  return 0;
}
