// `list.map` on something that is not known to be an array (an immutable List, a jQuery set): spreading converts.
declare const list: { map<T>(f: (x: number) => T): Iterable<T> };
export function toArray() {
  return [...list.map((x) => x * 2)];
}
