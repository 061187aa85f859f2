class Base {
  constructor(x) {
    this.x = x;
  }
}

class ThisFirst extends Base {
  constructor(x) {
    this.y = x; // expect: oop.constructor-chaining
    super(x);
  }
}
