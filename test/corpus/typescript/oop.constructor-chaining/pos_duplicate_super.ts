class Base {
  constructor(public n = 0) {}
}
export class Twice extends Base {
  constructor() {
    super(1);
    super(2); // expect: oop.constructor-chaining
  }
}
