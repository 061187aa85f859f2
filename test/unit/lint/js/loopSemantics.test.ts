/** Targeted semantics of the JS-family loop rules: the distinctions syntax alone would get wrong. */
import assert from 'node:assert/strict';
import { jsLines, lintJs } from './jsHarness.js';

describe('JS loop rules: semantics', () => {
  describe('loop.closure-captures-loop-var', () => {
    const RULE = 'loop.closure-captures-loop-var';
    it('reports closures over a `var` loop counter but not over a per-iteration `let`', async () => {
      const src = 'const a = [], b = [];\nfor (var i = 0; i < 3; i++) a.push(() => i);\nfor (let j = 0; j < 3; j++) b.push(() => j);\n';
      assert.deepEqual(await jsLines(src, RULE, 'javascript'), [2]);
    });
    it('reports a `let` declared outside and changed by the loop, not one the loop leaves alone', async () => {
      const changed = 'let n = 0;\nconst f = [];\nwhile (n < 3) { f.push(() => n); n++; }\n';
      const stable = 'let n = 0;\nconst f = [];\nfor (const x of [1]) { f.push(() => n + x); }\n';
      assert.deepEqual(await jsLines(changed, RULE, 'javascript'), [3]);
      assert.deepEqual(await jsLines(stable, RULE, 'javascript'), []);
    });
    it('does not report a flag changed after the loop (read at call time on purpose)', async () => {
      const src = 'let ready = false;\nconst fns = [];\nfor (const p of ps) fns.push(() => ready && p);\nready = true;\n';
      assert.deepEqual(await jsLines(src, RULE, 'javascript'), []);
    });
    it('does not report an immediately invoked function (it runs inside its iteration)', async () => {
      const src = 'for (var i = 0; i < 3; i++) { (function () { console.log(i); })(); }\n';
      assert.deepEqual(await jsLines(src, RULE, 'javascript'), []);
    });
    it('respects shadowing: a parameter with the loop variable\'s name is a different binding', async () => {
      const src = 'for (var i = 0; i < 3; i++) { el.on("x", (i) => i.type); }\n';
      assert.deepEqual(await jsLines(src, RULE, 'javascript'), []);
    });
    it('names the captured variable in the message', async () => {
      const [f] = await lintJs('for (var idx = 0; idx < 3; idx++) setTimeout(() => console.log(idx));\n', RULE, 'javascript');
      assert.match(f?.message ?? '', /`idx`/);
      assert.match(f?.hint ?? '', /let/);
    });
  });

  describe('loop.await-in-loop', () => {
    const RULE = 'loop.await-in-loop';
    it('reports independent awaits, not a `for await` body', async () => {
      const src = 'async function f(ids, s) {\n  for (const id of ids) await get(id);\n  for await (const c of s) await put(c);\n}\n';
      assert.deepEqual(await jsLines(src, RULE, 'javascript'), [2]);
    });
    it('does not report when the awaited value feeds the next iteration (cursor, accumulator, exit)', async () => {
      const cursor = 'async function f() {\n  let c = null;\n  do { const p = await page(c); c = p.next; } while (c);\n}\n';
      const acc = 'async function f(steps) {\n  let v = 0;\n  for (const s of steps) v = await s(v);\n}\n';
      const exit = 'async function f(ms) {\n  for (const m of ms) { const r = await tryIt(m); if (r.ok) return r; }\n}\n';
      for (const src of [cursor, acc, exit]) assert.deepEqual(await jsLines(src, RULE, 'javascript'), [], src);
    });
    it('does not report a deliberately throttled loop', async () => {
      const src = 'async function f(xs) {\n  for (const x of xs) { await send(x); await sleep(100); }\n}\n';
      assert.deepEqual(await jsLines(src, RULE, 'javascript'), []);
    });
    it('does not report awaits inside a callback defined in the loop', async () => {
      const src = 'function f(xs) {\n  for (const x of xs) setTimeout(async () => { await send(x); });\n}\n';
      assert.deepEqual(await jsLines(src, RULE, 'javascript'), []);
    });
  });

  describe('loop.linear-membership-test', () => {
    const RULE = 'loop.linear-membership-test';
    it('reports an array membership test in a loop but not a Set, a string or the element\'s own array', async () => {
      const src = [
        'export function f(words: string[], stop: string[], ok: Set<string>, text: string, rows: number[][]) {',
        '  words.filter((w) => stop.includes(w));',
        '  words.filter((w) => ok.has(w));',
        '  words.filter((w) => text.includes(w));',
        '  rows.filter((r) => r.includes(0));',
        '}',
      ].join('\n');
      assert.deepEqual(await jsLines(src, RULE), [2]);
    });
    it('knows an array from its initialiser when nothing is declared', async () => {
      const src = 'const seen = [];\nfor (const x of input) { if (seen.indexOf(x) === -1) seen.push(x); }\n';
      assert.deepEqual(await jsLines(src, RULE, 'javascript'), [2]);
    });
    it('treats indexOf as a membership test only when compared with -1/0', async () => {
      const src = 'export function f(order: string[], names: string[]) {\n  return names.map((n) => order.indexOf(n));\n}\n';
      assert.deepEqual(await jsLines(src, RULE), []);
    });
  });

  describe('loop.manual-index', () => {
    const RULE = 'loop.manual-index';
    it('reports an index used to read xs[i] (also with its position), not one written through or used for neighbours', async () => {
      const only = 'export function f(xs: number[]) { for (let i = 0; i < xs.length; i++) console.log(xs[i]); }\n';
      const withPosition = 'export function f(xs: number[]) { for (let i = 0; i < xs.length; i++) console.log(i, xs[i]); }\n';
      const write = 'export function f(xs: number[]) { for (let i = 0; i < xs.length; i++) xs[i] = 0; }\n';
      const neighbours = 'export function f(xs: number[]) { for (let i = 0; i < xs.length; i++) console.log(xs[i] - (xs[i + 1] ?? 0)); }\n';
      assert.deepEqual(await jsLines(only, RULE), [1]);
      assert.deepEqual(await jsLines(withPosition, RULE), [1]);
      assert.match((await lintJs(withPosition, RULE))[0]?.hint ?? '', /entries\(\)/);
      assert.deepEqual(await jsLines(write, RULE), []);
      assert.deepEqual(await jsLines(neighbours, RULE), []);
    });
    it('leaves strings alone (for…of iterates code points, not UTF-16 units)', async () => {
      const src = 'export function f(s: string) { let h = 0; for (let i = 0; i < s.length; i++) h += s[i].charCodeAt(0); return h; }\n';
      assert.deepEqual(await jsLines(src, RULE), []);
    });
  });

  describe('loop.unnecessary-materialization', () => {
    const RULE = 'loop.unnecessary-materialization';
    it('reports a copy iterated once but not one the loop mutates the source of', async () => {
      const once = 'function f(s) { for (const x of [...s]) console.log(x); }\n';
      const mutated = 'function f(s) { for (const x of [...s]) if (x) s.delete(x); }\n';
      assert.deepEqual(await jsLines(once, RULE, 'javascript'), [1]);
      assert.deepEqual(await jsLines(mutated, RULE, 'javascript'), []);
    });
    it('reports filter().length as an emptiness test, not as a count', async () => {
      const test = 'const any = xs.filter((x) => x.ok).length > 0;\n';
      const count = 'const n = xs.filter((x) => x.ok).length;\n';
      assert.deepEqual(await jsLines(test, RULE, 'javascript'), [1]);
      assert.deepEqual(await jsLines(count, RULE, 'javascript'), []);
    });
  });

  describe('loop.string-concat-in-loop', () => {
    const RULE = 'loop.string-concat-in-loop';
    it('reports strings, not numbers, and not strings declared per iteration', async () => {
      const src = [
        'export function f(rows: string[]) {',
        "  let s = '';",
        '  let n = 0;',
        '  for (const r of rows) {',
        '    s += r;',
        '    n += r.length;',
        "    let line = '';",
        '    line += r;',
        '  }',
        '  return [s, n];',
        '}',
      ].join('\n');
      assert.deepEqual(await jsLines(src, RULE), [5]);
    });
  });

  describe('loop.invariant-in-loop', () => {
    const RULE = 'loop.invariant-in-loop';
    it('reports a regex built from loop-invariant parts, not one built from the element', async () => {
      const src = 'function f(lines, word, pats) {\n  lines.filter((l) => new RegExp(word).test(l));\n  pats.filter((p) => new RegExp(p).test(word));\n}\n';
      assert.deepEqual(await jsLines(src, RULE, 'javascript'), [2]);
    });
    it('does not report a lazily initialised cache (`re ??= new RegExp(…)` / `if (!re) re = …`)', async () => {
      const src = 'let re;\nfunction f(xs, p) { for (const x of xs) { if (!re) re = new RegExp(p); re.test(x); } }\n';
      assert.deepEqual(await jsLines(src, RULE, 'javascript'), []);
    });
    it('does not report new Date() without arguments (it reads the clock)', async () => {
      const src = 'function f(xs) { return xs.map((x) => ({ x, at: new Date() })); }\n';
      assert.deepEqual(await jsLines(src, RULE, 'javascript'), []);
    });
  });

  describe('loop.nested-linear-search', () => {
    const RULE = 'loop.nested-linear-search';
    it('reports only key-equality joins (an index cannot answer prefix or pattern tests)', async () => {
      const src = 'function f(keys, pats) {\n  return keys.filter((k) => pats.some((p) => k.startsWith(p)));\n}\n';
      assert.deepEqual(await jsLines(src, RULE, 'javascript'), []);
    });
    it('reports a search relating the inner element to the outer one, not an invariant predicate', async () => {
      const src = [
        'function f(orders, users) {',
        '  orders.map((o) => users.find((u) => u.id === o.userId));',
        "  orders.map((o) => users.find((u) => u.name === 'admin'));",
        '}',
      ].join('\n');
      assert.deepEqual(await jsLines(src, RULE, 'javascript'), [2]);
    });
  });

  describe('loop.discarded-iteration-component', () => {
    const RULE = 'loop.discarded-iteration-component';
    it('reports an unused half, not a pair passed on through filter/sort', async () => {
      const src = [
        'function f(o) {',
        '  for (const [k, v] of Object.entries(o)) console.log(v);',
        '  return Object.entries(o).filter(([k, v]) => v > 0);',
        '}',
      ].join('\n');
      assert.deepEqual(await jsLines(src, RULE, 'javascript'), [2]);
    });
  });
  describe('loop.manual-comprehension fix hint', () => {
    const RULE = 'loop.manual-comprehension';
    it('suggests .map on arrays and Array.from on Maps and other iterables (which have no .map)', async () => {
      const fromArray = 'const xs: number[] = [1, 2];\nconst out: number[] = [];\nfor (const x of xs) out.push(x * 2);\n';
      const fromMap = 'const m = new Map<string, number>();\nconst out: number[] = [];\nfor (const [, v] of m) out.push(v);\n';
      const [a] = await lintJs(fromArray, RULE);
      const [b] = await lintJs(fromMap, RULE);
      assert.match(a!.hint, /xs\.map\(/);
      assert.match(b!.hint, /Array\.from\(m, /);
      assert.doesNotMatch(b!.hint, /m\.map\(/);
    });
  });
});
