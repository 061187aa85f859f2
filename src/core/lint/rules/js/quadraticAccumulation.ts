/**
 * loop.quadratic-accumulation for TS/JS: an accumulator copied on every iteration, which makes building it O(n²):
 * - in a `reduce` callback, the returned value spreads or concatenates the accumulator parameter
 *   (`(acc, x) => ({ ...acc, [k]: v })`, `[...acc, x]`, `acc.concat(x)`, `Object.assign({}, acc, …)`);
 * - in a loop (statement or iteration callback), `acc = [...acc, x]`, `acc = { ...acc, … }`, `acc = acc.concat(x)`
 *   or `acc = Object.assign({}, acc, …)` for a variable declared outside the loop.
 * Spreading the element, copying once outside a loop, or mutating the accumulator in place is fine.
 */
import type { Rule, RuleContext } from '../../rule.js';
import type { SyntaxNode } from '../../syntaxMirror.js';
import { callParts, JS_LANGUAGES, kids, methodCall, parameterNodes, snippet, strip, within } from '../../js/jsNodes.js';
import { enclosingIteration, iterationCallOf } from '../../js/loops.js';
import { scopeTable } from '../../js/scope.js';

/** The node in `expr` that copies the accumulator `name`, or null. */
function copyOf(ctx: RuleContext, expr: SyntaxNode, name: string): SyntaxNode | null {
  const e = strip(expr);
  if (e.type === 'array' || e.type === 'object') {
    for (const el of kids(e)) {
      if (el.type !== 'spread_element') continue;
      const arg = kids(el)[0];
      if (arg && strip(arg).type === 'identifier' && strip(arg).text === name) return el;
    }
    return null;
  }
  const cp = callParts(e);
  if (!cp) return null;
  if (cp.name === 'concat' && cp.receiver && strip(cp.receiver).text === name) return cp.call;
  if (cp.name === 'concat' && cp.receiver && strip(cp.receiver).type === 'array' && cp.args.some((a) => strip(a).text === name)) return cp.call;
  if (cp.name === 'assign' && cp.receiver?.text === 'Object' && cp.args.length >= 2) {
    const target = strip(cp.args[0]!);
    if (target.type === 'object' && kids(target).length === 0 && cp.args.slice(1).some((a) => strip(a).text === name)) return cp.call;
  }
  return null;
}

/** Expressions a callback returns: the arrow's expression body, or every `return` value in its own body. */
function returnedValues(ctx: RuleContext, fn: SyntaxNode): SyntaxNode[] {
  const body = fn.childForFieldName('body');
  if (!body) return [];
  if (body.type !== 'statement_block') return [body];
  const out: SyntaxNode[] = [];
  for (const ret of ctx.syntax().descendantsOfType(body, 'return_statement')) {
    // Skip returns of nested functions.
    let nested = false;
    for (let n = ret.parent; n && n.startIndex > fn.startIndex; n = n.parent) {
      if (n.type === 'arrow_function' || n.type === 'function_expression' || n.type === 'function_declaration' || n.type === 'method_definition') {
        nested = true;
        break;
      }
    }
    const v = kids(ret)[0];
    if (!nested && v) out.push(v);
  }
  return out;
}

export const quadraticAccumulation: Rule = {
  id: 'loop.quadratic-accumulation',
  languages: JS_LANGUAGES,
  create(ctx) {
    // acc = [...acc, x] / acc = acc.concat(x) in loops
    const table = scopeTable(ctx);
    return {
      assignment_expression(asg) {
        const rightText = ctx.textOf(asg.childForFieldName('right') ?? asg);
        if (!rightText.includes('...') && !rightText.includes('concat') && !rightText.includes('Object.assign')) return;
        const left = asg.childForFieldName('left');
        const right = asg.childForFieldName('right');
        if (!left || !right || strip(left).type !== 'identifier') return;
        const name = strip(left).text;
        const copy = copyOf(ctx, right, name);
        if (!copy) return;
        const it = enclosingIteration(asg);
        if (!it) return;
        const b = table.resolve(strip(left));
        if (!b || within(it.node, b.id)) return;
        ctx.report(
          copy,
          `\`${name}\` is copied into a new collection on every iteration (\`${snippet(ctx, asg, 40)}\`): O(n²) in total`,
          `Grow \`${name}\` in place (\`${name}.push(…)\`, \`${name}[k] = v\`) or build it once with flatMap / Object.fromEntries.`,
        );
      },
      // reduce callbacks
      call_expression(node) {
        const call = methodCall(node, ['reduce', 'reduceRight']);
        if (!call) return;
        const fn = call.args[0] ? strip(call.args[0]) : null;
        if (!fn || (fn.type !== 'arrow_function' && fn.type !== 'function_expression')) return;
        const cp = iterationCallOf(fn);
        if (!cp) return;
        const first = parameterNodes(fn)[0];
        if (!first) return;
        const accNode = first.type === 'required_parameter' || first.type === 'optional_parameter' ? first.childForFieldName('pattern') : first;
        if (!accNode || accNode.type !== 'identifier') return;
        const acc = accNode.text;
        for (const v of returnedValues(ctx, fn)) {
          const copy = copyOf(ctx, v, acc);
          if (!copy) continue;
          ctx.report(
            copy,
            `The \`${cp.name}\` callback copies the accumulator \`${acc}\` into a new ${strip(v).type === 'object' || copy.type === 'call_expression' && ctx.textOf(copy).startsWith('Object.assign') ? 'object' : 'array'} on every element: O(n²) over \`${snippet(ctx, cp.receiver ?? cp.call, 30)}\``,
            `Mutate the accumulator and return it (\`${acc}.push(x); return ${acc};\` / \`${acc}[k] = v; return ${acc};\`), or use flatMap / Object.fromEntries.`,
          );
          break;
        }
      },
    };
  },
};
