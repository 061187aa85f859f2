export function keys(config: Record<string, number>) {
  const names: string[] = [];
  for (const [name, _unused] of Object.entries(config)) { // expect: loop.discarded-iteration-component
    names.push(name.toUpperCase()); // expect: loop.manual-comprehension
  }
  return names;
}
