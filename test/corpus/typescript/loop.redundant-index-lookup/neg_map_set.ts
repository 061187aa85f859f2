export function mapSet(m: Map<string, number>) {
  for (const k of m.keys()) {
    m.set(k, 0);
  }
}
