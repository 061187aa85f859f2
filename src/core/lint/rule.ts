/**
 * The rule API. A rule is a small object with an id from shared/RULES.md, the languages it handles and a
 * `create(ctx)` that returns a visitor: node types mapped to handlers. The engine parses the file, builds the node
 * model once (`syntaxMirror.ts`: plain objects, no wasm calls), walks it ONCE in document order and calls, for every
 * node, the handlers of every rule that asked for its type — the shape of ESLint listeners, ruff's checkers and oxc's
 * `run`. A rule never walks the tree itself; it reads around the node it was handed (parents, fields, the per-file
 * analyses below) and calls `ctx.report(...)` once per distinct problem.
 *
 * See docs/lint-rules.md for the rule-author guide (its example is `rules/python/tryInLoop.ts`). In short:
 *
 * ```ts
 * export const pyTryInLoop: Rule = {
 *   id: 'loop.try-in-loop',
 *   languages: ['python'],
 *   create(ctx) {
 *     return {
 *       'for_statement, while_statement'(loop) {
 *         for (const tryStmt of statements(loop.childForFieldName('body'))) { … ctx.report(handler, message, hint); }
 *       },
 *     };
 *   },
 * };
 * ```
 *
 * A visitor key is one node type or several separated by commas. Then add the rule to `registry.ts`. Severity,
 * family, title and docs come from `ruleCatalog.ts` by id, so a rule never repeats them. Analyses several rules share
 * — scopes and bindings, class tables, value kinds — live per language in `lint/python/…` and `lint/js/…` behind
 * `ctx.shared(key, build)`, built at most once per file on first use.
 *
 * What the engine does for every rule:
 * - findings whose anchor lies inside (or is) an ERROR/MISSING node are dropped, as are findings outside the
 *   requested span and on lines holding undecodable bytes;
 * - identical findings (same rule, same range) are reported once;
 * - a rule that throws is logged once per file and skipped for the rest of that file; the other rules still run;
 * - a file whose lint exceeds the time budget is reported as skipped (`time-budget`), with one log line.
 *
 * Positions: nodes carry 0-based rows and UTF-16 columns, exactly VS Code's `Position`, and `startIndex`/`endIndex`
 * are UTF-16 offsets into `ctx.text` (so `ctx.textOf(n)` equals `n.text`).
 */
import type { Range, Severity } from '../schema/events.js';
import type { GrammarId, LintLanguageId } from './languages.js';
import type { SyntaxMirror, SyntaxNode } from './syntaxMirror.js';

export type { SyntaxNode };

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
  /**
   * The file's real text. The same as `text`, except in the editor's incremental re-lint, where `text` is the outline
   * the nodes belong to (other functions' bodies blanked, offsets kept): a rule that scans the text for uses anywhere
   * in the file (not through nodes) reads this one.
   */
  readonly fileText: string;
  /** The root of the file's node model. */
  readonly root: SyntaxNode;
  /**
   * When set, only findings anchored inside this span are kept. Rules may use it to skip work, but must still read
   * surrounding context (a loop header outside the span decides about a statement inside it).
   */
  readonly span: TextSpan | undefined;
  /** Source text of a node, sliced from `text`. */
  textOf(node: { readonly startIndex: number; readonly endIndex: number }): string;
  /** True when the node is, or lies inside, an ERROR or MISSING node. */
  isInError(node: SyntaxNode): boolean;
  /**
   * Reports a finding anchored at a node (or an explicit range). `message` names the variables involved; `hint` is
   * one line. Dropped silently when the anchor is in error, outside the span or on an undecodable line.
   */
  report(anchor: SyntaxNode | Range, message: string, hint: string): void;
  /**
   * The file's node model (built once per lint before the walk): `root`, `nodes` in document order, and indexed
   * lookups `ofType(types)` / `descendantsOfType(node, types)` for the per-file analyses in `lint/<language>/`.
   */
  syntax(): SyntaxMirror;
  /**
   * Per-file cache for analyses several rules share (scope tables, class tables). `build` runs at most once per
   * lint of one file and key.
   */
  shared<T>(key: string, build: () => T): T;
  /**
   * Facts from the other files of a whole-project run (the CLI, the differential harness); absent when the file is
   * linted on its own (the editor), and rules then judge from the file alone.
   */
  readonly project?: LintProject;
  /**
   * In the editor's incremental re-lint (where `text` is an outline with other functions' bodies blanked): facts those
   * blanked bodies contribute, taken from the last full lint. Rules that collect such facts over the whole file add
   * these; absent otherwise.
   */
  readonly outlineFacts?: OutlineFacts;
}

/** What the bodies blanked in an outline contribute to whole-file facts (see `RuleContext.outlineFacts`). */
export interface OutlineFacts {
  /** Python: attribute names assigned on objects other than `self` / `cls` (`info.offset = …`). */
  readonly attributesAssignedOutside: ReadonlySet<string>;
  /**
   * JS/TS: `namesAfterTypeKeywords` of the whole real text, kept from the last full lint. The re-lint only runs when
   * the edited unit's own such names are unchanged (its outline digest lists them) and the rest of the text is
   * untouched, so the set still holds; it saves a scan of the whole file on every keystroke.
   */
  readonly typeKeywordNames?: ReadonlySet<string>;
}

/** What a whole-project run knows beyond the file being linted. */
export interface LintProject {
  /** This file's path as the project knows it. */
  readonly file: string;
  /** The cross-file class index (JS/TS), when built. */
  readonly classes?: CrossFileClasses;
}

/** Cross-file class lineage (`lint/js/classIndex.ts`). */
export interface CrossFileClasses {
  /**
   * Whether the class `extendsName` names in `file`, or an ancestor of it, declares instance member `member`:
   * `unknown` when some ancestor lies outside the run (a package, a global).
   */
  ancestryDeclares(file: string, extendsName: string, member: string): 'declared' | 'absent' | 'unknown';
}

/**
 * Node types (one, or several separated by commas) → handler, called for each such node during the engine's walk,
 * in document order. The key `'file:exit'` is called once with the root after the walk (for a verdict that needs
 * everything the handlers collected).
 */
export interface RuleVisitor {
  readonly [nodeTypes: string]: (node: SyntaxNode) => void;
}

/** A lint rule. Metadata (severity, family, docs) is looked up in `ruleCatalog.ts` by `id`. */
export interface Rule {
  /** A rule id from shared/RULES.md, e.g. `loop.await-in-loop`. */
  readonly id: string;
  /** The VS Code language ids this implementation handles. */
  readonly languages: readonly LintLanguageId[];
  /** Called once per file before the walk; returns the node types the rule wants and what to do with each. */
  create(ctx: RuleContext): RuleVisitor;
  /**
   * Set when the rule's findings inside one top-level function or class can depend on nodes its handlers were handed
   * OUTSIDE it (state collected during the walk, read later or in `file:exit`). The editor's incremental re-lint then
   * hands it every node of the file; other rules only get the nodes of the edited unit (they may still read anything
   * through the node model and the per-file analyses). See src/core/lint/incremental/unitLint.ts for the audit.
   */
  readonly walksWholeFile?: boolean;
}
