function anyError(results) {
  if (results.filter((r) => r.error).length) { // expect: loop.unnecessary-materialization
    return true;
  }
  return false;
}
