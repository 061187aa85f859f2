class Base {
  constructor(a, b) {
    this.a = a;
    this.b = b;
  }
  run(x) {
    return x;
  }
}

class Arguments extends Base {
  constructor() { // expect: oop.useless-super-delegation
    super(...arguments);
  }
}
