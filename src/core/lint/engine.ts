/**
 * The lint engine: parses a file with tree-sitter, runs every applicable rule over the error-tolerant tree and
 * returns findings sorted by position. Pure: grammars come through a `WasmSource`, so the same engine runs in the
 * Node extension host, the web worker host and the CLI.
 */
import { FileContext } from './context.js';
import { decodeUtf8, exceedsLimits, type SizeLimits, type SkipReason } from './decode.js';
import { isLintLanguage, type LintLanguageId } from './languages.js';
import type { Finding, Rule, TextSpan } from './rule.js';
import type { LoadedGrammar, SyntaxTree, TreeSitterRuntime } from './treeSitter.js';

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
}

export interface LintResult {
  readonly findings: Finding[];
  /** Set when the file was not linted (too large, minified, binary, unknown language). */
  readonly skipped?: { reason: SkipReason; detail: string };
  /** True when the tree holds syntax errors (rules ran on the error-tolerant tree). */
  readonly hasSyntaxErrors?: boolean;
}

export class Linter {
  private readonly byLanguage = new Map<LintLanguageId, Rule[]>();

  constructor(
    private readonly runtime: TreeSitterRuntime,
    rules: readonly Rule[],
    private readonly logger: LintLogger = { warn: () => {} },
  ) {
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
    const over = exceedsLimits(text, options);
    if (over) return { findings: [], skipped: over };
    const grammar = await this.grammar(languageId);
    const tree = grammar.parser.parse(text);
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
    const ctx = new FileContext(grammar, languageId, text, tree, options.span, options.undecodableLines ?? new Set());
    for (const rule of this.rulesFor(languageId, options.rules)) {
      ctx.currentRule = rule.id;
      try {
        rule.check(ctx);
      } catch (err) {
        this.logger.warn(`lint: rule ${rule.id} failed on a ${languageId} file and was skipped: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    const findings = ctx.findings.sort(
      (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
    );
    return { findings, hasSyntaxErrors: tree.rootNode.hasError };
  }
}
