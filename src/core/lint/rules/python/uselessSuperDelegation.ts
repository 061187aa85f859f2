/**
 * oop.useless-super-delegation (Python): a method whose whole body (after an optional docstring) is
 * `[return] super().same_name(same, args)` passing its parameters through unchanged and in order, with the same
 * defaults as the parent's when the parent is in the file (different defaults or annotations change behaviour and
 * are kept), and no decorators. Also an `__init__(self)` that does nothing in a class without bases.
 */
import type { Rule } from '../../rule.js';
import { namedChildren } from '../../syntax.js';
import type { MirrorNode } from '../../syntaxMirror.js';
import { isStubBody, pythonClasses, type PyMethod } from '../../python/classes.js';
import { expressionOf, statements } from '../../python/pyNodes.js';

export const pyUselessSuperDelegation: Rule = {
  id: 'oop.useless-super-delegation',
  languages: ['python'],
  create(ctx) {
    const table = pythonClasses(ctx);
    return {
      class_definition(node) {
        const cls = table.classOfNode(node);
        if (!cls) return;
        for (const m of cls.methodList) {
          if (m.decorators.length > 0 || !m.body || (cls.methods.get(m.name)?.length ?? 0) > 1) continue;
          const at = m.node.childForFieldName('name') ?? m.node;
          if (m.name === '__init__' && cls.bases.length === 0 && m.params.length === 1 && isStubBody(m.body) && !/"""|'''|#/.test(ctx.textOf(m.body))) {
            ctx.report(at, `\`${cls.name}.__init__\` does nothing the default constructor would not`, 'Remove it.');
            continue;
          }
          if (!forwardsToSuper(m)) continue;
          const inh = table.inherited(cls, m.name);
          if (inh.method && !sameDefaults(m, inh.method)) continue;
          if (!inh.method && m.params.some((p) => p.defaultValue)) continue;
          ctx.report(at, `\`${cls.name}.${m.name}\` only forwards its arguments to \`super().${m.name}\``, 'Remove the method: the parent\'s is inherited unchanged.');
        }
      },
    };
    function forwardsToSuper(m: PyMethod): boolean {
      const body = statements(m.body).filter((s) => {
        const e = expressionOf(s);
        return !(e && (e.type === 'string' || e.type === 'concatenated_string'));
      });
      if (body.length !== 1 || m.isStatic) return false;
      const stmt = body[0] as MirrorNode;
      const call = stmt.type === 'return_statement' ? namedChildren(stmt)[0] : expressionOf(stmt);
      if (!call || call.type !== 'call') return false;
      const fn = call.childForFieldName('function');
      const obj = fn?.childForFieldName('object');
      const attr = fn?.childForFieldName('attribute');
      if (!fn || fn.type !== 'attribute' || !obj || !attr || ctx.textOf(attr) !== m.name) return false;
      if (obj.type !== 'call' || ctx.textOf(obj).replace(/\s+/g, '') !== 'super()') return false;
      const args = namedChildren(call.childForFieldName('arguments') as MirrorNode);
      const params = m.params.slice(1);
      if (args.length !== params.length) return false;
      return params.every((p, i) => {
        const a = args[i] as MirrorNode;
        const t = ctx.textOf(a).replace(/\s+/g, '');
        if (p.kind === 'vararg') return t === `*${p.name}`;
        if (p.kind === 'kwarg') return t === `**${p.name}`;
        if (p.kind === 'kwonly') return t === `${p.name}=${p.name}`;
        return t === p.name;
      });
    }
    function sameDefaults(child: PyMethod, parent: PyMethod): boolean {
      if (child.params.length !== parent.params.length) return false;
      return child.params.every((p, i) => {
        const q = parent.params[i];
        if (!q || q.name !== p.name || q.kind !== p.kind) return false;
        const a = p.defaultValue ? ctx.textOf(p.defaultValue) : '';
        const b = q.defaultValue ? ctx.textOf(q.defaultValue) : '';
        return a === b;
      });
    }
  },
};
