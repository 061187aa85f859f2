/**
 * The `driftwatch` CLI: works on a store folder (or source files) without VS Code.
 *
 *   driftwatch export --store DIR --format jsonl|csv [--redact all|noCode|aggregate] [--since D] [--until D] [--out FILE]
 *   driftwatch lint <files or folders…> [--format sarif|json|text] [--rules ids] [--out FILE]
 *   driftwatch report --store DIR [--range 7d|30d|90d|all] [--assistant ID] [--format text|json]
 *   driftwatch evidence --store DIR --assistant ID [--out DIR] [--examples N]
 *   driftwatch rescore --store DIR [--dry-run] [--format text|json]
 *   driftwatch payload --store DIR [--day YYYY-MM-DD] [--team ID]
 *   driftwatch hook <agent> --spool DIR   (reads one agent hook event on stdin; always exits 0)
 *   driftwatch collect [--host H] [--port N] [--db DIR|postgres://…] [--token-file F] [--demo]
 *
 * Exit codes: 0 = ran (findings or not), 2 = usage error, 1 = I/O or other failure.
 */
import { CLI_VERSION, UsageError, type CliIo, type CommandRunner } from './cliSupport.js';
import { runLintCommand } from './lint.js';
import { isLintWorker, runLintWorker } from './lintPool.js';

/**
 * Subcommands; each module registers itself here with one line. Every command but `lint` is loaded when it runs: the
 * CLI starts (and each `driftwatch lint` worker thread, which runs this same bundle) without initialising the store,
 * telemetry and collector modules it does not use.
 */
const commands: Record<string, { summary: string; run: CommandRunner }> = {
  export: { summary: 'export the local store as JSONL or CSV (with metadata and JSON Schema)', run: (argv, io) => import('./exportCommand.js').then((m) => m.runExportCommand(argv, io)) },
  report: { summary: 'summarise a store: scores, breakdowns, top rules and drift alerts', run: (argv, io) => import('./reportCommand.js').then((m) => m.runReportCommand(argv, io)) },
  evidence: { summary: 'write an evidence report (Markdown, JSON, SVG charts) about one assistant\'s drift, for its vendor', run: (argv, io) => import('./evidenceCommand.js').then((m) => m.runEvidenceCommand(argv, io)) },
  rescore: { summary: 're-lint the stored assistant code under this build\'s rules (resumable; progress on stderr)', run: (argv, io) => import('./rescoreCommand.js').then((m) => m.runRescoreCommand(argv, io)) },
  payload: { summary: 'print the OTLP JSON document the team upload would send for one day', run: (argv, io) => import('./payloadCommand.js').then((m) => m.runPayloadCommand(argv, io)) },
  lint: { summary: 'lint Python/TypeScript/JavaScript files headless (text, JSON or SARIF 2.1.0)', run: runLintCommand },
  hook: { summary: 'spool one agent hook event from stdin for the extension (always exits 0)', run: (argv, io) => import('./hookCommand.js').then((m) => m.runHookCommand(argv, io)) },
  collect: { summary: 'run the team collector: OTLP/HTTP uploads in, pooled k-anonymous trend page and JSON API out', run: (argv, io) => import('./collectCommand.js').then((m) => m.runCollectCommand(argv, io)) },
};

function usage(): string {
  const lines = ['Usage: driftwatch <command> [options]', '', 'Commands:'];
  for (const [name, c] of Object.entries(commands)) lines.push(`  ${name.padEnd(8)} ${c.summary}`);
  lines.push('', 'Run `driftwatch <command> --help` for the options of one command.');
  return lines.join('\n') + '\n';
}

export async function main(argv: string[], io: CliIo = { out: process.stdout, err: process.stderr }): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out.write(usage());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    io.out.write(`${CLI_VERSION}\n`);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    io.err.write(`driftwatch: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError || (err instanceof TypeError && 'code' in err && String((err as { code: unknown }).code).startsWith('ERR_PARSE_ARGS'))) {
      io.err.write(`driftwatch ${name}: ${err.message}\n`);
      return 2;
    }
    io.err.write(`driftwatch ${name}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

/** Runs the command line of this process (the entry, dist/cli.js, calls this once the compile cache is on). */
export function start(): void {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

if (isLintWorker()) {
  // This bundle was started as a `driftwatch lint` worker thread: serve files, do not run a command.
  runLintWorker();
} else if (require.main === module) {
  start();
}
