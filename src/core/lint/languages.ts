/**
 * The VS Code language ids the lint engine understands and the tree-sitter grammar each one parses with.
 * JSX has no grammar of its own: the JavaScript grammar parses JSX; TSX needs the separate TSX grammar.
 */
export const LINT_LANGUAGES = ['python', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact'] as const;
export type LintLanguageId = (typeof LINT_LANGUAGES)[number];

/** Grammar families: rules are written per family, not per VS Code language id. */
export type GrammarId = 'python' | 'typescript' | 'tsx' | 'javascript';

const GRAMMAR_OF: Record<LintLanguageId, GrammarId> = {
  python: 'python',
  typescript: 'typescript',
  typescriptreact: 'tsx',
  javascript: 'javascript',
  javascriptreact: 'javascript',
};

/** File name of each grammar's wasm, as shipped in `dist/grammars/` and in `@vscode/tree-sitter-wasm/wasm/`. */
export const GRAMMAR_WASM: Record<GrammarId, string> = {
  python: 'tree-sitter-python.wasm',
  typescript: 'tree-sitter-typescript.wasm',
  tsx: 'tree-sitter-tsx.wasm',
  javascript: 'tree-sitter-javascript.wasm',
};

/** File name of the tree-sitter runtime wasm. */
export const RUNTIME_WASM = 'web-tree-sitter.wasm';

export function isLintLanguage(id: string): id is LintLanguageId {
  return (LINT_LANGUAGES as readonly string[]).includes(id);
}

export function grammarOf(id: LintLanguageId): GrammarId {
  return GRAMMAR_OF[id];
}

/**
 * The one extension → VS Code language id table (lint, the CLI and capture's files written while closed all read it).
 * Lintable languages plus the few other languages capture records often enough to name.
 */
const EXTENSION_LANGUAGE: Readonly<Record<string, string>> = {
  '.py': 'python',
  '.pyi': 'python',
  '.pyw': 'python',
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.tsx': 'typescriptreact',
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.jsx': 'javascriptreact',
  '.md': 'markdown',
  '.json': 'json',
};

/** VS Code language id for a file name by its extension (`.d.ts` counts as TypeScript); `plaintext` when unknown. */
export function languageIdForFileName(fileName: string): string {
  const slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
  const dot = fileName.lastIndexOf('.');
  if (dot <= slash) return 'plaintext';
  return EXTENSION_LANGUAGE[fileName.slice(dot).toLowerCase()] ?? 'plaintext';
}

/** Language id for a file name by its extension (`.d.ts` counts as TypeScript), or undefined when not lintable. */
export function languageForFileName(fileName: string): LintLanguageId | undefined {
  const id = languageIdForFileName(fileName);
  return isLintLanguage(id) ? id : undefined;
}
