function hasError(results) {
  return results.filter((r) => r.error).length > 0; // expect: loop.unnecessary-materialization
}
