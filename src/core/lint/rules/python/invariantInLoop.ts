/**
 * loop.invariant-in-loop (Python): expensive work whose inputs do not change inside the loop, redone on every
 * iteration: `re.compile(…)`, `json.loads(…)`, `yaml.safe_load(…)`, `ast.literal_eval(…)`, `datetime.strptime(…)`,
 * `struct.Struct(…)`, `set(…)`/`frozenset(…)`/`sorted(…)` of a collection the loop never changes. Arguments must
 * be literals or names the loop neither binds nor mutates (a call in the arguments may have side effects: not
 * reported). `len()` of an unchanging collection is cheap and never reported.
 */
import type { Rule } from '../../rule.js';
import { enclosingLoop } from '../../syntax.js';
import type { MirrorNode } from '../../syntaxMirror.js';
import { calleeName, callParts, forParts, isBuiltinCall, isConstant, mayMutate, namesBoundIn } from '../../python/pyNodes.js';
import { pythonSemantics, targetNames } from '../../python/scope.js';

const EXPENSIVE = /^(re\.(compile|escape)|regex\.compile|json\.loads|yaml\.(safe_)?load|ast\.literal_eval|(datetime\.)?datetime\.strptime|struct\.Struct|string\.Template|jinja2\.Template|Template)$/;

/** Last callee names the checks can match (`set`, `frozenset`, `sorted` and the last names in `EXPENSIVE`). */
const CANDIDATE_NAMES = new Set(['set', 'frozenset', 'sorted', 'compile', 'escape', 'loads', 'load', 'safe_load', 'literal_eval', 'strptime', 'Struct', 'Template']);

export const pyInvariantInLoop: Rule = {
  id: 'loop.invariant-in-loop',
  languages: ['python'],
  create(ctx) {
    const sem = pythonSemantics(ctx);
    return {
      call(call) {
        if (!CANDIDATE_NAMES.has(calleeName(ctx, call))) return;
        const parts = callParts(ctx, call);
        if (!parts || parts.hasSplat || parts.args.length === 0) return;
        const builtinCopy = isBuiltinCall(ctx, sem, call, ['set', 'frozenset', 'sorted']);
        if (!builtinCopy && !EXPENSIVE.test(parts.callee)) return;
        const loop = enclosingLoop(call, 'python', { includeComprehensions: true });
        if (!loop) return;
        // Names that change per iteration: loop targets and everything bound in the loop.
        const bound = namesBoundIn(sem, loop);
        const fp = forParts(ctx, loop);
        if (fp) for (const n of targetNames(fp.left)) bound.add(ctx.textOf(n));
        const args = [...parts.args, ...parts.kwargs.values()];
        let invariant = true;
        let hasName = false;
        for (const a of args) {
          if (isConstant(ctx, a)) continue;
          if (a.type === 'identifier' || a.type === 'attribute') {
            const root = rootOf(a);
            if (!root || bound.has(root)) {
              invariant = false;
              break;
            }
            const region = loop.childForFieldName('body') ?? loop;
            if (mayMutate(ctx, sem, root, region, { passingCounts: false })) {
              invariant = false;
              break;
            }
            hasName = true;
            continue;
          }
          invariant = false;
          break;
        }
        if (!invariant) return;
        // set(xs) of a constant literal is rare; set(name) needs a name to be worth hoisting.
        if (builtinCopy && !hasName) return;
        ctx.report(call, `\`${ctx.textOf(call).slice(0, 60)}\` gives the same result on every iteration`, 'Compute it once before the loop and reuse the result.');
      },
    };
    function rootOf(n: MirrorNode): string | null {
      let cur: MirrorNode | null = n;
      while (cur && cur.type === 'attribute') cur = cur.childForFieldName('object');
      return cur && cur.type === 'identifier' ? ctx.textOf(cur) : null;
    }
  },
};
