export function usedInNestedFunction(config: Record<string, () => void>) {
  for (const [name, fn] of Object.entries(config)) {
    setTimeout(() => fn.call(null, name));
  }
}
