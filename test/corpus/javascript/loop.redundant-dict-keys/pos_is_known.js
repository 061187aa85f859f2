function isKnown(registry, name) {
  return Object.keys(registry).includes(name); // expect: loop.redundant-dict-keys
}
