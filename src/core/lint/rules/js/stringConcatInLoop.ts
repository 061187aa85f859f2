/**
 * loop.string-concat-in-loop for TS/JS: a string declared outside a loop and grown with `s += …` (or `s = s + …`)
 * on each iteration. The variable must be known to hold a string (declared `string`, initialised with a string, or
 * grown with string literals/templates); numbers and bigints are sums. A string reset inside the loop never grows
 * across iterations. One finding per variable and loop.
 */
import type { Rule, RuleContext } from '../../rule.js';
import type { SyntaxNode } from '../../syntaxMirror.js';
import { JS_LANGUAGES, snippet, strip, within } from '../../js/jsNodes.js';
import { enclosingIteration } from '../../js/loops.js';
import { scopeTable, type Binding } from '../../js/scope.js';
import { kindOf, kindOfType } from '../../js/types.js';

function isStringish(ctx: RuleContext, b: Binding, added: SyntaxNode): boolean {
  const declared = kindOfType(b.type);
  if (declared !== 'unknown') return declared === 'string';
  if (b.init) {
    const k = kindOf(ctx, b.init);
    if (k !== 'unknown') return k === 'string';
  }
  const a = strip(added);
  return a.type === 'string' || a.type === 'template_string' || kindOf(ctx, a) === 'string';
}

/** `s = s + …` (the other spelling of `s += …`). */
function isSelfPlus(node: SyntaxNode): boolean {
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  if (!left || !right || left.type !== 'identifier') return false;
  const r = strip(right);
  return r.type === 'binary_expression' && strip(r.childForFieldName('left') ?? r).text === left.text;
}

export const stringConcatInLoop: Rule = {
  id: 'loop.string-concat-in-loop',
  languages: JS_LANGUAGES,
  create(ctx) {
    const table = scopeTable(ctx);
    const reported = new Set<string>();
    return {
      // `s += …` and `s = s + …`.
      'augmented_assignment_expression, assignment_expression'(node) {
        if (node.type === 'assignment_expression' && !isSelfPlus(node)) return;
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        if (!left || !right || strip(left).type !== 'identifier') return;
        const name = strip(left).text;
        let added: SyntaxNode;
        if (node.type === 'augmented_assignment_expression') {
          if (node.childForFieldName('operator')?.type !== '+=') return;
          added = right;
        } else {
          const r = strip(right);
          if (r.type !== 'binary_expression' || r.childForFieldName('operator')?.type !== '+') return;
          const l = r.childForFieldName('left');
          if (!l || strip(l).text !== name) return;
          added = r.childForFieldName('right') ?? r;
        }
        // `i += 1`: a number, whatever the declaration says.
        if (strip(added).type === 'number') return;
        const it = enclosingIteration(node);
        if (!it) return;
        const b = table.resolve(strip(left));
        if (!b || within(it.node, b.id)) return;
        if (!isStringish(ctx, b, added)) return;
        // Once per accumulator and loop: the verdict below is the same for every concatenation to it.
        const key = `${b.id.startIndex}@${it.node.startIndex}`;
        if (reported.has(key)) return;
        reported.add(key);
        // Reset inside the loop (`s = ''`): it does not grow across iterations.
        const resets = b.writes.filter((w) => within(it.node, w)).some((w) => {
          const p = w.parent;
          if (!p || p.type !== 'assignment_expression') return false;
          const r = p.childForFieldName('right');
          return !!r && !ctx.textOf(r).includes(name);
        });
        if (resets) return;
        ctx.report(
          node,
          `\`${name}\` is grown with \`${snippet(ctx, node, 40)}\` on every iteration; each concatenation may copy the whole string`,
          `Collect the parts in an array and join once after the loop (\`parts.push(…)\`, then \`parts.join('')\`).`,
        );
      },
    };
  },
};
