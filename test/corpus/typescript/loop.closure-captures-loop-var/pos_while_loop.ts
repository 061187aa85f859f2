// Functions created in a loop that capture a binding the loop changes.
declare const buttons: HTMLElement[];

export function whileLoop() {
  let n = 0;
  const timers: Array<() => void> = [];
  while (n < 5) {
    timers.push(() => console.log(n)); // expect: loop.closure-captures-loop-var
    n++;
  }
  return timers;
}
