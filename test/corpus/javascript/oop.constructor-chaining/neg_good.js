class Base {
  constructor(x) {
    this.x = x;
  }
}

class Good extends Base {
  constructor(x) {
    super(x);
    this.y = x;
  }
}
