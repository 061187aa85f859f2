// Expensive work whose result cannot change between iterations.
declare const rawConfig: string;

export function formatter(prices: number[]) {
  const out: string[] = [];
  for (const p of prices) {
    out.push(new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(p)); // expect: loop.invariant-in-loop, loop.manual-comprehension
  }
  return out;
}
