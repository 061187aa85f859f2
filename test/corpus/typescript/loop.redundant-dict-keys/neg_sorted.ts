export function sorted(config: Record<string, unknown>) {
  return Object.keys(config).sort();
}
