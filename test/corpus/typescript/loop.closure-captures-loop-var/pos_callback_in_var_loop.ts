// Functions created in a loop that capture a binding the loop changes.
declare const buttons: HTMLElement[];

// A callback that runs immediately still reads the shared var binding by reference.
export function callbackInVarLoop(items: number[]) {
  let total = 0;
  for (var i = 0; i < items.length; i++) { // expect: loop.manual-index
    total += [1, 2].map((m) => m * items[i]!).reduce((a, b) => a + b, 0); // expect: loop.closure-captures-loop-var
  }
  return total;
}
