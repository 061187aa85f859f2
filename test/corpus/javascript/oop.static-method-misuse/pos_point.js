class Point {
  constructor(x) {
    this.x = x;
  }
  static norm(self) { // expect: oop.static-method-misuse
    return Math.abs(self.x);
  }
  static of(x) {
    return new Point(x);
  }
}

module.exports = { Point };
