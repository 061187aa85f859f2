/**
 * The lint engine: parses a file with tree-sitter, builds the node model once, walks it ONCE in document order and
 * dispatches every node to the rules that asked for its type (see `rule.ts`), then returns findings sorted by
 * position. Pure: grammars come through a `WasmSource`, so the same engine runs in the Node extension host, the web
 * worker host and the CLI.
 */
import { FileContext } from './context.js';
import { DEFAULT_MAX_CHARS, decodeUtf8, exceedsLimits, type SizeLimits, type SkipReason } from './decode.js';
import { isLintLanguage, type LintLanguageId } from './languages.js';
import type { Finding, LintProject, OutlineFacts, Rule, RuleContext, TextSpan } from './rule.js';
import type { SyntaxMirror, SyntaxNode } from './syntaxMirror.js';
import type { LoadedGrammar, SyntaxTree, TreeSitterRuntime } from './treeSitter.js';
import { ruleSetId } from './ruleSet.js';

export interface LintLogger {
  warn(message: string): void;
}

export interface LintOptions extends SizeLimits {
  /** Run only these rule ids (default: all rules for the language). */
  rules?: readonly string[];
  /** Keep only findings anchored in this UTF-16 offset range. */
  span?: TextSpan;
  /** 0-based lines whose text was not decodable: no findings there. */
  undecodableLines?: ReadonlySet<number>;
  /**
   * Milliseconds one file's rules may take (default `DEFAULT_TIME_BUDGET_MS`); past it the file is reported as
   * skipped (`time-budget`) with one log line, and no partial findings are returned.
   */
  timeBudgetMs?: number;
  /** Clock for the budget (default `performance.now`); tests pass a fake one. */
  now?: () => number;
  /**
   * Polled with the budget clock while the rules run (every few hundred nodes): returning true abandons the lint and
   * returns `{ cancelled: true }` with no findings. The editor's lint worker uses it so a newer edit supersedes a
   * lint in flight.
   */
  cancelled?: () => boolean;
  /**
   * The incremental re-lint's restriction: rules are handed only the root and the nodes inside these top-level units
   * (root children starting at a `startIndex` given), except rules marked `walksWholeFile`, which get every node of
   * the types they handle. Findings are not filtered by it (use `span` for that).
   */
  unit?: TextSpan | readonly TextSpan[];
  /** Facts from the rest of a whole-project run, handed to the rules as `ctx.project`. */
  project?: LintProject;
  /**
   * Called once after the rules ran (not when the lint was skipped, cancelled or over budget) with the file's
   * context, for analyses a caller wants from the same parse (the CLI's class summaries).
   */
  inspect?: (ctx: RuleContext) => void;
  /** When given, filled with where the lint's time went (the editor's incremental re-lint reports it per stage). */
  profile?: LintProfile;
  /**
   * A node model of `text` already built (the incremental re-lint's outline, kept across edits by splicing): the
   * rules run on it instead of a mirror of the tree. The tree is then consulted only to drop findings in or around
   * syntax errors, so it must have the same offsets as `text` wherever findings are kept (the re-lint passes the
   * document's tree, whose edited unit is verbatim in the outline).
   */
  mirror?: SyntaxMirror;
  /** The file's real text when `text` is an outline of it (the incremental re-lint): `RuleContext.fileText`. */
  fileText?: string;
  /** What the outline's blanked bodies contribute to whole-file facts: `RuleContext.outlineFacts`. */
  outlineFacts?: OutlineFacts;
}

/** Milliseconds one `lintTree` spent building the node model and running the rules. */
export interface LintProfile {
  mirrorMs: number;
  rulesMs: number;
}

/** Default per-file lint budget: generous for real files (a 1 MB file lints in well under a second). */
export const DEFAULT_TIME_BUDGET_MS = 5_000;

/** How many node visits between clock reads (a clock read costs more than a dispatch). */
const CLOCK_EVERY = 512;

/** Deepest Python block nesting the engine parses (real code stays far below; see `lintText`). */
export const MAX_PYTHON_INDENT_DEPTH = 500;

/** The largest number of simultaneously open indentation levels in Python source (one linear pass). */
export function pythonIndentDepth(text: string): number {
  const open: number[] = [0];
  let max = 0;
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let i = start;
    while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    if (i < end && text.charCodeAt(i) !== 35 && text.charCodeAt(i) !== 13) {
      const indent = i - start;
      while (open.length > 1 && indent < (open[open.length - 1] as number)) open.pop();
      if (indent > (open[open.length - 1] as number)) open.push(indent);
      max = Math.max(max, open.length - 1);
    }
    start = end + 1;
  }
  return max;
}

interface Handler {
  readonly rule: Rule;
  readonly fn: (node: SyntaxNode) => void;
}

export interface LintResult {
  readonly findings: Finding[];
  /** Set when the file was not linted (too large, minified, binary, unknown language). */
  readonly skipped?: { reason: SkipReason; detail: string };
  /** True when the tree holds syntax errors (rules ran on the error-tolerant tree). */
  readonly hasSyntaxErrors?: boolean;
  /** True when `LintOptions.cancelled` stopped the lint (no findings were returned). */
  readonly cancelled?: boolean;
}

/**
 * Why a text would be skipped before parsing (size limits, minified lines, Python nesting the parser cannot take), or
 * undefined when it can be parsed. `lintText` applies it; callers that keep their own trees (the editor's lint
 * worker) apply it before parsing.
 */
export function skipBeforeParse(text: string, languageId: LintLanguageId, options: SizeLimits = {}): { reason: SkipReason; detail: string } | undefined {
  const over = exceedsLimits(text, options);
  if (over) return over;
  if (languageId === 'python') {
    const depth = pythonIndentDepth(text);
    // tree-sitter-python's indentation scanner corrupts wasm memory past about a thousand open levels, and the
    // parser is unusable afterwards: such files are skipped before parsing.
    if (depth > MAX_PYTHON_INDENT_DEPTH) return { reason: 'too-deep', detail: `${depth} nested indentation levels (limit ${MAX_PYTHON_INDENT_DEPTH})` };
  }
  return undefined;
}

/**
 * What the size checks of `skipBeforeParse` learned about a text that passed them: the widest indentation of any of
 * its lines (Python), an upper bound of its nesting depth — the open levels are strictly increasing indentation
 * widths, so there are never more of them than the widest indentation.
 */
export interface PassedSizeChecks {
  readonly indentBound: number;
}

/** Widest run of spaces and tabs at the start of any line. */
export function widestIndentation(text: string): number {
  let widest = 0;
  for (let start = 0; ; ) {
    let i = start;
    while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    widest = Math.max(widest, i - start);
    const end = text.indexOf('\n', i);
    if (end < 0) break;
    start = end + 1;
  }
  return widest;
}

/**
 * `skipBeforeParse` for a text that differs from one that passed it (`passed`) only inside `[from, to)` of the new
 * text, reading only the lines that range touches: the length limit is one comparison, a line over the length limit
 * can only be a touched line, and Python nesting can only pass the limit when some line's indentation does. When the
 * bound is not enough it falls back to the whole-text check, so the answer is always the one `skipBeforeParse` gives.
 * Returns the skip reason, or what the next check can start from.
 */
export function skipBeforeParseAfterEdit(
  text: string,
  from: number,
  to: number,
  passed: PassedSizeChecks,
  languageId: LintLanguageId,
  options: SizeLimits = {},
): { skipped: { reason: SkipReason; detail: string } } | { passed: PassedSizeChecks } {
  const lineStart = text.lastIndexOf('\n', from - 1) + 1;
  let lineEnd = text.indexOf('\n', Math.max(to, lineStart));
  if (lineEnd < 0) lineEnd = text.length;
  const region = text.slice(lineStart, lineEnd);
  // The untouched lines passed before; when the region fails, the whole-text check gives the reason and line number.
  const over = text.length > (options.maxChars ?? DEFAULT_MAX_CHARS) || exceedsLimits(region, { ...options, maxChars: Infinity }) ? exceedsLimits(text, options) : undefined;
  if (over) return { skipped: over };
  if (languageId !== 'python') return { passed };
  const indentBound = Math.max(passed.indentBound, widestIndentation(region));
  if (indentBound <= MAX_PYTHON_INDENT_DEPTH) return { passed: { indentBound } };
  const skipped = skipBeforeParse(text, languageId, options);
  return skipped ? { skipped } : { passed: { indentBound: widestIndentation(text) } };
}

export class Linter {
  private readonly byLanguage = new Map<LintLanguageId, Rule[]>();
  /** The rule-set id of this engine's rules: every finding and score it leads to is tagged with it. */
  readonly ruleSet: string;

  constructor(
    private readonly runtime: TreeSitterRuntime,
    rules: readonly Rule[],
    private readonly logger: LintLogger = { warn: () => {} },
  ) {
    this.ruleSet = ruleSetId(rules);
    for (const rule of rules) {
      for (const lang of rule.languages) {
        let list = this.byLanguage.get(lang);
        if (!list) this.byLanguage.set(lang, (list = []));
        list.push(rule);
      }
    }
  }

  /** Rules that run for a language id (optionally restricted to ids). */
  rulesFor(languageId: LintLanguageId, only?: readonly string[]): Rule[] {
    const rules = this.byLanguage.get(languageId) ?? [];
    return only ? rules.filter((r) => only.includes(r.id)) : rules;
  }

  /** Loads the grammar for a language (first call per grammar loads wasm). */
  grammar(languageId: LintLanguageId): Promise<LoadedGrammar> {
    return this.runtime.grammarFor(languageId);
  }

  /** Parses and lints text. Never throws for bad input: it is skipped with a reason. */
  async lintText(text: string, languageId: string, options: LintOptions = {}): Promise<LintResult> {
    if (!isLintLanguage(languageId)) return { findings: [], skipped: { reason: 'unsupported-language', detail: languageId } };
    const skipped = skipBeforeParse(text, languageId, options);
    if (skipped) return { findings: [], skipped };
    const grammar = await this.grammar(languageId);
    let tree: SyntaxTree | null;
    try {
      tree = grammar.parser.parse(text);
    } catch (err) {
      // tree-sitter's wasm can trap on extreme input (tens of thousands of nesting levels): skip the file, not the run.
      this.logger.warn(`lint: the ${languageId} parser failed on a file of ${text.length} characters and it was skipped: ${err instanceof Error ? err.message : String(err)}`);
      return { findings: [], skipped: { reason: 'parse-failed', detail: err instanceof Error ? err.message : String(err) } };
    }
    if (!tree) return { findings: [], skipped: { reason: 'too-large', detail: 'the parser returned no tree' } };
    try {
      return this.lintTree(grammar, tree, text, languageId, options);
    } finally {
      tree.delete();
    }
  }

  /** Decodes bytes (UTF-8 with replacement) and lints them; lines with undecodable bytes get no findings. */
  async lintBytes(bytes: Uint8Array, languageId: string, options: LintOptions = {}): Promise<LintResult> {
    const decoded = decodeUtf8(bytes);
    return this.lintText(decoded.text, languageId, { ...options, undecodableLines: decoded.undecodableLines });
  }

  /**
   * Lints an already parsed tree (used for open documents kept incrementally parsed). Synchronous; the caller owns
   * the tree. The text must be the text the tree was parsed from.
   */
  lintTree(grammar: LoadedGrammar, tree: SyntaxTree, text: string, languageId: LintLanguageId, options: LintOptions = {}): LintResult {
    const now = options.now ?? (() => performance.now());
    const started = now();
    const budget = options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
    const ctx = new FileContext(grammar.id, languageId, text, tree, options.span, options.undecodableLines ?? new Set(), options.project, options.mirror, options.fileText, options.outlineFacts);
    const built = options.profile ? now() : 0;
    if (options.profile) options.profile.mirrorMs = built - started;
    const failed = new Set<Rule>();
    const fail = (rule: Rule, err: unknown): void => {
      failed.add(rule);
      this.logger.warn(`lint: rule ${rule.id} failed on a ${languageId} file and was skipped: ${err instanceof Error ? err.message : String(err)}`);
    };
    /** Calls each handler that has not failed yet; a handler that throws is logged and its rule dropped. */
    const run = (handlers: readonly Handler[], node: SyntaxNode): void => {
      for (const h of handlers) {
        if (failed.has(h.rule)) continue;
        ctx.currentRule = h.rule.id;
        try {
          h.fn(node);
        } catch (err) {
          fail(h.rule, err);
        }
      }
    };
    const rules = this.rulesFor(languageId, options.rules);
    const nodes = ctx.syntax().nodes;
    // Restricted to units (`LintOptions.unit`): the other rules get the root and the units' id ranges, whole-file rules
    // the nodes of their types.
    const spans: readonly TextSpan[] = options.unit === undefined ? [] : 'startIndex' in options.unit ? [options.unit] : options.unit;
    const unitNodes = spans.length > 0 ? ctx.root.named.filter((n) => spans.some((u) => u.startIndex === n.startIndex)) : [];
    const wholeFile = unitNodes.length > 0 ? rules.filter((r) => r.walksWholeFile) : rules;
    const dispatch = this.visitors(ctx, wholeFile, fail);
    const local = unitNodes.length > 0 ? this.visitors(ctx, rules.filter((r) => !r.walksWholeFile), fail) : undefined;
    let visits = 0;
    /** Reads the clock every `CLOCK_EVERY` visits: the lint is over budget, or cancelled. */
    const interrupted = (): LintResult | undefined => {
      if (++visits % CLOCK_EVERY !== 0) return undefined;
      if (now() - started > budget) return this.overBudget(languageId, text, budget, tree);
      if (options.cancelled?.()) return { findings: [], cancelled: true };
      return undefined;
    };
    if (local) {
      // The units' rules get the root and the units' nodes, in document order (ids are pre-order: a subtree is one id
      // range).
      const rootHandlers = local.get(ctx.root.type);
      if (rootHandlers) run(rootHandlers, ctx.root);
      for (const unitNode of unitNodes) {
        for (let i = unitNode.id; i <= unitNode.lastId; i++) {
          const node = nodes[i] as SyntaxNode;
          const handlers = local.get(node.type);
          if (handlers) run(handlers, node);
          const stop = interrupted();
          if (stop) return stop;
        }
      }
      // Whole-file rules get every node of the types they handle, in document order, from the node model's per-type
      // lists: no walk over the rest of the outline. Rules keep no state across rules, so running one group of rules
      // after the other reports what one interleaved walk would (findings are sorted below).
      const types = [...dispatch.keys()].filter((t) => t !== 'file:exit');
      for (const node of types.length > 0 ? ctx.syntax().ofType(types) : []) {
        const handlers = dispatch.get(node.type);
        if (handlers) run(handlers, node);
        const stop = interrupted();
        if (stop) return stop;
      }
    } else {
      for (const node of nodes) {
        const handlers = dispatch.get(node.type);
        if (handlers) run(handlers, node as SyntaxNode);
        const stop = interrupted();
        if (stop) return stop;
      }
    }
    run([...(dispatch.get('file:exit') ?? []), ...(local?.get('file:exit') ?? [])], ctx.root);
    const ended = now();
    if (options.profile) options.profile.rulesMs = ended - built;
    if (ended - started > budget) return this.overBudget(languageId, text, budget, tree);
    if (options.inspect) {
      try {
        options.inspect(ctx);
      } catch (err) {
        this.logger.warn(`lint: inspecting a ${languageId} file failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    const findings = ctx.findings.sort(
      (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
    );
    return { findings, hasSyntaxErrors: tree.rootNode.hasError };
  }

  /** Each rule's visitor for one file, as node type → handlers in registry order. */
  private visitors(ctx: FileContext, rules: readonly Rule[], fail: (rule: Rule, err: unknown) => void): Map<string, Handler[]> {
    const byType = new Map<string, Handler[]>();
    for (const rule of rules) {
      ctx.currentRule = rule.id;
      let visitor;
      try {
        visitor = rule.create(ctx as RuleContext);
      } catch (err) {
        fail(rule, err);
        continue;
      }
      for (const [key, fn] of Object.entries(visitor)) {
        for (const type of key.split(',')) {
          const t = type.trim();
          let list = byType.get(t);
          if (!list) byType.set(t, (list = []));
          list.push({ rule, fn });
        }
      }
    }
    return byType;
  }

  private overBudget(languageId: LintLanguageId, text: string, budget: number, tree: SyntaxTree): LintResult {
    const lines = text.split('\n').length;
    this.logger.warn(`lint: a ${languageId} file of ${lines} lines exceeded the ${budget} ms lint budget and was skipped`);
    return { findings: [], skipped: { reason: 'time-budget', detail: `over ${budget} ms (${lines} lines)` }, hasSyntaxErrors: tree.rootNode.hasError };
  }
}
