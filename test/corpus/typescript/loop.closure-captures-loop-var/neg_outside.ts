// Per-iteration bindings and values captured safely.
declare const buttons: HTMLElement[];

// Variable mutated by the loop but captured by a function that is defined outside it.
export function outside() {
  let n = 0;
  const show = () => console.log(n);
  while (n < 3) {
    show();
    n++;
  }
}
