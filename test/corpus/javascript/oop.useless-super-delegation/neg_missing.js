class Base {
  constructor(a, b) {
    this.a = a;
    this.b = b;
  }
  run(x) {
    return x;
  }
}

class Missing extends Base {
  constructor() {} // expect: oop.constructor-chaining
}
