/**
 * loop.unnecessary-materialization (Python): an intermediate list/tuple built only to be iterated once, tested,
 * counted or indexed.
 * - `for x in list(xs)` / `tuple(xs)` when `xs` is already a list/tuple/set/str and the loop does not change it;
 * - `for x in [expr for …]` (a generator would do);
 * - `any([...])` / `all({...})` with a list or set comprehension (short-circuiting is lost; not with `await` inside);
 * - `sum([...])` / `min([...])` / `max([...])` with a list comprehension (a generator feeds the same single pass
 *   without the list; not `tuple([...])` or `''.join([...])`, which build a sequence anyway and run faster from a list);
 * - `list(xs)[0]`, `[… for …][0]` to get the first element (`next(iter(xs))`);
 * - `len(list(xs))` / `len([… for …])` to count;
 * - `x in list(xs)` / `x in [… for …]`;
 * - a copy of a copy: `list(sorted(xs))`, `list(list(xs))`, `sorted(list(xs))`, `set(list(xs))`, `tuple(tuple(xs))`…
 */
import type { Rule } from '../../rule.js';
import { namedChildren, unparenthesize } from '../../syntax.js';
import type { MirrorNode } from '../../syntaxMirror.js';
import { callParts, forParts, isBuiltinCall, mayMutate, operatorText, rootName } from '../../python/pyNodes.js';
import { pythonSemantics } from '../../python/scope.js';

const COPIES = ['list', 'tuple', 'sorted', 'set'] as const;
const DOUBLE_COPY: Record<string, readonly string[]> = {
  list: ['list', 'tuple', 'sorted'],
  tuple: ['list', 'tuple'],
  set: ['list', 'tuple', 'sorted', 'set'],
  sorted: ['list', 'tuple', 'sorted'],
};

/** The builtins whose calls the `call` checks look at (the longest, `sorted`, is 6 characters). */
const CALLED_BUILTINS = new Set(['any', 'all', 'sum', 'min', 'max', 'len', ...COPIES]);

export const pyUnnecessaryMaterialization: Rule = {
  id: 'loop.unnecessary-materialization',
  languages: ['python'],
  create(ctx) {
    const sem = pythonSemantics(ctx);
    const isCopyCall = (n: MirrorNode, names: readonly string[]): boolean => n.type === 'call' && isBuiltinCall(ctx, sem, n, names);
    return {
      for_statement(loop) {
        const parts = forParts(ctx, loop);
        if (!parts) return;
        const right = parts.right;
        if (right.type === 'list_comprehension') {
          ctx.report(right, 'a list is built only to be iterated once by this loop', 'Iterate a generator expression (parentheses) or loop over the source directly.');
          return;
        }
        if (!isCopyCall(right, ['list', 'tuple'])) return;
        const call = callParts(ctx, right);
        const arg = call && call.args.length === 1 && call.kwargs.size === 0 && !call.hasSplat ? unparenthesize(call.args[0] as MirrorNode) : undefined;
        if (!arg) return;
        const kind = sem.kindOf(arg);
        const iterableAlready = kind === 'list' || kind === 'tuple' || kind === 'set' || kind === 'str' || arg.type === 'list' || arg.type === 'tuple';
        if (!iterableAlready) return;
        const root = rootName(ctx, arg);
        if (root && mayMutate(ctx, sem, root, parts.body)) return;
        ctx.report(right, `\`${ctx.textOf(right)}\` copies \`${ctx.textOf(arg)}\` only to iterate it once`, `Iterate \`${ctx.textOf(arg)}\` directly.`);
      },
      call(call) {
        // Every check below is on a builtin called by name: skip other calls before taking them apart.
        const fn = call.childForFieldName('function');
        if (!fn || fn.type !== 'identifier' || fn.endIndex - fn.startIndex > 6 || !CALLED_BUILTINS.has(ctx.textOf(fn))) return;
        const parts = callParts(ctx, call);
        if (!parts || parts.hasSplat) return;
        const only = parts.args.length === 1 ? unparenthesize(parts.args[0] as MirrorNode) : undefined;
        // any([...]) / all([...])
        if (only && (only.type === 'list_comprehension' || only.type === 'set_comprehension') && isBuiltinCall(ctx, sem, call, ['any', 'all']) && parts.kwargs.size === 0 && ctx.syntax().descendantsOfType(only, 'await').length === 0) {
          ctx.report(only, `\`${parts.method}()\` receives a fully built list and cannot stop early`, `Pass a generator: \`${parts.method}(… for … in …)\`.`);
          return;
        }
        // sum([...]) / min([...]) / max([...]): one pass over a list that exists only for it.
        if (only && only.type === 'list_comprehension' && isBuiltinCall(ctx, sem, call, ['sum', 'min', 'max']) && ctx.syntax().descendantsOfType(only, 'await').length === 0) {
          ctx.report(only, `\`${parts.method}()\` receives a list built only for its one pass`, `Pass a generator: \`${parts.method}(… for … in …)\`.`);
          return;
        }
        // len(list(x)) / len([...])
        if (only && isBuiltinCall(ctx, sem, call, 'len') && (only.type === 'list_comprehension' || isCopyCall(only, ['list', 'tuple']))) {
          const inner = only.type === 'call' ? callParts(ctx, only)?.args[0] : undefined;
          const innerKind = inner ? sem.kindOf(inner) : 'unknown';
          const suggestion = inner && (innerKind === 'list' || innerKind === 'tuple' || innerKind === 'set' || innerKind === 'dict' || innerKind === 'str') ? `Use \`len(${ctx.textOf(inner)})\`.` : 'Count with `sum(1 for …)` instead of building a list.';
          ctx.report(only, 'a list is built only to be counted', suggestion);
          return;
        }
        // copy of a copy
        if (only && isCopyCall(call, COPIES) && parts.kwargs.size === 0 && only.type === 'call') {
          const outer = parts.method;
          const innerNames = DOUBLE_COPY[outer] ?? [];
          if (isCopyCall(only, innerNames)) {
            const innerName = callParts(ctx, only)?.method ?? '';
            ctx.report(call, `\`${outer}(${innerName}(…))\` copies a collection that was just copied`, outer === 'sorted' || innerName === 'sorted' ? 'Drop the inner call: `sorted()` already accepts any iterable and returns a new list.' : `Call \`${outer}()\` on the source directly.`);
            return;
          }
        }
      },
      // list(x)[0] / [...][0]
      subscript(sub) {
        const value = sub.childForFieldName('value');
        const index = sub.childForFieldName('subscript');
        if (!value || !index || ctx.textOf(index).replace(/\s+/g, '') !== '0') return;
        const v = unparenthesize(value);
        const isCopy = v.type === 'list_comprehension' || (isCopyCall(v, ['list', 'tuple']) && (callParts(ctx, v)?.args.length ?? 0) === 1);
        if (!isCopy) return;
        ctx.report(v, 'the whole sequence is materialised to take its first element', 'Use `next(iter(…))` (or `next(… for …)`), which stops after one element.');
      },
      // x in list(y) / x in [...]
      comparison_operator(cmp) {
        const ops = namedChildren(cmp);
        if (ops.length !== 2) return;
        const op = operatorText(ctx, cmp).replace(/\s+/g, ' ');
        if (op !== 'in' && op !== 'not in') return;
        const hay = unparenthesize(ops[1] as MirrorNode);
        if (hay.type === 'list_comprehension' || (isCopyCall(hay, ['list', 'tuple']) && (callParts(ctx, hay)?.args.length ?? 0) === 1)) {
          ctx.report(hay, 'a list is built only to test membership once', 'Test against the source (or `any(… for …)`), without building a list.');
        }
      },
    };
  },
};
