// Iterating a Map directly yields entries, so keys() is what you want.
export function mapKeys(cache: Map<string, number>) {
  for (const k of cache.keys()) {
    console.log(k);
  }
}
