class Base {
  foo() {}
}
class Looping extends Base {
  constructor(items) { // expect: oop.constructor-chaining
    for (const a of items) super.foo(a);
  }
}
module.exports = { Looping };
