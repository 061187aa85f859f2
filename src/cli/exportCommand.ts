/** `driftwatch export`: the researcher export of a store folder, without VS Code. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { runExport, validateExportOptions, type ExportFormat, type ExportOptions, type RedactionLevel } from '../core/export/exporter.js';
import { EventStore } from '../core/store/eventStore.js';
import { ExportRefused, exportToFile, fileSink } from '../node/exportFiles.js';
import { JsonlBackend } from '../node/jsonlBackend.js';
import { candidateStoreDirs, findDefaultStore } from '../node/storeLocation.js';
import { CLI_VERSION, parseCommandOptions, UsageError, type CliIo } from './cliSupport.js';

const HELP = `Usage: driftwatch export [--store DIR] --format jsonl|csv|agent-trace [--redact all|noCode|aggregate]
                        [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--out FILE]

  --store DIR    the extension's store folder (default: the first existing VS Code / code-server global storage
                 folder of Driftwatch; see the README, "Where your data is")
  --format       jsonl = the raw records (one JSON object per line); csv = one row per assistant edit;
                 agent-trace = one Agent Trace v0.1 record per assistant edit (JSON lines; not with aggregate)
  --redact       all (default) = as stored; noCode = without code text; aggregate = daily counters only
  --since/until  inclusive day range (local days as recorded)
  --out FILE     write FILE plus FILE.meta.json and the JSON Schema beside it (events.v1.schema.json, or
                 agent-trace.v0.1.schema.json for agent-trace); without --out the data goes to
                 stdout and the metadata record to stderr. FILE may not be inside the store folder. The data is
                 written to a temporary file and renamed into place, metadata last (with the data's size and
                 SHA-256), so an interrupted export never leaves metadata that contradicts its data.
  --force        overwrite an existing FILE that is not a previous Driftwatch export, or an
                 events.v1.schema.json beside it with other content (refused otherwise)
`;

/** Opens a store folder read-only: the CLI never writes into a store the editor may be using. */
export async function openStoreReadOnly(dir: string, io: CliIo): Promise<EventStore> {
  if (!existsSync(dir)) throw new Error(`store folder not found: ${dir}`);
  if (!existsSync(path.join(dir, 'events'))) throw new Error(`${dir} is not a Driftwatch store (no events/ folder)`);
  return EventStore.open(new JsonlBackend(dir), {
    readOnly: true,
    logger: { info: () => {}, warn: (m) => io.err.write(`warning: ${m}\n`), error: (m) => io.err.write(`error: ${m}\n`) },
  });
}

/** Resolves `--store`, or finds the default store, or explains where it looked. */
export function resolveStoreDir(given: string | undefined): string {
  if (given) return path.resolve(given);
  const found = findDefaultStore();
  if (!found) throw new UsageError(`no --store given and no Driftwatch store found in:\n  ${candidateStoreDirs().join('\n  ')}`);
  return found;
}

export async function runExportCommand(argv: string[], io: CliIo): Promise<number> {
  const values = parseCommandOptions(
    argv,
    {
      store: { type: 'string' },
      format: { type: 'string' },
      redact: { type: 'string', default: 'all' },
      since: { type: 'string' },
      until: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean', default: false },
    },
    HELP,
    io,
  );
  if (!values) return 0;
  if (!values.format) throw new UsageError(`--format is required\n\n${HELP}`);
  const problem = validateExportOptions(values);
  if (problem) throw new UsageError(problem);
  const storeDir = resolveStoreDir(values.store);
  const store = await openStoreReadOnly(storeDir, io);
  const options: ExportOptions = {
    format: values.format as ExportFormat,
    redact: values.redact as RedactionLevel,
    ...(values.since !== undefined ? { since: values.since } : {}),
    ...(values.until !== undefined ? { until: values.until } : {}),
    consent: {
      method: 'cli',
      statement: `Exported by running the driftwatch CLI with --redact ${values.redact}.`,
      at: new Date().toISOString(),
    },
    toolVersion: CLI_VERSION,
  };
  if (values.out) {
    let files;
    try {
      files = await exportToFile(store, options, values.out, { storeDir, force: values.force });
    } catch (err) {
      if (err instanceof ExportRefused) throw new UsageError(err.message);
      throw err;
    }
    io.err.write(
      `wrote ${files.metadata.counts.rows} row(s) to ${files.data}\n      metadata ${files.meta}\n      schema   ${files.schema}\n`,
    );
  } else {
    const meta = await runExport(store, options, fileSink(io.out));
    io.err.write(JSON.stringify(meta) + '\n');
  }
  return 0;
}
