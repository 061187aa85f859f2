export function mapIteration(index: Map<string, number>) {
  for (const [k, v] of index) { // expect: loop.discarded-iteration-component
    console.log(k);
  }
}
