function names(registry) {
  return Object.keys(registry).map((n) => n.toUpperCase());
}
