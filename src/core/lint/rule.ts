/**
 * The rule API. A rule is a small object with an id from shared/RULES.md, the languages it handles and a
 * `check(ctx)` that inspects the parsed file and calls `ctx.report(...)` once per distinct problem.
 *
 * Writing a rule (TypeScript/JavaScript rules live in `rules/js/`, Python rules in `rules/python/`):
 *
 * ```ts
 * export const awaitInLoop: Rule = {
 *   id: 'loop.await-in-loop',
 *   languages: ['typescript', 'typescriptreact', 'javascript', 'javascriptreact'],
 *   check(ctx) {
 *     for (const node of ctx.nodesOfType(['await_expression'])) {
 *       const loop = enclosingLoop(node, ctx.grammar);        // helpers in syntax.ts
 *       if (!loop) continue;
 *       ctx.report(node, `\`${node.text}\` waits on every iteration of the loop`, 'Collect the promises and await Promise.all(...) once.');
 *     }
 *   },
 * };
 * ```
 *
 * Then add it to `registry.ts`. Severity, family, title and docs come from `ruleCatalog.ts` by id, so a rule never
 * repeats them. For speed prefer `ctx.syntax()` (a plain-JS mirror of the named nodes, indexed by type, built once per
 * file and shared by all rules) over queries and `Node` navigation: every `Node` property read crosses into wasm and
 * every query walks the whole tree again. The Python rules and their scope model (`python/scope.ts`) work that way.
 * What the engine does for every rule:
 * - findings whose anchor lies inside (or is) an ERROR/MISSING node are dropped, as are findings outside the
 *   requested span and on lines holding undecodable bytes;
 * - identical findings (same rule, same range) are reported once;
 * - a rule that throws is logged once per file and skipped; the other rules still run.
 *
 * Positions: tree-sitter nodes carry 0-based rows and UTF-16 columns, exactly VS Code's `Position`, and
 * `startIndex`/`endIndex` are UTF-16 offsets into `ctx.text` (so `ctx.text.slice(n.startIndex, n.endIndex)` equals
 * `n.text`, without a wasm round trip).
 */
import type { Range, Severity } from '../schema/events.js';
import type { GrammarId, LintLanguageId } from './languages.js';
import type { MirrorNode, SyntaxMirror } from './syntaxMirror.js';
import type { SyntaxNode, SyntaxTree, TsQuery } from './treeSitter.js';
import type { QueryCapture, QueryMatch } from 'web-tree-sitter';

export type { QueryCapture, QueryMatch };

/** One problem found by a rule. Ranges are 0-based lines and UTF-16 characters, as in VS Code. */
export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly range: Range;
  /** Specific message naming the variables involved. Contains source identifiers: never leaves the machine. */
  readonly message: string;
  /** One-line fix hint. */
  readonly hint: string;
}

/** A half-open UTF-16 offset range `[startIndex, endIndex)` into the file text. */
export interface TextSpan {
  readonly startIndex: number;
  readonly endIndex: number;
}

export interface RuleContext {
  readonly languageId: LintLanguageId;
  readonly grammar: GrammarId;
  /** The whole file text (as decoded). */
  readonly text: string;
  readonly tree: SyntaxTree;
  readonly root: SyntaxNode;
  /**
   * When set, only findings anchored inside this span are kept. Rules may use it to skip work, but must still read
   * surrounding context (a loop header outside the span decides about a statement inside it).
   */
  readonly span: TextSpan | undefined;
  /** Compiles (cached per grammar) a tree-sitter query. */
  query(source: string): TsQuery;
  /** Runs a cached query over `node` (default: the root), restricted to nodes intersecting the span. */
  matches(source: string, node?: SyntaxNode): QueryMatch[];
  /** Like `matches`, as a flat capture list in document order. */
  captures(source: string, node?: SyntaxNode): QueryCapture[];
  /**
   * Every node of the given types, in document order (one cached query per type set, shared between rules).
   * Restricted to nodes intersecting the span.
   */
  nodesOfType(types: readonly string[]): SyntaxNode[];
  /** Source text of a node, sliced from `text` (no wasm call). */
  textOf(node: { readonly startIndex: number; readonly endIndex: number }): string;
  /** True when the node is, or lies inside, an ERROR or MISSING node. */
  isInError(node: SyntaxNode): boolean;
  /**
   * Reports a finding anchored at a node (or an explicit range). `message` names the variables involved; `hint` is
   * one line. Dropped silently when the anchor is in error, outside the span or on an undecodable line.
   */
  report(anchor: SyntaxNode | MirrorNode | Range, message: string, hint: string): void;
  /**
   * The file's tree as plain JS objects (built once per lint, on first use, by one cursor walk costing about one
   * parse). Prefer it over queries and `Node` navigation in rules that visit many nodes: every `Node` property read
   * and every query run crosses into wasm. `syntax().ofType(['for_statement'])` is the indexed `nodesOfType`.
   */
  syntax(): SyntaxMirror;
  /**
   * Per-file cache for analyses several rules share (scope tables, class tables). `build` runs at most once per
   * lint of one file and key.
   */
  shared<T>(key: string, build: () => T): T;
}

/** A lint rule. Metadata (severity, family, docs) is looked up in `ruleCatalog.ts` by `id`. */
export interface Rule {
  /** A rule id from shared/RULES.md, e.g. `loop.await-in-loop`. */
  readonly id: string;
  /** The VS Code language ids this implementation handles. */
  readonly languages: readonly LintLanguageId[];
  check(ctx: RuleContext): void;
}
