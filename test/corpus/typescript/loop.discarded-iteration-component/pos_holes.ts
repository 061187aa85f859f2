export function holes(config: Record<string, number>) {
  for (const [, value] of Object.entries(config)) { // expect: loop.discarded-iteration-component
    console.log(value);
  }
}
