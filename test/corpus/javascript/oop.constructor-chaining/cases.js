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

class ThisFirst extends Base {
  constructor(x) {
    this.y = x; // expect: oop.constructor-chaining
    super(x);
  }
}

class Root {
  constructor() {
    super(); // expect: oop.constructor-chaining
  }
}

class Good extends Base {
  constructor(x) {
    super(x);
    this.y = x;
  }
}

class Computed extends (Math.random() > 0.5 ? Base : Object) {
  constructor() {
    super(1);
  }
}

module.exports = { NoSuper, ThisFirst, Root, Good, Computed };
