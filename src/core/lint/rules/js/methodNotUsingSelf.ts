/**
 * oop.method-not-using-self for TS/JS: an instance method (or arrow-function field) whose body never uses `this` or
 * `super`. Skipped, because the signature is dictated from outside: overrides (`override`, or a same-named member in
 * an in-file ancestor), public methods of classes extending a class from elsewhere (they may override it; React
 * lifecycle names included), public members of classes that `implements` an interface (private and protected ones
 * cannot implement an interface member, so they are judged), decorated members (framework bindings),
 * abstract members, accessors, constructors, and stubs (empty or throw-only bodies). Where the lineage ends in a runtime
 * class whose API is known (EventEmitter, the stream classes, AsyncResource, Error), its members are overrides and any
 * other public method is judged; private (`#x`/`private`) accessors are judged even in subclasses. In a whole-project
 * run (`ctx.project.classes`, the CLI) ancestors in other files of the run are known too: a public method none of them
 * declares is judged, and a member one of them declares is an override.
 */
import type { Rule } from '../../rule.js';
import type { SyntaxNode } from '../../syntaxMirror.js';
import { JS_LANGUAGES, isEmptyBlock } from '../../js/jsNodes.js';
import { classTable, isPublicMember, type ClassInfo, type MemberInfo } from '../../js/classes.js';
import { instanceRefs, onlyThrows } from '../../js/members.js';

const REACT_BASES = /^(React\.)?(Component|PureComponent)$/;
// Runtime base classes whose whole instance API is known: a public method of a subclass that is not one of these
// names cannot override anything, so it is judged (undici's `Socks5Client extends EventEmitter` helpers).
const EMITTER = ['on', 'once', 'off', 'emit', 'addListener', 'removeListener', 'removeAllListeners', 'setMaxListeners', 'getMaxListeners', 'listeners', 'rawListeners', 'listenerCount', 'prependListener', 'prependOnceListener', 'eventNames'];
const STREAM = [...EMITTER, 'pipe', 'unpipe', 'read', 'push', 'unshift', 'pause', 'resume', 'isPaused', 'setEncoding', 'wrap', 'destroy', 'write', 'end', 'cork', 'uncork', 'setDefaultEncoding',
  '_read', '_write', '_writev', '_final', '_destroy', '_construct', '_transform', '_flush', 'compose', 'iterator', 'map', 'filter', 'forEach', 'toArray', 'some', 'find', 'every', 'flatMap', 'drop', 'take', 'reduce'];
const ERROR = ['toString'];
const KNOWN_BASES = new Map<string, ReadonlySet<string>>([
  ['EventEmitter', new Set(EMITTER)],
  ['AsyncResource', new Set(['runInAsyncScope', 'emitDestroy', 'asyncId', 'triggerAsyncId', 'bind'])],
  ...['Readable', 'Writable', 'Duplex', 'Transform', 'PassThrough'].map((n) => [n, new Set(STREAM)] as [string, ReadonlySet<string>]),
  ...['Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError', 'AggregateError'].map((n) => [n, new Set(ERROR)] as [string, ReadonlySet<string>]),
]);
// Protocol methods the language or runtime calls on any object.
const PROTOCOL = new Set(['toString', 'toJSON', 'valueOf', 'toLocaleString', 'then', 'inspect', 'constructor']);

/** The known runtime class the in-file lineage of `c` extends (`events.EventEmitter` → EventEmitter), if any. */
function knownBase(table: ReturnType<typeof classTable>, c: ClassInfo): ReadonlySet<string> | undefined {
  const root = table.ancestors(c).at(-1) ?? c;
  return KNOWN_BASES.get(root.extendsName.replace(/^.*\./, ''));
}

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
        const known = external ? knownBase(table, c) : undefined;
        // In a whole-project run the index may know the out-of-file ancestors: a member none of them declares is not
        // an override and is judged like any other; one they declare is an override, whatever its visibility.
        const root = external ? (table.ancestors(c).at(-1) ?? c) : undefined;
        const project = ctx.project;
        const outside = root && project?.classes ? (name: string) => project.classes!.ancestryDeclares(project.file, root.extendsName, name) : undefined;
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
          if (known?.has(m.name)) continue; // an override of the runtime base (`_write`, `_transform`, `emit`)
          const lineage = outside?.(m.name);
          if (lineage === 'declared') continue;
          if (external && !react && lineage !== 'absent' && isPublicMember(m) && !(known && !known.has(m.name) && !PROTOCOL.has(m.name) && /^[\w$]+$/.test(m.name))) continue;
          if (implementsSome && isPublicMember(m)) continue;
          // Accessors: only where nothing outside the class can expect them (no parent, or a private accessor).
          if ((m.kind === 'get' || m.kind === 'set') && c.extendsNode && !m.isPrivate) continue;
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
