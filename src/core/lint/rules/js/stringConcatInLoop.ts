/**
 * loop.string-concat-in-loop for TS/JS: a string declared outside a loop and grown with `s += …` (or `s = s + …`)
 * on each iteration. The variable must be known to hold a string (declared `string`, initialised with a string, or
 * grown with string literals/templates); numbers and bigints are sums. A string reset inside the loop never grows
 * across iterations. One finding per variable and loop.
 */
import type { Rule, RuleContext } from '../../rule.js';
import type { SyntaxNode } from '../../treeSitter.js';
import { JS_LANGUAGES, snippet, strip, within } from './jsAst.js';
import { nodesAtMatches } from './jsCandidates.js';
import { binaryAssignments } from './jsIndex.js';
import { enclosingIteration } from './jsLoops.js';
import { scopeTable, type Binding } from './jsScope.js';
import { kindOf, kindOfType } from './jsTypes.js';

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

export const stringConcatInLoop: Rule = {
  id: 'loop.string-concat-in-loop',
  languages: JS_LANGUAGES,
  check(ctx) {
    const table = scopeTable(ctx);
    const reported = new Set<string>();
    const candidates = [...nodesAtMatches(ctx, /\+=/, ['augmented_assignment_expression'], 0, 1), ...binaryAssignments(ctx)];
    for (const node of candidates) {
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (!left || !right || strip(left).type !== 'identifier') continue;
      const name = strip(left).text;
      let added: SyntaxNode;
      if (node.type === 'augmented_assignment_expression') {
        if (node.childForFieldName('operator')?.type !== '+=') continue;
        added = right;
      } else {
        const r = strip(right);
        if (r.type !== 'binary_expression' || r.childForFieldName('operator')?.type !== '+') continue;
        const l = r.childForFieldName('left');
        if (!l || strip(l).text !== name) continue;
        added = r.childForFieldName('right') ?? r;
      }
      // `i += 1`: a number, whatever the declaration says.
      if (strip(added).type === 'number') continue;
      const it = enclosingIteration(node);
      if (!it) continue;
      const b = table.resolve(strip(left));
      if (!b || within(it.node, b.id)) continue;
      if (!isStringish(ctx, b, added)) continue;
      // Reset inside the loop (`s = ''`): it does not grow across iterations.
      const resets = b.writes.filter((w) => within(it.node, w)).some((w) => {
        const p = w.parent;
        if (!p || p.type !== 'assignment_expression') return false;
        const r = p.childForFieldName('right');
        return !!r && !ctx.textOf(r).includes(name);
      });
      if (resets) continue;
      const key = `${b.id.startIndex}@${it.node.startIndex}`;
      if (reported.has(key)) continue;
      reported.add(key);
      ctx.report(
        node,
        `\`${name}\` is grown with \`${snippet(ctx, node, 40)}\` on every iteration; each concatenation may copy the whole string`,
        `Collect the parts in an array and join once after the loop (\`parts.push(…)\`, then \`parts.join('')\`).`,
      );
    }
  },
};
