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

/** The node at UTF-16 offset `at`, walked up (at most `depth` levels) to the first ancestor of one of `types`. */
export function nodeAt(ctx: RuleContext, at: number, types: ReadonlySet<string>, depth = 4): SyntaxNode | null {
  let n: SyntaxNode | null = ctx.root.descendantForIndex(at, at + 1);
  for (let i = 0; n && i <= depth; i++, n = n.parent) {
    if (n.isNamed && types.has(n.type)) return n;
    if (n.type === 'comment' || n.type === 'string_fragment' || n.type === 'template_string' || n.type === 'regex_pattern') return null;
  }
  return null;
}

/** Offsets of every `.name(` in the text, by method name (one regular-expression pass per file). */
function callSites(ctx: RuleContext): Map<string, number[]> {
  return ctx.shared('js.callSites', () => {
    const out = new Map<string, number[]>();
    for (const m of ctx.text.matchAll(/\.\s*([A-Za-z_$][\w$]*)\s*(?:<[^()]*?>\s*)?\(/g)) {
      const name = m[1]!;
      let list = out.get(name);
      if (!list) out.set(name, (list = []));
      list.push(m.index + m[0].indexOf(name));
    }
    return out;
  });
}

const PROPERTY = new Set(['property_identifier']);

/** The `recv.name(…)` calls at the recorded offsets of one method name (resolved to nodes once per file). */
function callsNamed(ctx: RuleContext, name: string): CallParts[] {
  return ctx.shared(`js.calls.${name}`, () => {
    const out: CallParts[] = [];
    for (const at of callSites(ctx).get(name) ?? []) {
      const prop = nodeAt(ctx, at, PROPERTY, 0);
      const member = prop?.parent;
      const call = member?.type === 'member_expression' ? member.parent : null;
      if (!call || call.type !== 'call_expression') continue;
      const cp = callParts(call);
      if (cp && cp.name === name) out.push(cp);
    }
    return out;
  });
}

/**
 * Method calls `recv.name(…)` (also `recv?.name(…)`, `recv.name<T>(…)`) for any of `names`, in document order,
 * each once.
 */
export function methodCalls(ctx: RuleContext, names: readonly string[]): CallParts[] {
  if (names.length === 1) return callsNamed(ctx, names[0]!);
  return names.flatMap((n) => callsNamed(ctx, n)).sort((a, b) => a.call.startIndex - b.call.startIndex);
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
