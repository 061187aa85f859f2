// Key lists that are needed.
export function iterateObject(config: Record<string, unknown>) {
  for (const k of Object.keys(config)) {
    console.log(k);
  }
}
