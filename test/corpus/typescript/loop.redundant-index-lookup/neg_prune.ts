// Deleting while iterating the keys.
export function prune(cache: Record<string, number | undefined>) {
  for (const k of Object.keys(cache)) {
    if (cache[k] === undefined) delete cache[k];
  }
}
