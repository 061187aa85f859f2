/**
 * Recognising an assistant extension that is not in the catalogue from what its manifest (package.json) declares.
 * The catalogue only knows the assistants that existed when it was written; new ones declare themselves through the
 * marketplace categories `AI` / `Chat` and the contribution points VS Code gives assistants (chat participants,
 * language-model providers and tools, MCP server definitions) or the API proposals for inline completions.
 *
 * Capabilities follow what the declaration allows the extension to do, because they decide which changes may be
 * attributed to it (see the precision rule in provenance.ts): a chat participant can apply edits and write files
 * (chat, agent); a language-model or MCP contribution serves an agent (agent); inline completions need a specific
 * hint. A manifest that declares none of these is not an assistant, whatever its keywords say.
 */
import { toAssistantSlug, type Capability } from './assistantCatalog.js';

/** What the manifest showed, for the log line and the registry. */
export interface ManifestRecognition {
  /** Assistant slug stored in records: the extension id, lower-cased (it is public, and unique). */
  readonly assistant: string;
  readonly capabilities: readonly Capability[];
  /** Which declarations made it an assistant (e.g. `category:AI`, `chatParticipants`). */
  readonly signals: readonly string[];
}

const ASSISTANT_CATEGORIES = new Set(['ai', 'chat']);
/** API proposals only an inline-completion provider asks for. */
const INLINE_PROPOSALS = /^inlineCompletions/i;
/** API proposals of chat participants and language-model providers. */
const CHAT_PROPOSALS = /^(chatParticipant|defaultChatParticipant|chatProvider|languageModel|chatEditing|mappedEditsProvider|aiTextSearchProvider)/i;
/** Words in keywords or the description that, together with an assistant category, say "inline completions". */
const INLINE_WORDS = /\b(autocomplete|auto-complete|code completions?|inline completions?|inline suggestions?|tab completions?|ghost text)\b/i;

function nonEmptyArray(v: unknown): v is unknown[] {
  return Array.isArray(v) && v.length > 0;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/**
 * The assistant a manifest declares, or undefined. Never throws: the manifest is another extension's JSON and may
 * have any shape.
 */
export function recogniseFromManifest(extensionId: string, manifest: unknown): ManifestRecognition | undefined {
  if (typeof manifest !== 'object' || manifest === null) return undefined;
  const m = manifest as Record<string, unknown>;
  const contributes = typeof m['contributes'] === 'object' && m['contributes'] !== null ? (m['contributes'] as Record<string, unknown>) : {};
  const categories = strings(m['categories']).map((c) => c.toLowerCase());
  const proposals = strings(m['enabledApiProposals']);
  const signals: string[] = [];
  const caps = new Set<Capability>();

  for (const c of categories) if (ASSISTANT_CATEGORIES.has(c)) signals.push(`category:${c === 'ai' ? 'AI' : 'Chat'}`);
  if (signals.length > 0) {
    caps.add('chat');
    caps.add('agent');
  }
  if (nonEmptyArray(contributes['chatParticipants'])) {
    signals.push('chatParticipants');
    caps.add('chat');
    caps.add('agent');
  }
  for (const point of ['languageModels', 'languageModelChatProviders', 'languageModelTools', 'mcpServerDefinitionProviders']) {
    if (nonEmptyArray(contributes[point])) {
      signals.push(point);
      caps.add('agent');
    }
  }
  if (proposals.some((p) => CHAT_PROPOSALS.test(p))) {
    signals.push('chat API proposals');
    caps.add('chat');
  }
  const inlineProposal = proposals.some((p) => INLINE_PROPOSALS.test(p));
  if (inlineProposal) signals.push('inline completion API proposals');
  if (signals.length === 0) return undefined;

  // Inline completions: the proposal, or an assistant that says so in its keywords or description.
  const words = [...strings(m['keywords']), typeof m['description'] === 'string' ? m['description'] : ''].join(' ');
  if (inlineProposal || INLINE_WORDS.test(words)) caps.add('inline');
  return { assistant: toAssistantSlug(extensionId), capabilities: [...caps].sort(), signals };
}
