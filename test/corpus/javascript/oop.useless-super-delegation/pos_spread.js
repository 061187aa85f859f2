class Base {
  constructor(a, b) {
    this.a = a;
    this.b = b;
  }
  run(x) {
    return x;
  }
}

class Spread extends Base {
  constructor(...args) { // expect: oop.useless-super-delegation
    super(...args);
  }
  run(x) { // expect: oop.useless-super-delegation
    return super.run(x);
  }
}
