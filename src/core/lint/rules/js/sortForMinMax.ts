/**
 * loop.sort-for-min-max for TS/JS: sorting a whole collection only to read one end of it.
 * - directly: `xs.sort(cmp)[0]`, `.at(0)`, `.at(-1)`, `.pop()`, `.shift()`, `const [min] = xs.sort(cmp)`;
 * - through a variable: `const s = xs.toSorted(cmp)` whose every use is `s[0]`, `s[s.length - 1]`, `s.at(±…)`,
 *   `s.pop()` or `s.shift()`.
 * A sorted array used for anything else (a median, a slice, iteration, returned) is fine.
 */
import type { Rule, RuleContext } from '../../rule.js';
import type { SyntaxNode } from '../../syntaxMirror.js';
import { callParts, identifierRefs, JS_LANGUAGES, kids, logicalParent, methodCall, snippet, strip, within } from '../../js/jsNodes.js';
import { scopeTable } from '../../js/scope.js';

/** When `node` (an array expression) is only used to read its first or last element: a description, else null. */
function endRead(ctx: RuleContext, node: SyntaxNode, name?: string): string | null {
  const p = logicalParent(node);
  if (!p) return null;
  if (p.type === 'subscript_expression' && within(p.childForFieldName('object') ?? p, node)) {
    const idx = p.childForFieldName('index');
    if (!idx) return null;
    const t = ctx.textOf(strip(idx)).replace(/\s+/g, '');
    if (t === '0') return 'first';
    if (name && t === `${name}.length-1`) return 'last';
    return null;
  }
  if (p.type === 'member_expression') {
    const prop = p.childForFieldName('property')?.text;
    const call = logicalParent(p);
    if (!call || call.type !== 'call_expression') return null;
    const cp = callParts(call);
    if (!cp) return null;
    if (prop === 'pop' && cp.args.length === 0) return 'last';
    if (prop === 'shift' && cp.args.length === 0) return 'first';
    if (prop === 'at' && cp.args.length === 1) {
      const t = ctx.textOf(strip(cp.args[0]!)).replace(/\s+/g, '');
      if (t === '0') return 'first';
      if (t === '-1') return 'last';
    }
    return null;
  }
  if (p.type === 'variable_declarator' && p.childForFieldName('name')?.type === 'array_pattern') {
    const els = kids(p.childForFieldName('name')!);
    if (els.length === 1 && els[0]!.type === 'identifier') return 'first';
  }
  return null;
}

export const sortForMinMax: Rule = {
  id: 'loop.sort-for-min-max',
  languages: JS_LANGUAGES,
  create(ctx) {
    const table = scopeTable(ctx);
    return {
      call_expression(node) {
        const cp = methodCall(node, ['sort', 'toSorted']);
        if (!cp) return;
        const call = cp.call;
        if (!cp.receiver || cp.args.length > 1) return;
        const sorted = snippet(ctx, cp.receiver, 30);
        const direct = endRead(ctx, call);
        if (direct) {
          ctx.report(call, `\`${snippet(ctx, call, 40)}\` sorts all of \`${sorted}\` only to take its ${direct} element`, `Find the ${direct === 'first' ? 'minimum' : 'maximum'} in one pass (a loop or reduce with the same comparison) instead of sorting.`);
          return;
        }
        // const s = xs.sort(…); … s[0] / s[s.length - 1]
        const decl = logicalParent(call);
        if (!decl || decl.type !== 'variable_declarator') return;
        const nameNode = decl.childForFieldName('name');
        if (!nameNode || nameNode.type !== 'identifier') return;
        const b = table.declaredBy(nameNode);
        if (!b || b.writes.length > 0) return;
        const name = nameNode.text;
        const uses = identifierRefs(ctx, b.scope, name).filter((r) => r.startIndex !== nameNode.startIndex && table.resolve(r) === b);
        // `s.length` inside `s[s.length - 1]` is part of the end read.
        const reads = uses.filter((u) => {
          const p = logicalParent(u);
          return !(p && p.type === 'member_expression' && p.childForFieldName('property')?.text === 'length' && logicalParent(p)?.type === 'binary_expression' && ctx.textOf(logicalParent(p)!).replace(/\s+/g, '') === `${name}.length-1`);
        });
        if (reads.length === 0) return;
        const ends = reads.map((u) => endRead(ctx, u, name));
        if (ends.some((e) => !e)) return;
        const which = [...new Set(ends)].join(' and ');
        ctx.report(call, `\`${name}\` holds all of \`${sorted}\` sorted, but only its ${which} element is read`, `Find the ${which === 'first' ? 'minimum' : which === 'last' ? 'maximum' : 'minimum and maximum'} in one pass instead of sorting.`);
      },
    };
  },
};
