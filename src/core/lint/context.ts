/** The per-file `RuleContext` implementation: the node model, span restriction, error filtering, de-duplication. */
import type { Range } from '../schema/events.js';
import type { GrammarId, LintLanguageId } from './languages.js';
import type { Finding, LintProject, OutlineFacts, RuleContext, TextSpan } from './rule.js';
import { ruleMeta } from './ruleCatalog.js';
import { SyntaxMirror, type SyntaxNode } from './syntaxMirror.js';
import type { SyntaxTree, TsNode } from './treeSitter.js';

interface ErrorProbe {
  readonly isError: boolean;
  readonly isMissing: boolean;
  readonly parent: ErrorProbe | null;
}

/** True when the node is, or lies inside, an ERROR or MISSING node. */
export function isInErrorNode(node: ErrorProbe): boolean {
  for (let n: ErrorProbe | null = node; n; n = n.parent) {
    if (n.isError || n.isMissing) return true;
  }
  return false;
}

function isNode(anchor: SyntaxNode | Range): anchor is SyntaxNode {
  return typeof (anchor as SyntaxNode).startIndex === 'number';
}

export class FileContext implements RuleContext {
  readonly grammar: GrammarId;
  private readonly sharedCache = new Map<string, unknown>();
  private readonly seen = new Set<string>();
  private readonly mirror: SyntaxMirror;
  private readonly treeRoot: TsNode;
  readonly findings: Finding[] = [];
  readonly fileText: string;
  /** Rule currently running; set by the engine. */
  currentRule = '';

  constructor(
    grammar: GrammarId,
    readonly languageId: LintLanguageId,
    readonly text: string,
    tree: SyntaxTree,
    readonly span: TextSpan | undefined,
    private readonly undecodableLines: ReadonlySet<number>,
    readonly project?: LintProject,
    mirror?: SyntaxMirror,
    fileText?: string,
    readonly outlineFacts?: OutlineFacts,
  ) {
    this.fileText = fileText ?? text;
    this.grammar = grammar;
    this.treeRoot = tree.rootNode;
    this.treeHasError = this.treeRoot.hasError;
    this.mirror = mirror ?? SyntaxMirror.build(tree, text);
  }

  /**
   * Whether the tree holds any ERROR or MISSING node (tree-sitter's root `hasError` counts both, anonymous MISSING
   * tokens included). Most files have none: then no finding can lie in or contain one, and `report` skips its ancestor
   * walk and its query of the real tree.
   */
  private readonly treeHasError: boolean;

  get root(): SyntaxNode {
    return this.mirror.root;
  }

  textOf(node: { readonly startIndex: number; readonly endIndex: number }): string {
    return this.text.slice(node.startIndex, node.endIndex);
  }

  isInError(node: SyntaxNode): boolean {
    return isInErrorNode(node);
  }

  syntax(): SyntaxMirror {
    return this.mirror;
  }

  report(anchor: SyntaxNode | Range, message: string, hint: string): void {
    let range: Range;
    if (isNode(anchor)) {
      if (this.treeHasError && (isInErrorNode(anchor) || anchor.hasError)) return;
      if (this.span && (anchor.startIndex < this.span.startIndex || anchor.startIndex >= this.span.endIndex)) return;
      if (this.treeHasError) {
        // The node model does not hold anonymous MISSING tokens: confirm on the real tree (once per finding). Only the
        // node itself is asked: its ancestors were checked on the node model above (walking tree-sitter parents costs
        // the depth per step, quadratic on deep trees).
        const real = this.treeRoot.descendantForIndex(anchor.startIndex, Math.max(anchor.startIndex, anchor.endIndex - 1));
        if (real && (real.isError || real.isMissing || (real.startIndex >= anchor.startIndex && real.endIndex <= anchor.endIndex && real.hasError))) return;
      }
      range = {
        start: { line: anchor.startPosition.row, character: anchor.startPosition.column },
        end: { line: anchor.endPosition.row, character: anchor.endPosition.column },
      };
    } else {
      range = anchor;
      if (this.treeHasError && isInErrorNode(this.mirror.nodeAt(this.mirror.offsetAt(range.start.line, range.start.character)))) return;
    }
    for (let l = range.start.line; l <= range.end.line; l++) if (this.undecodableLines.has(l)) return;
    const meta = ruleMeta(this.currentRule);
    if (!meta) return;
    const key = `${this.currentRule}@${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.findings.push({ ruleId: this.currentRule, severity: meta.severity, range, message, hint });
  }

  shared<T>(key: string, build: () => T): T {
    if (this.sharedCache.has(key)) return this.sharedCache.get(key) as T;
    const value = build();
    this.sharedCache.set(key, value);
    return value;
  }
}
