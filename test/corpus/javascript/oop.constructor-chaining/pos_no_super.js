class Base {
  constructor(x) {
    this.x = x;
  }
}

class NoSuper extends Base {
  constructor(x) { // expect: oop.constructor-chaining
    this.y = x;
  }
}
