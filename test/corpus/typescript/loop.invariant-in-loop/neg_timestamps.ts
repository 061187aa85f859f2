// new Date() without arguments reads the clock: its value changes.
export function timestamps(items: string[]) {
  return items.map((item) => ({ item, at: new Date() }));
}
