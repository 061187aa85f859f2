#!/usr/bin/env node
// Regenerates docs/spool.schema.json from the zod schema of the generic spool record (src/core/hooks/hookRecords.ts).
// test/unit/hooks/spoolSchema.test.ts fails when the committed file and the schema disagree.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { spoolJsonSchema } = await import(pathToFileURL(path.join(root, 'src/core/hooks/spoolSchema.ts')).href);
await writeFile(path.join(root, 'docs', 'spool.schema.json'), JSON.stringify(spoolJsonSchema(), null, 2) + '\n');
console.log('[spool-schema] wrote docs/spool.schema.json');
