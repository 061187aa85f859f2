/**
 * loop.discarded-iteration-component for TS/JS: iterating key/value (or index/value) pairs and never using one half.
 * Pair sources: `Object.entries(o)`, `xs.entries()` / `m.entries()`, `[...m]`/`Array.from(m.entries())`, and a Map
 * iterated directly. Consumers: a `for…of` with an `[a, b]` pattern, and `forEach`/`map`/`flatMap`/`some`/`every`
 * callbacks whose first parameter is such a pattern. A half is discarded when it is a hole (`[, v]`), missing
 * (`[k]`), or bound but never read. Consumers that pass the pairs on (`filter`, `sort`, `find`) are not reported: the
 * other half travels with the result.
 */
import type { Rule, RuleContext } from '../../rule.js';
import type { SyntaxNode } from '../../syntaxMirror.js';
import { callParts, identifierRefs, JS_LANGUAGES, kids, methodCall, parameterNodes, snippet, strip } from '../../js/jsNodes.js';
import { isForOf } from '../../js/loops.js';
import { scopeTable } from '../../js/scope.js';
import { kindOf } from '../../js/types.js';

const TRANSFORMING = new Set(['forEach', 'map', 'flatMap', 'some', 'every']);

interface PairSource {
  readonly what: 'entries' | 'array-entries' | 'map';
  readonly owner: string;
}

function pairSource(ctx: RuleContext, expr: SyntaxNode): PairSource | null {
  const e = strip(expr);
  const cp = callParts(e);
  if (cp) {
    if (cp.receiver?.text === 'Object' && cp.name === 'entries' && cp.args.length === 1) return { what: 'entries', owner: snippet(ctx, cp.args[0]!, 30) };
    if (cp.receiver && cp.name === 'entries' && cp.args.length === 0) {
      const k = kindOf(ctx, cp.receiver);
      if (k === 'set') return null; // Set entries are [v, v]
      return { what: k === 'map' ? 'map' : 'array-entries', owner: snippet(ctx, cp.receiver, 30) };
    }
    if (cp.receiver?.text === 'Array' && cp.name === 'from' && cp.args.length === 1) return pairSource(ctx, cp.args[0]!);
    return null;
  }
  if (e.type === 'array') {
    const els = kids(e);
    if (els.length === 1 && els[0]!.type === 'spread_element') {
      const inner = kids(els[0]!)[0];
      if (inner && kindOf(ctx, inner) === 'map') return { what: 'map', owner: snippet(ctx, inner, 30) };
      return inner ? pairSource(ctx, inner) : null;
    }
    return null;
  }
  if (kindOf(ctx, e) === 'map') return { what: 'map', owner: snippet(ctx, e, 30) };
  return null;
}

/** Which half (0 = key/index, 1 = value) of `[a, b]` is unused within `scope`, or null when both are used. */
function discardedHalf(ctx: RuleContext, pattern: SyntaxNode, scope: SyntaxNode): { half: 0 | 1; name: string } | null {
  if (pattern.type !== 'array_pattern') return null;
  // Positions matter: `[, v]` has a hole before the comma.
  const slots: Array<SyntaxNode | null> = [];
  let pending: SyntaxNode | null = null;
  for (let i = 0; i < pattern.childCount; i++) {
    const c = pattern.child(i);
    if (!c) continue;
    if (c.type === ',') {
      slots.push(pending);
      pending = null;
    } else if (c.isNamed && c.type !== 'comment') pending = c;
  }
  slots.push(pending);
  if (slots.length > 2 || slots.some((s) => s && s.type !== 'identifier')) return null;
  const table = scopeTable(ctx);
  for (const half of [0, 1] as const) {
    const id = slots[half] ?? null;
    if (!id) return { half, name: half === 0 ? 'the key' : 'the value' };
    const b = table.declaredBy(id);
    const used = identifierRefs(ctx, scope, id.text).some((r) => r.startIndex !== id.startIndex && (!b || table.resolve(r) === b));
    if (!used) return { half, name: `\`${id.text}\`` };
  }
  return null;
}

function advice(src: PairSource, half: 0 | 1): string {
  if (src.what === 'entries') return half === 0 ? `Iterate \`Object.values(${src.owner})\`.` : `Iterate \`Object.keys(${src.owner})\`.`;
  if (src.what === 'map') return half === 0 ? `Iterate \`${src.owner}.values()\`.` : `Iterate \`${src.owner}.keys()\`.`;
  return half === 0 ? `Iterate \`${src.owner}\` directly.` : `Iterate \`${src.owner}.keys()\` (or use a counting loop).`;
}

export const discardedIterationComponent: Rule = {
  id: 'loop.discarded-iteration-component',
  languages: JS_LANGUAGES,
  create(ctx) {
    return {
      for_in_statement(loop) {
        if (!isForOf(loop)) return;
        const left = loop.childForFieldName('left');
        const right = loop.childForFieldName('right');
        const body = loop.childForFieldName('body');
        if (!left || !right || !body || left.type !== 'array_pattern') return;
        const src = pairSource(ctx, right);
        if (!src) return;
        const d = discardedHalf(ctx, left, body);
        if (!d) return;
        const headerEnd = body.startPosition;
        ctx.report(
          { start: { line: loop.startPosition.row, character: loop.startPosition.column }, end: { line: headerEnd.row, character: headerEnd.column } },
          `The loop over \`${snippet(ctx, right, 40)}\` never uses ${d.name} of each pair`,
          advice(src, d.half),
        );
      },
      call_expression(node) {
        const cp = methodCall(node, [...TRANSFORMING]);
        if (!cp) return;
        const fn = cp.args[0] ? strip(cp.args[0]) : null;
        if (!fn || !cp.receiver || (fn.type !== 'arrow_function' && fn.type !== 'function_expression')) return;
        const first = parameterNodes(fn)[0];
        if (!first) return;
        const pattern = first.type === 'required_parameter' || first.type === 'optional_parameter' ? first.childForFieldName('pattern') : first;
        if (!pattern || pattern.type !== 'array_pattern') return;
        const src = pairSource(ctx, cp.receiver);
        if (!src) return;
        const body = fn.childForFieldName('body');
        if (!body) return;
        const d = discardedHalf(ctx, pattern, body);
        if (!d) return;
        ctx.report(pattern, `The \`${cp.name}\` callback over \`${snippet(ctx, cp.receiver, 40)}\` never uses ${d.name} of each pair`, advice(src, d.half));
      },
    };
  },
};
