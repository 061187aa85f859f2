// Functions created in a loop that capture a binding the loop changes.
declare const buttons: HTMLElement[];

export function outerCounter(items: string[]) {
  let index = 0;
  const callbacks: Array<() => void> = [];
  for (const item of items) {
    callbacks.push(function () { // expect: loop.closure-captures-loop-var
      console.log(item, index);
    });
    index++;
  }
  return callbacks;
}
