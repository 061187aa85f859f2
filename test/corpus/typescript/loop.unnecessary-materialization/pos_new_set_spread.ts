export function unique(items: Iterable<string>) {
  return new Set([...items]); // expect: loop.unnecessary-materialization
}
