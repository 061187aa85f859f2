/**
 * loop.reimplemented-builtin (Python): a `for` loop that re-implements a builtin.
 * - `for x in xs: if cond: return True` followed by `return False` (or the loop's `else: return False`) → `any`;
 *   the negated form (`return False` … `return True`) → `all`;
 * - a flag set before the loop, flipped in `if cond: flag = True; break` → `any`/`all`;
 * - `total = 0` then `for x in xs: [if cond:] total += expr` as the loop's only statement → `sum`;
 * - `best = …` then `for x in xs: if x > best: best = x` (or `best = max(best, x)`) → `max`/`min`.
 * Reported at the loop header.
 */
import type { Rule, RuleContext } from '../../rule.js';
import { namedChildren } from '../../syntax.js';
import type { MirrorNode } from '../../syntaxMirror.js';
import { callParts, expressionOf, forHeaderRange, forParts, isBuiltinCall, operatorText, previousStatements, readsAny, simpleAssignment, statements } from '../../python/pyNodes.js';
import { pythonSemantics, targetNames } from '../../python/scope.js';

function boolOf(node: MirrorNode | null | undefined): boolean | undefined {
  if (!node) return undefined;
  if (node.type === 'true') return true;
  if (node.type === 'false') return false;
  return undefined;
}

function returnedBool(ctx: RuleContext, stmt: MirrorNode | undefined): boolean | undefined {
  if (!stmt || stmt.type !== 'return_statement') return undefined;
  return boolOf(namedChildren(stmt)[0]);
}

/** The single `if` (no elif/else) that makes up a block, with its condition and body statements. */
function soleIf(block: MirrorNode | null): { cond: MirrorNode; body: MirrorNode[] } | undefined {
  const stmts = statements(block);
  if (stmts.length !== 1 || stmts[0]?.type !== 'if_statement') return undefined;
  const ifs = stmts[0];
  if (namedChildren(ifs).some((c) => c.type === 'elif_clause' || c.type === 'else_clause')) return undefined;
  const cond = ifs.childForFieldName('condition');
  if (!cond) return undefined;
  return { cond, body: statements(ifs.childForFieldName('consequence')) };
}

export const pyReimplementedBuiltin: Rule = {
  id: 'loop.reimplemented-builtin',
  languages: ['python'],
  create(ctx) {
    const sem = pythonSemantics(ctx);
    return {
      for_statement(loop) {
        const parts = forParts(ctx, loop);
        if (!parts || parts.isAsync) return;
        const header = forHeaderRange(loop);
        const iter = ctx.textOf(parts.right);
        const sole = soleIf(parts.body);
        // any / all with returns
        if (sole && sole.body.length === 1) {
          const inner = returnedBool(ctx, sole.body[0]);
          if (inner !== undefined) {
            const elseBody = parts.elseClause ? statements(parts.elseClause.childForFieldName('body')) : [];
            const after = parts.elseClause ? (elseBody.length === 1 ? elseBody[0] : undefined) : nextStatement(loop);
            const outer = returnedBool(ctx, after);
            if (outer === !inner) {
              const fn = inner ? 'any' : 'all';
              ctx.report(header, `this loop over \`${iter}\` re-implements \`${fn}()\``, `Return \`${fn}(… for … in ${iter})\`${inner ? '' : ' with the condition negated'}.`);
              return;
            }
          }
          // flag = False; for …: if cond: flag = True; break
        }
        if (sole && sole.body.length === 2 && sole.body[1]?.type === 'break_statement' && !parts.elseClause) {
          const set = simpleAssignment(ctx, sole.body[0] as MirrorNode);
          const setTo = boolOf(set?.value);
          if (set && setTo !== undefined) {
            const init = previousStatements(loop).map((s) => simpleAssignment(ctx, s)).find((a) => a?.name === set.name);
            if (init && boolOf(init.value) === !setTo && sem.storesIn(parts.body, set.name).length === 1) {
              const fn = setTo ? 'any' : 'all';
              ctx.report(header, `this loop over \`${iter}\` sets \`${set.name}\` the way \`${fn}()\` would`, `Write \`${set.name} = ${fn}(… for … in ${iter})\`.`);
              return;
            }
          }
        }
        if (parts.elseClause) return;
        const body = statements(parts.body);
        if (body.length !== 1) return;
        const targets = new Set(targetNames(parts.left).map((n) => ctx.textOf(n)));
        // sum
        const aug = expressionOf(sole && sole.body.length === 1 ? sole.body[0] : body[0]);
        if (aug && aug.type === 'augmented_assignment' && operatorText(ctx, aug) === '+=') {
          const left = aug.childForFieldName('left');
          const right = aug.childForFieldName('right');
          if (left && right && left.type === 'identifier') {
            const acc = ctx.textOf(left);
            const init = previousStatements(loop).map((s) => simpleAssignment(ctx, s)).find((a) => a?.name === acc);
            const numericInit = init?.value && (init.value.type === 'integer' || init.value.type === 'float');
            if (numericInit && readsAny(sem, right, targets) && !readsAny(sem, right, new Set([acc])) && !(sole && readsAny(sem, sole.cond, new Set([acc])))) {
              ctx.report(header, `this loop over \`${iter}\` re-implements \`sum()\` into \`${acc}\``, `Write \`${acc} = sum(… for … in ${iter})\`.`);
              return;
            }
          }
        }
        // min / max
        const minMax = minMaxPattern(sole, body[0], targets);
        if (minMax) ctx.report(header, `this loop over \`${iter}\` re-implements \`${minMax.fn}()\` into \`${minMax.acc}\``, `Write \`${minMax.acc} = ${minMax.fn}(${iter})\` (with \`key=\` or \`default=\` as needed).`);
      },
    };
    function nextStatement(node: MirrorNode): MirrorNode | undefined {
      for (let n = node.nextNamedSibling; n; n = n.nextNamedSibling) if (n.type !== 'comment') return n;
      return undefined;
    }
    function minMaxPattern(sole: { cond: MirrorNode; body: MirrorNode[] } | undefined, only: MirrorNode | undefined, targets: Set<string>): { fn: string; acc: string } | undefined {
      // best = max(best, x)
      const direct = only ? simpleAssignment(ctx, only) : undefined;
      if (!sole && direct?.value?.type === 'call' && isBuiltinCall(ctx, sem, direct.value, ['min', 'max'])) {
        const call = callParts(ctx, direct.value);
        if (call && call.args.length === 2 && call.kwargs.size === 0) {
          const texts = call.args.map((a) => ctx.textOf(a));
          const other = texts.find((t) => t !== direct.name);
          if (texts.includes(direct.name) && other && targets.has(other)) return { fn: call.method, acc: direct.name };
        }
      }
      // if x > best: best = x
      if (sole && sole.body.length === 1 && sole.cond.type === 'comparison_operator') {
        const set = simpleAssignment(ctx, sole.body[0] as MirrorNode);
        const ops = namedChildren(sole.cond);
        if (!set || !set.value || ops.length !== 2) return undefined;
        const op = operatorText(ctx, sole.cond);
        const [a, b] = ops.map((o) => ctx.textOf(o)) as [string, string];
        const v = ctx.textOf(set.value);
        if (!targets.has(v)) return undefined;
        let fn: string | undefined;
        if (a === v && b === set.name) fn = op === '>' || op === '>=' ? 'max' : op === '<' || op === '<=' ? 'min' : undefined;
        else if (a === set.name && b === v) fn = op === '<' || op === '<=' ? 'max' : op === '>' || op === '>=' ? 'min' : undefined;
        if (fn) return { fn, acc: set.name };
      }
      return undefined;
    }
  },
};
