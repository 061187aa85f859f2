/**
 * oop.mutable-class-attribute for TS/JS: a mutable container declared on the class itself and shared by every
 * instance: a public, non-readonly `static` field initialised with an array, object, Map or Set, or
 * `Ctor.prototype.x = []`/`{}` (every instance reads the same object through the prototype). Private statics
 * (internal caches), `readonly`, `as const` and `Object.freeze(…)` values are left alone; per-instance fields are
 * the fix.
 */
import type { Rule, RuleContext } from '../../rule.js';
import type { SyntaxNode } from '../../treeSitter.js';
import { JS_LANGUAGES, memberParts, newParts, strip } from './jsAst.js';
import { classTable } from './jsClasses.js';
import { nodesAtMatches } from './jsCandidates.js';

const MUTABLE_CTORS = new Set(['Map', 'Set', 'WeakMap', 'WeakSet', 'Array', 'Object']);

function mutableKind(ctx: RuleContext, value: SyntaxNode | null): string | null {
  if (!value) return null;
  if (/\bas\s+const\s*$/.test(ctx.textOf(value))) return null;
  const v = strip(value);
  if (v.type === 'array') return 'array';
  if (v.type === 'object') return 'object';
  const np = newParts(v);
  if (np && MUTABLE_CTORS.has(np.ctor)) return np.ctor;
  return null;
}

export const mutableClassAttribute: Rule = {
  id: 'oop.mutable-class-attribute',
  languages: JS_LANGUAGES,
  check(ctx) {
    for (const c of classTable(ctx).classes) {
      for (const m of c.members) {
        if (m.kind !== 'field' || !m.isStatic || m.isPrivate || m.isProtected || m.isReadonly || m.name.startsWith('_')) continue;
        const kind = mutableKind(ctx, m.value);
        if (!kind) continue;
        ctx.report(m.node, `\`static ${m.name}\` holds one mutable ${kind} shared by all of \`${c.name || 'the class'}\`: a change anywhere is seen everywhere`, `Make it an instance field (\`${m.name} = …\`), or \`static readonly\` + immutable if it is a constant.`);
      }
    }
    for (const asg of nodesAtMatches(ctx, /\.prototype\s*\.\s*[\w$]+\s*=[^=]/, ['assignment_expression'], 0, 4)) {
      const left = asg.childForFieldName('left');
      if (!left) continue;
      const outer = memberParts(left);
      if (!outer) continue;
      const proto = memberParts(outer.object);
      if (!proto || proto.property !== 'prototype') continue;
      const kind = mutableKind(ctx, asg.childForFieldName('right'));
      if (!kind) continue;
      const ctor = ctx.textOf(proto.object);
      ctx.report(asg, `\`${ctor}.prototype.${outer.property}\` is one mutable ${kind} shared by every \`${ctor}\` instance`, `Create it per instance in the constructor (\`this.${outer.property} = …\`).`);
    }
  },
};
