// Functions created in a loop that capture a binding the loop changes.
declare const buttons: HTMLElement[];

export function handlers() {
  const fns: Array<() => number> = [];
  for (var i = 0; i < 3; i++) {
    fns.push(() => i); // expect: loop.closure-captures-loop-var
  }
  return fns;
}
