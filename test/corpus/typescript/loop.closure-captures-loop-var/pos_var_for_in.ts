// Functions created in a loop that capture a binding the loop changes.
declare const buttons: HTMLElement[];

export function varForIn(obj: Record<string, number>) {
  const getters: Array<() => number> = [];
  for (var key in obj) {
    getters.push(() => obj[key]); // expect: loop.closure-captures-loop-var, loop.manual-comprehension
  }
  return getters;
}
