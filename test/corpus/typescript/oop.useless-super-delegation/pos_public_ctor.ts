export class PublicCtor {
  public constructor() {} // expect: oop.useless-super-delegation
  run() {
    return 2;
  }
}
