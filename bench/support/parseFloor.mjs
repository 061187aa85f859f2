// The whole-process floor of a lint CLI on tree-sitter (bench/lint.bench.ts): a process that does nothing but what any
// such linter must — start node, load web-tree-sitter and one grammar per thread, read every file and parse it — on
// every core, the way `driftwatch lint` spreads files (one shared queue, largest first, the main thread one of the
// threads). No node model, no rules, no output. Timed as a whole process against pylint / ESLint, it is the best ratio
// an engine on this parser can reach on this machine; `driftwatch lint` is timed against it in the same run.
//
//   node bench/support/parseFloor.mjs <python|typescript> <threads> <file…>
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, workerData } from 'node:worker_threads';
import { Language, Parser } from 'web-tree-sitter';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const GRAMMAR = { python: 'tree-sitter-python.wasm', typescript: 'tree-sitter-typescript.wasm' };

async function parser(languageId) {
  await Parser.init({ wasmBinary: readFileSync(path.join(root, 'node_modules', 'web-tree-sitter', 'web-tree-sitter.wasm')), locateFile: (f) => f });
  const p = new Parser();
  p.setLanguage(await Language.load(readFileSync(path.join(root, 'dist', 'grammars', GRAMMAR[languageId]))));
  return p;
}

/** Parses files from the shared queue until it is empty; returns how many it parsed. */
async function drain({ languageId, files, order, next }) {
  const p = await parser(languageId);
  const queue = new Int32Array(next);
  let parsed = 0;
  for (let k = Atomics.add(queue, 0, 1); k < order.length; k = Atomics.add(queue, 0, 1)) {
    p.parse(readFileSync(files[order[k]], 'utf8'))?.delete();
    parsed++;
  }
  return parsed;
}

if (isMainThread) {
  const [languageId, threadsArg, ...files] = process.argv.slice(2);
  if (!GRAMMAR[languageId] || !(Number(threadsArg) >= 1) || files.length === 0) {
    console.error('usage: node bench/support/parseFloor.mjs <python|typescript> <threads> <file…>');
    process.exit(2);
  }
  const sizes = files.map((f) => statSync(f).size);
  const order = files.map((_, i) => i).sort((a, b) => sizes[b] - sizes[a] || a - b);
  const job = { languageId, files, order, next: new SharedArrayBuffer(4) };
  const workers = Array.from(
    { length: Math.min(Number(threadsArg), files.length) - 1 },
    () => new Promise((resolve, reject) => new Worker(fileURLToPath(import.meta.url), { workerData: job }).on('exit', resolve).on('error', reject)),
  );
  await drain(job);
  await Promise.all(workers);
} else {
  await drain(workerData);
}
