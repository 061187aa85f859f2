/**
 * A measurement that follows every tracked assistant edit on its own schedule (ARC is the first): the edit tracker
 * hands it each new edit, every later change of a document, document closes and reopens, and a slot in the pending
 * state persisted across window reloads. Registering one is one line where the tracker is built.
 */
import type { AssistantEditEvent, EditRef } from '../schema/events.js';
import type { Region } from './regionTransform.js';
import type { TextChange } from './textChange.js';

/** An edit the tracker started following, as a follower sees it. */
export interface FollowedEdit {
  readonly edit: AssistantEditEvent;
  readonly ref: EditRef;
  /** Document uri (string form), in memory and pending state only. */
  readonly uri: string;
  /** Offsets of the inserted text in `documentText`. */
  readonly region: Region;
  readonly documentText: string;
  /**
   * The characters the edit really changed (see `CandidateRegion.spans`), when capture saw the change itself, and how
   * many there were at the change (changes before the verdict may already have removed some of them).
   */
  readonly changed?: { readonly spans: readonly Region[]; readonly trimmed: boolean; readonly accepted: number };
  /** The text the edit replaced, when known. */
  readonly replacedText?: string;
  /** Clock time the tracker started following the edit. */
  readonly insertedAt: number;
}

export interface EditFollower {
  /** Key of this follower's slot in the persisted pending state. */
  readonly name: string;
  follow(edit: FollowedEdit): void;
  /** One change event of an open document, whatever its provenance (offsets as in {@link TextChange}). */
  onChange(uri: string, changes: readonly TextChange[]): void;
  onDocumentClosed(uri: string, text: string): void;
  onDocumentOpened(uri: string, text: string): void;
  /** The follower's state to persist (JSON); read back by {@link restore}, which validates it. */
  snapshot(): unknown;
  /** Resumes persisted state; returns how many edits it resumed. */
  restore(state: unknown, isOpen: (uri: string) => boolean): number;
  dispose(): void;
}
