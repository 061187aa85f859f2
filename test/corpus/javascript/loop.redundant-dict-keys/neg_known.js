function known(registry, name) {
  return name in registry;
}
