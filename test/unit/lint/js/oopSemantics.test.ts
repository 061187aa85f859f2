/** Targeted semantics of the JS-family OOP rules: class hierarchy, overrides, construction order. */
import assert from 'node:assert/strict';
import { jsLines, lintJs } from './jsHarness.js';

describe('JS OOP rules: semantics', () => {
  it('method-not-using-self: skips overrides of an in-file parent and methods a subclass overrides', async () => {
    const src = [
      'class Base { label() { return "b"; } }',
      'class Child extends Base { label() { return "c"; } }',
      'class Solo { private x = 1; helper(n: number) { return n * 2; } }',
    ].join('\n');
    assert.deepEqual(await jsLines(src, 'oop.method-not-using-self'), [3]);
  });

  it('method-not-using-self: `this` inside an arrow counts, inside a nested function it does not', async () => {
    const src = [
      'class A {',
      '  private v = 1;',
      '  arrow() { return () => this.v; }',
      '  nested() { return function (this: unknown) { return this; }; }',
      '}',
    ].join('\n');
    assert.deepEqual(await jsLines(src, 'oop.method-not-using-self'), [4]);
  });

  it('signature-mismatch: extra required parameters break substitution, optional ones do not', async () => {
    const src = [
      'class P { get(k: string) { return k; } put(k: string) { return k; } }',
      'class C extends P {',
      '  get(k: string, region: string) { return k + region; }',
      '  put(k: string, verbose = false) { return verbose ? k : ""; }',
      '}',
    ].join('\n');
    assert.deepEqual(await jsLines(src, 'oop.signature-mismatch'), [3]);
  });

  it('signature-mismatch: needs the parent in the file (an imported parent is unknown)', async () => {
    const src = "import { P } from './p';\nexport class C extends P { get(k: string, r: string) { return k + r; } }\n";
    assert.deepEqual(await jsLines(src, 'oop.signature-mismatch'), []);
  });

  it('constructor-chaining: missing super, this before super, super without a parent', async () => {
    const src = [
      'class B { constructor(public n: number) {} }',
      'class NoSuper extends B { constructor() { console.log(1); } }',
      'class Early extends B {',
      '  constructor() {',
      '    this.n = 1;',
      '    super(2);',
      '  }',
      '}',
      'class Orphan { constructor() { super(); } }',
      'class Good extends B { constructor() { if (!B) throw new Error(); super(1); } }',
    ].join('\n');
    assert.deepEqual(await jsLines(src, 'oop.constructor-chaining'), [2, 5, 9]);
  });

  it('access-before-definition: constructor order and field initialiser order', async () => {
    const src = [
      'class A {',
      '  total = this.base + 1;',
      '  base = 1;',
      '  x: number;',
      '  y: number;',
      '  constructor(y: number) {',
      '    this.x = this.y;',
      '    this.y = y;',
      '  }',
      '}',
    ].join('\n');
    assert.deepEqual(await jsLines(src, 'oop.access-before-definition'), [2, 7]);
  });

  it('attribute-outside-init: a parent outside the file may define the attribute', async () => {
    const inFile = 'class A { constructor() { this.a = 1; } go() { this.b = 2; } }\n';
    const external = 'class A extends Lib { go() { this.b = 2; } }\n';
    assert.deepEqual(await jsLines(inFile, 'oop.attribute-outside-init', 'javascript'), [1]);
    assert.deepEqual(await jsLines(external, 'oop.attribute-outside-init', 'javascript'), []);
  });

  it('method-hidden: binding a method to the instance is not hiding it', async () => {
    const src = [
      'class A {',
      '  constructor(name) { this.onClick = this.onClick.bind(this); this.name = name; }',
      '  onClick() { return this; }',
      '  name() { return "a"; }',
      '}',
    ].join('\n');
    assert.deepEqual(await jsLines(src, 'oop.method-hidden', 'javascript'), [4]);
  });

  it('type-switch: three classes of one subject, not error classification or two branches', async () => {
    const src = [
      'function f(s, e) {',
      '  if (s instanceof A) return 1; else if (s instanceof B) return 2; else if (s instanceof C) return 3;',
      '  if (e instanceof TypeError) return 4; else if (e instanceof RangeError) return 5; else if (e instanceof URIError) return 6;',
      '  if (s instanceof A) return 7; else if (s instanceof B) return 8;',
      '}',
    ].join('\n');
    assert.deepEqual(await jsLines(src, 'oop.type-switch', 'javascript'), [2]);
  });

  it('refused-bequest: refusing an implemented parent method, not implementing an abstract one', async () => {
    const src = [
      'abstract class S { abstract area(): number; name() { return "s"; } }',
      'class T extends S { area(): number { throw new Error("todo"); } name(): string { throw new Error("unsupported"); } }',
    ].join('\n');
    const findings = await lintJs(src, 'oop.refused-bequest');
    assert.equal(findings.length, 1);
    assert.match(findings[0]!.message, /`T\.name`/);
  });

  it('useless-super-delegation: only exact forwarding, and visibility changes are meaningful', async () => {
    const src = [
      'class B { constructor(a: number, b: number) { console.log(a, b); } }',
      'class Same extends B { constructor(a: number, b: number) { super(a, b); } }',
      'class Swap extends B { constructor(a: number, b: number) { super(b, a); } }',
      'class Hidden extends B { protected constructor(a: number, b: number) { super(a, b); } }',
    ].join('\n');
    assert.deepEqual(await jsLines(src, 'oop.useless-super-delegation'), [2]);
  });

  it('deep-inheritance counts an imported root as one more ancestor', async () => {
    const chain = ['class C0 extends Lib {}', ...Array.from({ length: 7 }, (_, i) => `class C${i + 1} extends C${i} {}`)].join('\n');
    // C7 has C6…C0 (7) plus Lib: 8 ancestors.
    assert.deepEqual(await jsLines(chain, 'oop.deep-inheritance', 'javascript'), [8]);
  });

  it('misdeclared-constructor: a construct signature returning another type is a factory, not a mistake', async () => {
    const src = 'interface P { new (): P; }\ninterface PCtor { new (): P; }\n';
    assert.deepEqual(await jsLines(src, 'oop.misdeclared-constructor'), [1]);
  });

  it('rules limited to TypeScript syntax do not run on JavaScript', async () => {
    assert.deepEqual(await jsLines('class A { new() { return new A(); } }\n', 'oop.misdeclared-constructor', 'javascript'), []);
  });

  it('method-not-using-self: `...this` spreads the instance (regression: the dots must not hide `this`)', async () => {
    const src = 'class A { private d = 1; copy() { return { ...this }; } other() { return 2; } }\n';
    assert.deepEqual(await jsLines(src, 'oop.method-not-using-self'), [1]);
    const [f] = await lintJs(src, 'oop.method-not-using-self');
    assert.match(f?.message ?? '', /`A\.other`/);
  });

  it('protected-access: defining `C.prototype._x` is the class itself, reading `c._x` elsewhere is not', async () => {
    const src = ['class C { constructor() { this._n = 0; } }', 'C.prototype._bump = function () { this._n++; };', 'function peek(c) { return c._n; }'].join('\n');
    assert.deepEqual(await jsLines(src, 'oop.protected-access', 'javascript'), [3]);
  });

  it('useless-super-delegation: an empty TypeScript constructor with parameters still declares the constructor type', async () => {
    assert.deepEqual(await jsLines('abstract class K { constructor(..._: unknown[]) {} }\n', 'oop.useless-super-delegation'), []);
    assert.deepEqual(await jsLines('class K { constructor(a) {} }\n', 'oop.useless-super-delegation', 'javascript'), [1]);
  });

  it('attribute-outside-init: a helper the constructor calls is part of construction', async () => {
    const src = ['class A {', '  constructor() { this.reset(); }', '  reset() { this.cache = new Map(); }', '  later() { this.extra = 1; }', '}'].join('\n');
    assert.deepEqual(await jsLines(src, 'oop.attribute-outside-init', 'javascript'), [4]);
  });

  it('access-before-definition: a setter run by the constructor assigns its backing field', async () => {
    const src = [
      'class A {',
      '  private _v!: number;',
      '  private w: number;',
      '  constructor(v: number) {',
      '    this.v = v;',
      '    console.log(this._v, this.w);',
      '    this.w = 1;',
      '  }',
      '  set v(x: number) { this._v = x; }',
      '}',
    ].join('\n');
    const findings = await lintJs(src, 'oop.access-before-definition');
    assert.deepEqual(findings.map((f) => f.message.match(/`this\.(\w+)`/)?.[1]), ['w']);
  });
});
