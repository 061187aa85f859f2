export function mapKeysGet(m: Map<string, number>) {
  for (const k of m.keys()) {
    console.log(k, m.get(k)); // expect: loop.redundant-index-lookup
  }
}
