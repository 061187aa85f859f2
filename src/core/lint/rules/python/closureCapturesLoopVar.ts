/**
 * loop.closure-captures-loop-var (Python): a `lambda` or `def` created inside a loop (or comprehension) that reads a
 * loop variable, or a variable the loop body rebinds, as a free variable. Python closures bind late: every such
 * function sees the value from the last iteration. Not reported when the function cannot outlive its iteration:
 * called on the spot, passed to an eager consumer (`sorted(key=…)`, `min`, `max`, `re.sub`, `map`/`filter`, …),
 * returned (which ends the loop), or a nested `def` that is only ever called in place (a `def` never used at all is
 * assumed to be kept for later, as other linters do). Binding through a default
 * (`lambda i=i: …`) or `functools.partial` is the fix, so those are not free variables.
 */
import type { Rule } from '../../rule.js';
import { enclosingLoop, enclosingLoops, isComprehension, namedChildren } from '../../syntax.js';
import type { MirrorNode } from '../../syntaxMirror.js';
import { forParts } from '../../python/pyNodes.js';
import { pythonSemantics, targetNames, type PyScope } from '../../python/scope.js';

const EAGER_CONSUMERS = /(^|\.)(sorted|sort|min|max|reduce|sub|subn|nsmallest|nlargest|any|all|sum|filter|map|apply|next)$/;

export const pyClosureCapturesLoopVar: Rule = {
  id: 'loop.closure-captures-loop-var',
  languages: ['python'],
  create(ctx) {
    const sem = pythonSemantics(ctx);
    return {
      'lambda, function_definition'(fn) {
        const loop = enclosingLoop(fn, 'python', { includeComprehensions: true });
        if (!loop) return;
        const fnScope = sem.scopeOfNode(fn);
        if (!fnScope) return;
        // Names that change per iteration, and the scope they live in.
        const loopVars = new Set<string>();
        let loopScope: PyScope;
        if (isComprehension(loop)) {
          loopScope = sem.scopeOfNode(loop) ?? sem.scopeAt(loop.startIndex);
          for (const clause of namedChildren(loop)) {
            if (clause.type !== 'for_in_clause') continue;
            const left = clause.childForFieldName('left');
            if (left) for (const n of targetNames(left)) loopVars.add(ctx.textOf(n));
          }
        } else {
          loopScope = sem.scopeAt(loop.startIndex);
          for (const l of [loop, ...enclosingLoops(loop, 'python')]) {
            const parts = forParts(ctx, l);
            if (parts) for (const n of targetNames(parts.left)) loopVars.add(ctx.textOf(n));
            const body = l.childForFieldName('body');
            if (!body) continue;
            for (const id of sem.identifiersIn(body.startIndex, body.endIndex)) {
              if ((id.role === 'store' || id.role === 'augstore') && sem.scopeAt(id.start) === loopScope) loopVars.add(id.name);
            }
          }
        }
        if (loopVars.size === 0) return;
        // Free reads in the function body (defaults and decorators run at definition time: excluded).
        const body = fn.childForFieldName('body');
        if (!body) return;
        const captured = new Set<string>();
        for (const id of sem.identifiersIn(body.startIndex, body.endIndex)) {
          if (id.role !== 'load' && id.role !== 'augstore') continue;
          if (!loopVars.has(id.name)) continue;
          if (sem.resolveScope(id.name, id.start) === loopScope) captured.add(id.name);
        }
        if (captured.size === 0) return;
        if (!escapesIteration(fn)) return;
        const names = [...captured].map((n) => `\`${n}\``).join(', ');
        const anchor = fn.type === 'function_definition' ? (fn.childForFieldName('name') ?? fn) : fn;
        const what = fn.type === 'lambda' ? 'lambda' : `function \`${ctx.textOf(anchor)}\``;
        ctx.report(
          anchor,
          `${what} created in a loop reads ${names} when it is called, not when it is created: every copy sees the last value`,
          `Bind the current value: a default argument (\`${[...captured].map((n) => `${n}=${n}`).join(', ')}\`) or \`functools.partial\`.`,
        );
      },
    };
    /** True when the function may be called after its iteration ended. */
    function escapesIteration(fn: MirrorNode): boolean {
      if (fn.type === 'lambda') return lambdaEscapes(fn);
      const nameNode = fn.childForFieldName('name');
      if (!nameNode) return true;
      const name = ctx.textOf(nameNode);
      const outer = fn.parent?.type === 'decorated_definition' ? fn.parent : fn;
      if (outer !== fn) return true; // decorators (callbacks, registrations) keep the function
      const scope = sem.scopeAt(fn.startIndex);
      let usedInPlace = false;
      for (const id of sem.identifiersIn(scope.start, scope.end)) {
        if (id.name !== name || id.role !== 'load' || sem.resolveScope(name, id.start) !== scope) continue;
        const parent = id.node.parent;
        const isCall = parent?.type === 'call' && parent.childForFieldName('function')?.startIndex === id.start;
        if (isCall || (parent && consumedEagerly(parent)) || parent?.type === 'return_statement') {
          usedInPlace = true;
          continue;
        }
        return true;
      }
      // Never used in the file: defined for someone to call later (callbacks registered by name, exec'd, exported).
      return !usedInPlace;
    }
    function lambdaEscapes(lambda: MirrorNode): boolean {
      let n: MirrorNode = lambda;
      let parent = n.parent;
      while (parent && parent.type === 'parenthesized_expression') {
        n = parent;
        parent = parent.parent;
      }
      if (!parent) return true;
      if (parent.type === 'call' && parent.childForFieldName('function')?.startIndex === n.startIndex) return false;
      if (parent.type === 'return_statement') return false;
      return !consumedEagerly(parent);
    }
    /** `parent` is the argument list (or keyword argument) holding the function: is the callee an eager consumer? */
    function consumedEagerly(parent: MirrorNode): boolean {
      let args: MirrorNode | null = parent;
      if (args.type === 'keyword_argument') args = args.parent;
      if (!args || args.type !== 'argument_list') return false;
      const call = args.parent;
      const callee = call?.childForFieldName('function');
      return !!callee && EAGER_CONSUMERS.test(ctx.textOf(callee));
    }
  },
};
