/**
 * Which installed extensions are AI assistants, what they can do, and how an edit is attributed to one.
 *
 * Capabilities matter for attribution: a single multi-character insert at the cursor can only be an inline accept if
 * an extension that provides inline completions is active; a multi-document edit or a disk write can only be an
 * assistant's if an extension with chat/agent abilities is active. With no such extension, those changes stay human.
 */
export type Capability = 'inline' | 'chat' | 'agent';

export interface AssistantEntry {
  /** Assistant slug stored in records (`copilot`, `claude-code`, …). */
  readonly assistant: string;
  readonly capabilities: readonly Capability[];
}

/**
 * Known assistant extensions by lower-cased extension id. Ids come from the marketplace listings; several extensions
 * can map to one assistant (Copilot's completion and chat extensions).
 */
export const KNOWN_ASSISTANT_EXTENSIONS: Readonly<Record<string, AssistantEntry>> = Object.freeze({
  'github.copilot': { assistant: 'copilot', capabilities: ['inline'] },
  'github.copilot-chat': { assistant: 'copilot', capabilities: ['inline', 'chat', 'agent'] },
  'anthropic.claude-code': { assistant: 'claude-code', capabilities: ['chat', 'agent'] },
  'continue.continue': { assistant: 'continue', capabilities: ['inline', 'chat', 'agent'] },
  'codeium.codeium': { assistant: 'codeium', capabilities: ['inline', 'chat'] },
  'tabnine.tabnine-vscode': { assistant: 'tabnine', capabilities: ['inline', 'chat'] },
  'amazonwebservices.amazon-q-vscode': { assistant: 'amazon-q', capabilities: ['inline', 'chat', 'agent'] },
  'saoudrizwan.claude-dev': { assistant: 'cline', capabilities: ['chat', 'agent'] },
  'rooveterinaryinc.roo-cline': { assistant: 'roo', capabilities: ['chat', 'agent'] },
  'kilocode.kilo-code': { assistant: 'kilo-code', capabilities: ['chat', 'agent'] },
  'sourcegraph.cody-ai': { assistant: 'cody', capabilities: ['inline', 'chat'] },
  'google.geminicodeassist': { assistant: 'gemini', capabilities: ['inline', 'chat', 'agent'] },
  'supermaven.supermaven': { assistant: 'supermaven', capabilities: ['inline'] },
  'openai.chatgpt': { assistant: 'codex', capabilities: ['chat', 'agent'] },
});

/** Editors that ship their own assistant, recognised by `vscode.env.appName`. */
export const BUILT_IN_ASSISTANT_APPS: readonly { pattern: RegExp; entry: AssistantEntry }[] = [
  { pattern: /\bcursor\b/i, entry: { assistant: 'cursor', capabilities: ['inline', 'chat', 'agent'] } },
  { pattern: /\bwindsurf\b/i, entry: { assistant: 'codeium', capabilities: ['inline', 'chat', 'agent'] } },
];

/** An assistant extension as seen in this editor. */
export interface ActiveAssistant {
  readonly extensionId: string;
  readonly assistant: string;
  readonly version?: string;
  readonly capabilities: readonly Capability[];
  readonly active: boolean;
}

export interface Attribution {
  assistant: string;
  extensionId?: string;
  assistantVersion?: string;
  /** The model, when the channel names it (VS Code's chat-apply tag does). */
  model?: string;
}

/** Slugs must match the schema's assistant id pattern. */
export function toAssistantSlug(raw: string): string {
  const slug = raw.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '').slice(0, 64);
  return slug === '' ? 'unknown' : slug;
}

/**
 * Looks an extension up in the catalogue, extended by the user's `capture.assistantExtensions` setting
 * (extension id → assistant slug). User entries get every capability: the user said it is an assistant.
 */
export function lookupAssistant(extensionId: string, extra: Readonly<Record<string, string>> = {}): AssistantEntry | undefined {
  const key = extensionId.toLowerCase();
  for (const [id, slug] of Object.entries(extra)) {
    if (id.toLowerCase() === key) return { assistant: toAssistantSlug(slug), capabilities: ['inline', 'chat', 'agent'] };
  }
  return KNOWN_ASSISTANT_EXTENSIONS[key];
}

/**
 * Picks who made an edit from the active assistants with the needed capability. One assistant (Copilot's two
 * extensions count as one) → that assistant; several different ones → `unknown`, because guessing would corrupt the
 * per-assistant trend; none → undefined (the change is not an assistant edit).
 */
export function attribute(assistants: readonly ActiveAssistant[], capability: Capability): Attribution | undefined {
  const candidates = assistants.filter((a) => a.active && a.capabilities.includes(capability));
  if (candidates.length === 0) return undefined;
  const slugs = new Set(candidates.map((c) => c.assistant));
  if (slugs.size > 1) return { assistant: 'unknown' };
  // Prefer the extension that has the capability as its main job (Copilot inline → github.copilot).
  const best = [...candidates].sort((a, b) => a.capabilities.length - b.capabilities.length || a.extensionId.localeCompare(b.extensionId))[0]!;
  return {
    assistant: best.assistant,
    extensionId: best.extensionId,
    ...(best.version !== undefined ? { assistantVersion: best.version } : {}),
  };
}

/**
 * The assistant VS Code named as the author of an edit (its edit tag carries the extension id): the installed
 * assistant with that id, active or not (the editor just saw it act), or, for an extension nobody listed, the id
 * itself as the assistant. Undefined without an id.
 */
export function attributeExtension(assistants: readonly ActiveAssistant[], extensionId: string | undefined): Attribution | undefined {
  if (!extensionId) return undefined;
  const key = extensionId.toLowerCase();
  const known = assistants.find((a) => a.extensionId.toLowerCase() === key);
  if (known) return { assistant: known.assistant, extensionId: known.extensionId, ...(known.version !== undefined ? { assistantVersion: known.version } : {}) };
  return { assistant: toAssistantSlug(extensionId), extensionId };
}

/** Agent command-line programs (run in a terminal) → assistant slug. */
export const AGENT_CLIS: Readonly<Record<string, string>> = Object.freeze({
  claude: 'claude-code',
  codex: 'codex',
  aider: 'aider',
  gemini: 'gemini',
  'cursor-agent': 'cursor',
  opencode: 'opencode',
  goose: 'goose',
  amp: 'amp',
  copilot: 'copilot',
  qwen: 'qwen-code',
  crush: 'crush',
});

const LAUNCHERS = new Set(['npx', 'pnpx', 'bunx', 'sudo', 'env', 'time', 'nohup', 'uvx', 'pipx', 'exec']);

/** The program a shell command line runs (`FOO=1 npx claude --x` → `claude`, `/usr/bin/sed -i` → `sed`). */
export function programOf(commandLine: string): string {
  const words = commandLine
    .trim()
    .split(/\s+/)
    .filter((w) => !/^\w+=/.test(w));
  let i = 0;
  while (i < words.length - 1 && LAUNCHERS.has(words[i]!)) i++;
  const word = words[i] ?? '';
  return word
    .slice(Math.max(word.lastIndexOf('/'), word.lastIndexOf('\\')) + 1)
    .replace(/\.(exe|cmd|ps1)$/i, '')
    .toLowerCase();
}
