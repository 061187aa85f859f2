export class OnlyConstructor { // expect: oop.static-only-class
  constructor() {
    console.log('side effect');
  }
}
