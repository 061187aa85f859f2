export function has(config: Record<string, unknown>, name: string) {
  return Object.hasOwn(config, name);
}
