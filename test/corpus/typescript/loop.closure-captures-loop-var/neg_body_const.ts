// Per-iteration bindings and values captured safely.
declare const buttons: HTMLElement[];

// Declared inside the body with const: a fresh binding every iteration.
export function bodyConst(count: number) {
  const fns: Array<() => number> = [];
  for (var i = 0; i < count; i++) {
    const snapshot = i;
    fns.push(() => snapshot);
  }
  return fns;
}
