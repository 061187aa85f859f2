/**
 * loop.quadratic-accumulation (Python): an accumulator copied on every step.
 * - `sum(lists, [])` / `sum(tuples, ())` (each `+` copies the running total);
 * - `functools.reduce` adding lists/tuples with `operator.add`/`operator.concat`/`lambda a, b: a + b` and a list or
 *   tuple start;
 * - inside a loop: `acc = acc + [...]`, `acc = [*acc, x]`, `acc = {**acc, k: v}`, `acc = acc | {...}` for a list,
 *   tuple or dict accumulator, and `acc += (x,)` for a tuple (tuples have no in-place add).
 */
import type { Rule } from '../../rule.js';
import { enclosingLoop, namedChildren, unparenthesize } from '../../syntax.js';
import type { MirrorNode } from '../../syntaxMirror.js';
import { callParts, isBuiltinCall, operatorText } from '../../python/pyNodes.js';
import { pythonSemantics } from '../../python/scope.js';

export const pyQuadraticAccumulation: Rule = {
  id: 'loop.quadratic-accumulation',
  languages: ['python'],
  create(ctx) {
    const sem = pythonSemantics(ctx);
    const tupleReported = new Set<string>();
    return {
      call(call) {
        const fnNode = call.childForFieldName('function');
        const fnText = fnNode ? ctx.textOf(fnNode) : '';
        if (fnText !== 'sum' && fnText !== 'reduce' && fnText !== 'functools.reduce') return;
        const parts = callParts(ctx, call);
        if (!parts) return;
        if (isBuiltinCall(ctx, sem, call, 'sum')) {
          const start = parts.args[1] ?? parts.kwargs.get('start');
          if (!start) return;
          const s = unparenthesize(start);
          if ((s.type === 'list' || s.type === 'tuple') && namedChildren(s).length === 0) {
            ctx.report(call, `\`${ctx.textOf(call)}\` concatenates by copying the running ${s.type} for every element`, 'Flatten with `list(itertools.chain.from_iterable(...))` or a nested comprehension.');
          }
        } else if (parts.callee === 'reduce' || parts.callee === 'functools.reduce') {
          const [fn, , init] = parts.args;
          if (!fn || !init) return;
          const initNode = unparenthesize(init);
          if (initNode.type !== 'list' && initNode.type !== 'tuple') return;
          const fnText = ctx.textOf(fn).replace(/\s+/g, ' ');
          const adds = /^(operator\.)?(add|concat|iadd)$/.test(fnText) || /^lambda (\w+), (\w+): \1 \+ \2$/.test(fnText);
          if (adds) ctx.report(call, `\`reduce\` with \`${fnText}\` copies the accumulated ${initNode.type} on every step`, 'Flatten with `itertools.chain.from_iterable(...)` or extend one list in a loop.');
        }
      },
      'assignment, augmented_assignment'(node) {
        const left = node.childForFieldName('left');
        const rightRaw = node.childForFieldName('right');
        if (!left || !rightRaw || left.type !== 'identifier') return;
        const right = unparenthesize(rightRaw);
        // Cheap syntactic shape first; loops and kinds only for candidates.
        const shape = node.type === 'augmented_assignment' || right.type === 'binary_operator' || ((right.type === 'list' || right.type === 'tuple' || right.type === 'set') && right.namedChildren[0]?.type === 'list_splat') || (right.type === 'dictionary' && right.namedChildren[0]?.type === 'dictionary_splat');
        if (!shape) return;
        const acc = ctx.textOf(left);
        if (right.type === 'binary_operator' && ctx.textOf(right.childForFieldName('left') ?? right) !== acc) return;
        if (node.type === 'augmented_assignment' && operatorText(ctx, node) !== '+=') return;
        const loop = enclosingLoop(node, 'python');
        if (!loop) return;
        if (node.type === 'augmented_assignment') {
          if (operatorText(ctx, node) === '+=' && (right.type === 'tuple' || sem.kindOfName(acc, left.startIndex) === 'tuple') && sem.kindOf(right) === 'tuple') {
            // One finding per tuple accumulator and loop (several branches growing it are one problem).
            const key = `${loop.id}\t${acc}`;
            if (tupleReported.has(key)) return;
            tupleReported.add(key);
            ctx.report(node, `\`${acc} += …\` builds a new tuple from the whole of \`${acc}\` on every iteration`, `Collect into a list and convert once: \`tuple(parts)\`.`);
          }
          return;
        }
        let hit: MirrorNode | undefined;
        let what = '';
        if (right.type === 'binary_operator') {
          const l = right.childForFieldName('left');
          const r = right.childForFieldName('right');
          const op = operatorText(ctx, right);
          if (l && r && l.type === 'identifier' && ctx.textOf(l) === acc) {
            const rk = sem.kindOf(r);
            if (op === '+' && (rk === 'list' || rk === 'tuple')) {
              hit = right;
              what = rk;
            } else if (op === '|' && rk === 'dict') {
              hit = right;
              what = 'dict';
            }
          }
        } else if (right.type === 'list' || right.type === 'tuple' || right.type === 'set') {
          const first = namedChildren(right)[0];
          if (first?.type === 'list_splat' && ctx.textOf(first).replace(/^\*\s*/, '') === acc) {
            hit = first;
            what = right.type;
          }
        } else if (right.type === 'dictionary') {
          const first = namedChildren(right)[0];
          if (first?.type === 'dictionary_splat' && ctx.textOf(first).replace(/^\*\*\s*/, '') === acc) {
            hit = first;
            what = 'dict';
          }
        }
        if (hit) ctx.report(hit, `\`${acc}\` is copied into a new ${what} on every iteration`, what === 'dict' ? `Update in place: \`${acc}[k] = v\` or \`${acc}.update(...)\`.` : `Grow it in place: \`${acc}.append(x)\` / \`${acc}.extend(xs)\`.`);
      },
    };
  },
};
