/** Shared test setup: one real engine over the real grammars (loaded from node_modules), reused by every lint test. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Linter, type LintOptions } from '../../../src/core/lint/engine.js';
import type { Finding } from '../../../src/core/lint/rule.js';
import { ALL_RULES } from '../../../src/core/lint/registry.js';
import { TreeSitterRuntime } from '../../../src/core/lint/treeSitter.js';
import { NodeWasmSource } from '../../../src/node/grammarFiles.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

let shared: Linter | undefined;

/** Warnings the shared engine logged (a rule that throws is logged and skipped): tests assert there are none. */
export const engineWarnings: string[] = [];

/** The engine with every registered rule (created once per test process: grammar loading costs ~50 ms). */
export function linter(): Linter {
  shared ??= new Linter(new TreeSitterRuntime(NodeWasmSource.forRoot(repoRoot)), ALL_RULES, { warn: (m) => engineWarnings.push(m) });
  return shared;
}

/** Lints Python source and returns findings, optionally for one rule only. */
export async function lintPython(source: string, ruleId?: string, options: LintOptions = {}): Promise<Finding[]> {
  const result = await linter().lintText(source, 'python', { ...options, ...(ruleId ? { rules: [ruleId] } : {}) });
  return result.findings;
}

/** 1-based lines of findings, for compact assertions. */
export function lines(findings: readonly Finding[]): number[] {
  return findings.map((f) => f.range.start.line + 1);
}
