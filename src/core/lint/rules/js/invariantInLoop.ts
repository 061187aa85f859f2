/**
 * loop.invariant-in-loop for TS/JS: expensive work whose inputs do not change between iterations, redone on each one:
 * compiling `new RegExp(…)`, `JSON.parse(…)` of the same text, `document.querySelector(…)`-style DOM queries,
 * `new Date(<constant>)`, `new Intl.*Format(…)`. Every argument must be loop-invariant (literals, or names the loop
 * neither declares nor assigns). Left alone: `new Date()` (reads the clock), a parse whose result is kept or handed
 * on (a deliberate fresh copy per item), stateful `g`/`y` regexes driven by `exec`/`test`, and DOM queries in loops
 * that add or remove elements (the answer can change).
 */
import type { Rule, RuleContext } from '../../rule.js';
import type { SyntaxNode } from '../../syntaxMirror.js';
import { JS_LANGUAGES, callParts, identifierRefs, kids, logicalParent, methodCall, newParts, snippet, strip, within } from '../../js/jsNodes.js';
import { dependsOnIteration, isInvariant } from '../../js/iteration.js';
import { enclosingIteration, type Iteration } from '../../js/loops.js';
import { scopeTable } from '../../js/scope.js';

const DOM_QUERIES = new Set(['querySelector', 'querySelectorAll', 'getElementById', 'getElementsByClassName', 'getElementsByTagName', 'getElementsByName']);
const CALL_NAMES = ['parse', ...DOM_QUERIES];
const DOM_MUTATIONS = /\.(remove|removeChild|replaceWith|replaceChildren|insertAdjacentHTML|createElement|cloneNode|importNode)\s*\(|\.(innerHTML|outerHTML)\s*=/;
const INTL = /^Intl\.(NumberFormat|DateTimeFormat|Collator|PluralRules|RelativeTimeFormat|ListFormat|Segmenter|DisplayNames)$/;

/**
 * True when the value is only read where it is made: `JSON.parse(s).x`, `new Date(c).getTime()`, or a local whose
 * every use is a property read. A value that is stored, returned or passed on may be a deliberate fresh copy.
 */
function usedOnlyInPlace(ctx: RuleContext, expr: SyntaxNode, it: Iteration): boolean {
  const p = logicalParent(expr);
  if (!p) return false;
  if ((p.type === 'member_expression' || p.type === 'subscript_expression') && within(p.childForFieldName('object') ?? p, expr)) return true;
  if (p.type === 'binary_expression') return true;
  if (p.type === 'variable_declarator') {
    const name = p.childForFieldName('name');
    if (!name || name.type !== 'identifier') return false;
    const b = scopeTable(ctx).declaredBy(name);
    if (!b || b.writes.length > 0) return false;
    const uses = identifierRefs(ctx, it.node, ctx.textOf(name)).filter((r) => r.startIndex !== name.startIndex && scopeTable(ctx).resolve(r) === b);
    if (uses.length === 0) return false;
    return uses.every((u) => {
      const up = logicalParent(u);
      if (!up) return false;
      if (up.type === 'member_expression' || up.type === 'subscript_expression') {
        const gp = logicalParent(up);
        // A read, not a write target.
        return !(gp && (gp.type === 'assignment_expression' || gp.type === 'augmented_assignment_expression') && within(gp.childForFieldName('left') ?? gp, up));
      }
      // Passed as an argument to a method like `str.replace(re, …)` / `re.test` — reading, not storing.
      if (up.type === 'arguments') {
        const call = up.parent ? callParts(up.parent) : null;
        return !!call && !!call.receiver && !['push', 'unshift', 'set', 'add', 'concat', 'splice'].includes(call.name);
      }
      return false;
    });
  }
  if (p.type === 'arguments') {
    const call = p.parent ? callParts(p.parent) : null;
    return !!call && !!call.receiver && ['replace', 'replaceAll', 'match', 'matchAll', 'split', 'search', 'test', 'exec', 'format'].includes(call.name);
  }
  return false;
}

/**
 * True when the value is stored somewhere that outlives the iteration (`re = new RegExp(…)` for an outer `re`,
 * `this.fmt ??= …`): the usual lazy-initialisation idiom, which computes it once.
 */
function isCachedOutside(ctx: RuleContext, expr: SyntaxNode, it: Iteration): boolean {
  const p = logicalParent(expr);
  if (!p || (p.type !== 'assignment_expression' && p.type !== 'augmented_assignment_expression')) return false;
  const left = p.childForFieldName('left');
  if (!left) return false;
  const target = strip(left);
  if (target.type === 'member_expression' || target.type === 'subscript_expression') return true;
  if (target.type !== 'identifier') return false;
  const b = scopeTable(ctx).resolve(target);
  return !b || !within(it.node, b.id);
}

/**
 * True when the expression sits under `if (<element> === …)` inside the iteration: it runs for the matching element
 * only, typically once, not on every iteration.
 */
function guardedByElementMatch(ctx: RuleContext, expr: SyntaxNode, it: Iteration): boolean {
  for (let n = expr.parent; n && n.startIndex >= it.node.startIndex && !(n.startIndex === it.node.startIndex && n.endIndex === it.node.endIndex); n = n.parent) {
    if (n.type !== 'if_statement') continue;
    const cond = n.childForFieldName('condition');
    if (!cond || within(cond, expr) || !/===?/.test(ctx.textOf(cond))) continue;
    if (dependsOnIteration(ctx, it, cond)) return true;
  }
  return false;
}

function allInvariant(ctx: RuleContext, it: Iteration, args: SyntaxNode[]): boolean {
  return args.every((a) => a.type !== 'spread_element' && isInvariant(ctx, it, a));
}

function regexIsStateful(ctx: RuleContext, args: SyntaxNode[]): boolean {
  const flags = args[1];
  return !!flags && /[gy]/.test(ctx.textOf(flags));
}

export const invariantInLoop: Rule = {
  id: 'loop.invariant-in-loop',
  languages: JS_LANGUAGES,
  create(ctx) {
    return {
      'new_expression, call_expression'(node) {
        // Candidates: `new RegExp/Date/Intl.*(…)`, `JSON.parse(…)` and `document.querySelector(…)`-style calls.
        if (node.type === 'call_expression' && !methodCall(node, CALL_NAMES)) return;
        let what: string;
        let args: SyntaxNode[];
        let dom = false;
        if (node.type === 'new_expression') {
          const np = newParts(node);
          if (!np) return;
          if (np.ctor === 'RegExp') {
            if (np.args.length === 0) return;
            what = 'compiles the same regular expression';
          } else if (np.ctor === 'Date') {
            if (np.args.length === 0) return; // the current time: differs every time
            what = 'builds the same date';
          } else if (INTL.test(np.ctor)) {
            what = `creates the same \`${np.ctor}\` formatter`;
          } else return;
          args = np.args;
        } else {
          const cp = callParts(node);
          if (!cp || !cp.receiver) return;
          const recv = strip(cp.receiver).text;
          if (recv === 'JSON' && cp.name === 'parse' && cp.args.length >= 1) {
            what = 'parses the same JSON text';
            args = cp.args;
          } else if (recv === 'document' && DOM_QUERIES.has(cp.name) && cp.args.length >= 1) {
            what = 'runs the same DOM query';
            args = cp.args;
            dom = true;
          } else if (recv === 'RegExp' || (!cp.receiver && cp.name === 'RegExp')) {
            what = 'compiles the same regular expression';
            args = cp.args;
          } else return;
        }
        const it = enclosingIteration(node);
        if (!it) return;
        if (!allInvariant(ctx, it, args)) return;
        if (isCachedOutside(ctx, node, it)) return;
        if (guardedByElementMatch(ctx, node, it)) return;
        if (dom) {
          // A query in a while-condition, or in a loop that changes the document, may find something new each time.
          const cond = it.node.childForFieldName('condition');
          if (cond && within(cond, node)) return;
          if (DOM_MUTATIONS.test(ctx.textOf(it.body ?? it.node))) return;
        } else if (what.includes('regular expression')) {
          if (regexIsStateful(ctx, args) && /\.(exec|test|lastIndex)\b/.test(ctx.textOf(it.body ?? it.node))) return;
        } else if (!usedOnlyInPlace(ctx, node, it)) return;
        const loopNode = it.kind === 'callback' ? `\`${it.call.name}\` callback` : 'loop';
        const vars = kids(node).length ? snippet(ctx, node, 50) : '';
        ctx.report(
          node,
          `\`${vars}\` ${what} on every iteration of the ${loopNode}: its arguments do not change between iterations`,
          'Compute it once before the loop and reuse the result.',
        );
      },
    };
  },
};
