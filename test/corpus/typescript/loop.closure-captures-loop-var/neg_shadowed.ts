// Per-iteration bindings and values captured safely.
declare const buttons: HTMLElement[];

// The callback shadows the loop variable with its own parameter.
export function shadowed() {
  for (var i = 0; i < buttons.length; i++) { // expect: loop.manual-index
    buttons[i]!.addEventListener('click', (i: Event) => console.log(i.type));
  }
}
