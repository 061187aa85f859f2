// Counter declared then used after the loop as the total count.
export function count(items: string[]) {
  let n = 0;
  for (const item of items) {
    if (item) n++;
  }
  return n;
}
