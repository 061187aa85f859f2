class Converter {
  constructor(rate) {
    this.rate = rate;
  }
  convert(x) {
    return x * this.rate;
  }
  round(x) { // expect: oop.method-not-using-self
    return Math.round(x * 100) / 100;
  }
}

class Base {
  label() {
    return 'base';
  }
}
class Derived extends Base {
  label() {
    return 'derived';
  }
}

class Stub {
  onEvent() {}
  constructor() {
    this.n = 0;
  }
  inc() {
    this.n++;
  }
}

module.exports = { Converter, Derived, Stub };
