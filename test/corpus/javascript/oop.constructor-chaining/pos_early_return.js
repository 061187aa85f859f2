class Base {}
class Maybe extends Base {
  constructor(skip) { // expect: oop.constructor-chaining
    if (skip) return;
    super();
  }
}
module.exports = { Maybe };
