export function counter(items: string[]) {
  let i = 0; // expect: loop.manual-index
  for (const item of items) {
    console.log(i, item);
    i++;
  }
}
