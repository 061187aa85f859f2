export function mapHas(cache: Map<string, number>, key: string) {
  return [...cache.keys()].includes(key); // expect: loop.redundant-dict-keys
}
