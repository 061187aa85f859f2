// Per-iteration bindings and values captured safely.
declare const buttons: HTMLElement[];

// Reads only variables the loop never changes.
export function unchanged(prefix: string, items: string[]) {
  for (var i = 0; i < items.length; i++) {
    items.forEach((x) => console.log(prefix + x));
  }
}
