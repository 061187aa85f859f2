/** Webview ⇄ host messages: anything at all, and valid messages with one field mutated. */
import assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { describeRejection, ToHost, ToWebview } from '../../../src/protocol/messages.js';
import type { FuzzFamily } from '../registry.js';

const nearValid = fc.oneof(
  fc.record({ type: fc.constantFrom('ready', 'query', 'openEdit', 'openRuleDoc', 'dismissDrift', 'reportRejected', 'init', 'data', 'recent', 'openResult', 'error', '__proto__', 'constructor'), id: fc.anything({ maxDepth: 1 }), query: fc.anything({ maxDepth: 3 }), editId: fc.anything({ maxDepth: 1 }), ruleId: fc.string({ maxLength: 120 }), key: fc.string({ maxLength: 400 }), detail: fc.string({ maxLength: 400 }), data: fc.anything({ maxDepth: 3 }) }, { requiredKeys: ['type'] }),
  fc.anything({ maxDepth: 4 }),
);

export const protocolMessages: FuzzFamily<{ raw: unknown; toHost: boolean }> = {
  name: 'protocol.messages',
  runs: 3000,
  arbitrary: fc.record({ raw: nearValid, toHost: fc.boolean() }),
  check({ raw, toHost }) {
    const parsed = (toHost ? ToHost : ToWebview).safeParse(raw);
    if (!parsed.success) {
      // The one warning line each side logs for a rejected message must itself never throw, and stays short.
      const line = describeRejection(parsed.error, raw);
      assert.equal(typeof line, 'string');
      assert.ok(line.length < 2000);
    }
  },
};
