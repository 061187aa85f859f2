declare function tick(): void;
export function ticks(arr: string[]) {
  for (let i = 0; i < arr.length; i++) { // expect: loop.manual-index
    tick();
  }
}
