// Going through a key list to ask something the object or map answers directly.
export function hasKey(config: Record<string, unknown>, name: string) {
  return Object.keys(config).includes(name); // expect: loop.redundant-dict-keys
}
