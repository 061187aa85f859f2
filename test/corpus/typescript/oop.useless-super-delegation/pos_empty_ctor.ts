export class EmptyCtor {
  constructor() {} // expect: oop.useless-super-delegation
  run() {
    return 1;
  }
}
