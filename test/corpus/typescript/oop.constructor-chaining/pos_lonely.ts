export class Lonely {
  constructor() {
    super(); // expect: oop.constructor-chaining
  }
}
