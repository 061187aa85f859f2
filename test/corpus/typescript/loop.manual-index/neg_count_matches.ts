// Counter that is not incremented every iteration.
export function countMatches(items: string[]) {
  let matches = 0;
  for (const item of items) {
    if (item.startsWith('a')) matches++;
  }
  return matches;
}
