/**
 * Simulated assistant edits in real code nobody here wrote (the Python standard library, TypeScript sources shipped
 * in node_modules): a function's whole body, a few lines inside a loop, a whole method. Deterministic: the same files
 * give the same edits. Used by the re-scoring agreement test and benchmark.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface RealFile {
  readonly path: string;
  readonly language: 'python' | 'typescript';
  readonly text: string;
}

export interface SimulatedEdit {
  readonly file: RealFile;
  readonly kind: 'function-body' | 'loop-lines' | 'method';
  /** Offsets of the edit's text in the file (whole lines). */
  readonly start: number;
  readonly end: number;
}

const PY_DIRS = ['/usr/lib/python3.11', '/usr/lib/python3.12', '/usr/lib/python3.13'];
const PY_FILES = [
  'argparse.py', 'difflib.py', 'textwrap.py', 'csv.py', 'json/encoder.py', 'json/decoder.py', 'ast.py', 'configparser.py',
  'shutil.py', 'tarfile.py', 'inspect.py', 'dataclasses.py', 'statistics.py', 'fractions.py', 'heapq.py', 'pprint.py',
  'string.py', 'calendar.py', 'tokenize.py', 'gettext.py', 'fnmatch.py', 'glob.py', 'shlex.py', 'mimetypes.py',
];
const TS_DIRS = ['zod/src', 'zod/v4', 'immer/src', 'ajv/lib', 'htmlparser2/src', 'parse5/lib', 'pg-protocol/src', '@tanstack'];

function walk(dir: string, out: string[], depth = 0): void {
  if (depth > 6 || !existsSync(dir)) return;
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) {
      if (!/test|__tests__|bench/i.test(name)) walk(p, out, depth + 1);
    } else if (name.endsWith('.ts') && !name.endsWith('.d.ts') && !/\.test\.|\.spec\./.test(name) && st.size > 4_000 && st.size < 120_000) {
      out.push(p);
    }
  }
}

/** Up to `maxPerLanguage` real files per language, in a fixed order. */
export function realFiles(root: string, maxPerLanguage: number): RealFile[] {
  const out: RealFile[] = [];
  const pyDir = PY_DIRS.find((d) => existsSync(d));
  if (pyDir) {
    for (const f of PY_FILES.slice(0, maxPerLanguage)) {
      const p = path.join(pyDir, f);
      if (existsSync(p)) out.push({ path: p, language: 'python', text: readFileSync(p, 'utf8') });
    }
  }
  const ts: string[] = [];
  for (const d of TS_DIRS) walk(path.join(root, 'node_modules', d), ts);
  // Spread over packages: every k-th file.
  const step = Math.max(1, Math.floor(ts.length / maxPerLanguage));
  for (let i = 0; i < ts.length && out.filter((f) => f.language === 'typescript').length < maxPerLanguage; i += step) {
    out.push({ path: ts[i]!, language: 'typescript', text: readFileSync(ts[i]!, 'utf8') });
  }
  return out;
}

const indentOf = (l: string): number => (l.trim() === '' ? -1 : /^[ \t]*/.exec(l)![0].length);

/** Up to `perKind` edits of each kind per file. */
export function simulateEdits(file: RealFile, perKind: number): SimulatedEdit[] {
  const lines = file.text.split('\n');
  const starts: number[] = [];
  let o = 0;
  for (const l of lines) {
    starts.push(o);
    o += l.length + 1;
  }
  const endOfLine = (i: number): number => Math.min(file.text.length, starts[i]! + lines[i]!.length + 1);
  const py = file.language === 'python';
  /** Last line of the block opened by header line `h` (deeper-indented lines; for TS the closing brace too). */
  const blockEnd = (h: number): number => {
    const ind = indentOf(lines[h]!);
    let last = h;
    for (let i = h + 1; i < lines.length; i++) {
      const k = indentOf(lines[i]!);
      if (k === -1) continue;
      if (k <= ind) {
        if (!py && k === ind && /^\s*[})]/.test(lines[i]!)) last = i;
        break;
      }
      last = i;
    }
    return last;
  };
  const fnHeader = py ? /^\s*(async\s+)?def\s+\w+\s*\(.*:\s*(#.*)?$/ : /^\s*(export\s+)?(async\s+)?function\b.*\{\s*$|^\s*(public\s+|private\s+|protected\s+|static\s+|async\s+)*\w+\s*\([^;]*\)\s*(:[^;{]+)?\{\s*$/;
  const loopHeader = py ? /^\s*(async\s+)?(for|while)\b.*:\s*(#.*)?$/ : /^\s*(for|while)\s*\(.*\{\s*$/;
  const out: SimulatedEdit[] = [];
  const counts = { 'function-body': 0, 'loop-lines': 0, method: 0 };
  const add = (kind: SimulatedEdit['kind'], a: number, b: number): void => {
    if (counts[kind] >= perKind || b < a) return;
    const start = starts[a]!;
    const end = endOfLine(b);
    if (file.text.slice(start, end).trim() === '') return;
    counts[kind]++;
    out.push({ file, kind, start, end });
  };
  for (let h = 0; h < lines.length; h++) {
    const line = lines[h]!;
    if (/^\s*(if|else|switch|catch|for|while|return)\b/.test(line)) {
      if (loopHeader.test(line)) {
        const e = blockEnd(h);
        const bodyEnd = py ? e : e - 1;
        // A few lines inside the loop: from its second body line (or first), at most three.
        const a = Math.min(h + 2, bodyEnd);
        add('loop-lines', a, Math.min(a + 2, bodyEnd));
      }
      continue;
    }
    if (!fnHeader.test(line)) continue;
    const e = blockEnd(h);
    if (e <= h + 1) continue;
    if (indentOf(line) > 0 && h % 2 === 0) add('method', h, e);
    else add('function-body', h + 1, py ? e : e - 1);
  }
  return out;
}
