function errors(results) {
  return results.filter((r) => r.error);
}
