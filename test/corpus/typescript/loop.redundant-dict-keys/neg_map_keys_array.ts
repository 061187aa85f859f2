export function mapKeysArray(cache: Map<string, number>) {
  return [...cache.keys()].map((k) => k.toUpperCase());
}
