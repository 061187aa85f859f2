/**
 * Developer report: per-rule precision/recall of the JS-family rules on the TS/JS/TSX corpus, with every miss and
 * false positive. Run: `npx tsx test/unit/lint/js/devCorpusReport.ts [rule-id-substring]`.
 */
import { jsRules } from '../../../../src/core/lint/rules/js/jsRules.js';
import { corpusFiles, runCorpusFile } from './jsCorpus.js';

async function main(): Promise<void> {
  const filter = process.argv[2] ?? '';
  const ids = jsRules.map((r) => r.id).filter((id) => id.includes(filter));
  const stats = new Map<string, { tp: number; fp: number; fn: number }>();
  const stat = (id: string) => {
    let s = stats.get(id);
    if (!s) stats.set(id, (s = { tp: 0, fp: 0, fn: 0 }));
    return s;
  };
  for (const file of corpusFiles()) {
    const o = await runCorpusFile(file, ids);
    for (const k of o.hits) stat(k.slice(0, k.indexOf('@'))).tp++;
    for (const k of o.missed) {
      stat(k.slice(0, k.indexOf('@'))).fn++;
      console.log(`MISS ${file.relative}:${k.slice(k.indexOf('@') + 1)} ${k.slice(0, k.indexOf('@'))}`);
    }
    for (const u of o.unexpected) {
      stat(u.key.slice(0, u.key.indexOf('@'))).fp++;
      console.log(`FP   ${file.relative}:${u.key.slice(u.key.indexOf('@') + 1)} ${u.key.slice(0, u.key.indexOf('@'))} — ${u.message}`);
    }
  }
  for (const id of ids) {
    const s = stat(id);
    const p = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1;
    const r = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1;
    console.log(`${id.padEnd(36)} tp=${s.tp} fp=${s.fp} fn=${s.fn} P=${p.toFixed(2)} R=${r.toFixed(2)}`);
  }
}

void main();
