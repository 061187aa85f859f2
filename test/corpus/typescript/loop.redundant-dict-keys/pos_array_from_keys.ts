export function arrayFromKeys(cache: Map<string, number>, key: string) {
  return Array.from(cache.keys()).some((k) => k === key); // expect: loop.redundant-dict-keys
}
