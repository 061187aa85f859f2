function firstError(results) {
  const [first] = results.filter((r) => r.error); // expect: loop.unnecessary-materialization
  return first;
}
