class ReadOnlyMap extends Map {
  set() { // expect: oop.refused-bequest
    throw new Error('ReadOnlyMap is immutable');
  }
  delete() { // expect: oop.refused-bequest
    throw new Error('ReadOnlyMap is immutable');
  }
}

class Animal {
  speak() {
    return '...';
  }
}

class Fish extends Animal {
  speak() { // expect: oop.refused-bequest
    throw new Error('Fish cannot speak');
  }
}

class AbstractLike {
  speak() {
    throw new Error('not implemented');
  }
}

class Concrete extends AbstractLike {
  speak() {
    throw new Error('unsupported');
  }
}

module.exports = { ReadOnlyMap, Fish, Concrete };
