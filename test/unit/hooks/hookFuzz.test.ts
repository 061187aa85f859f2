/**
 * Fuzzing the spool consumer: 12,000 mutated hook records (wrong types, missing and extra fields, huge strings, deep
 * nesting, truncation, byte flips, prototype keys) through the parser and the proposal book. Nothing may throw; every
 * rejected record has a reason (the host logs it as one line).
 */
import { strict as assert } from 'node:assert';
import { prng as rng } from '../../../src/core/demo/demoHistory.js';
import { VerdictLedger } from '../../../src/core/capture/verdictLedger.js';
import { parseSpoolRecord } from '../../../src/core/hooks/hookRecords.js';
import { ProposalBook } from '../../../src/core/hooks/proposalBook.js';
import { ManualClock } from '../../../src/core/util/clock.js';
import { claudeMultiEdit, claudeNotebookEdit, claudePostEdit, claudePreEdit, claudePreWrite, claudeSessionEnd, claudeStop, cursorAfterFileEdit } from '../../support/hookPayloads.js';


const call = { session: 's', toolUseId: 'toolu_f', file: '/w/a.ts' };
const seeds: unknown[] = [
  claudePreEdit(call, 'a', 'b'),
  claudePostEdit(call, 'a', 'b', { line: 3 }),
  claudePreWrite(call, 'x'),
  claudeMultiEdit('PostToolUse', call, [{ old_string: 'a', new_string: 'b' }]),
  claudeNotebookEdit('PreToolUse', { ...call, file: '/w/n.ipynb' }, 'print()'),
  claudeStop('s'),
  claudeSessionEnd('s'),
  cursorAfterFileEdit('/w/b.ts', [{ old_string: 'a', new_string: 'b' }]),
  { driftwatch: 1, event: 'proposal', assistant: 'aider', id: 'c', file: '/w/c.py', text: 'pass' },
  { driftwatch: 1, event: 'reject', assistant: 'aider', id: 'c' },
];

const WEIRD: unknown[] = [null, 0, -1, 1e308, NaN, true, '', 'x'.repeat(70_000), [], {}, [[[]]], { __proto__: { polluted: 1 } }, '\u0000\ud800', 42n];

/** Deeply nested JSON text (built as text: JSON.stringify itself would overflow the stack). */
function deep(depth: number): string {
  return '[{"k":'.repeat(depth) + '"leaf"' + '}]'.repeat(depth);
}

function paths(v: unknown, prefix: string[] = [], out: string[][] = []): string[][] {
  if (typeof v === 'object' && v !== null) {
    for (const k of Object.keys(v)) {
      out.push([...prefix, k]);
      paths((v as Record<string, unknown>)[k], [...prefix, k], out);
    }
  }
  return out;
}

function mutate(seed: unknown, r: () => number): string {
  const obj = structuredClone(seed) as Record<string, unknown>;
  const ps = paths(obj);
  const op = Math.floor(r() * 9);
  const pick = ps[Math.floor(r() * ps.length)]!;
  const parent = pick.slice(0, -1).reduce<Record<string, unknown>>((o, k) => o[k] as Record<string, unknown>, obj);
  const key = pick[pick.length - 1]!;
  switch (op) {
    case 0: {
      const w = WEIRD[Math.floor(r() * WEIRD.length)];
      parent[key] = typeof w === 'bigint' ? Number(w) : w;
      break;
    }
    case 1:
      delete parent[key];
      break;
    case 2:
      // Mostly large, sometimes over the 4 MB text limit (kept rare: each costs a 5 MB string).
      parent[key] = 'y'.repeat(r() < 0.03 ? 4_200_000 + Math.floor(r() * 800_000) : Math.floor(r() * 200_000));
      break;
    case 3:
      parent[key] = '\u0001DEEP\u0001';
      break;
    case 4:
      parent['__proto__'] = { tool_name: 'Edit' };
      parent['constructor'] = 'x';
      break;
    default:
      break;
  }
  let text = JSON.stringify(obj).replace('"\\u0001DEEP\\u0001"', () => deep(r() < 0.05 ? 100_000 : Math.floor(r() * 2_000)));
  if (op === 5) text = text.slice(0, Math.floor(r() * text.length)); // truncated write
  if (op === 6) {
    const chars = [...text];
    for (let i = 0; i < 1 + r() * 5; i++) chars[Math.floor(r() * chars.length)] = String.fromCharCode(Math.floor(r() * 0x2fff));
    text = chars.join('');
  }
  if (op === 7) text = `${text}\n${text}`; // two records glued together
  if (op === 8) text = '\ufeff' + text;
  return text;
}

describe('hooks/fuzzing the spool consumer', function () {
  this.timeout(240_000);
  it('12,000 mutated records: zero crashes, every rejection has a reason', () => {
    const r = rng(0x5eed);
    const clock = new ManualClock(0);
    const book = new ProposalBook(clock, new VerdictLedger(), {
      uriOf: (f) => (f.startsWith('/w/') ? `file://${f}` : undefined),
      recordEdit: () => Promise.resolve('e'),
      recordEditNow: () => 'e',
      recordProposal: () => undefined,
      log: { debug: () => undefined, info: () => undefined },
    });
    let ok = 0;
    let rejected = 0;
    const N = 12_000;
    for (let i = 0; i < N; i++) {
      const text = mutate(seeds[i % seeds.length], r);
      const result = parseSpoolRecord(text, `fuzz-${i}`);
      if (result.ok) {
        ok++;
        if (result.signal) book.accept(result.signal);
      } else {
        rejected++;
        assert.ok(result.reason.length > 0 && result.reason.length <= 400, `reason for ${text.slice(0, 80)}`);
      }
      if (i % 500 === 0) clock.advance(2_000);
    }
    clock.advance(30 * 60_000);
    book.dispose();
    assert.equal(ok + rejected, N);
    assert.ok(rejected > N / 3, `most mutations are invalid (rejected ${rejected}, accepted ${ok})`);
    console.log(`      fuzz: ${N} mutated hook records, ${rejected} rejected with a reason, ${ok} valid, 0 crashes`);
  });
});
