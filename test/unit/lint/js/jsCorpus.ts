/**
 * The labelled TS/JS/TSX corpus under test/corpus/<language>/<rule-id>/: every line that must produce a finding
 * carries `// expect: <rule-id>[, <rule-id>…]` (or `{/* expect: … *\/}` inside JSX). Every other line of those files
 * must produce no finding of the corpus rules — the negatives are the point.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../../../../src/core/lint/rule.js';
import { linter, repoRoot } from '../lintHarness.js';

export const CORPUS_LANGUAGES = [
  { folder: 'typescript', languageId: 'typescript' },
  { folder: 'javascript', languageId: 'javascript' },
  { folder: 'tsx', languageId: 'typescriptreact' },
] as const;

export interface CorpusFile {
  readonly file: string;
  readonly relative: string;
  readonly languageId: string;
  /** Rule id of the folder the file is in. */
  readonly folderRule: string;
  readonly text: string;
  /** `${ruleId}@${line}` (1-based) for every expected finding. */
  readonly expected: ReadonlySet<string>;
}

const MARKER = /(?:\/\/|\/\*)\s*expect:\s*([a-z]+\.[a-z-]+(?:\s*,\s*[a-z]+\.[a-z-]+)*)/;

export function corpusFiles(): CorpusFile[] {
  const out: CorpusFile[] = [];
  for (const { folder, languageId } of CORPUS_LANGUAGES) {
    const base = path.join(repoRoot, 'test', 'corpus', folder);
    let rules: string[];
    try {
      rules = readdirSync(base);
    } catch {
      continue;
    }
    for (const rule of rules.sort()) {
      const dir = path.join(base, rule);
      if (!statSync(dir).isDirectory()) continue;
      for (const name of readdirSync(dir).sort()) {
        const file = path.join(dir, name);
        const text = readFileSync(file, 'utf8');
        const expected = new Set<string>();
        text.split('\n').forEach((line, i) => {
          const m = MARKER.exec(line);
          if (m) for (const id of m[1]!.split(',')) expected.add(`${id.trim()}@${i + 1}`);
        });
        out.push({ file, relative: path.relative(repoRoot, file), languageId, folderRule: rule, text, expected });
      }
    }
  }
  return out;
}

export interface CorpusOutcome {
  readonly file: CorpusFile;
  readonly findings: Finding[];
  /** Expected but not reported. */
  readonly missed: string[];
  /** Reported but not expected. */
  readonly unexpected: Array<{ key: string; message: string }>;
  readonly hits: string[];
}

/** Lints one corpus file with the given rule ids and compares with its markers (restricted to those rules). */
export async function runCorpusFile(file: CorpusFile, ruleIds: readonly string[]): Promise<CorpusOutcome> {
  const result = await linter().lintText(file.text, file.languageId, { rules: ruleIds });
  const ids = new Set(ruleIds);
  const got = new Map<string, string>();
  for (const f of result.findings) got.set(`${f.ruleId}@${f.range.start.line + 1}`, f.message);
  const expected = [...file.expected].filter((k) => ids.has(k.slice(0, k.indexOf('@'))));
  const missed = expected.filter((k) => !got.has(k));
  const hits = expected.filter((k) => got.has(k));
  const unexpected = [...got].filter(([k]) => !file.expected.has(k)).map(([key, message]) => ({ key, message }));
  return { file, findings: result.findings, missed, unexpected, hits };
}
