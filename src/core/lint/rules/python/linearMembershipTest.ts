/**
 * loop.linear-membership-test (Python): `x in [...]` / `x not in (...)` against a list or tuple literal of hashable
 * constants (a set literal is O(1)), and `x in name` inside a loop or comprehension where `name` is bound only to
 * lists (every binding in its scope agrees), so each test scans the list again.
 */
import type { Rule } from '../../rule.js';
import { enclosingLoop, namedChildren, unparenthesize } from '../../syntax.js';
import type { MirrorNode } from '../../syntaxMirror.js';
import { isConstant, operatorText } from '../../python/pyNodes.js';
import { pythonSemantics } from '../../python/scope.js';

const CONSTANT_NAME = /^_*[A-Z][A-Z0-9_]*$/;
const BUILTIN_EXCEPTION = /^[A-Z][A-Za-z]*(Error|Exception|Warning|Exit|Iteration|Interrupt)$/;
const BUILTIN_TYPES = new Set(['int', 'float', 'complex', 'str', 'bytes', 'bool', 'type', 'object', 'list', 'dict', 'tuple', 'set', 'frozenset']);

export const pyLinearMembershipTest: Rule = {
  id: 'loop.linear-membership-test',
  languages: ['python'],
  create(ctx) {
    const sem = pythonSemantics(ctx);
    return {
      comparison_operator(cmp) {
        const operands = namedChildren(cmp);
        if (operands.length !== 2) return;
        const op = operatorText(ctx, cmp).replace(/\s+/g, ' ');
        if (op !== 'in' && op !== 'not in') return;
        const [needle, hayRaw] = operands as [MirrorNode, MirrorNode];
        const hay = unparenthesize(hayRaw);
        if (hay.type === 'list' || hay.type === 'tuple') {
          const elements = namedChildren(hay);
          const scalar = (e: MirrorNode): boolean => isConstant(ctx, e) || (e.type === 'identifier' && ['number', 'str', 'bool', 'none', 'bytes'].includes(sem.kindOf(e)));
          // UPPER_CASE names (`errno.EACCES`, `tokenize.COMMENT`, `_VAR_KEYWORD`) are constants by convention, and
          // builtin types are hashable: a tuple of them is a constant set written as a tuple.
          // Classes are hashable too: builtin exceptions and classes the file defines (`(StopIteration, GeneratorExit)`).
          const isClassName = (e: MirrorNode): boolean => e.type === 'identifier' && (BUILTIN_EXCEPTION.test(ctx.textOf(e)) || (sem.bindingsOf(ctx.textOf(e), e.startIndex).length > 0 && sem.bindingsOf(ctx.textOf(e), e.startIndex).every((b) => b.kind === 'class')));
          const named = (e: MirrorNode): boolean => (e.type === 'identifier' || e.type === 'attribute') && (CONSTANT_NAME.test(ctx.textOf(e).split('.').pop() ?? '') || (e.type === 'identifier' && BUILTIN_TYPES.has(ctx.textOf(e))) || isClassName(e));
          if (elements.length < 2 || !elements.every((e) => scalar(e) || named(e)) || !elements.some((e) => isConstant(ctx, e) || named(e))) return;
          const shown = ctx.textOf(hay).length > 40 ? `${ctx.textOf(hay).slice(0, 37)}…` : ctx.textOf(hay);
          ctx.report(cmp, `\`${ctx.textOf(needle)} ${op} ${shown}\` scans a ${hay.type} of ${elements.length} hashable values`, `Test against a set literal: \`{${namedChildren(hay).map((e) => ctx.textOf(e)).join(', ')}}\`.`.slice(0, 200));
          return;
        }
        if (hay.type !== 'identifier') return;
        if (!enclosingLoop(cmp, 'python', { includeComprehensions: true })) return;
        const name = ctx.textOf(hay);
        if (sem.kindOfName(name, hay.startIndex) !== 'list') return;
        ctx.report(cmp, `\`${ctx.textOf(needle)} ${op} ${name}\` scans the list \`${name}\` on every iteration`, `Keep a set beside (or instead of) \`${name}\` and test against it.`);
      },
    };
  },
};
