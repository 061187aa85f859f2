class Base {
  constructor(a, b) {
    this.a = a;
    this.b = b;
  }
  run(x) {
    return x;
  }
}

class Different extends Base {
  constructor(a) {
    super(a, 0);
  }
}
