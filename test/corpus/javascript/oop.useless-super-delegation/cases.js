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

class Spread extends Base {
  constructor(...args) { // expect: oop.useless-super-delegation
    super(...args);
  }
  run(x) { // expect: oop.useless-super-delegation
    return super.run(x);
  }
}

class Arguments extends Base {
  constructor() { // expect: oop.useless-super-delegation
    super(...arguments);
  }
}

class Empty {
  constructor() {} // expect: oop.useless-super-delegation
}

class Different extends Base {
  constructor(a) {
    super(a, 0);
  }
}

class Extra extends Base {
  constructor(a, b) {
    super(a, b);
    this.c = 1;
  }
}

class Missing extends Base {
  constructor() {} // expect: oop.constructor-chaining
}

module.exports = { Same, Spread, Arguments, Empty, Different, Extra, Missing };
