// Per-iteration bindings and values captured safely.
declare const buttons: HTMLElement[];

// IIFE capturing the value explicitly.
export function iife() {
  const fns: Array<() => number> = [];
  for (var i = 0; i < 3; i++) {
    fns.push(((j) => () => j)(i));
  }
  return fns;
}
