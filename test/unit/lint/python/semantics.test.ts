import assert from 'node:assert/strict';
import { FileContext } from '../../../../src/core/lint/context.js';
import { pythonClasses } from '../../../../src/core/lint/python/classes.js';
import { pythonSemantics } from '../../../../src/core/lint/python/scope.js';
import { linter } from '../lintHarness.js';

async function context(source: string): Promise<FileContext> {
  const grammar = await linter().grammar('python');
  const tree = grammar.parser.parse(source);
  if (!tree) throw new Error('no tree');
  return new FileContext(grammar.id, 'python', source, tree, undefined, new Set());
}

describe('Python semantic model', () => {
  it('infers what a name holds only when every binding in its scope agrees', async () => {
    const src = ['a = []', 'b = set()', 'c = {}', 'd = []', 'd = compute()', 'e = "x"', 'e = e + "y"', 'def f(p: list[int], q):', '    return p, q, a', ''].join('\n');
    const ctx = await context(src);
    const sem = pythonSemantics(ctx);
    const at = src.indexOf('return');
    assert.equal(sem.kindOfName('a', at), 'list');
    assert.equal(sem.kindOfName('b', 0), 'set');
    assert.equal(sem.kindOfName('c', 0), 'dict');
    assert.equal(sem.kindOfName('d', 0), 'unknown', 'one list and one unknown binding');
    assert.equal(sem.kindOfName('e', 0), 'str', 'self-updates keep the kind');
    assert.equal(sem.kindOfName('p', at), 'list', 'from the annotation');
    assert.equal(sem.kindOfName('q', at), 'unknown');
  });

  it('resolves names like Python: class scopes are invisible to nested functions, global redirects', async () => {
    const src = ['x = 1', 'class K:', '    x = []', '    def m(self):', '        return x', 'def g():', '    global y', '    y = []', ''].join('\n');
    const ctx = await context(src);
    const sem = pythonSemantics(ctx);
    const inMethod = src.indexOf('return x') + 'return '.length;
    assert.equal(sem.resolveScope('x', inMethod)?.kind, 'module');
    assert.equal(sem.kindOfName('x', inMethod), 'number');
    assert.equal(sem.resolveScope('y', 0)?.kind, 'module', '`global y` binds in the module');
    assert.equal(sem.kindOfName('y', 0), 'list');
  });

  it('gives comprehension variables their own scope and tells reads from stores', async () => {
    const src = ['i = "outer"', 'squares = [i * i for i in range(3)]', 'print(i)', ''].join('\n');
    const ctx = await context(src);
    const sem = pythonSemantics(ctx);
    const inComp = src.indexOf('i * i');
    assert.equal(sem.resolveScope('i', inComp)?.kind, 'comprehension');
    assert.equal(sem.kindOfName('i', src.indexOf('print')), 'str');
    const line2 = { startIndex: src.indexOf('squares'), endIndex: src.indexOf('print') };
    assert.equal(sem.readsIn(line2, 'i').length, 2);
    assert.equal(sem.storesIn(line2, 'i').length, 1);
  });

  it('builds the in-file class hierarchy and knows when an ancestor is external', async () => {
    const src = [
      'import json',
      'class A:',
      '    def run(self): return 1',
      'class B(A):',
      '    def __init__(self):',
      '        self.x = 1',
      '        self.x += 1',
      'class C(B, json.JSONEncoder):',
      '    def run(self): return 2',
      '',
    ].join('\n');
    const ctx = await context(src);
    const table = pythonClasses(ctx);
    const [a, b, c] = table.classes;
    assert.deepEqual(table.ancestorsOf(c!).inFile.map((k) => k.name), ['B', 'A']);
    assert.deepEqual(table.ancestorsOf(c!).external, ['json.JSONEncoder']);
    assert.equal(table.inherited(c!, 'run').owner?.name, 'A');
    assert.equal(table.inherited(b!, 'missing').unknown, false);
    assert.equal(table.inherited(c!, 'missing').unknown, true);
    assert.deepEqual(b!.selfAccesses.map((s) => `${s.attr}:${s.kind}`), ['x:store', 'x:augstore']);
    assert.equal(a!.methods.get('run')?.[0]?.selfName, 'self');
  });
});

describe('Python semantic model: assignment targets', () => {
  it('binds names of tuple targets pairwise, and never the object of an attribute target', async () => {
    const src = ['class P:', '    def m(self, host, port):', '        self.address = (host, port)', '        a, b = [], {}', '        return a, b', ''].join('\n');
    const ctx = await context(src);
    const sem = pythonSemantics(ctx);
    const method = { startIndex: src.indexOf('self.address'), endIndex: src.length };
    assert.equal(sem.storesIn(method, 'self').length, 0, '`self.address = …` does not rebind self');
    const at = src.indexOf('return');
    assert.equal(sem.kindOfName('a', at), 'list');
    assert.equal(sem.kindOfName('b', at), 'dict');
  });
});

describe('Python class table: subclass indexes', () => {
  it('answers "extended?", "overridden below?" and "has a child?" as a scan of every class lineage would', async () => {
    const src = [
      'class Base:',
      '    def run(self): return 1',
      '    def stop(self): return 0',
      'class Mid(Base):',
      '    def run(self): return 2',
      'class Leaf(Mid):',
      '    def extra(self): return 3',
      'class Other(Base, Mid):',
      '    pass',
      'class Alone:',
      '    def run(self): return 4',
      'class Cycle(Cycle):',
      '    pass',
      '',
    ].join('\n');
    const ctx = await context(src);
    const table = pythonClasses(ctx);
    const byName = (n: string) => table.classes.find((c) => c.name === n)!;
    // The definitions the rules used before the indexes, evaluated by brute force.
    for (const cls of table.classes) {
      const extendedBy = table.classes.filter((c) => c !== cls && table.ancestorsOf(c).inFile.includes(cls));
      assert.deepEqual(table.subclassesOf(cls), extendedBy, cls.name);
      assert.equal(table.hasInFileChild(cls), table.classes.some((c) => table.parentsOf(c).inFile.includes(cls)), cls.name);
      for (const name of ['run', 'stop', 'extra', 'missing']) {
        const brute = table.classes.some((c) => c !== cls && c.methods.has(name) && table.ancestorsOf(c).inFile.includes(cls));
        assert.equal(table.overriddenInSubclass(cls, name), brute, `${cls.name}.${name}`);
      }
    }
    assert.deepEqual(table.subclassesOf(byName('Base')).map((c) => c.name), ['Mid', 'Leaf', 'Other']);
    assert.equal(table.overriddenInSubclass(byName('Base'), 'run'), true);
    assert.equal(table.overriddenInSubclass(byName('Base'), 'stop'), false);
    assert.equal(table.overriddenInSubclass(byName('Mid'), 'extra'), true);
    assert.equal(table.hasInFileChild(byName('Leaf')), false);
    assert.equal(table.hasInFileChild(byName('Alone')), false);
    assert.deepEqual(table.subclassesOf(byName('Cycle')), []);
  });
});
