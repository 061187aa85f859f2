// Iterating key/value pairs and using only one half.
export function values(config: Record<string, number>) {
  let total = 0;
  for (const [key, value] of Object.entries(config)) { // expect: loop.discarded-iteration-component
    total += value;
  }
  return total;
}
