/**
 * loop.redundant-index-lookup (Python): the loop already holds the element but looks it up again.
 * - `for k, v in d.items(): … d[k] …` → use `v`;
 * - `for i, x in enumerate(xs): … xs[i] …` → use `x`;
 * - `for k in d: … d[k] …` (or `d.keys()`) → iterate `d.items()`.
 * Only reads count; not reported once the loop body stores into, deletes from or rebinds the collection, the key or
 * the value variable (then the lookup may see a different value).
 */
import type { Rule } from '../../rule.js';
import { namedChildren, unparenthesize } from '../../syntax.js';
import type { MirrorNode } from '../../syntaxMirror.js';
import { callParts, isBuiltinCall, mayMutate } from '../../python/pyNodes.js';
import { pythonSemantics } from '../../python/scope.js';
import { pythonClasses } from '../../python/classes.js';

export const pyRedundantIndexLookup: Rule = {
  id: 'loop.redundant-index-lookup',
  languages: ['python'],
  create(ctx) {
    const sem = pythonSemantics(ctx);
    return {
      'for_statement, for_in_clause'(loop) {
        // For a comprehension clause the "body" is the whole comprehension (element and `if` clauses), minus the clause.
        const leftNode = loop.childForFieldName('left');
        const rightNode = loop.childForFieldName('right');
        const bodyNode = loop.type === 'for_statement' ? loop.childForFieldName('body') : loop.parent;
        if (!leftNode || !rightNode || !bodyNode) return;
        const parts = { left: leftNode, right: unparenthesize(rightNode), body: bodyNode };
        const inClause = (n: MirrorNode): boolean => loop.type === 'for_in_clause' && n.startIndex >= loop.startIndex && n.endIndex <= loop.endIndex;
        const right = parts.right;
        let collection: MirrorNode | null = null;
        let keyName: string | null = null;
        let valueName: string | null = null;
        let mode: 'items' | 'enumerate' | 'keys' | null = null;
        const pair = parts.left.type === 'pattern_list' || parts.left.type === 'tuple_pattern' ? namedChildren(parts.left) : [];
        if (right.type === 'call') {
          const call = callParts(ctx, right);
          if (call && pair.length === 2 && pair.every((p) => p.type === 'identifier')) {
            if (call.method === 'items' && call.object && call.args.length === 0) mode = 'items';
            // With `start=` the index is not the position: `xs[i]` is another element.
            else if (isBuiltinCall(ctx, sem, right, 'enumerate') && call.args.length === 1 && call.kwargs.size === 0) mode = 'enumerate';
            if (mode) {
              collection = mode === 'items' ? call.object : unparenthesize(call.args[0] as MirrorNode);
              keyName = ctx.textOf(pair[0] as MirrorNode);
              valueName = ctx.textOf(pair[1] as MirrorNode);
            }
          } else if (call && parts.left.type === 'identifier' && call.method === 'keys' && call.object && call.args.length === 0) {
            mode = 'keys';
            collection = call.object;
            keyName = ctx.textOf(parts.left);
          }
        } else if ((right.type === 'identifier' || right.type === 'attribute') && parts.left.type === 'identifier') {
          const kind = sem.kindOf(right);
          if (kind === 'dict' || (kind === 'unknown' && right.type === 'identifier')) {
            mode = 'keys';
            collection = right;
            keyName = ctx.textOf(parts.left);
          }
        }
        if (!mode || !collection || !keyName) return;
        if (collection.type !== 'identifier' && collection.type !== 'attribute') return;
        const collText = ctx.textOf(collection);
        if (keyName.startsWith('_') && mode !== 'keys') return;
        // `self[k]` over `self.keys()` inside a class that implements the mapping protocol itself (`values()` written
        // as `(self[k] for k in self.keys())`): there is no `items()` underneath to hand the value over.
        if (mode === 'keys' && collection.type === 'identifier') {
          const method = pythonClasses(ctx).methodContaining(collection);
          if (method && method.selfName === collText && method.cls.methods.has('__getitem__')) return;
        }
        // Any store into, or rebinding of, the collection / key / value inside the body disqualifies the loop.
        if (collection.type === 'identifier' && mayMutate(ctx, sem, collText, parts.body, { passingCounts: false })) return;
        if (collection.type === 'attribute' && storesIntoAttribute(parts.body, collText)) return;
        if (sem.storesIn(parts.body, keyName).some((s) => !inClause(s.node))) return;
        if (valueName && sem.storesIn(parts.body, valueName).some((s) => !inClause(s.node))) return;
        for (const sub of ctx.syntax().descendantsOfType(parts.body, 'subscript')) {
          const v = sub.childForFieldName('value');
          const idx = sub.childForFieldName('subscript');
          if (!v || !idx || ctx.textOf(v) !== collText || ctx.textOf(idx) !== keyName) continue;
          if (isStoreOrDel(sub) || inClause(sub)) continue;
          if (mode === 'keys') {
            ctx.report(sub, `\`${collText}[${keyName}]\` looks up the value the loop over \`${collText}\` could hand over`, `Iterate \`for ${keyName}, value in ${collText}.items()\`.`);
          } else {
            ctx.report(sub, `\`${collText}[${keyName}]\` is the \`${valueName}\` this loop already has`, `Use \`${valueName}\`.`);
          }
        }
      },
    };
    function isStoreOrDel(sub: MirrorNode): boolean {
      let child = sub;
      let p = sub.parent;
      while (p && (p.type === 'pattern_list' || p.type === 'tuple_pattern' || p.type === 'tuple')) {
        child = p;
        p = p.parent;
      }
      if (!p) return false;
      if (p.type === 'delete_statement') return true;
      if (p.type === 'assignment' || p.type === 'augmented_assignment' || p.type === 'for_statement') {
        const left = p.childForFieldName('left');
        return !!left && left.startIndex === child.startIndex && left.endIndex === child.endIndex;
      }
      return false;
    }
    function storesIntoAttribute(body: MirrorNode, text: string): boolean {
      for (const stmt of ctx.syntax().descendantsOfType(body, ['assignment', 'augmented_assignment', 'delete_statement'])) {
        const targets = stmt.type === 'delete_statement' ? namedChildren(stmt) : [stmt.childForFieldName('left')];
        if (targets.some((t) => t && ctx.textOf(t).startsWith(text))) return true;
      }
      return false;
    }
  },
};
