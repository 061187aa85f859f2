class Base {
  constructor(x) {
    this.x = x;
  }
}

class Computed extends (Math.random() > 0.5 ? Base : Object) {
  constructor() {
    super(1);
  }
}
