/**
 * loop.redundant-dict-keys for TS/JS: asking a key list what the object or map answers directly.
 * - `Object.keys(o).includes(k)` / `.indexOf(k) !== -1` / `.some(x => x === k)` / `k in Object.keys(o)`
 *   (→ `Object.hasOwn(o, k)` or `k in o`);
 * - `[...m.keys()]` / `Array.from(m.keys())` then `.includes(k)`, `.indexOf(k)`, `.some(…)` or `.length`
 *   on a Map or Set (→ `m.has(k)`, `m.size`);
 * - `for (const v of s.keys())` on a Set (a Set iterates its values directly).
 * Iterating `map.keys()` is needed (a Map iterates entries), and so are `Object.keys(o)` lists that are sorted,
 * filtered, counted or iterated.
 */
import type { Rule, RuleContext } from '../../rule.js';
import type { SyntaxNode } from '../../syntaxMirror.js';
import { callParts, copiedIterable, JS_LANGUAGES, logicalParent, memberParts, methodCall, snippet, strip } from '../../js/jsNodes.js';
import { kindOf } from '../../js/types.js';

/** `Object.keys(o)` → o; `m.keys()` → m (with kind check by the caller). */
function keysSource(node: SyntaxNode): { kind: 'object-keys' | 'keys-method'; owner: SyntaxNode; call: SyntaxNode } | null {
  const cp = callParts(node);
  if (!cp) return null;
  if (cp.receiver?.text === 'Object' && cp.name === 'keys' && cp.args.length === 1) return { kind: 'object-keys', owner: cp.args[0]!, call: cp.call };
  if (cp.receiver && cp.name === 'keys' && cp.args.length === 0) return { kind: 'keys-method', owner: cp.receiver, call: cp.call };
  return null;
}

/** What the key list is used for, when it is a membership test or a count. */
function testUse(list: SyntaxNode): 'test' | 'count' | null {
  const p = logicalParent(list);
  if (!p) return null;
  if (p.type === 'member_expression') {
    const m = memberParts(p);
    if (!m) return null;
    if (m.property === 'length') return 'count';
    const call = logicalParent(p);
    if (call && call.type === 'call_expression' && ['includes', 'indexOf', 'lastIndexOf', 'some', 'find', 'findIndex'].includes(m.property)) return 'test';
    return null;
  }
  if (p.type === 'binary_expression' && p.childForFieldName('operator')?.type === 'in') {
    const r = p.childForFieldName('right');
    if (r && strip(r).startIndex === list.startIndex) return 'test';
  }
  return null;
}

function isMapOrSet(ctx: RuleContext, node: SyntaxNode): 'map' | 'set' | null {
  const k = kindOf(ctx, node);
  return k === 'map' || k === 'set' ? k : null;
}

export const redundantDictKeys: Rule = {
  id: 'loop.redundant-dict-keys',
  languages: JS_LANGUAGES,
  create(ctx) {
    return {
      call_expression(node) {
        const cp = methodCall(node, ['keys']);
        if (!cp) return;
        const call = cp.call;
        const src = keysSource(call);
        if (!src) return;
        const owner = snippet(ctx, src.owner, 30);
        if (src.kind === 'object-keys') {
          const use = testUse(call);
          if (use !== 'test') return;
          ctx.report(call, `\`${snippet(ctx, call, 40)}\` builds the key list of \`${owner}\` just to test one key`, `Test the object directly: \`Object.hasOwn(${owner}, key)\` (or \`key in ${owner}\`).`);
          return;
        }
        const kind = isMapOrSet(ctx, src.owner);
        if (!kind) return;
        const p = logicalParent(call);
        // `for (const v of set.keys())`
        if (p && p.type === 'for_in_statement' && p.childForFieldName('right')?.startIndex === call.startIndex) {
          if (kind === 'set') ctx.report(call, `\`${owner}.keys()\` is the same as iterating the Set \`${owner}\` itself`, `Iterate the Set directly: \`for (const v of ${owner})\`.`);
          return;
        }
        // `[...m.keys()]` / `Array.from(m.keys())` used for a test or a count
        const wrapper = p && p.type === 'spread_element' ? logicalParent(p) : p && p.type === 'arguments' ? p.parent : null;
        if (!wrapper || copiedIterable(wrapper)?.startIndex !== call.startIndex) return;
        const use = testUse(wrapper);
        if (!use) return;
        if (use === 'test') ctx.report(call, `\`${snippet(ctx, wrapper, 40)}\` copies the keys of \`${owner}\` into an array to test one key`, `Ask the ${kind === 'map' ? 'Map' : 'Set'} directly: \`${owner}.has(key)\`.`);
        else ctx.report(call, `\`${snippet(ctx, wrapper, 40)}\` copies the keys of \`${owner}\` into an array to count them`, `Use \`${owner}.size\`.`);
      },
    };
  },
};
