export function filtered(config: Record<string, unknown>) {
  return Object.keys(config).filter((k) => k.startsWith('x'));
}
