/**
 * loop.redundant-index-lookup for TS/JS: the loop already has the element, yet looks it up again by key or index.
 * - keys iteration then `o[k]`: `for (const k of Object.keys(o))`, `for (const k in o)`, `Object.keys(o).forEach(k => …)`
 *   (→ `Object.entries(o)`);
 * - `for (const k of m.keys())` then `m.get(k)` (→ iterate `m` / `m.entries()`);
 * - `xs.forEach((x, i) => … xs[i] …)` and other index-taking callbacks, `for (const [i, x] of xs.entries())` then `xs[i]`.
 * Only reads count: a loop that writes or deletes through the key (`o[k] = …`, `delete o[k]`, `m.set(k, …)`) needs it.
 * One finding per loop, at the first redundant lookup.
 */
import type { Rule, RuleContext } from '../../rule.js';
import type { SyntaxNode } from '../../syntaxMirror.js';
import { JS_LANGUAGES, FUNCTION_TYPES, callParts, identifierRefs, isWriteTarget, kids, logicalParent, methodCall, parameterNodes, patternNames, snippet, strip, within } from '../../js/jsNodes.js';
import { ITERATION_METHODS, isForIn, isForOf } from '../../js/loops.js';
import { scopeTable } from '../../js/scope.js';

interface KeyedLoop {
  /** Where lookups happen (loop body or callback body). */
  readonly body: SyntaxNode;
  /** The key/index binding. */
  readonly key: SyntaxNode;
  /** Source text of the collection (`prices`, `this.items`). */
  readonly collection: string;
  /** `get` for Map lookups, `index` for `coll[key]`. */
  readonly access: 'index' | 'get';
  readonly better: string;
}

function isSimpleChain(text: string): boolean {
  return /^(this|[\w$]+)(\.[\w$]+)*$/.test(text);
}

const KEYED_METHODS = [...ITERATION_METHODS].filter((m) => m !== 'reduce' && m !== 'reduceRight');

/** A `for…in`/`for…of` loop or an iteration-method call whose body has a key or index to look elements up by. */
function keyedLoop(ctx: RuleContext, node: SyntaxNode): KeyedLoop | null {
  if (node.type === 'for_in_statement') {
    const loop = node;
    const left = loop.childForFieldName('left');
    const right = loop.childForFieldName('right');
    const body = loop.childForFieldName('body');
    if (!left || !right || !body) return null;
    if (isForIn(loop) && left.type === 'identifier') {
      const coll = ctx.textOf(strip(right));
      if (isSimpleChain(coll)) return ({ body, key: left, collection: coll, access: 'index', better: `for (const [${left.text}, value] of Object.entries(${coll}))` });
      return null;
    }
    if (!isForOf(loop)) return null;
    const cp = callParts(right);
    if (!cp) return null;
    if (left.type === 'identifier') {
      if (cp.receiver?.text === 'Object' && cp.name === 'keys' && cp.args.length === 1) {
        const coll = ctx.textOf(strip(cp.args[0]!));
        if (isSimpleChain(coll)) return ({ body, key: left, collection: coll, access: 'index', better: `for (const [${left.text}, value] of Object.entries(${coll}))` });
      } else if (cp.receiver && cp.name === 'keys' && cp.args.length === 0) {
        const coll = ctx.textOf(strip(cp.receiver));
        if (isSimpleChain(coll)) return ({ body, key: left, collection: coll, access: 'get', better: `for (const [${left.text}, value] of ${coll})` });
      }
    } else if (left.type === 'array_pattern' && cp.receiver && cp.name === 'entries' && cp.args.length === 0) {
      const first = kids(left)[0];
      const coll = ctx.textOf(strip(cp.receiver));
      if (first && first.type === 'identifier' && isSimpleChain(coll)) return ({ body, key: first, collection: coll, access: 'index', better: 'use the element bound by the loop' });
    }
  }
  {
    const cp = methodCall(node, KEYED_METHODS);
    if (!cp) return null;
    const fn = cp.args[0] ? strip(cp.args[0]) : null;
    if (!fn || !cp.receiver || (fn.type !== 'arrow_function' && fn.type !== 'function_expression')) return null;
    const body = fn.childForFieldName('body');
    const params = parameterNodes(fn);
    if (!body || params.length === 0) return null;
    const recv = strip(cp.receiver);
    const keysCall = callParts(recv);
    if (keysCall && keysCall.receiver?.text === 'Object' && keysCall.name === 'keys' && keysCall.args.length === 1) {
      const key = patternNames(params[0]!)[0];
      const coll = ctx.textOf(strip(keysCall.args[0]!));
      if (key && params[0]!.type !== 'object_pattern' && isSimpleChain(coll)) return ({ body, key, collection: coll, access: 'index', better: `Object.entries(${coll}).${cp.name}(([${key.text}, value]) => …)` });
      return null;
    }
    if (params.length >= 2) {
      const index = patternNames(params[1]!)[0];
      const coll = ctx.textOf(recv);
      if (index && isSimpleChain(coll)) return ({ body, key: index, collection: coll, access: 'index', better: `use the element parameter \`${patternNames(params[0]!)[0]?.text ?? 'item'}\`` });
    }
  }
  return null;
}

function insideNestedFunction(node: SyntaxNode, body: SyntaxNode): boolean {
  for (let n = node.parent; n && n.startIndex >= body.startIndex && !(n.startIndex === body.startIndex && n.endIndex === body.endIndex); n = n.parent) {
    if (FUNCTION_TYPES.has(n.type)) return true;
  }
  return false;
}

export const redundantIndexLookup: Rule = {
  id: 'loop.redundant-index-lookup',
  languages: JS_LANGUAGES,
  create(ctx) {
    const table = scopeTable(ctx);
    return {
      'for_in_statement, call_expression'(node) {
        const loop = keyedLoop(ctx, node);
        if (!loop) return;
        const keyName = loop.key.text;
        const keyBinding = table.resolve(loop.key);
        const bodyText = ctx.textOf(loop.body);
        if (!bodyText.includes(keyName)) return;
        const collRoot = loop.collection.split('.')[0]!;
        // The collection reassigned in the loop (`node = node[k]`): lookups see a different object.
        if (collRoot !== 'this' && identifierRefs(ctx, loop.body, collRoot).some((r) => isWriteTarget(r))) return;
        const lookups: SyntaxNode[] = [];
        let writes = false;
        for (const ref of identifierRefs(ctx, loop.body, keyName)) {
          if (table.resolve(ref) !== keyBinding) continue;
          // A closure reads the collection when it runs, later: a deliberate fresh lookup.
          if (insideNestedFunction(ref, loop.body)) continue;
          const p = logicalParent(ref);
          if (!p) continue;
          if (loop.access === 'index' && p.type === 'subscript_expression') {
            const obj = p.childForFieldName('object');
            const idx = p.childForFieldName('index');
            if (!obj || !idx || strip(idx).startIndex !== ref.startIndex || ctx.textOf(strip(obj)) !== loop.collection) continue;
            if (isWriteTarget(p)) writes = true;
            else lookups.push(p);
          } else if (loop.access === 'get' && p.type === 'arguments' && p.parent) {
            const cp = callParts(p.parent);
            if (!cp || !cp.receiver || ctx.textOf(strip(cp.receiver)) !== loop.collection) continue;
            if (cp.name === 'get' && cp.args.length === 1) lookups.push(cp.call);
            else if (cp.name === 'set' || cp.name === 'delete') writes = true;
          }
        }
        if (writes || lookups.length === 0) return;
        const first = lookups[0]!;
        if (!within(loop.body, first)) return;
        ctx.report(
          first,
          `\`${snippet(ctx, first, 40)}\` looks up the element the loop over \`${loop.collection}\` already has`,
          `Iterate entries instead: ${loop.better}.`,
        );
      },
    };
  },
};
