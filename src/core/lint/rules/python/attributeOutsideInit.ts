/**
 * oop.attribute-outside-init (Python): `self.x = …` in a method other than the initialisers when `x` is never
 * assigned by an initialiser, is not a class attribute (or dataclass field, slot, property), and no in-file ancestor
 * defines it. Initialisers: `__init__`, `__new__`, `__post_init__`, `setUp`/`asyncSetUp`/`setup_method`, and any
 * method `__init__` calls on `self` (their attributes exist once construction is done). Classes with ancestors
 * outside the file are skipped unless those are builtin exceptions or `object`.
 */
import type { Rule } from '../../rule.js';
import { pythonClasses, type PyClass, type PyMethod } from '../../python/classes.js';

const INITIALISERS = new Set(['__init__', '__new__', '__post_init__', 'setUp', 'asyncSetUp', 'setup_method', 'setUpClass', '__attrs_post_init__', '__setstate__', '__init_subclass__']);
const ATTRIBUTE_FREE_BASES = /^(Exception|BaseException|[A-Z]\w*(Error|Exception|Warning))$/;

export const pyAttributeOutsideInit: Rule = {
  id: 'oop.attribute-outside-init',
  languages: ['python'],
  create(ctx) {
    const table = pythonClasses(ctx);
    return {
      class_definition(node) {
        const cls = table.classOfNode(node);
        if (!cls) return;
        const anc = table.ancestorsOf(cls);
        if (anc.external.some((b) => !ATTRIBUTE_FREE_BASES.test(b))) return;
        if (cls.methods.has('__getattr__') || cls.methods.has('__setattr__') || cls.classAttrs.has('__slots__')) return;
        const lineage = [cls, ...anc.inFile];
        const initialisers = initialisersOf(lineage);
        const definedInInit = new Set<string>();
        for (const c of lineage) {
          for (const a of c.selfAccesses) if (a.kind === 'store' && initialisers.has(a.method)) definedInInit.add(a.attr);
        }
        const reported = new Set<string>();
        for (const a of cls.selfAccesses) {
          if (a.kind !== 'store' || initialisers.has(a.method) || a.method.isClassMethod || a.method.isStatic) continue;
          if (definedInInit.has(a.attr) || reported.has(a.attr)) continue;
          if (lineage.some((c) => c.classAttrs.has(a.attr) || c.methods.has(a.attr) || c.otherBodyNames.has(a.attr))) continue;
          reported.add(a.attr);
          ctx.report(a.node, `\`self.${a.attr}\` is first created in \`${a.method.name}\`, not in \`__init__\``, `Initialise \`self.${a.attr}\` in \`__init__\` (e.g. to None) so every instance has the same shape.`);
        }
      },
    };
    /**
     * Initialiser methods of an instance of `lineage[0]` (its in-file ancestors follow, nearest first): each class's
     * `__init__` and friends, and every method they call on self, transitively. A call `self.setup()` dispatches to
     * the most derived `setup`, so a subclass hook that an inherited `__init__` calls initialises too (socketserver's
     * `BaseRequestHandler.__init__` calling `self.setup()`).
     */
    function initialisersOf(lineage: readonly PyClass[]): Set<PyMethod> {
      const resolve = (name: string): PyMethod[] => lineage.find((c) => c.methods.has(name))?.methods.get(name) ?? [];
      const out = new Set<PyMethod>();
      const queue: PyMethod[] = [];
      // Every class's own initialisers count (a subclass `__init__` usually chains with `super().__init__()`).
      for (const c of lineage) for (const m of c.methodList) if (INITIALISERS.has(m.name)) queue.push(m);
      while (queue.length > 0) {
        const m = queue.pop() as PyMethod;
        if (out.has(m)) continue;
        out.add(m);
        if (!m.selfName || !m.body) continue;
        for (const call of ctx.syntax().descendantsOfType(m.body, 'call')) {
          const fn = call.childForFieldName('function');
          const obj = fn?.type === 'attribute' ? fn.childForFieldName('object') : null;
          const attr = fn?.type === 'attribute' ? fn.childForFieldName('attribute') : null;
          if (!obj || !attr || ctx.textOf(obj) !== m.selfName) continue;
          queue.push(...resolve(ctx.textOf(attr)));
        }
      }
      return out;
    }
  },
};
