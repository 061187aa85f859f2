class Empty {
  constructor() {} // expect: oop.useless-super-delegation
}
