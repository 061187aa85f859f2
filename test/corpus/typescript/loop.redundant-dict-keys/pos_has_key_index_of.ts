export function hasKeyIndexOf(config: Record<string, unknown>, name: string) {
  return Object.keys(config).indexOf(name) !== -1; // expect: loop.redundant-dict-keys
}
