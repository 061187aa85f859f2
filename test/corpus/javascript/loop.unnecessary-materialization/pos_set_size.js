function setSize(s) {
  return Array.from(s).length; // expect: loop.unnecessary-materialization
}
