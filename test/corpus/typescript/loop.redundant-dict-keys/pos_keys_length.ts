export function keysLength(cache: Map<string, number>) {
  return [...cache.keys()].length; // expect: loop.redundant-dict-keys
}
