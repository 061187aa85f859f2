class Pool {
  static free = []; // expect: oop.mutable-class-attribute
  take() {
    return Pool.free.pop();
  }
}
