// Functions created in a loop that capture a binding the loop changes.
declare const buttons: HTMLElement[];

export function listeners() {
  for (var b = 0; b < buttons.length; b++) {
    buttons[b]!.addEventListener('click', function () { // expect: loop.closure-captures-loop-var
      console.log('clicked', b);
    });
  }
}
