// Per-iteration bindings and values captured safely.
declare const buttons: HTMLElement[];

export function constOf(items: string[]) {
  const fns: Array<() => string> = [];
  for (const item of items) {
    fns.push(() => item.toUpperCase()); // expect: loop.manual-comprehension
  }
  return fns;
}
