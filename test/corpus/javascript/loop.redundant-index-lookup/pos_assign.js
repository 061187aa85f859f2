function assign(target, source) {
  for (const key of Object.keys(source)) {
    target[key] = source[key]; // expect: loop.redundant-index-lookup
  }
  return target;
}
