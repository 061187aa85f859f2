class Base {
  constructor(a, b) {
    this.a = a;
    this.b = b;
  }
  run(x) {
    return x;
  }
}

class Same extends Base {
  constructor(a, b) { // expect: oop.useless-super-delegation
    super(a, b);
  }
}
