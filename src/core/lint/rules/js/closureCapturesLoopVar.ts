/**
 * loop.closure-captures-loop-var for TS/JS: a function created inside a loop that reads a binding all iterations
 * share, so every closure sees its last value. Per-iteration bindings are fine: `let`/`const` declared in the loop
 * header or body get a fresh copy each iteration. Shared are `var` declared in the loop, and variables declared
 * outside the loop that the loop assigns. Immediately invoked functions run inside their iteration and are not
 * reported.
 */
import type { Rule, RuleContext } from '../../rule.js';
import type { SyntaxNode } from '../../syntaxMirror.js';
import { JS_LANGUAGES, FUNCTION_TYPES, CLASS_TYPES, allIdentifierRefs, hasKeyword, logicalParent, strip, within } from '../../js/jsNodes.js';
import { isLoopStatement } from '../../js/loops.js';
import { scopeTable, type Binding } from '../../js/scope.js';

const CLOSURE_TYPES = ['arrow_function', 'function_expression', 'generator_function', 'function_declaration', 'generator_function_declaration'];

/** Statement loops whose body (or per-iteration header part) contains `fn`, up to the enclosing function. */
function loopsAround(fn: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  let child = fn;
  for (let n = fn.parent; n; child = n, n = n.parent) {
    if (FUNCTION_TYPES.has(n.type) || CLASS_TYPES.has(n.type)) break;
    if (isLoopStatement(n)) {
      const body = n.childForFieldName('body');
      const cond = n.childForFieldName('condition');
      const inc = n.childForFieldName('increment');
      if ((body && within(body, child)) || (cond && within(cond, child)) || (inc && within(inc, child))) out.push(n);
    }
  }
  return out;
}

/** `(function () { … })()` / `(() => …)()`: runs immediately, inside its iteration. */
function isImmediatelyInvoked(fn: SyntaxNode): boolean {
  if (hasKeyword(fn, 'async') || hasKeyword(fn, '*')) return false;
  const p = logicalParent(fn);
  if (!p || p.type !== 'call_expression') return false;
  const callee = p.childForFieldName('function');
  return !!callee && within(callee, fn);
}

/** Why a binding is shared between iterations of `loop`, or null when each iteration has its own. */
function sharedReason(b: Binding, loop: SyntaxNode, outermost: SyntaxNode): string | null {
  if (b.kind === 'const' || b.kind === 'function' || b.kind === 'class' || b.kind === 'import') return null;
  const declaredInLoop = within(loop, b.id);
  if (declaredInLoop && b.kind !== 'var') return null; // per-iteration let / catch / params of inner functions
  if (b.kind === 'var' && declaredInLoop) return 'is declared with `var`, so all iterations share one binding';
  // Declared outside the loop: shared by construction; a problem when the loop itself changes it, so each closure
  // sees a later iteration's value. (A flag changed after the loop and read at call time is usually deliberate.)
  void outermost;
  for (const w of b.writes) if (within(loop, w)) return 'is declared outside the loop and changed by it';
  return null;
}

const REFERENCES = ['identifier', 'shorthand_property_identifier', 'shorthand_property_identifier_pattern'];
const NOT_A_BINDING_TARGET = new Set(['member_expression', 'subscript_expression', 'call_expression']);

/**
 * Names that can possibly be shared and changing: declared with `var`, or assigned somewhere (`x =`, `x +=`, `x++`,
 * `for (x of …)`, destructuring assignments). A name outside this set is a `const`/`let` that is never reassigned, and
 * resolving it would be wasted work. Read off the node model's type index in one pass over those node types (a
 * superset of what the scope table calls a `var` binding or a write, so the filter never hides a finding).
 */
function possiblyShared(ctx: RuleContext): Set<string> {
  const out = new Set<string>();
  const m = ctx.syntax();
  const addTarget = (target: SyntaxNode | null): void => {
    if (!target) return;
    const t = strip(target);
    if (t.type === 'identifier') out.add(ctx.textOf(t));
    else if (!NOT_A_BINDING_TARGET.has(t.type)) for (const r of m.descendantsOfType(t, REFERENCES)) out.add(ctx.textOf(r));
  };
  for (const n of m.ofType(['assignment_expression', 'augmented_assignment_expression', 'for_in_statement'])) addTarget(n.childForFieldName('left'));
  for (const n of m.ofType('update_expression')) addTarget(n.childForFieldName('argument'));
  for (const d of m.ofType('variable_declaration')) for (const v of d.namedChildren) if (v.type === 'variable_declarator') addTarget(v.childForFieldName('name'));
  return out;
}

export const closureCapturesLoopVar: Rule = {
  id: 'loop.closure-captures-loop-var',
  languages: JS_LANGUAGES,
  create(ctx: RuleContext) {
    let candidates: Set<string> | undefined;
    return {
      [CLOSURE_TYPES.join(', ')](fn: SyntaxNode) {
        const loops = loopsAround(fn);
        if (loops.length === 0) return;
        candidates ??= possiblyShared(ctx);
        const table = scopeTable(ctx);
        if (isImmediatelyInvoked(fn)) return;
        const outermost = loops[loops.length - 1]!;
        let reported = false;
        const seen = new Set<string>();
        for (const ref of allIdentifierRefs(ctx, fn)) {
          const name = ctx.textOf(ref);
          if (seen.has(name)) continue;
          seen.add(name);
          if (!candidates.has(name)) continue;
          const b = table.resolve(ref);
          if (!b || within(fn, b.id)) continue;
          for (const loop of loops) {
            const reason = sharedReason(b, loop, outermost);
            if (!reason) continue;
            ctx.report(
              fn,
              `This function is created inside a loop and reads \`${name}\` by reference; \`${name}\` ${reason}, so every closure sees its latest value, not the one of its own iteration`,
              b.kind === 'var' ? `Declare \`${name}\` with \`let\` (per-iteration binding) or copy it into a \`const\` inside the loop.` : `Copy \`${name}\` into a \`const\` inside the loop body and capture that instead.`,
            );
            reported = true;
            break;
          }
          if (reported) break;
        }
      },
    };
  },
};
