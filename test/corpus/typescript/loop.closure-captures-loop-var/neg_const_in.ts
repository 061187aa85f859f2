// Per-iteration bindings and values captured safely.
declare const buttons: HTMLElement[];

export function constIn(obj: Record<string, number>) {
  const getters: Array<() => number> = [];
  for (const key in obj) {
    getters.push(() => obj[key]!); // expect: loop.manual-comprehension
  }
  return getters;
}
