export function arrayEntries(items: string[]) {
  for (const [index, item] of items.entries()) { // expect: loop.discarded-iteration-component
    console.log(item);
  }
}
