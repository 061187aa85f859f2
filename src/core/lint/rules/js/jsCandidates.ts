/**
 * Cheap candidate discovery for the JS-family rules. Most rules look for a handful of method names (`.includes(`,
 * `.sort(`, `.reduce(`…) or operators (`+=`, `...`). Capturing every call or assignment of a file with a query
 * marshals thousands of nodes across the wasm boundary; a regular expression over the source finds the few places
 * worth a look, and `descendantForIndex` turns each into its syntax node. Matches inside strings and comments map to
 * string/comment nodes and are dropped.
 */
import type { RuleContext } from '../../rule.js';
import type { SyntaxNode } from '../../treeSitter.js';
import { callParts, type CallParts } from './jsAst.js';

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The node at UTF-16 offset `at`, walked up (at most `depth` levels) to the first ancestor of one of `types`. */
export function nodeAt(ctx: RuleContext, at: number, types: ReadonlySet<string>, depth = 4): SyntaxNode | null {
  let n: SyntaxNode | null = ctx.root.descendantForIndex(at, at + 1);
  for (let i = 0; n && i <= depth; i++, n = n.parent) {
    if (n.isNamed && types.has(n.type)) return n;
    if (n.type === 'comment' || n.type === 'string_fragment' || n.type === 'template_string' || n.type === 'regex_pattern') return null;
  }
  return null;
}

/**
 * Method calls `recv.name(…)` (also `recv?.name(…)`, `recv.name<T>(…)`) for any of `names`, in document order,
 * each once. Cached per name set for the file.
 */
export function methodCalls(ctx: RuleContext, names: readonly string[]): CallParts[] {
  const key = `js.methodCalls.${names.join('|')}`;
  return ctx.shared(key, () => {
    const re = new RegExp(`\\.\\s*(?:${names.map(escape).join('|')})\\s*(?:<[^()]*?>\\s*)?\\(`, 'g');
    const out: CallParts[] = [];
    const seen = new Set<number>();
    const props = new Set(['property_identifier']);
    for (const m of ctx.text.matchAll(re)) {
      const nameAt = m.index + m[0].search(/[A-Za-z_$]/);
      const prop = nodeAt(ctx, nameAt, props, 0);
      const member = prop?.parent;
      const call = member?.type === 'member_expression' ? member.parent : null;
      if (!call || call.type !== 'call_expression' || seen.has(call.startIndex)) continue;
      const cp = callParts(call);
      if (!cp || !names.includes(cp.name)) continue;
      seen.add(call.startIndex);
      out.push(cp);
    }
    return out;
  });
}

/** Nodes of `types` found at each match of `re` (offset `offset` into the match), each once, in document order. */
export function nodesAtMatches(ctx: RuleContext, re: RegExp, types: readonly string[], offset = 0, depth = 4): SyntaxNode[] {
  const key = `js.nodesAt.${re.source}.${types.join(',')}.${offset}.${depth}`;
  return ctx.shared(key, () => {
    const wanted = new Set(types);
    const out: SyntaxNode[] = [];
    const seen = new Set<number>();
    const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    for (const m of ctx.text.matchAll(g)) {
      const n = nodeAt(ctx, m.index + offset, wanted, depth);
      if (!n || seen.has(n.startIndex * 7 + n.endIndex)) continue;
      seen.add(n.startIndex * 7 + n.endIndex);
      out.push(n);
    }
    return out;
  });
}

/** True when the source mentions any of the words (a quick way to skip a rule on files it cannot apply to). */
export function mentionsAny(ctx: RuleContext, words: readonly string[]): boolean {
  return words.some((w) => ctx.text.includes(w));
}
