// includes on a different array.
export function other(config: Record<string, unknown>, names: string[]) {
  return names.includes(Object.keys(config)[0]!);
}
