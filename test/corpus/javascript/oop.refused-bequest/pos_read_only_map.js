class ReadOnlyMap extends Map {
  set() { // expect: oop.refused-bequest
    throw new Error('ReadOnlyMap is immutable');
  }
  delete() { // expect: oop.refused-bequest
    throw new Error('ReadOnlyMap is immutable');
  }
}
