/**
 * oop.mutable-class-attribute for TS/JS: a mutable container declared on the class itself and shared by every
 * instance: a public, non-readonly `static` field initialised with an array, object, Map or Set, or
 * `Ctor.prototype.x = []`/`{}` (every instance reads the same object through the prototype). Private statics
 * (internal caches), `readonly`, `as const` and `Object.freeze(…)` values are left alone; per-instance fields are
 * the fix.
 */
import type { Rule, RuleContext } from '../../rule.js';
import type { SyntaxNode } from '../../syntaxMirror.js';
import { JS_LANGUAGES, memberParts, newParts, strip } from '../../js/jsNodes.js';
import { classTable } from '../../js/classes.js';

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
  create(ctx) {
    return {
      assignment_expression(asg) {
        // `X.prototype.name = …`
        if (!ctx.textOf(asg.childForFieldName('left') ?? asg).includes('.prototype')) return;
        const left = asg.childForFieldName('left');
        if (!left) return;
        const outer = memberParts(left);
        if (!outer) return;
        const proto = memberParts(outer.object);
        if (!proto || proto.property !== 'prototype') return;
        const kind = mutableKind(ctx, asg.childForFieldName('right'));
        if (!kind) return;
        const ctor = ctx.textOf(proto.object);
        ctx.report(asg, `\`${ctor}.prototype.${outer.property}\` is one mutable ${kind} shared by every \`${ctor}\` instance`, `Create it per instance in the constructor (\`this.${outer.property} = …\`).`);
      },
      'class_declaration, class, abstract_class_declaration'(node) {
        const c = classTable(ctx).classOfNode(node);
        if (!c) return;
        for (const m of c.members) {
          if (m.kind !== 'field' || !m.isStatic || m.isPrivate || m.isProtected || m.isReadonly || m.name.startsWith('_')) continue;
          const kind = mutableKind(ctx, m.value);
          if (!kind) continue;
          ctx.report(m.node, `\`static ${m.name}\` holds one mutable ${kind} shared by all of \`${c.name || 'the class'}\`: a change anywhere is seen everywhere`, `Make it an instance field (\`${m.name} = …\`), or \`static readonly\` + immutable if it is a constant.`);
        }
      },
    };
  },
};
