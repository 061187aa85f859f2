export function lastError(results: { error?: string }[]) {
  return results.filter((r) => r.error).pop(); // expect: loop.unnecessary-materialization
}
