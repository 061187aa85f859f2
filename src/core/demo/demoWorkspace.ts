/**
 * The sample workspace the demo history refers to: a few small source files per language whose functions are the
 * regions the demo's assistant edits "wrote". The E2E suite and `npm start -- --demo` write these files into the
 * workspace so clicking a recent edit opens a real file at the real region.
 */

/** One file of the demo workspace. `regions` are the 0-based line ranges (end exclusive) of its functions. */
export interface DemoFile {
  path: string;
  language: string;
  text: string;
  regions: { start: number; end: number }[];
}

const NAMES = ['orders', 'invoices', 'customers', 'shipments', 'payments', 'refunds', 'products', 'reviews', 'coupons', 'carts'];

type Template = (name: string, i: number) => string[];

const PY: Template[] = [
  (n) => [`def load_${n}(path):`, `    """Read ${n} from a CSV file, one row per line."""`, `    rows = []`, `    with open(path, encoding="utf-8") as fh:`, `        for line in fh:`, `            rows.append(line.strip().split(","))`, `    return rows`],
  (n, i) => [`def total_${n}(items):`, `    total = 0`, `    for item in items:`, `        if item.get("amount", 0) > ${i}:`, `            total += item["amount"]`, `    return total`],
  (n) => [`class ${cap(n)}Index:`, `    def __init__(self, records):`, `        self.by_id = {r["id"]: r for r in records}`, ``, `    def find(self, key):`, `        return self.by_id.get(key)`],
  (n) => [`async def fetch_${n}(client, ids):`, `    results = []`, `    for i in ids:`, `        results.append(await client.get(f"/${n}/{i}"))`, `    return results`],
];

const TS: Template[] = [
  (n) => [`export function parse${cap(n)}(lines: string[]): string[][] {`, `  const rows: string[][] = [];`, `  for (const line of lines) {`, `    rows.push(line.trim().split(','));`, `  }`, `  return rows;`, `}`],
  (n, i) => [`export function total${cap(n)}(items: { amount: number }[]): number {`, `  let total = 0;`, `  for (let i = 0; i < items.length; i++) {`, `    if (items[i]!.amount > ${i}) total += items[i]!.amount;`, `  }`, `  return total;`, `}`],
  (n) => [`export class ${cap(n)}Cache {`, `  private readonly byId = new Map<string, unknown>();`, ``, `  get(id: string): unknown {`, `    return this.byId.get(id);`, `  }`, `}`],
  (n) => [`export async function fetch${cap(n)}(ids: string[]): Promise<unknown[]> {`, `  const out: unknown[] = [];`, `  for (const id of ids) {`, `    out.push(await fetch(\`/${n}/\${id}\`).then((r) => r.json()));`, `  }`, `  return out;`, `}`],
];

const JS: Template[] = [
  (n) => [`export function render${cap(n)}(list) {`, `  let html = '';`, `  for (const item of list) {`, `    html += '<li>' + item.name + '</li>';`, `  }`, `  return html;`, `}`],
  (n) => [`export function unique${cap(n)}(xs) {`, `  return [...new Set(xs)];`, `}`],
  (n, i) => [`export function pick${cap(n)}(xs) {`, `  return xs.filter((x) => x.score > ${i}).map((x) => x.id);`, `}`],
];

const TSX: Template[] = [
  (n) => [`export function ${cap(n)}List({ items }: { items: { id: string; name: string }[] }) {`, `  return (`, `    <ul>`, `      {items.map((it) => <li key={it.id}>{it.name}</li>)}`, `    </ul>`, `  );`, `}`],
  (n) => [`export function ${cap(n)}Badge({ count }: { count: number }) {`, `  return <span className="badge">{count}</span>;`, `}`],
];

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function build(path: string, language: string, header: string[], templates: Template[], count: number, offset: number): DemoFile {
  const lines = [...header];
  const regions: DemoFile['regions'] = [];
  for (let i = 0; i < count; i++) {
    const name = NAMES[(i + offset) % NAMES.length]! + (i >= NAMES.length ? String(i) : '');
    const body = templates[i % templates.length]!(name, i + 1);
    regions.push({ start: lines.length, end: lines.length + body.length });
    lines.push(...body, '');
  }
  return { path, language, text: lines.join('\n'), regions };
}

/** The demo workspace's files (deterministic). Paths are workspace-relative with `/`. */
export function demoWorkspaceFiles(): DemoFile[] {
  return [
    build('src/orders.py', 'python', ['"""Order processing helpers."""', 'import csv', ''], PY, 12, 0),
    build('src/billing.py', 'python', ['"""Billing helpers."""', ''], PY, 10, 3),
    build('src/api/client.ts', 'typescript', ['// HTTP client helpers.', ''], TS, 12, 1),
    build('src/api/cache.ts', 'typescript', ['// In-memory caches.', ''], TS, 8, 5),
    build('web/app.js', 'javascript', ['// Page rendering.', ''], JS, 12, 2),
    build('web/components/List.tsx', 'typescriptreact', ["import React from 'react';", ''], TSX, 8, 4),
  ];
}
