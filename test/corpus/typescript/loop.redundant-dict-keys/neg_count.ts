export function count(config: Record<string, unknown>) {
  return Object.keys(config).length;
}
