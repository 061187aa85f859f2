/**
 * Writes an export to disk (CLI and Node extension hosts): the data file, `<data>.meta.json` beside it, and the JSON
 * Schema of the records (`events.v<N>.schema.json`) in the same folder.
 *
 * Safety: the output may not lie inside the store folder (an export must never write into what it reads); data and
 * metadata are written to temporary files and renamed into place, data first and metadata last, after removing any
 * previous metadata — so a killed export leaves either the previous complete pair, or new data without metadata, never
 * a data file that contradicts its metadata (the metadata also records the data file's size and SHA-256). Existing
 * files that are not a previous Driftwatch export are not overwritten unless `force` is set.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile, realpath, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { exportSchemaOf, runExport, type ExportMetadata, type ExportOptions, type ExportSink } from '../core/export/exporter.js';
import type { EventStore } from '../core/store/eventStore.js';

export interface ExportFiles {
  data: string;
  meta: string;
  schema: string;
  metadata: ExportMetadata;
}

/** Metadata as written beside the data: the export's metadata plus what identifies the data file it describes. */
export type ExportFileMetadata = ExportMetadata & { dataFile: string; dataBytes: number; dataSha256: string };

/** Refusals a user can fix (the CLI maps them to exit code 2). */
export class ExportRefused extends Error {}

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

/** The real path of `p`, or of its nearest existing ancestor joined with the rest (the file may not exist yet). */
async function realish(p: string): Promise<string> {
  const abs = path.resolve(p);
  const rest: string[] = [];
  let cur = abs;
  for (;;) {
    try {
      return path.join(await realpath(cur), ...rest.reverse());
    } catch {
      const parent = path.dirname(cur);
      if (parent === cur) return abs;
      rest.push(path.basename(cur));
      cur = parent;
    }
  }
}

/** Whether `file` (resolved through links) lies inside `folder`. */
export async function isInside(file: string, folder: string): Promise<boolean> {
  const [f, d] = await Promise.all([realish(file), realish(folder)]);
  const rel = path.relative(d, f);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Whether an existing file at `file` is a previous Driftwatch export (its metadata beside it says so). */
async function isPreviousExport(file: string): Promise<boolean> {
  try {
    const meta = JSON.parse(await readFile(`${file}.meta.json`, 'utf8')) as { tool?: unknown; dataFile?: unknown };
    return meta.tool === 'driftwatch' && meta.dataFile === path.basename(file);
  } catch {
    return false;
  }
}

export interface ExportFileOptions {
  /** The store folder being exported: the output may not be inside it. */
  storeDir?: string;
  /** Overwrite existing files that are not a previous Driftwatch export. */
  force?: boolean;
  /** The user already confirmed overwriting the data file (an editor save dialog asks); other files are still checked. */
  dataOverwriteConfirmed?: boolean;
}

export async function exportToFile(store: EventStore, options: ExportOptions, outFile: string, fileOptions: ExportFileOptions = {}): Promise<ExportFiles> {
  const out = path.resolve(outFile);
  const dir = path.dirname(out);
  const metaFile = `${out}.meta.json`;
  const { file: schemaName, schema } = exportSchemaOf(options.format);
  const schemaFile = path.join(dir, schemaName);
  const schemaText = JSON.stringify(schema, null, 2) + '\n';
  if (fileOptions.storeDir !== undefined && (await isInside(out, fileOptions.storeDir))) {
    throw new ExportRefused(`--out ${out} is inside the store folder ${fileOptions.storeDir}; choose a file outside it`);
  }
  if (!fileOptions.force) {
    if (!fileOptions.dataOverwriteConfirmed && existsSync(out) && !(await isPreviousExport(out))) {
      throw new ExportRefused(`${out} exists and is not a previous Driftwatch export; choose another file or pass --force to overwrite it`);
    }
    if (existsSync(schemaFile) && (await readFile(schemaFile, 'utf8').catch(() => '')) !== schemaText) {
      throw new ExportRefused(`${schemaFile} exists with other content; export to another folder or pass --force to overwrite it`);
    }
  }
  await mkdir(dir, { recursive: true });
  const suffix = `.${process.pid}.${Date.now().toString(36)}.tmp`;
  const dataTmp = `${out}${suffix}`;
  const metaTmp = `${metaFile}${suffix}`;
  const schemaTmp = `${schemaFile}${suffix}`;
  try {
    const stream = createWriteStream(dataTmp, { encoding: 'utf8', flags: 'wx' });
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', reject);
    });
    const hash = createHash('sha256');
    let bytes = 0;
    const sink = fileSink(stream);
    let metadata: ExportMetadata;
    try {
      metadata = await runExport(store, options, {
        write: async (chunk) => {
          hash.update(chunk, 'utf8');
          bytes += Buffer.byteLength(chunk, 'utf8');
          await sink.write(chunk);
        },
      });
    } finally {
      await new Promise<void>((resolve, reject) => {
        stream.once('error', reject);
        stream.end(resolve);
      });
    }
    const fileMeta: ExportFileMetadata = { ...metadata, dataFile: path.basename(out), dataBytes: bytes, dataSha256: hash.digest('hex') };
    await writeFile(metaTmp, JSON.stringify(fileMeta, null, 2) + '\n', { flag: 'wx' });
    // Order matters: old metadata gone before the data changes, new metadata only once the data is in place.
    await rm(metaFile, { force: true });
    await rename(dataTmp, out);
    await rename(metaTmp, metaFile);
    // Written beside it and renamed, as the data: a process killed mid-write must not leave a truncated schema, which
    // the next export would refuse to overwrite.
    await writeFile(schemaTmp, schemaText, { flag: 'wx' });
    await rename(schemaTmp, schemaFile);
    return { data: out, meta: metaFile, schema: schemaFile, metadata };
  } finally {
    await rm(dataTmp, { force: true });
    await rm(metaTmp, { force: true });
    await rm(schemaTmp, { force: true });
  }
}

/** Checks that a data file and its metadata agree (size and hash). For tests and for users verifying an export. */
export async function verifyExport(outFile: string): Promise<{ ok: boolean; reason?: string }> {
  let meta: ExportFileMetadata;
  try {
    meta = JSON.parse(await readFile(`${outFile}.meta.json`, 'utf8')) as ExportFileMetadata;
  } catch {
    return { ok: true, reason: 'no metadata (an export that did not finish claims nothing)' };
  }
  let data: Buffer;
  try {
    data = await readFile(outFile);
  } catch {
    return { ok: false, reason: 'metadata without its data file' };
  }
  if (data.length !== meta.dataBytes) return { ok: false, reason: `data has ${data.length} bytes, metadata says ${meta.dataBytes}` };
  if (createHash('sha256').update(data).digest('hex') !== meta.dataSha256) return { ok: false, reason: 'data hash differs from metadata' };
  return { ok: true };
}
