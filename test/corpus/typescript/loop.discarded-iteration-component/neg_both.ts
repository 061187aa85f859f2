// Both halves used, or the pair is not from a pair-producing iteration.
export function both(config: Record<string, number>) {
  for (const [key, value] of Object.entries(config)) {
    console.log(key, value);
  }
}
