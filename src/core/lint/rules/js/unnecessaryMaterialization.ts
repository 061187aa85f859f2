/**
 * loop.unnecessary-materialization for TS/JS: an intermediate array built only to be tested, counted, indexed or
 * iterated once.
 * - `xs.filter(p).length > 0` / `=== 0` / as a condition (→ `some`), `xs.filter(p)[0]`, `.at(0)`, `.shift()`,
 *   `const [first] = xs.filter(p)` (→ `find`);
 * - `xs.map(f).includes(v)` / `.indexOf(v) !== -1` (→ `some`);
 * - `[...s].length` / `Array.from(s).length` (→ `s.size`, or the iterable's own count);
 * - `for (const x of [...s])`, `Array.from(s)`, `xs.slice()` in a `for…of` header, and `[...s].forEach(…)`
 *   (→ iterate `s` directly), unless the loop changes `s` (then the copy is deliberate).
 * `.filter(p).length` used as a count is not reported: there is no cheaper built-in.
 */
import type { Rule, RuleContext } from '../../rule.js';
import type { SyntaxNode } from '../../syntaxMirror.js';
import { kindOf } from '../../js/types.js';
import { callParts, copiedIterable, identifierRefs, JS_LANGUAGES, kids, logicalParent, memberParts, methodCall, newParts, snippet, strip, within } from '../../js/jsNodes.js';

const MUTATORS = new Set(['splice', 'push', 'pop', 'shift', 'unshift', 'delete', 'add', 'set', 'clear', 'sort', 'reverse', 'fill']);

/** True when `node` is used only for its truthiness (if/while/ternary condition, `!`, `&&`/`||` in such a place). */
function inBooleanContext(node: SyntaxNode): boolean {
  let n = node;
  for (let p = logicalParent(n); p; n = p, p = logicalParent(p)) {
    if (p.type === 'unary_expression' && p.child(0)?.type === '!') return true;
    if (p.type === 'if_statement' || p.type === 'while_statement' || p.type === 'do_statement') return within(p.childForFieldName('condition') ?? p, n);
    if (p.type === 'ternary_expression') return within(p.childForFieldName('condition') ?? p, n);
    if (p.type === 'binary_expression' && ['&&', '||'].includes(p.childForFieldName('operator')?.type ?? '')) continue;
    if (p.type === 'call_expression' && p.childForFieldName('function')?.text === 'Boolean') return true;
    return false;
  }
  return false;
}

/** `n > 0`, `n !== 0`, `n >= 1`, `n === 0`, `n < 1`, `n <= 0` on the length: an emptiness test. */
function isEmptinessComparison(lengthExpr: SyntaxNode): boolean {
  const p = logicalParent(lengthExpr);
  if (!p || p.type !== 'binary_expression') return false;
  const op = p.childForFieldName('operator')?.type ?? '';
  const left = p.childForFieldName('left');
  const right = p.childForFieldName('right');
  if (!left || !right) return false;
  const lengthOnLeft = within(left, lengthExpr);
  const other = (lengthOnLeft ? right : left).text.trim();
  const norm = lengthOnLeft ? op : ({ '<': '>', '>': '<', '<=': '>=', '>=': '<=' } as Record<string, string>)[op] ?? op;
  if (other === '0') return ['>', '!==', '!=', '===', '==', '<='].includes(norm);
  if (other === '1') return ['>=', '<'].includes(norm);
  return false;
}

const ITERABLE_CTORS = new Set(['Set', 'Map', 'WeakSet', 'WeakMap']);
const PROMISE_COMBINATORS = new Set(['all', 'allSettled', 'any', 'race']);
const FRESH_ARRAY_METHODS = new Set(['map', 'filter', 'slice', 'concat', 'flat', 'flatMap', 'toSorted', 'toReversed', 'toSpliced', 'split']);

/** When the array `[...x]` is the sole argument of something that takes any iterable: its name. */
function iterableConsumer(ctx: RuleContext, arr: SyntaxNode): string | null {
  const p = logicalParent(arr);
  if (!p) return null;
  if (p.type === 'yield_expression' && /^yield\s*\*/.test(ctx.textOf(p))) return 'yield*';
  if (p.type === 'spread_element') {
    const outer = logicalParent(p);
    if (outer && outer.type === 'array') return '[...]';
    return null;
  }
  if (p.type !== 'arguments' || kids(p).length !== 1 || !p.parent) return null;
  const np = newParts(p.parent);
  if (np && ITERABLE_CTORS.has(np.ctor)) return `new ${np.ctor}(…)`;
  const cp = callParts(p.parent);
  if (cp && cp.receiver?.text === 'Promise' && PROMISE_COMBINATORS.has(cp.name)) return `Promise.${cp.name}(…)`;
  if (cp && cp.receiver?.text === 'Array' && cp.name === 'from') return 'Array.from(…)';
  return null;
}

/** An expression known to evaluate to a new array (an array method on a known array, `Array.from`, …). */
function isFreshArray(ctx: RuleContext, node: SyntaxNode): boolean {
  const n = strip(node);
  if (n.type === 'array') return true;
  const cp = callParts(n);
  if (!cp || !cp.receiver) return false;
  if (cp.receiver.text === 'Array' && (cp.name === 'from' || cp.name === 'of')) return true;
  if (cp.receiver.text === 'Object' && ['keys', 'values', 'entries'].includes(cp.name)) return true;
  if (!FRESH_ARRAY_METHODS.has(cp.name)) return false;
  const k = kindOf(ctx, cp.receiver);
  return cp.name === 'split' ? k === 'string' : k === 'array';
}

/** A `.keys()` call: counting its copy is loop.redundant-dict-keys territory. */
function isKeysCall(node: SyntaxNode): boolean {
  const cp = callParts(node);
  return !!cp && cp.name === 'keys' && cp.args.length === 0;
}

function mutatedIn(ctx: RuleContext, body: SyntaxNode, source: SyntaxNode): boolean {
  let root = strip(source);
  // `m.values()` / `m.entries()`: the collection is `m`.
  const cp = callParts(root);
  if (cp && cp.receiver && cp.args.length === 0 && ['values', 'entries', 'keys'].includes(cp.name)) root = strip(cp.receiver);
  const name = root.type === 'identifier' ? root.text : root.type === 'member_expression' ? ctx.textOf(root) : null;
  if (!name) return true;
  const text = ctx.textOf(body);
  if (!text.includes(name)) return false;
  for (const call of ctx.syntax().descendantsOfType(body, 'call_expression')) {
    const fn = call.childForFieldName('function');
    const o = fn?.type === 'member_expression' ? fn.childForFieldName('object') : null;
    const p = fn?.type === 'member_expression' ? fn.childForFieldName('property') : null;
    if (p?.type !== 'property_identifier') continue;
    if (o && p && ctx.textOf(strip(o)) === name && MUTATORS.has(p.text)) return true;
  }
  if (root.type === 'identifier' && identifierRefs(ctx, body, name).some((r) => r.parent?.type === 'assignment_expression')) return true;
  return false;
}

export const unnecessaryMaterialization: Rule = {
  id: 'loop.unnecessary-materialization',
  languages: JS_LANGUAGES,
  create(ctx) {
    // [...s] / Array.from(s): counted, iterated in a for…of header, or forEach'd
    return {
      'array, call_expression'(node) {
        // [...s] / Array.from(s)
        if (node.type === 'array' ? kids(node)[0]?.type !== 'spread_element' : !methodCall(node, ['from'])) return;
        const source = copiedIterable(node);
        if (!source) return;
        // `[...m.keys()].length` is loop.redundant-dict-keys' (→ `m.size`); other copies of a keys() iterator are ours.
        const ofKeys = isKeysCall(source);
        const src = snippet(ctx, source, 30);
        const p = logicalParent(node);
        if (!p) return;
        if (p.type === 'member_expression') {
          const prop = memberParts(p)?.property;
          if (prop === 'length') {
            if (ofKeys) return;
            ctx.report(node, `\`${snippet(ctx, node, 40)}\` copies \`${src}\` into an array only to count it`, `Read the count directly (\`${src}.size\` for a Set or Map).`);
            return;
          }
          if (prop === 'forEach') {
            ctx.report(node, `\`${snippet(ctx, node, 40)}\` copies \`${src}\` into an array only to iterate it once`, `Call \`${src}.forEach(…)\` directly, or use \`for (const x of ${src})\`.`);
          }
          return;
        }
        if (p.type === 'for_in_statement' && p.childForFieldName('right')?.startIndex === strip(node).startIndex && p.childForFieldName('operator')?.type === 'of') {
          const body = p.childForFieldName('body');
          if (body && mutatedIn(ctx, body, source)) return;
          ctx.report(node, `\`${snippet(ctx, node, 40)}\` copies \`${src}\` into an array only to iterate it once`, `Iterate \`${src}\` directly: \`for (const x of ${src})\`.`);
          return;
        }
        if (strip(node).type !== 'array') return;
        // `[...x]` handed to something that accepts any iterable, or copying an array that is already fresh.
        const consumer = iterableConsumer(ctx, node);
        if (consumer) {
          ctx.report(node, `\`${snippet(ctx, node, 40)}\` copies \`${src}\` into an array that \`${consumer}\` only iterates`, `Pass \`${src}\` directly: \`${consumer}\` accepts any iterable.`);
          return;
        }
        if (isFreshArray(ctx, source)) {
          ctx.report(node, `\`${snippet(ctx, node, 40)}\` copies an array that \`${src}\` has just created`, `Use \`${src}\` as it is.`);
        }
      },
      // filter(...) / map(...) results used once
      call_expression(node) {
        const cp = methodCall(node, ['filter', 'map']);
        if (!cp) return;
        const call = cp.call;
        if (!cp.receiver || cp.args.length === 0) return;
        const recv = snippet(ctx, cp.receiver, 30);
        const p = logicalParent(call);
        if (!p) return;
        if (cp.name === 'filter') {
          if (p.type === 'member_expression' && memberParts(p)?.property === 'length') {
            if (isEmptinessComparison(p) || inBooleanContext(p)) {
              ctx.report(call, `\`${recv}.filter(…)\` builds a new array only to check whether it is empty`, `Use \`${recv}.some(…)\` with the same predicate (negate it for the empty case); it stops at the first match.`);
            }
            return;
          }
          if (p.type === 'subscript_expression' && ctx.textOf(p.childForFieldName('index') ?? p).trim() === '0') {
            ctx.report(call, `\`${recv}.filter(…)[0]\` builds a new array only to take its first element`, `Use \`${recv}.find(…)\` with the same predicate.`);
            return;
          }
          if (p.type === 'member_expression') {
            const prop = memberParts(p)?.property;
            const outer = logicalParent(p);
            const ocp = outer ? callParts(outer) : null;
            const arg = ocp && ocp.args.length === 1 ? ctx.textOf(ocp.args[0]!).replace(/\s+/g, '') : '';
            if (ocp && ((prop === 'shift' && ocp.args.length === 0) || (prop === 'at' && arg === '0'))) {
              ctx.report(call, `\`${recv}.filter(…).${prop}(…)\` builds a new array only to take its first element`, `Use \`${recv}.find(…)\` with the same predicate.`);
            } else if (ocp && ((prop === 'pop' && ocp.args.length === 0) || (prop === 'at' && arg === '-1'))) {
              ctx.report(call, `\`${recv}.filter(…).${prop}(…)\` builds a new array only to take its last element`, `Use \`${recv}.findLast(…)\` with the same predicate.`);
            }
            return;
          }
          if (p.type === 'variable_declarator') {
            const name = p.childForFieldName('name');
            if (name && name.type === 'array_pattern') {
              const els = kids(name);
              if (els.length === 1 && els[0]!.type === 'identifier') ctx.report(call, `Destructuring the first element of \`${recv}.filter(…)\` builds a whole array for one element`, `Use \`const ${els[0]!.text} = ${recv}.find(…)\`.`);
            }
          }
          return;
        }
        // map(...).includes(v) / .indexOf(v), map(...).flat()
        if (p.type === 'member_expression') {
          const prop = memberParts(p)?.property;
          const outer = logicalParent(p);
          if (prop === 'flat' && outer && outer.type === 'call_expression') {
            const ocp = callParts(outer);
            if (ocp && (ocp.args.length === 0 || (ocp.args.length === 1 && ctx.textOf(ocp.args[0]!).trim() === '1'))) {
              ctx.report(call, `\`${recv}.map(…).flat()\` builds an intermediate array of arrays`, `Use \`${recv}.flatMap(…)\` with the same callback.`);
            }
            return;
          }
          if (outer && outer.type === 'call_expression' && (prop === 'includes' || prop === 'indexOf')) {
            const ocp = callParts(outer);
            if (!ocp || ocp.args.length !== 1) return;
            if (prop === 'indexOf') {
              const q = logicalParent(outer);
              if (!q || q.type !== 'binary_expression' || !/^-1$|^0$/.test((q.childForFieldName('right')?.text ?? '').trim())) return;
            }
            ctx.report(call, `\`${recv}.map(…)\` builds a new array only to test whether it contains one value`, `Use \`${recv}.some(x => f(x) === value)\`; it stops at the first match.`);
          }
        }
      },
      // for (const x of xs.slice())
      for_in_statement(loop) {
        const right = loop.childForFieldName('right');
        if (!right || loop.childForFieldName('operator')?.type !== 'of') return;
        const cp = callParts(right);
        if (!cp || !cp.receiver || cp.name !== 'slice' || cp.args.length !== 0) return;
        const body = loop.childForFieldName('body');
        if (body && mutatedIn(ctx, body, cp.receiver)) return;
        const src = snippet(ctx, cp.receiver, 30);
        ctx.report(cp.call, `\`${src}.slice()\` copies the array only to iterate it once`, `Iterate \`${src}\` directly.`);
      },
    };
  },
};
