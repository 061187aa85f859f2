/**
 * oop.signature-mismatch (Python): an override (same name as a method of an in-file ancestor) whose signature breaks
 * substitution: fewer positional parameters, extra required parameters, a parameter the parent has missing or
 * renamed (keyword callers break), a default the parent has removed, `*args`/`**kwargs` the parent accepts dropped, or a different kind: property vs
 * method, async vs sync, static/class vs instance. Constructors (`__init__`, `__new__`, `__init_subclass__`,
 * `__post_init__`), name-mangled methods and overloads are exempt; a child taking `*args, **kwargs` accepts anything.
 */
import type { Rule } from '../../rule.js';
import { pythonClasses, type PyMethod } from '../../python/classes.js';
import type { PyParam } from '../../python/scope.js';

const EXEMPT = new Set(['__init__', '__new__', '__init_subclass__', '__post_init__', '__class_getitem__']);

function describe(child: PyMethod, parent: PyMethod): string | undefined {
  // Python calls special methods positionally: their parameter names are free.
  const dunder = /^__.*__$/.test(child.name);
  if (child.isProperty !== parent.isProperty) return child.isProperty ? 'is a property but the parent defines a method' : 'is a method but the parent defines a property';
  if (child.isProperty) return undefined;
  if (child.isAsync !== parent.isAsync) return child.isAsync ? 'is async but the parent method is not' : 'is not async but the parent method is';
  if (child.isStatic !== parent.isStatic || child.isClassMethod !== parent.isClassMethod) return 'changes the method kind (static/class/instance)';
  const skipFirst = (m: PyMethod): PyParam[] => (m.isStatic ? m.params : m.params.slice(1));
  const c = skipFirst(child);
  const p = skipFirst(parent);
  const cVar = c.some((x) => x.kind === 'vararg');
  const cKw = c.some((x) => x.kind === 'kwarg');
  if (cVar && cKw) return undefined;
  const pPos = p.filter((x) => x.kind === 'positional');
  const cPos = c.filter((x) => x.kind === 'positional');
  if (!cVar && cPos.length < pPos.length) return `takes ${cPos.length} positional parameter${cPos.length === 1 ? '' : 's'} where the parent takes ${pPos.length}`;
  const extraRequired = cPos.slice(pPos.length).filter((x) => !x.defaultValue);
  if (extraRequired.length > 0) return `adds required parameter${extraRequired.length > 1 ? 's' : ''} ${extraRequired.map((x) => `\`${x.name}\``).join(', ')}`;
  const cKwOnly = c.filter((x) => x.kind === 'kwonly');
  const extraKwRequired = cKwOnly.filter((x) => !x.defaultValue && !p.some((y) => y.name === x.name));
  if (extraKwRequired.length > 0) return `adds required keyword parameter${extraKwRequired.length > 1 ? 's' : ''} ${extraKwRequired.map((x) => `\`${x.name}\``).join(', ')}`;
  for (const pk of p.filter((x) => x.kind === 'kwonly')) {
    if (!cKw && !c.some((x) => x.name === pk.name)) return `drops keyword parameter \`${pk.name}\``;
  }
  for (let i = 0; i < pPos.length && i < cPos.length; i++) {
    const pp = pPos[i] as PyParam;
    const cp = cPos[i] as PyParam;
    if (pp.defaultValue && !cp.defaultValue) return `removes the default of parameter \`${cp.name}\``;
    // Callers passing it by keyword break (unused `_x` names and positional-only parameters excepted).
    if (!dunder && pp.name !== cp.name && !pp.positionalOnly && !cp.positionalOnly && !pp.name.startsWith('_') && !cp.name.startsWith('_')) return `renames parameter \`${pp.name}\` to \`${cp.name}\``;
  }
  if (p.some((x) => x.kind === 'vararg') && !cVar) return 'drops the parent\'s `*args`';
  if (p.some((x) => x.kind === 'kwarg') && !cKw) return 'drops the parent\'s `**kwargs`';
  return undefined;
}

export const pySignatureMismatch: Rule = {
  id: 'oop.signature-mismatch',
  languages: ['python'],
  create(ctx) {
    const table = pythonClasses(ctx);
    return {
      class_definition(node) {
        const cls = table.classOfNode(node);
        if (!cls) return;
        for (const [name, defs] of cls.methods) {
          if (EXEMPT.has(name) || (name.startsWith('__') && !name.endsWith('__'))) continue;
          const child = defs[0] as PyMethod;
          if (defs.some((d) => d.isOverload) || defs.length > 1 && !child.isProperty) continue;
          const inh = table.inherited(cls, name);
          const parent = inh.method;
          if (!parent || !inh.owner || inh.owner.methods.get(name)?.some((d) => d.isOverload)) continue;
          const problem = describe(child, parent);
          if (!problem) continue;
          const at = child.node.childForFieldName('name') ?? child.node;
          ctx.report(at, `\`${cls.name}.${name}\` overrides \`${inh.owner.name}.${name}\` but ${problem}`, `Keep the parent's signature (add defaults or \`*args, **kwargs\` for extras) so callers of \`${inh.owner.name}\` keep working.`);
        }
      },
    };
  },
};
