export function mapCallback(names: string[]) {
  return names.map((name, idx) => names[idx]!.toUpperCase()); // expect: loop.redundant-index-lookup
}
