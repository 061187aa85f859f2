/**
 * Writes an export to disk (CLI and Node extension hosts): the data file, `<data>.meta.json` beside it, and the JSON
 * Schema of the records (`events.v<N>.schema.json`) in the same folder.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runExport, schemaFileName, type ExportMetadata, type ExportOptions, type ExportSink } from '../core/export/exporter.js';
import { eventsJsonSchema } from '../core/schema/jsonSchema.js';
import type { EventStore } from '../core/store/eventStore.js';

export interface ExportFiles {
  data: string;
  meta: string;
  schema: string;
  metadata: ExportMetadata;
}

/** A sink over a file stream that honours back-pressure. */
export function fileSink(stream: NodeJS.WritableStream): ExportSink {
  return {
    write: (chunk) =>
      new Promise<void>((resolve, reject) => {
        const onError = (err: Error): void => reject(err);
        stream.once('error', onError);
        const ok = stream.write(chunk);
        const done = (): void => {
          stream.removeListener('error', onError);
          resolve();
        };
        if (ok) done();
        else stream.once('drain', done);
      }),
  };
}

export async function exportToFile(store: EventStore, options: ExportOptions, outFile: string): Promise<ExportFiles> {
  const dir = path.dirname(path.resolve(outFile));
  await mkdir(dir, { recursive: true });
  const stream = createWriteStream(outFile, { encoding: 'utf8' });
  const opened = new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  await opened;
  let metadata: ExportMetadata;
  try {
    metadata = await runExport(store, options, fileSink(stream));
  } finally {
    await new Promise<void>((resolve) => stream.end(resolve));
  }
  const meta = `${outFile}.meta.json`;
  const schema = path.join(dir, schemaFileName());
  await writeFile(meta, JSON.stringify({ ...metadata, dataFile: path.basename(outFile) }, null, 2) + '\n');
  await writeFile(schema, JSON.stringify(eventsJsonSchema(), null, 2) + '\n');
  return { data: outFile, meta, schema, metadata };
}
