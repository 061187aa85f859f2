export function reset(arr: { foo: number }[]) {
  for (let i = 0; i < arr.length; i++) { // expect: loop.manual-index
    arr[i]!.foo = 0;
  }
}
