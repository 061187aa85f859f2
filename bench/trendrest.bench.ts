/**
 * Like-with-like scoring (`npm run bench -- --only trendrest`). On real code nobody here wrote (Python standard
 * library, TypeScript sources in node_modules), simulated assistant edits (a function body, a few lines in a loop, a
 * method) are scored three ways, and the findings anchored in the edit are compared per rule:
 *  - full: the whole document linted (how capture scored fresh edits before this change);
 *  - text-only: the edit's own text linted (how re-scoring scored history before this change, and still does for
 *    records stored without a context);
 *  - context: the edit's scoring window (`core/capture/scoringContext.ts`) linted — what capture and re-scoring both
 *    use now.
 * Agreement of a rule = Σ min(a, b) / Σ max(a, b) over edits (1 = the same findings in every edit). Asserts nothing.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintInContext, scoringContext, type ContextLinter } from '../src/core/capture/scoringContext.js';
import { Linter } from '../src/core/lint/engine.js';
import { ALL_RULES } from '../src/core/lint/registry.js';
import { TreeSitterRuntime } from '../src/core/lint/treeSitter.js';
import { dedent } from '../src/core/rescore/rescoreEdit.js';
import { NodeWasmSource } from '../src/node/grammarFiles.js';
import { realFiles, simulateEdits } from '../test/support/simulatedEdits.js';
import { report } from './benchUtil.js';
import { runPanelHold } from './support/panelHold.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const linter = new Linter(new TreeSitterRuntime(NodeWasmSource.forRoot(root)), ALL_RULES);
const lint: ContextLinter = async (text, language) => (await linter.lintText(text, language)).findings;

type Counts = Map<string, number>;
const count = (ids: readonly string[]): Counts => {
  const m: Counts = new Map();
  for (const id of ids) m.set(id, (m.get(id) ?? 0) + 1);
  return m;
};

interface Agreement {
  min: number;
  max: number;
}

function accumulate(into: Map<string, Agreement>, a: Counts, b: Counts): void {
  for (const id of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(id) ?? 0;
    const y = b.get(id) ?? 0;
    const g = into.get(id) ?? { min: 0, max: 0 };
    g.min += Math.min(x, y);
    g.max += Math.max(x, y);
    into.set(id, g);
  }
}

const ratio = (g: Agreement): string => (g.max === 0 ? '—' : (g.min / g.max).toFixed(3));
const total = (m: Map<string, Agreement>): Agreement => [...m.values()].reduce((s, g) => ({ min: s.min + g.min, max: s.max + g.max }), { min: 0, max: 0 });

async function agreement(): Promise<void> {
  const files = realFiles(root, 24);
  const textOnly = new Map<string, Agreement>();
  const context = new Map<string, Agreement>();
  const windowChars: number[] = [];
  let edits = 0;
  const byKind = new Map<string, number>();
  for (const file of files) {
    const full = (await linter.lintText(file.text, file.language)).findings;
    const starts = [0];
    for (let i = file.text.indexOf('\n'); i !== -1; i = file.text.indexOf('\n', i + 1)) starts.push(i + 1);
    for (const e of simulateEdits(file, 6)) {
      edits++;
      byKind.set(e.kind, (byKind.get(e.kind) ?? 0) + 1);
      const inRange = full.filter((f) => {
        const a = starts[f.range.start.line]! + f.range.start.character;
        return a >= e.start && a < e.end;
      });
      const fresh = count(inRange.map((f) => f.ruleId));
      const editText = file.text.slice(e.start, e.end);
      const alone = count((await lint(file.language === 'python' ? dedent(editText) : editText, file.language)).map((f) => f.ruleId));
      const ctx = scoringContext(file.text, e, file.language);
      windowChars.push(ctx.text.length);
      const windowed = count((await lintInContext(ctx, file.language, lint)).map((f) => f.ruleId));
      accumulate(textOnly, fresh, alone);
      accumulate(context, fresh, windowed);
    }
  }
  windowChars.sort((a, b) => a - b);
  console.log(`\n${files.length} real files (${files.filter((f) => f.language === 'python').length} Python stdlib, ${files.filter((f) => f.language === 'typescript').length} TS from node_modules), ${edits} simulated edits (${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')})`);
  console.log(`scoring window: median ${windowChars[windowChars.length >> 1]} chars, p95 ${windowChars[Math.floor(windowChars.length * 0.95)]} chars\n`);
  report('rule', 'findings(full)  text-only vs full   context vs full');
  const rules = [...new Set([...textOnly.keys(), ...context.keys()])].sort();
  for (const r of rules) {
    const t = textOnly.get(r) ?? { min: 0, max: 0 };
    const c = context.get(r) ?? { min: 0, max: 0 };
    report(`  ${r}`, `${String(Math.max(t.max, c.max)).padStart(6)}  ${ratio(t).padStart(18)}  ${ratio(c).padStart(16)}`);
  }
  report('all rules (before: re-score text-only vs fresh full-document)', ratio(total(textOnly)));
  report('all rules (context window vs full document)', ratio(total(context)));
  report('all rules (after: re-score context vs fresh context)', '1.000 (one definition: same window, same lint)');
}

async function main(): Promise<void> {
  const part = process.argv[2];
  if (part !== 'panel') await agreement();
  if (part !== 'agreement') await runPanelHold();
}

void main();
