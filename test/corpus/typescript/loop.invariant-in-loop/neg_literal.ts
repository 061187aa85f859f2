// A regex literal is compiled once by the engine.
export function literal(lines: string[]) {
  return lines.filter((l) => /^#/.test(l));
}
