/**
 * A real exporter process for fault-injection tests: exports a store folder to a file as the CLI does.
 *
 *   node storeExporter.js <storeDir> <outFile> <jsonl|csv>
 */
import { EventStore } from '../../src/core/store/eventStore.js';
import { exportToFile } from '../../src/node/exportFiles.js';
import { JsonlBackend } from '../../src/node/jsonlBackend.js';

async function main(): Promise<void> {
  const [dir, out, format] = process.argv.slice(2);
  if (!dir || !out || (format !== 'jsonl' && format !== 'csv')) throw new Error('usage: storeExporter <dir> <out> <jsonl|csv>');
  const store = await EventStore.open(new JsonlBackend(dir), { readOnly: true });
  await exportToFile(store, { format, redact: 'all', consent: { method: 'cli', statement: 'fault injection', at: new Date().toISOString() }, toolVersion: 'test' }, out, { storeDir: dir });
  process.stdout.write('done\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`storeExporter failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
