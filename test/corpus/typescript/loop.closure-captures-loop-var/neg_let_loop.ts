// Per-iteration bindings and values captured safely.
declare const buttons: HTMLElement[];

export function letLoop() {
  const fns: Array<() => number> = [];
  for (let i = 0; i < 3; i++) {
    fns.push(() => i);
  }
  return fns;
}
