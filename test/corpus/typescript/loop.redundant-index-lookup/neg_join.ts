// A different map.
export function join(a: Map<string, number>, b: Map<string, number>) {
  for (const k of a.keys()) {
    console.log(b.get(k));
  }
}
