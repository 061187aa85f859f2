/**
 * What the loopback OTLP receiver keeps from decoded OTLP: the accept/reject signals assistants export about their
 * edits, as Driftwatch `proposal` records (`channel: otlp`, `decisionSource: signal`). Everything else in a batch
 * (token counts, spans' logs, other tools) is counted as ignored and dropped; no attribute other than those listed
 * below is stored, so prompts or paths an exporter might attach never reach the store.
 *
 * - Claude Code: the `claude_code.tool_decision` event and the `claude_code.code_edit_tool.decision` counter
 *   (`tool_name`, `decision` accept|reject, `source`, `language`), for the editing tools only. When Claude Code sends
 *   both, the per-decision events win and the counter is ignored (they describe the same decisions).
 * - Copilot Chat: `copilot_chat.edit.hunk.action` (outcome keep|accepted / undo|rejected), `copilot_chat.inline.done`
 *   (accepted true|false), and `copilot_chat.edit.survival` (4-gram and no-revert survival rates after a delay),
 *   stored as `reported-survival` records beside Driftwatch's own survival measurements.
 *
 * The records leave here unlinked; the host's decision linker (src/core/capture/decisionLinker.ts) ties them to the
 * edits the editor observed before they are stored.
 */
import type { SignalRecord } from '../../core/capture/decisionLinker.js';
import { otlpAttribute, type OtlpKeyValue, type OtlpLogsRequest, type OtlpMetricsRequest, type OtlpValue } from '../otlp/otlpTypes.js';

export type { SignalRecord };

const EDIT_TOOLS = new Set(['Edit', 'Write', 'MultiEdit', 'NotebookEdit']);
/** Decisions one counter point may stand for; a larger delta is clamped (and logged) rather than flooding the store. */
const MAX_DECISIONS_PER_POINT = 1_000;
const DAY_MS = 86_400_000;

export interface MappedBatch {
  readonly records: SignalRecord[];
  /** Log records / data points that were not an assistant decision (or were skipped). */
  readonly ignored: number;
  /** One-line notes for the log (deduplicated by the caller). */
  readonly notes: string[];
}

const str = (v: OtlpValue | undefined): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined);
const short = (s: string | undefined): string | undefined => (s === undefined ? undefined : s.slice(0, 200));

function language(v: string | undefined): string {
  return (v ?? 'unknown').toLowerCase().replace(/[^a-z0-9+#._-]/g, '').slice(0, 200) || 'unknown';
}

function decisionOf(raw: string | undefined): 'accepted' | 'rejected' | undefined {
  switch ((raw ?? '').toLowerCase()) {
    case 'accept':
    case 'accepted':
    case 'keep':
    case 'kept':
    case 'true':
      return 'accepted';
    case 'reject':
    case 'rejected':
    case 'undo':
    case 'undone':
    case 'false':
      return 'rejected';
    default:
      return undefined;
  }
}

/** FNV-1a based id, stable for the same record (an exporter's retry of a batch is recognised). */
function idOf(parts: readonly string[]): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (const p of parts) {
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193) >>> 0;
      b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
    }
    a = Math.imul(a ^ 0x1f, 0x01000193) >>> 0;
  }
  return `otlp-${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}`;
}

function tsOf(nanos: string, now: number): number {
  const ms = Number(nanos.length > 6 ? nanos.slice(0, -6) : '0');
  return Number.isFinite(ms) && Math.abs(ms - now) <= DAY_MS ? ms : now;
}

function attrKey(attributes: readonly OtlpKeyValue[]): string {
  return attributes
    .map((kv) => `${kv.key}=${str(kv.value) ?? ''}`)
    .sort()
    .join('\u0001');
}

/** Maps decoded OTLP batches to proposal records; keeps the little state counters need. */
export class AssistantSignalMapper {
  /** Last cumulative value per counter series. */
  private readonly cumulative = new Map<string, number>();
  /** Assistants whose per-decision events were seen: their counters describe the same decisions. */
  private readonly eventsSeen = new Set<string>();
  private readonly recentIds = new Set<string>();

  /** `skip(assistant)`: a more precise channel (agent hooks) reports this assistant's decisions already. */
  constructor(private readonly skip: (assistant: string) => boolean = () => false) {}

  fromLogs(req: OtlpLogsRequest, now: number): MappedBatch {
    const records: SignalRecord[] = [];
    const notes: string[] = [];
    let ignored = 0;
    for (const rl of req.resourceLogs) {
      const service = str(otlpAttribute(rl.resource.attributes, 'service.name'));
      for (const sl of rl.scopeLogs) {
        for (const lr of sl.logRecords) {
          const names = [lr.eventName, str(otlpAttribute(lr.attributes, 'event.name')), str(lr.body)].filter((n): n is string => !!n);
          const at = (key: string): string | undefined => str(otlpAttribute(lr.attributes, key));
          const is = (full: string, shortName: string, svc: string): boolean => names.some((n) => n === full || (n === shortName && (service ?? '').startsWith(svc)));
          let record: SignalRecord | undefined;
          if (is('claude_code.tool_decision', 'tool_decision', 'claude')) {
            const tool = at('tool_name');
            const decision = decisionOf(at('decision'));
            if (!tool || !EDIT_TOOLS.has(tool) || !decision) {
              ignored++;
              continue;
            }
            this.eventsSeen.add('claude-code');
            record = { kind: 'proposal', proposalId: '', channel: 'otlp', assistant: 'claude-code', toolName: tool, decision, decisionSource: 'signal', language: language(at('language')) };
          } else if (is('copilot_chat.edit.hunk.action', 'edit.hunk.action', 'copilot')) {
            const decision = decisionOf(at('outcome') ?? at('action'));
            if (!decision) {
              ignored++;
              continue;
            }
            const lines = Number(at('line_count'));
            record = { kind: 'proposal', proposalId: '', channel: 'otlp', assistant: 'copilot', toolName: 'chat-edit-hunk', decision, decisionSource: 'signal', language: language(at('language_id')), ...(Number.isInteger(lines) && lines >= 0 && lines < 1e7 ? { linesProposed: lines } : {}) };
          } else if (is('copilot_chat.inline.done', 'inline.done', 'copilot')) {
            const decision = decisionOf(at('accepted'));
            if (!decision) {
              ignored++;
              continue;
            }
            const lines = Number(at('edit_line_count'));
            record = { kind: 'proposal', proposalId: '', channel: 'otlp', assistant: 'copilot', toolName: 'inline-chat', decision, decisionSource: 'signal', language: language(at('language_id')), ...(Number.isInteger(lines) && lines >= 0 && lines < 1e7 ? { linesProposed: lines } : {}) };
          } else if (is('copilot_chat.edit.survival', 'edit.survival', 'copilot')) {
            const rate = (...keys: string[]): number | undefined => {
              for (const k of keys) {
                const v = Number(at(k));
                if (at(k) !== undefined && Number.isFinite(v) && v >= 0 && v <= 1) return v;
              }
              return undefined;
            };
            const fourGram = rate('survival_rate_four_gram', 'survivalRateFourGram', 'four_gram_survival');
            const noRevert = rate('survival_rate_no_revert', 'survivalRateNoRevert', 'no_revert_survival');
            if (fourGram === undefined && noRevert === undefined) {
              ignored++;
              continue;
            }
            const delay = Number(at('time_delay_ms') ?? at('timeDelayMs'));
            record = {
              kind: 'reported-survival',
              channel: 'otlp',
              assistant: 'copilot',
              signal: 'copilot_chat.edit.survival',
              language: language(at('language_id') ?? at('languageId')),
              ...(Number.isInteger(delay) && delay >= 0 && delay < DAY_MS ? { afterMs: delay } : {}),
              ...(fourGram !== undefined ? { fourGramSurvival: fourGram } : {}),
              ...(noRevert !== undefined ? { noRevertSurvival: noRevert } : {}),
            };
          } else {
            ignored++;
            continue;
          }
          if (this.skip(record.assistant)) {
            notes.push(`${record.assistant} decisions from OTLP are not stored while its agent hooks report them`);
            ignored++;
            continue;
          }
          const id = idOf([service ?? '', lr.timeUnixNano, lr.observedTimeUnixNano, ...names, attrKey(lr.attributes)]);
          if (!this.remember(id)) {
            ignored++;
            continue;
          }
          const ts = tsOf(lr.timeUnixNano !== '0' ? lr.timeUnixNano : lr.observedTimeUnixNano, now);
          records.push(record.kind === 'proposal' ? { ...record, proposalId: id, ts } : { ...record, ts });
        }
      }
    }
    return { records, ignored, notes };
  }

  fromMetrics(req: OtlpMetricsRequest, now: number): MappedBatch {
    const records: SignalRecord[] = [];
    const notes: string[] = [];
    let ignored = 0;
    for (const rm of req.resourceMetrics) {
      const resource = attrKey(rm.resource.attributes);
      for (const sm of rm.scopeMetrics) {
        for (const m of sm.metrics) {
          if (m.name !== 'claude_code.code_edit_tool.decision' || m.data.kind !== 'sum') {
            ignored += m.data.kind === 'other' ? m.data.pointCount : m.data.points.length;
            continue;
          }
          if (this.eventsSeen.has('claude-code') || this.skip('claude-code')) {
            notes.push('claude_code.code_edit_tool.decision ignored: the same decisions arrive as tool_decision events or agent hooks');
            ignored += m.data.points.length;
            continue;
          }
          for (const p of m.data.points) {
            const at = (key: string): string | undefined => str(otlpAttribute(p.attributes, key));
            const tool = at('tool_name');
            const decision = decisionOf(at('decision'));
            if (!tool || !EDIT_TOOLS.has(tool) || !decision || !Number.isFinite(p.value) || p.value < 0) {
              ignored++;
              continue;
            }
            let count = p.value;
            if (m.data.temporality === 2) {
              const key = `${resource}\u0002${p.startTimeUnixNano}\u0002${attrKey(p.attributes)}`;
              const last = this.cumulative.get(key);
              this.cumulative.set(key, p.value);
              if (this.cumulative.size > 10_000) this.cumulative.delete(this.cumulative.keys().next().value!);
              count = last === undefined || p.value < last ? p.value : p.value - last;
            }
            count = Math.floor(count);
            if (count > MAX_DECISIONS_PER_POINT) {
              notes.push(`a code_edit_tool.decision point claimed ${count} decisions; ${MAX_DECISIONS_PER_POINT} kept`);
              count = MAX_DECISIONS_PER_POINT;
            }
            for (let i = 0; i < count; i++) {
              const id = idOf([resource, p.startTimeUnixNano, p.timeUnixNano, attrKey(p.attributes), String(i)]);
              if (!this.remember(id)) continue;
              records.push({ kind: 'proposal', proposalId: id, channel: 'otlp', assistant: 'claude-code', toolName: tool, decision, decisionSource: 'signal', language: language(at('language')), ts: tsOf(p.timeUnixNano, now) });
            }
          }
        }
      }
    }
    return { records, ignored, notes: notes.map(short).filter((n): n is string => !!n) };
  }

  /** False when the id was seen recently (an exporter retrying a batch whose answer it missed). */
  private remember(id: string): boolean {
    if (this.recentIds.has(id)) return false;
    this.recentIds.add(id);
    if (this.recentIds.size > 20_000) this.recentIds.delete(this.recentIds.values().next().value!);
    return true;
  }
}
