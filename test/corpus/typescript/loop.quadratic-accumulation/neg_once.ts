// Accumulation that mutates in place, or copies something that is not the accumulator.
interface Item { id: string; tags: string[]; meta: Record<string, string> }

// Spread of the accumulator once, outside a loop.
export function once(base: string[], extra: string) {
  return [...base, extra];
}
