/** The per-file `RuleContext` implementation: cached queries, span restriction, error filtering, de-duplication. */
import type { Range } from '../schema/events.js';
import type { GrammarId, LintLanguageId } from './languages.js';
import type { Finding, QueryCapture, QueryMatch, RuleContext, TextSpan } from './rule.js';
import { ruleMeta } from './ruleCatalog.js';
import { SyntaxMirror, type MirrorNode } from './syntaxMirror.js';
import type { LoadedGrammar, SyntaxNode, SyntaxTree, TsQuery } from './treeSitter.js';

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

function isNode(anchor: SyntaxNode | MirrorNode | Range): anchor is SyntaxNode | MirrorNode {
  return typeof (anchor as SyntaxNode).startIndex === 'number';
}

export class FileContext implements RuleContext {
  readonly root: SyntaxNode;
  readonly grammar: GrammarId;
  private readonly sharedCache = new Map<string, unknown>();
  private readonly typeCache = new Map<string, SyntaxNode[]>();
  private readonly seen = new Set<string>();
  readonly findings: Finding[] = [];
  /** Rule currently running; set by the engine. */
  currentRule = '';

  constructor(
    private readonly loaded: LoadedGrammar,
    readonly languageId: LintLanguageId,
    readonly text: string,
    readonly tree: SyntaxTree,
    readonly span: TextSpan | undefined,
    private readonly undecodableLines: ReadonlySet<number>,
  ) {
    this.root = tree.rootNode;
    this.grammar = loaded.id;
  }

  query(source: string): TsQuery {
    return this.loaded.query(source);
  }

  private queryOptions(): { startIndex: number; endIndex: number } | undefined {
    return this.span ? { startIndex: this.span.startIndex, endIndex: this.span.endIndex } : undefined;
  }

  matches(source: string, node?: SyntaxNode): QueryMatch[] {
    return this.query(source).matches(node ?? this.root, this.queryOptions());
  }

  captures(source: string, node?: SyntaxNode): QueryCapture[] {
    return this.query(source).captures(node ?? this.root, this.queryOptions());
  }

  nodesOfType(types: readonly string[]): SyntaxNode[] {
    const key = types.join(' ');
    let nodes = this.typeCache.get(key);
    if (!nodes) {
      nodes = this.captures(`[${types.map((t) => `(${t})`).join(' ')}] @n`).map((c) => c.node);
      this.typeCache.set(key, nodes);
    }
    return nodes;
  }

  textOf(node: { readonly startIndex: number; readonly endIndex: number }): string {
    return this.text.slice(node.startIndex, node.endIndex);
  }

  isInError(node: SyntaxNode): boolean {
    return isInErrorNode(node);
  }

  syntax(): SyntaxMirror {
    return this.shared('syntax.mirror', () => SyntaxMirror.build(this.tree, this.text));
  }

  report(anchor: SyntaxNode | MirrorNode | Range, message: string, hint: string): void {
    let range: Range;
    if (isNode(anchor)) {
      if (isInErrorNode(anchor) || anchor.hasError) return;
      // Mirror nodes do not see anonymous MISSING tokens: confirm on the real tree.
      if (!('walk' in anchor)) {
        const real = this.root.descendantForIndex(anchor.startIndex, Math.max(anchor.startIndex, anchor.endIndex - 1));
        if (real && (isInErrorNode(real) || (real.startIndex >= anchor.startIndex && real.endIndex <= anchor.endIndex && real.hasError))) return;
      }
      if (this.span && (anchor.startIndex < this.span.startIndex || anchor.startIndex >= this.span.endIndex)) return;
      range = {
        start: { line: anchor.startPosition.row, character: anchor.startPosition.column },
        end: { line: anchor.endPosition.row, character: anchor.endPosition.column },
      };
    } else {
      range = anchor;
      const probe = this.root.descendantForPosition({ row: range.start.line, column: range.start.character });
      if (probe && isInErrorNode(probe)) return;
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
