/**
 * loop.string-concat-in-loop (Python): a string (or bytes) grown with `s += …` or `s = s + …` inside a loop body.
 * The accumulator must be a string by every binding in its scope (or the added value is a string literal/f-string
 * and the accumulator is not known to be anything else), and must not be reset inside the same loop body (then it
 * only grows within one iteration). One finding per accumulator and loop (at its first `+=`), as in the TS/JS rule:
 * several `+=` of one string in one loop are one problem.
 */
import type { Rule } from '../../rule.js';
import { enclosingLoop, unparenthesize } from '../../syntax.js';
import type { MirrorNode } from '../../syntaxMirror.js';
import { operatorText } from '../../python/pyNodes.js';
import { pythonSemantics } from '../../python/scope.js';

export const pyStringConcatInLoop: Rule = {
  id: 'loop.string-concat-in-loop',
  languages: ['python'],
  create(ctx) {
    const sem = pythonSemantics(ctx);
    // Nodes arrive in document order, so the first `+=` of an accumulator in a loop is the one reported.
    const reported = new Set<string>();
    return {
      'augmented_assignment, assignment'(node) {
        const left = node.childForFieldName('left');
        const rightRaw = node.childForFieldName('right');
        if (!left || !rightRaw) return;
        let added: MirrorNode | null = null;
        const acc = ctx.textOf(left);
        if (node.type === 'augmented_assignment') {
          if (operatorText(ctx, node) !== '+=') return;
          added = unparenthesize(rightRaw);
        } else {
          const right = unparenthesize(rightRaw);
          if (right.type !== 'binary_operator' || operatorText(ctx, right) !== '+') return;
          // `s = s + a + b` parses as `(s + a) + b`: find the leftmost operand of the `+` chain.
          let l: MirrorNode | null = right;
          while (l && l.type === 'binary_operator' && operatorText(ctx, l) === '+') {
            added = l.childForFieldName('right');
            l = l.childForFieldName('left');
          }
          if (!l || ctx.textOf(l) !== acc) return;
        }
        if (!added || (left.type !== 'identifier' && left.type !== 'attribute')) return;
        const loop = enclosingLoop(node, 'python');
        if (!loop) return;
        const addedKind = sem.kindOf(added);
        let accKind = 'unknown';
        if (left.type === 'identifier') accKind = sem.kindOfName(acc, left.startIndex);
        const isString = accKind === 'str' || accKind === 'bytes' || (accKind === 'unknown' && (addedKind === 'str' || addedKind === 'bytes') && (left.type === 'attribute' || sem.bindingsOf(acc, left.startIndex).length > 0));
        if (!isString) return;
        // Reset in the same loop body: the string only grows within one iteration.
        const body = loop.childForFieldName('body');
        if (left.type === 'identifier' && body) {
          const resets = sem.namedIn(acc, body.startIndex, body.endIndex, ['store']).filter((s) => s.start !== left.startIndex);
          if (resets.some((s) => enclosingLoop(s.node, 'python')?.id === loop.id)) return;
        }
        const key = `${loop.id}\t${acc}`;
        if (reported.has(key)) return;
        reported.add(key);
        ctx.report(node, `\`${acc}\` is grown by concatenation on every iteration (each step may copy the whole string)`, `Collect the pieces in a list and \`''.join(...)\` once after the loop.`);
      },
    };
  },
};
