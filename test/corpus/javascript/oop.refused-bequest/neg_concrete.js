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
