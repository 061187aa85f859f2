class Base {
  constructor(x) {
    this.x = x;
  }
}
class Either extends Base {
  constructor(a) {
    a ? super(1) : super(2);
  }
}
module.exports = { Either };
