export function usesValuesDirectly(config: Record<string, number>) {
  for (const value of Object.values(config)) {
    console.log(value);
  }
}
