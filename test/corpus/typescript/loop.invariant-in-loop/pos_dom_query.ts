// Expensive work whose result cannot change between iterations.
declare const rawConfig: string;

export function domQuery(items: string[]) {
  for (const item of items) {
    const list = document.querySelector('#list'); // expect: loop.invariant-in-loop
    list?.append(item);
  }
}
