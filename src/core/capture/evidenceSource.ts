/**
 * One channel of evidence about where a change came from (a paste seen by the paste provider, an observed inline
 * accept, the suggest widget, terminal commands, file-system activity, a save participant, VS Code's own edit reason,
 * …). Each observer implements this interface in one file; the host registers it with the capture session, which asks
 * every registered source when it classifies a change. Adding a channel is that file plus one registration.
 */
import type { Evidence } from './provenance.js';

/** What a source is asked about: one document (its URI string) at one moment (clock ms). */
export interface EvidenceQuery {
  readonly uri: string;
  readonly now: number;
  /** The document is the active text editor's (editor-widget state means nothing for other documents). */
  readonly isActiveDocument: boolean;
}

export interface EvidenceSource {
  /** Short name for logs. */
  readonly name: string;
  /**
   * When the session reads this source: `change` for state the edit itself ends (the suggest widget closes as its
   * item is inserted), `verdict` for signals that may arrive a little after the change (file watchers, git).
   */
  readonly readAt: 'change' | 'verdict';
  /** The evidence this source holds for the query; `{}` when it has nothing to say. */
  evidenceFor(query: EvidenceQuery): Evidence;
  /**
   * Optional O(1) check on the typing hot path: true when this source saw something that makes even a typing-shaped
   * change need a full verdict (an observed inline accept of a one-character completion).
   */
  requiresVerdict?(query: EvidenceQuery): boolean;
}

/** The merged evidence of every source registered for `phase` (later sources win on the same field). */
export function gatherEvidence(sources: readonly EvidenceSource[], phase: EvidenceSource['readAt'], query: EvidenceQuery): Evidence {
  let out: Evidence = {};
  for (const s of sources) {
    if (s.readAt !== phase) continue;
    const e = s.evidenceFor(query);
    for (const _ in e) {
      out = { ...out, ...e };
      break;
    }
  }
  return out;
}
