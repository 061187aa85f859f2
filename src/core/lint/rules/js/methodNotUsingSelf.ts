/**
 * oop.method-not-using-self for TS/JS: an instance method (or arrow-function field) whose body never uses `this` or
 * `super`. Skipped, because the signature is dictated from outside: overrides (`override`, or a same-named member in
 * an in-file ancestor), public methods of classes extending a class from elsewhere (they may override it; React
 * lifecycle names included), public members of classes that `implements` an interface (private and protected ones
 * cannot implement an interface member, so they are judged), decorated members (framework bindings),
 * abstract members, accessors, constructors, and stubs (empty or throw-only bodies).
 */
import type { Rule } from '../../rule.js';
import type { SyntaxNode } from '../../syntaxMirror.js';
import { JS_LANGUAGES, isEmptyBlock } from '../../js/jsNodes.js';
import { classTable, isPublicMember, type MemberInfo } from '../../js/classes.js';
import { instanceRefs, onlyThrows } from '../../js/members.js';

const REACT_BASES = /^(React\.)?(Component|PureComponent)$/;
const REACT_LIFECYCLE = new Set(['render', 'componentDidMount', 'componentDidUpdate', 'componentWillUnmount', 'shouldComponentUpdate', 'getSnapshotBeforeUpdate', 'componentDidCatch', 'UNSAFE_componentWillMount', 'UNSAFE_componentWillReceiveProps', 'UNSAFE_componentWillUpdate']);

function bodyOf(m: MemberInfo): SyntaxNode | null {
  if (m.kind === 'method' || m.kind === 'get' || m.kind === 'set') return m.body;
  // Function-valued fields are methods stored per instance (`this` is the receiver for both kinds when called as obj.f()).
  if (m.kind === 'field' && m.value && (m.value.type === 'arrow_function' || m.value.type === 'function_expression')) return m.value.childForFieldName('body');
  return null;
}

export const methodNotUsingSelf: Rule = {
  id: 'oop.method-not-using-self',
  languages: JS_LANGUAGES,
  create(ctx) {
    const table = classTable(ctx);
    return {
      'class_declaration, class, abstract_class_declaration'(node) {
        const c = table.classOfNode(node);
        if (!c) return;
        if (c.isAmbient) return;
        // An interface can only ask for public members: private and protected ones are judged in any class.
        const implementsSome = c.implementsNames.length > 0;
        const external = table.hasExternalAncestor(c);
        const react = REACT_BASES.test(c.extendsName);
        for (const m of c.members) {
          if (m.isStatic || m.isAbstract || m.isOverride || m.hasDecorator) continue;
          const body = bodyOf(m);
          if (!body) continue;
          // Stubs: a throw-only body always; an empty body when a parent or interface may expect the member.
          // An empty `protected` method is a hook for subclasses elsewhere (TanStack's `Subscribable.onSubscribe`).
          if (m.kind === 'method' && (onlyThrows(body) || (isEmptyBlock(body) && (c.extendsNode || table.hasSubclasses(c))) || (m.isProtected && body.namedChildren.every((k) => k.type === 'comment')))) continue;
          // Overrides, and methods a subclass in this file overrides: both are polymorphic by design.
          if (table.inherited(c, m.name) || table.isOverriddenBelow(c, m.name)) continue;
          if (react && REACT_LIFECYCLE.has(m.name)) continue;
          if (external && !react && isPublicMember(m)) continue;
          if (implementsSome && isPublicMember(m)) continue;
          // Accessors: only where nothing outside the class can expect them (no parent).
          if ((m.kind === 'get' || m.kind === 'set') && c.extendsNode) continue;
          if (instanceRefs(ctx, body, { first: true }).length > 0) continue;
          // A parameter default may read the instance (`errors = this.errors`).
          const params = m.kind === 'field' ? m.value?.childForFieldName('parameters') : m.node.childForFieldName('parameters');
          if (params && instanceRefs(ctx, params, { first: true }).length > 0) continue;
          ctx.report(
            m.node,
            `\`${c.name || 'this class'}.${m.name}\` never uses \`this\`: it does not depend on the instance`,
            `Make it \`static\` or move it out of the class as a plain function.`,
          );
        }
      },
    };
  },
};
