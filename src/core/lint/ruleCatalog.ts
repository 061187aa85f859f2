/**
 * Metadata of every rule id in shared/RULES.md: family, default severity, documentation slug and the short texts the
 * CLI's SARIF `tool.driver.rules`, the Problems panel and the docs share. Implementations live per language under
 * `rules/`; an id may be implemented for some languages only. Ids never change meaning.
 */
import type { Severity } from '../schema/events.js';

export type RuleFamily = 'loop' | 'oop';

export interface RuleMeta {
  readonly id: string;
  readonly family: RuleFamily;
  readonly severity: Severity;
  /** Short name, sentence case. */
  readonly title: string;
  /** One sentence: what the rule catches. */
  readonly summary: string;
  /** One sentence: why it costs. */
  readonly why: string;
  /** Path of the rule's page relative to the repository (and the packaged extension) root. */
  readonly docPath: string;
}

type Entry = [id: string, severity: Severity, title: string, summary: string, why: string];

const ENTRIES: Entry[] = [
  ['loop.await-in-loop', 'warning', 'Await in loop', 'An `await` in a loop body serialises independent async work.', 'Each iteration waits for the previous one; gathering the awaitables runs them concurrently.'],
  ['loop.batchable-calls', 'warning', 'Batchable calls', 'One call per item (or consecutive calls) where the API takes a batch.', 'Per-item calls repeat the call overhead and, for I/O, the system call or round trip.'],
  ['loop.closure-captures-loop-var', 'error', 'Closure captures loop variable', 'A function created in a loop reads a loop variable by reference.', 'Every closure sees the variable\'s final value, not the value of its own iteration.'],
  ['loop.discarded-iteration-component', 'info', 'Discarded iteration component', 'Iterating pairs and never using one half of each pair.', 'Building and unpacking pairs that are thrown away costs work and hides intent.'],
  ['loop.linear-membership-test', 'warning', 'Linear membership test', 'Membership tested against a list or tuple where a set gives O(1).', 'Each test scans the whole sequence; repeated tests make the code O(n·m).'],
  ['loop.manual-comprehension', 'warning', 'Manual comprehension', 'A loop whose only job is filling a list, dict or set.', 'A comprehension, `extend` or copy is shorter and runs faster than per-item appends.'],
  ['loop.manual-index', 'info', 'Manual index', 'Index bookkeeping where direct iteration or `enumerate` would do.', 'Indexing re-reads the sequence and invites off-by-one errors.'],
  ['loop.quadratic-accumulation', 'warning', 'Quadratic accumulation', 'An accumulator rebuilt on every iteration.', 'Copying the accumulator each time makes the loop O(n²).'],
  ['loop.redundant-dict-keys', 'info', 'Redundant .keys()', 'Iterating or testing `d.keys()` instead of the dict itself.', 'The extra call builds a view for nothing; the dict iterates and tests its keys directly.'],
  ['loop.redundant-index-lookup', 'warning', 'Redundant index lookup', 'Looking an element up again by index or key inside a loop that already has it.', 'The lookup repeats work the iteration already did and can go stale if the collection changes.'],
  ['loop.reimplemented-builtin', 'warning', 'Reimplemented builtin', 'A loop that re-implements any/all/sum/min/max/find.', 'The builtin is shorter, clearer and usually faster.'],
  ['loop.sort-for-min-max', 'warning', 'Sort for min/max', 'Sorting a whole collection only to read its first or last element.', 'Sorting is O(n log n) and copies; min/max is one O(n) pass.'],
  ['loop.string-concat-in-loop', 'warning', 'String concatenation in loop', 'A string grown with `+=` inside a loop.', 'Each `+=` may copy the whole string: O(n²); collecting parts and joining once is O(n).'],
  ['loop.try-in-loop', 'warning', 'Try in loop', 'A try/except inside a loop body where wrapping the loop would do.', 'Setting up the handler every iteration costs time in hot loops.'],
  ['loop.unnecessary-materialization', 'warning', 'Unnecessary materialisation', 'An intermediate list or copy built only to be iterated once, tested, counted or indexed.', 'The copy costs memory and time that lazy iteration avoids.'],
  ['loop.invariant-in-loop', 'warning', 'Invariant work in loop', 'Expensive loop-invariant work repeated on every iteration.', 'The same result is recomputed each time; hoisting it out of the loop computes it once.'],
  ['loop.nested-linear-search', 'warning', 'Nested linear search', 'A linear search over one collection inside a loop over another.', 'O(n·m) where an index built once gives O(n+m).'],
  ['oop.abstract-class-misuse', 'error', 'Abstract class misuse', 'Abstract base classes used wrongly.', 'Instantiating fails at run time, and half-abstract hierarchies break the contract they declare.'],
  ['oop.access-before-definition', 'error', 'Access before definition', 'An instance attribute read before initialisation assigns it.', 'The read raises AttributeError (or yields undefined) depending on call order.'],
  ['oop.attribute-outside-init', 'warning', 'Attribute outside init', 'An instance attribute first created outside the constructor.', 'The object\'s shape depends on which methods ran, so reads elsewhere can fail.'],
  ['oop.cached-instance-method', 'warning', 'Cached instance method', '`functools.cache`/`lru_cache` on an instance method.', 'The cache holds a reference to every `self` it saw, so instances are never freed.'],
  ['oop.constructor-chaining', 'error', 'Constructor chaining', 'A subclass constructor that never calls its parent\'s, or calls a non-parent\'s.', 'The parent\'s initialisation never runs, leaving the object half-built.'],
  ['oop.deep-inheritance', 'warning', 'Deep inheritance', 'A class with more than 7 ancestors.', 'Behaviour is spread over many classes, which makes changes risky and reading slow.'],
  ['oop.eq-without-hash', 'warning', 'Eq without hash', '`__eq__` defined without `__hash__`.', 'Python sets `__hash__` to None: instances can no longer go in sets or be dict keys.'],
  ['oop.god-class', 'warning', 'God class', 'A class with more than 20 public methods or more than 7 instance attributes.', 'Too many responsibilities in one class make it hard to change and test.'],
  ['oop.lazy-class', 'info', 'Lazy class', 'A class with fewer than 2 public methods and no state worth a class.', 'A class that does too little adds indirection a function would avoid.'],
  ['oop.method-hidden', 'warning', 'Method hidden by attribute', 'An attribute with the same name as a method shadows it.', 'After the assignment the method is unreachable on the instance; calls fail or do something else.'],
  ['oop.method-not-using-self', 'info', 'Method not using self', 'An instance method that never uses `self`/`this`.', 'It pretends to depend on the instance; a static method or function states the truth.'],
  ['oop.misdeclared-constructor', 'warning', 'Misdeclared constructor', '`new()` declared in an interface, or a method named `constructor`/`new` meant as a constructor.', 'The member is never called as a constructor, so the initialisation it holds never runs.'],
  ['oop.mutable-class-attribute', 'warning', 'Mutable class attribute', 'A mutable default declared on the class and shared by all instances.', 'A change through one instance shows up in every other instance.'],
  ['oop.protected-access', 'warning', 'Protected access', 'Another object\'s protected member accessed from outside its class hierarchy.', 'Code couples to internals the owner may change at any time.'],
  ['oop.self-reassignment', 'error', 'Self reassignment', '`self`/`cls` reassigned inside a method.', 'The assignment only rebinds a local name; the object is not changed, which is almost never intended.'],
  ['oop.signature-mismatch', 'warning', 'Signature mismatch', 'An override whose parameters or kind differ from the overridden method.', 'Callers written against the parent break when given the subclass.'],
  ['oop.static-method-misuse', 'warning', 'Static method misuse', 'A static method whose first parameter is named `self`/`cls`.', 'Nothing binds that parameter: callers must pass the instance by hand or the call breaks.'],
  ['oop.static-only-class', 'info', 'Static-only class', 'A class with only static members, or empty, used as a namespace.', 'A class that is never instantiated is a module or plain functions in disguise.'],
  ['oop.subclass-builtin', 'warning', 'Subclassed builtin', 'Subclassing built-in `dict`/`list`/`str` instead of `UserDict`/`UserList`/`UserString`.', 'The builtins\' own methods bypass your overrides, so behaviour is inconsistent.'],
  ['oop.useless-super-delegation', 'warning', 'Useless super delegation', 'A method that only forwards to the parent with the same arguments.', 'It adds code and a call frame while changing nothing.'],
  ['oop.type-switch', 'warning', 'Type switch', 'A chain of type checks selecting behaviour across classes of one hierarchy.', 'Every new subclass needs another branch; polymorphic methods keep behaviour with the class.'],
  ['oop.refused-bequest', 'warning', 'Refused bequest', 'An override that only raises "not implemented" for a method the parent implements.', 'The subclass cannot stand in for its parent: substitution fails at run time.'],
];

const CATALOG: ReadonlyMap<string, RuleMeta> = new Map(
  ENTRIES.map(([id, severity, title, summary, why]) => [
    id,
    { id, family: id.slice(0, id.indexOf('.')) as RuleFamily, severity, title, summary, why, docPath: `docs/rules/${id}.md` },
  ]),
);

/** Every rule id, in catalogue order. */
export const RULE_IDS: readonly string[] = ENTRIES.map((e) => e[0]);

/** Metadata for a rule id, or undefined for an unknown id. */
export function ruleMeta(id: string): RuleMeta | undefined {
  return CATALOG.get(id);
}

/** All rule metadata, in catalogue order. */
export function allRuleMeta(): RuleMeta[] {
  return RULE_IDS.map((id) => CATALOG.get(id) as RuleMeta);
}
