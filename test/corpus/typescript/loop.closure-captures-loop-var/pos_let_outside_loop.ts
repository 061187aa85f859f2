// Functions created in a loop that capture a binding the loop changes.
declare const buttons: HTMLElement[];

export function letOutsideLoop() {
  let i;
  const fns: Array<() => number> = [];
  for (i = 0; i < 3; i++) {
    fns.push(() => i); // expect: loop.closure-captures-loop-var
  }
  return fns;
}
