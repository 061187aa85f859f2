export class Defaults {
  static options = { verbose: false }; // expect: oop.mutable-class-attribute
}
