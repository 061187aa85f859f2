class Root {
  constructor() {
    super(); // expect: oop.constructor-chaining
  }
}
