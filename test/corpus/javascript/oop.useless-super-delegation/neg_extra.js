class Base {
  constructor(a, b) {
    this.a = a;
    this.b = b;
  }
  run(x) {
    return x;
  }
}

class Extra extends Base {
  constructor(a, b) {
    super(a, b);
    this.c = 1;
  }
}
