class Helpers { // expect: oop.static-only-class
  static slug(s) {
    return s.toLowerCase().replace(/\s+/g, '-');
  }
}

class Nothing {} // expect: oop.static-only-class

class Real {
  constructor(v) {
    this.v = v;
  }
  static of(v) {
    return new Real(v);
  }
}

class Extended extends Real {}

module.exports = { Helpers, Nothing, Real, Extended };
