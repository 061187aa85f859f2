class Real {
  constructor(v) {
    this.v = v;
  }
  static of(v) {
    return new Real(v);
  }
}

class Extended extends Real {}
