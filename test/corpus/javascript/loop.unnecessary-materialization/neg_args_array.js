function argsArray() {
  return Array.from(arguments).map(String);
}
