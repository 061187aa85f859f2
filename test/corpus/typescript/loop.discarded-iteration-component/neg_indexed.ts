// Index used through the pair.
export function indexed(items: string[]) {
  for (const [i, item] of items.entries()) {
    console.log(i, item);
  }
}
