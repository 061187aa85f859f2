/**
 * The structural nodes the JS-family rules start from (loops, awaits, ifs, switches, tries, classes), found once per
 * file and shared. A tree-sitter query costs a full traversal of the tree whatever it matches — about as much as the
 * parse itself — so instead each construct is found from its keyword in the source text (`for`, `await`, `class`…),
 * mapped to its node with `descendantForIndex`. Keywords in strings, comments, JSX text or property names map to
 * other nodes and are dropped.
 */
import type { RuleContext } from '../../rule.js';
import type { SyntaxNode } from '../../treeSitter.js';
import { nodeAt } from './jsCandidates.js';

/** Keyword → node types whose anonymous keyword token it is. */
const KEYWORDS: ReadonlyArray<[string, ReadonlySet<string>]> = [
  ['for', new Set(['for_statement', 'for_in_statement'])],
  ['while', new Set(['while_statement', 'do_statement'])],
  ['await', new Set(['await_expression'])],
  ['if', new Set(['if_statement'])],
  ['switch', new Set(['switch_statement'])],
  ['try', new Set(['try_statement'])],
  ['class', new Set(['class_declaration', 'class', 'abstract_class_declaration'])],
];

interface JsIndex {
  readonly byType: Map<string, SyntaxNode[]>;
}

function build(ctx: RuleContext): JsIndex {
  const byType = new Map<string, SyntaxNode[]>();
  const seen = new Set<string>();
  const re = /\b(for|while|await|if|switch|try|class)\b/g;
  const types = new Map(KEYWORDS);
  for (const m of ctx.text.matchAll(re)) {
    // A keyword preceded by `.` is a property name (`obj.for`), never a statement.
    if (m.index > 0 && ctx.text[m.index - 1] === '.' && ctx.text[m.index - 2] !== '.') continue;
    const wanted = types.get(m[1]!);
    if (!wanted) continue;
    const node = nodeAt(ctx, m.index, wanted, 1);
    if (!node) continue;
    const key = `${node.type}@${node.startIndex}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let list = byType.get(node.type);
    if (!list) byType.set(node.type, (list = []));
    list.push(node);
  }
  return { byType };
}

function index(ctx: RuleContext): JsIndex {
  return ctx.shared('js.index', () => build(ctx));
}

/** Nodes of the given indexed types, in document order (outer before inner at the same start). */
export function indexed(ctx: RuleContext, types: readonly string[]): SyntaxNode[] {
  const idx = index(ctx);
  const out = types.flatMap((t) => idx.byType.get(t) ?? []);
  return out.sort((a, b) => a.startIndex - b.startIndex || b.endIndex - a.endIndex);
}

/** `s = s + …` assignments (the other spelling of `+=`). */
export function binaryAssignments(ctx: RuleContext): SyntaxNode[] {
  return ctx.shared('js.binaryAssignments', () => {
    const out: SyntaxNode[] = [];
    const types = new Set(['assignment_expression']);
    for (const m of ctx.text.matchAll(/(?<![\w$.])([A-Za-z_$][\w$]*)\s*=\s*\1\s*\+/g)) {
      const n = nodeAt(ctx, m.index, types, 1);
      if (n) out.push(n);
    }
    return out;
  });
}
