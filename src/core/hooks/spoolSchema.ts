/** JSON Schema of Driftwatch's generic spool record (docs/spool.schema.json), generated from its zod schema. */
import * as z from 'zod';
import { GenericSpoolRecord } from './hookRecords.js';

export function spoolJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(GenericSpoolRecord, { target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://driftwatch.invalid/schema/spool.v1.schema.json',
    title: 'Driftwatch generic spool record, version 1',
    description:
      'One JSON object per file in a Driftwatch spool folder (written with `driftwatch-hook.sh SPOOL_DIR <assistant>` or `driftwatch hook <assistant> --spool SPOOL_DIR`). `id` is required for proposal, accept and reject; a proposal also needs `file` and `text`. See docs/spool.md.',
    allOf: [
      { if: { properties: { event: { enum: ['proposal', 'accept', 'reject'] } } }, then: { required: ['id'] } },
      { if: { properties: { event: { const: 'proposal' } } }, then: { required: ['file', 'text'] } },
    ],
  };
}
