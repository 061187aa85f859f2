/**
 * oop.protected-access (Python): reading or writing `obj._name` (a protected or private member by convention) where
 * `obj` is not the method's own `self`/`cls`, not `super()`, not the enclosing class or one of its bases, and the
 * member is not one the enclosing class hierarchy itself defines (then it is an access within the hierarchy).
 * Also skipped: dunder names, special methods (`__eq__` comparing another instance), and the public-by-design
 * namedtuple API (`_asdict`, `_replace`, `_fields`, `_make`) and `os._exit`, and instances the method itself builds
 * (`self = cls.__new__(cls)` in an alternate constructor). In a special method only the other operand's members
 * (`other._x` in `__eq__(self, other)`) are exempt, not every access.
 */
import type { Rule } from '../../rule.js';
import type { MirrorNode } from '../../syntaxMirror.js';
import { pythonClasses, type PyClass } from '../../python/classes.js';

const ALLOWED = new Set(['_asdict', '_replace', '_fields', '_field_defaults', '_make', '_source', '_exit', '_']);

export const pyProtectedAccess: Rule = {
  id: 'oop.protected-access',
  languages: ['python'],
  create(ctx) {
    const table = pythonClasses(ctx);
    const lineageNames = new Map<PyClass, Set<string>>();
    const membersOf = (cls: PyClass): Set<string> => {
      let set = lineageNames.get(cls);
      if (!set) {
        set = new Set<string>();
        for (const c of [cls, ...table.ancestorsOf(cls).inFile]) {
          for (const n of c.methods.keys()) set.add(n);
          for (const n of c.classAttrs.keys()) set.add(n);
          for (const n of c.otherBodyNames) set.add(n);
          for (const a of c.selfAccesses) set.add(a.attr);
        }
        lineageNames.set(cls, set);
      }
      return set;
    };
    const instancesByMethod = new Map<MirrorNode, Set<string>>();
    return {
      attribute(node) {
        const obj = node.childForFieldName('object');
        const attrNode = node.childForFieldName('attribute');
        if (!obj || !attrNode || attrNode.type !== 'identifier') return;
        const attr = ctx.textOf(attrNode);
        if (!attr.startsWith('_') || ALLOWED.has(attr) || /^__.*__$/.test(attr)) return;
        if (obj.type === 'call' && /^super\b/.test(ctx.textOf(obj))) return;
        const objText = ctx.textOf(obj);
        const method = table.methodContaining(node);
        const cls = method?.cls ?? enclosingClass(node);
        if (method?.selfName && objText === method.selfName) return;
        // Methods defined conditionally in a class body (`if sys.platform …: def m(self)`) are not in the method table:
        // still their own first parameter.
        if (!method && cls && ownFirstParam(node, objText)) return;
        if (cls) {
          if (objText === cls.name || cls.baseTexts.includes(objText) || table.ancestorsOf(cls).inFile.some((a) => a.name === objText)) return;
          if (objText === `type(${method?.selfName ?? 'self'})` || objText === `${method?.selfName ?? 'self'}.__class__`) return;
          if (membersOf(cls).has(attr)) return;
          // A special method comparing or combining another instance (`__eq__(self, other)`: `other._x`).
          if (method && /^__.*__$/.test(method.name) && !attr.startsWith('__') && method.params.some((p) => p.name === objText)) return;
          // An instance the method builds itself: `self = cls.__new__(cls)`, `obj = cls(...)`, `new = object.__new__(cls)`.
          if (method && obj.type === 'identifier' && ownInstances(method.node, method.selfName ?? '', cls.name).has(objText)) return;
        }
        ctx.report(node, `\`${ctx.textOf(node)}\` reaches into the protected member \`${attr}\` of another object`, 'Use a public method or property of that object instead.');
      },
    };
    function ownInstances(fn: MirrorNode, selfName: string, className: string): Set<string> {
      let out = instancesByMethod.get(fn);
      if (out) return out;
      out = new Set<string>();
      const makers = new Set([selfName, className, `${selfName}.__new__`, `${className}.__new__`, 'object.__new__', 'super().__new__']);
      for (const asg of ctx.syntax().descendantsOfType(fn, 'assignment')) {
        const left = asg.childForFieldName('left');
        const right = asg.childForFieldName('right');
        const callee = right?.type === 'call' ? right.childForFieldName('function') : null;
        if (left?.type !== 'identifier' || !callee) continue;
        const calleeText = ctx.textOf(callee).replace(/\s+/g, '');
        // `int.__new__(cls, v)` / `str.__new__(cls, v)`: a builtin's allocator building this class's instance (enums).
        const firstArg = right?.childForFieldName('arguments')?.namedChildren[0];
        const builtinNew = calleeText.endsWith('.__new__') && !!firstArg && ctx.textOf(firstArg) === selfName;
        if (makers.has(calleeText) || builtinNew) out.add(ctx.textOf(left));
      }
      instancesByMethod.set(fn, out);
      return out;
    }
    function ownFirstParam(node: MirrorNode, name: string): boolean {
      for (let n = node.parent; n; n = n.parent) {
        if (n.type === 'function_definition') {
          const first = n.childForFieldName('parameters')?.namedChildren[0];
          return !!first && ctx.textOf(first) === name;
        }
        if (n.type === 'class_definition') return false;
      }
      return false;
    }
    function enclosingClass(node: MirrorNode): PyClass | undefined {
      for (let n = node.parent; n; n = n.parent) {
        if (n.type === 'class_definition') return table.classOfNode(n);
      }
      return undefined;
    }
  },
};
