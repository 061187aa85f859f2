export function mapEntriesForEach(m: Map<string, string[]>) {
  const out: string[][] = [];
  Array.from(m.entries()).forEach(([key, list]) => { // expect: loop.discarded-iteration-component, loop.unnecessary-materialization
    out.push(list); // expect: loop.manual-comprehension
  });
  return out;
}
