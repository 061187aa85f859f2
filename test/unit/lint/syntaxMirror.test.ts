/**
 * The node model built with the direct-export cursor (`rawCursor.ts`) must be the same tree, node for node, as the one
 * built with web-tree-sitter's own `TreeCursor`: types, ranges, fields, missing/error flags, field tokens. Checked on
 * real source files of every grammar (this repository's TypeScript, the samples, Python's standard library when
 * installed) and on broken input full of ERROR and MISSING nodes.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { LintLanguageId } from '../../../src/core/lint/languages.js';
import { rawCursorFor } from '../../../src/core/lint/rawCursor.js';
import { SyntaxMirror, type MirrorNode } from '../../../src/core/lint/syntaxMirror.js';
import { linter, repoRoot } from './lintHarness.js';

function describeNode(n: MirrorNode): string {
  const tokens = n.fieldTokens.map((t) => `${t.field}=${t.type}@${t.startIndex}`).join(',');
  return `${n.id} ${n.type} ${n.startIndex}-${n.endIndex} f=${n.field} p=${n.parent?.id ?? -1} d=${n.depth} last=${n.lastId} m=${n.isMissing} e=${n.hasError} [${tokens}]`;
}

async function assertSameMirror(text: string, languageId: LintLanguageId, label: string): Promise<number> {
  const grammar = await linter().grammar(languageId);
  const tree = grammar.parser.parse(text);
  assert.ok(tree, label);
  try {
    const fast = SyntaxMirror.build(tree, text);
    const portable = SyntaxMirror.build(tree, text, { portable: true });
    assert.equal(fast.nodes.length, portable.nodes.length, `${label}: node count`);
    for (let i = 0; i < fast.nodes.length; i++) {
      const a = describeNode(fast.nodes[i] as MirrorNode);
      const b = describeNode(portable.nodes[i] as MirrorNode);
      if (a !== b) assert.fail(`${label}: node ${i} differs\n  raw:      ${a}\n  portable: ${b}`);
    }
    return fast.nodes.length;
  } finally {
    tree.delete();
  }
}

function filesUnder(dir: string, ext: string, limit: number): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith(ext))
    .sort()
    .slice(0, limit)
    .map((f) => path.join(dir, f));
}

describe('SyntaxMirror: the direct-export cursor walk', () => {
  it('is available for trees of the engine runtime (otherwise the fast path silently never runs)', async () => {
    const grammar = await linter().grammar('python');
    const tree = grammar.parser.parse('x = 1\n');
    assert.ok(tree);
    const ops = rawCursorFor(tree);
    try {
      assert.ok(ops, 'raw cursor exports not found on the emscripten module object');
    } finally {
      ops?.done();
      tree.delete();
    }
  });

  it('builds the same node model as TreeCursor on real TypeScript, JavaScript and Python files', async () => {
    let nodes = 0;
    for (const file of filesUnder(path.join(repoRoot, 'src', 'core', 'lint'), '.ts', 40)) nodes += await assertSameMirror(readFileSync(file, 'utf8'), 'typescript', file);
    for (const file of filesUnder(path.join(repoRoot, 'samples'), '.py', 20)) nodes += await assertSameMirror(readFileSync(file, 'utf8'), 'python', file);
    for (const file of filesUnder(path.join(repoRoot, 'scripts'), '.mjs', 10)) nodes += await assertSameMirror(readFileSync(file, 'utf8'), 'javascript', file);
    for (const file of ['/usr/lib/python3.11/argparse.py', '/usr/lib/python3.11/typing.py'].filter(existsSync)) nodes += await assertSameMirror(readFileSync(file, 'utf8'), 'python', file);
    assert.ok(nodes > 10_000, `compared only ${nodes} nodes`);
  });

  it('builds the same node model on broken input (ERROR and MISSING nodes) and on deep nesting', async () => {
    await assertSameMirror('class A extends {\n  m( { return this.x +; }\n  for (const of ) {\n', 'typescript', 'broken ts');
    await assertSameMirror('def f(:\n    x = [1, 2\n    for in y:\n  return )\n', 'python', 'broken py');
    await assertSameMirror('let s = "";\n' + 'for (const x of xs) {\n'.repeat(300) + 's += x;\n' + '}\n'.repeat(300), 'javascript', 'deep js');
    await assertSameMirror('const f = (a) => <div className={a}>{a && <span/>}</div>;\n', 'javascriptreact', 'jsx');
  });
});
