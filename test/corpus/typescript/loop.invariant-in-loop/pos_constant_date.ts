// Expensive work whose result cannot change between iterations.
declare const rawConfig: string;

export function constantDate(events: { at: number }[]) {
  let n = 0;
  for (const e of events) {
    if (e.at > new Date('2024-01-01').getTime()) n++; // expect: loop.invariant-in-loop
  }
  return n;
}
