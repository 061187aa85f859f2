// Expensive work whose result cannot change between iterations.
declare const rawConfig: string;

export function byId(rows: string[]) {
  let i = 0;
  while (i < rows.length) {
    document.getElementById('table')!.textContent += rows[i]!; // expect: loop.invariant-in-loop
    i++;
  }
}
