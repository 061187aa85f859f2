function keysViaEntries(obj) {
  return Object.entries(obj).map(([k]) => k); // expect: loop.discarded-iteration-component
}
