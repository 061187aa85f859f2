/**
 * loop.redundant-dict-keys (Python): `for k in d.keys()`, `k in d.keys()` and comprehension headers over
 * `d.keys()`. A dict iterates and tests its keys itself; the view adds a call and hides intent.
 */
import type { Rule, RuleContext } from '../../rule.js';
import { namedChildren, unparenthesize } from '../../syntax.js';
import type { MirrorNode } from '../../syntaxMirror.js';
import { operatorText } from '../../python/pyNodes.js';
import { pythonSemantics } from '../../python/scope.js';
import { pythonClasses } from '../../python/classes.js';

/** `X.keys()` with no arguments: the receiver `X`, else null. */
function keysReceiver(ctx: RuleContext, node: MirrorNode | null): MirrorNode | null {
  if (!node) return null;
  const call = unparenthesize(node);
  if (call.type !== 'call') return null;
  const fn = call.childForFieldName('function');
  const args = call.childForFieldName('arguments');
  if (!fn || fn.type !== 'attribute' || !args || args.type !== 'argument_list' || namedChildren(args).length > 0) return null;
  const attr = fn.childForFieldName('attribute');
  if (!attr || ctx.textOf(attr) !== 'keys') return null;
  const receiver = fn.childForFieldName('object');
  if (!receiver) return null;
  // A receiver known to be something else (a class instance with its own `keys()`) is not a dict.
  const sem = pythonSemantics(ctx);
  const kind = sem.kindOf(receiver);
  if (kind !== 'dict' && kind !== 'unknown') return null;
  if (kind === 'unknown' && isInstanceOfClass(ctx, receiver)) return null;
  // `self.keys()` in a class that defines its own `keys` or `__iter__` (a Mapping implementation, a Mailbox whose
  // iteration yields values): the class decides what iterating it means, so keys() is not redundant.
  if (receiver.type === 'identifier') {
    const method = pythonClasses(ctx).methodContaining(receiver);
    if (method && method.selfName === ctx.textOf(receiver) && (method.cls.methods.has('keys') || method.cls.methods.has('__iter__'))) return null;
  }
  return receiver;
}

const DICT_CLASSES = /^(collections\.)?(OrderedDict|defaultdict|Counter|ChainMap|UserDict)$/;

/** `Foo()` or a name bound only to `Foo(...)` calls, where `Foo` is capitalised and not a dict class. */
function isInstanceOfClass(ctx: RuleContext, receiver: MirrorNode): boolean {
  const sem = pythonSemantics(ctx);
  const isClassCall = (n: MirrorNode | null): boolean => {
    if (!n || n.type !== 'call') return false;
    const f = n.childForFieldName('function');
    const name = f ? ctx.textOf(f) : '';
    return /(^|\.)[A-Z]\w*$/.test(name) && !DICT_CLASSES.test(name);
  };
  if (receiver.type === 'call') return isClassCall(receiver);
  if (receiver.type !== 'identifier') return false;
  const binds = sem.bindingsOf(ctx.textOf(receiver), receiver.startIndex);
  return binds.length > 0 && binds.every((b) => b.kind === 'assign' && isClassCall(b.value));
}

export const pyRedundantDictKeys: Rule = {
  id: 'loop.redundant-dict-keys',
  languages: ['python'],
  create(ctx) {
    return {
      'for_statement, for_in_clause'(loop) {
        const right = loop.childForFieldName('right');
        const dict = keysReceiver(ctx, right);
        if (!right || !dict) return;
        const d = ctx.textOf(dict);
        ctx.report(unparenthesize(right), `iterating \`${d}.keys()\`: a dict iterates its keys itself`, `Iterate \`${d}\` directly.`);
      },
      comparison_operator(cmp) {
        const kids = namedChildren(cmp);
        if (kids.length !== 2) return;
        const dict = keysReceiver(ctx, kids[1] as MirrorNode);
        if (!dict) return;
        // Only the right operand of `in` / `not in`: `d.keys() == other.keys()` compares views on purpose.
        const op = operatorText(ctx, cmp).replace(/\s+/g, ' ');
        if (op !== 'in' && op !== 'not in') return;
        const d = ctx.textOf(dict);
        ctx.report(unparenthesize(kids[1] as MirrorNode), `membership test against \`${d}.keys()\`: test \`${d}\` itself`, `Write \`… ${op} ${d}\`.`);
      },
    };
  },
};
