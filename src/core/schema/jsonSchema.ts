/** JSON Schema for researchers, generated from the zod schemas (the single source of truth) at build time. */
import * as z from 'zod';
import { DriftEvent, SCHEMA_VERSION } from './events.js';

export { SCHEMA_VERSION };

export function eventsJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(DriftEvent, { target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: `https://driftwatch.invalid/schema/events.v${SCHEMA_VERSION}.schema.json`,
    title: `Driftwatch event record, schema version ${SCHEMA_VERSION}`,
    description:
      'One JSON object per line of a Driftwatch JSONL store or export. Discriminated by `kind`; every record carries `schema`, `id`, `ts` (epoch ms, UTC) and `tz` (UTC offset in minutes at capture).',
  };
}
