import path from 'node:path';
import { Linter } from '../src/core/lint/engine.js';
import { ALL_RULES } from '../src/core/lint/registry.js';
import { TreeSitterRuntime } from '../src/core/lint/treeSitter.js';
import { NodeWasmSource } from '../src/node/grammarFiles.js';
import { LintWorkerSession } from '../src/core/lint/worker/lintWorkerSession.js';
import type { WorkerToHost } from '../src/core/lint/worker/lintWorkerProtocol.js';
import { incrementalStats } from '../src/core/lint/incremental/unitLint.js';
import { fiveThousandLines } from './support/workerRelint.js';
const wasm = NodeWasmSource.forRoot(path.resolve('.'));
void new Linter(new TreeSitterRuntime(wasm), ALL_RULES);
async function main() {
  const lang = (process.argv[2] ?? 'python') as 'python' | 'typescript';
  let text = fiveThousandLines(lang);
  const replies = new Map<number, (m: WorkerToHost) => void>();
  const session: LintWorkerSession = new LintWorkerSession((m) => {
    if (m.type === 'needWasm') void wasm.loadBytes(m.name).then((bytes) => session.handle({ type: 'wasm', id: m.id, bytes }));
    else if (m.type !== 'log') replies.get(m.id)?.(m);
  }, { defer: (fn) => setImmediate(fn) });
  let id = 0; let version = 1;
  const lint = (): Promise<WorkerToHost> => new Promise((resolve) => { replies.set(++id, resolve); session.handle({ type: 'lint', id, doc: 'd', version, length: text.length }); });
  session.handle({ type: 'open', doc: 'd', languageId: lang, version, text });
  await lint();
  const anchor = lang === 'python' ? process.env.ANCHOR ?? '        self.' : process.env.ANCHOR ?? '    const ';
  const at0 = text.indexOf(anchor, Math.floor(text.length / 2));
  const typed = process.env.TYPED ?? 'counter = counter + offset';
  const pos = (t: string, o: number) => { const before = t.slice(0, o); const line = before.split('\n').length - 1; return { line, character: o - (before.lastIndexOf('\n') + 1) }; };
  const change = async (o: number, len: number, ins: string) => {
    const p0 = pos(text, o); const p1 = pos(text, o + len);
    text = text.slice(0, o) + ins + text.slice(o + len); version++;
    session.handle({ type: 'change', doc: 'd', version, changes: [{ range: { start: p0, end: p1 }, rangeOffset: o, rangeLength: len, text: ins }] });
    await lint();
  };
  const lineStart = text.lastIndexOf('\n', at0) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  await change(lineStart, 0, indent + '\n');
  const at = lineStart + indent.length;
  incrementalStats.stages.clear();
  const t = performance.now(); let n = 0;
  for (let rep = 0; rep < 8; rep++) {
    for (let i = 0; i < typed.length; i++) { await change(at + i, 0, typed[i]!); n++; }
    await change(at, typed.length, ''); n++;
  }
  console.log(lang, 'keystrokes', n, 'mean ms', ((performance.now() - t) / n).toFixed(2), 'fast', incrementalStats.fast, JSON.stringify([...incrementalStats.reasons]));
  console.log([...incrementalStats.stages].map(([k, v]) => `${k} ${[...v].sort((a, b) => a - b)[v.length >> 1]!.toFixed(2)}`).join(', '));
  session.dispose();
}
void main();
